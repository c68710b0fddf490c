// The column mapping and the settings, prefilled from the server's state and read back as the
// AnalysisRequest that every server call takes. The form follows the range the server last
// analysed (see `showRange`), and a number it cannot accept is a field error, never clamped.
// Columns the server only guessed (its `doubts`) are marked, and the form gives no request until
// the user confirms them: a guessed column must not give a confident-looking verdict.

import type { AnalysisRequest, ColumnDoubt, RangeState, SidebarState } from "../addon/sidebar-api";
import { DEFAULT_SETTINGS, isTargetPercent, isTrendThresholdPercent, isWithinDays } from "../addon/settings";
import { isLapsedFactor } from "../core/health/lapsed";
import { parseCurrency } from "../presentation/formats";
import type { ColumnMapping, Field } from "../core/columns";
import type { Period } from "../core/periods";
import type { SidebarKey } from "../i18n/sidebar";
import { h, replaceChildren } from "./dom";
import type { Text } from "./text";

const FIELDS: readonly { field: Field; label: SidebarKey }[] = [
  { field: "customer", label: "fieldCustomer" },
  { field: "date", label: "fieldDate" },
  { field: "amount", label: "fieldAmount" },
  { field: "manager", label: "fieldManager" },
  { field: "dealType", label: "fieldDealType" },
];

const TIE_TEXT: Record<"customer" | "date", SidebarKey> = { customer: "doubtTieCustomer", date: "doubtTieDate" };
const GUESS_TEXT: Record<"customer" | "date" | "amount", SidebarKey> = {
  customer: "doubtGuessCustomer",
  date: "doubtGuessDate",
  amount: "doubtGuessAmount",
};
const MISSING_TEXT: Record<"customer" | "date", SidebarKey> = { customer: "doubtNoneCustomer", date: "doubtNoneDate" };

/** What the form asks about a doubtful column, naming the columns by their headers (or letters). */
function doubtText(doubt: ColumnDoubt, headers: readonly string[], t: Text): string {
  switch (doubt.kind) {
    case "tie":
      return t(TIE_TEXT[doubt.field], { columns: doubt.columns.map((column) => headers[column]).join(", ") });
    case "guess":
      return t(GUESS_TEXT[doubt.field], { column: headers[doubt.column] ?? "" });
    case "missing":
      return t(MISSING_TEXT[doubt.field]);
  }
}

const PERIOD_LABELS: readonly { period: Period; label: SidebarKey }[] = [
  { period: "month", label: "periodMonth" },
  { period: "quarter", label: "periodQuarter" },
  { period: "week", label: "periodWeek" },
  { period: "year", label: "periodYear" },
];

/** How long typing must pause before a typed number re-runs the analysis. */
const TYPING_PAUSE_MS = 500;

/** Shown in the days box while "count returns within" is off. */
const DEFAULT_WITHIN_DAYS = 90;

export interface SidebarForm {
  /** The Columns panel: folded, unless a column waits to be confirmed. */
  columns: HTMLDetailsElement;
  /** The Settings panel: folded, unless a field in it shows an error. */
  settings: HTMLDetailsElement;
  /** The currency the user set for amounts whose format shows none; undefined for none. */
  currency(): string | undefined;
  /**
   * The request to send, or undefined while a field shows an error (the error says what to fix) or
   * a column waits to be confirmed (see `hasDoubts`).
   */
  request(): AnalysisRequest | undefined;
  /** Whether a column the server only guessed still waits for the user's word. */
  hasDoubts(): boolean;
  /** Moves the focus to the first column that waits to be confirmed. */
  focusDoubt(): void;
  /** Follows the range the server analysed: its columns, mapping and deal types. */
  showRange(range: RangeState): void;
  /** Called after the user changes a control to a value the form accepts (on change, Enter, or a pause in typing). */
  onChange(listener: () => void): void;
}

function option(value: string, label: string): HTMLOptionElement {
  return h("option", { attrs: { value } }, label);
}

function fillColumnSelect(select: HTMLSelectElement, chosen: number | null | undefined, range: RangeState, t: Text): void {
  replaceChildren(select, option("", t("noColumn")), ...range.headers.map((header, column) => option(String(column), header)));
  select.value = chosen === undefined || chosen === null ? "" : String(chosen);
}

function labelled(label: string, control: HTMLElement, ...notes: (HTMLElement | undefined)[]): HTMLElement {
  return h("label", { className: "field" }, h("span", { className: "field-label" }, label), control, ...notes);
}

/** A column select with the note that marks it as doubtful, tied to it for screen readers. */
interface ColumnSelect {
  select: HTMLSelectElement;
  doubt: HTMLElement;
}

function columnSelect(role: Field | "status"): ColumnSelect {
  const select = h("select", { testId: `column-${role}` });
  const doubt = h("div", { className: "field-doubt", testId: `doubt-${role}`, attrs: { id: `doubt-${role}` } });
  doubt.hidden = true;
  return { select, doubt };
}

/** Marks a select as waiting to be confirmed (a coloured frame and the question under it), or clears the mark. */
function markDoubt({ select, doubt }: ColumnSelect, question: string | undefined): void {
  doubt.hidden = question === undefined;
  doubt.textContent = question ?? "";
  select.classList.toggle("doubtful", question !== undefined);
  if (question === undefined) {
    select.removeAttribute("aria-invalid");
    select.removeAttribute("aria-describedby");
  } else {
    select.setAttribute("aria-invalid", "true");
    select.setAttribute("aria-describedby", doubt.id);
  }
}

/**
 * The statuses that count as purchases: one box per value of the status column, ticked as the
 * server counts them. Reads as undefined (with its error shown) while no box is ticked.
 */
interface StatusList {
  element: HTMLElement;
  show(range: RangeState): void;
  ticked(): string[] | undefined;
}

function statusList(t: Text, onTick: () => void): StatusList {
  const boxes = h("div", { className: "status-boxes" });
  const error = h(
    "div",
    { className: "field-error", testId: "counted-statuses-error", attrs: { role: "alert" } },
    t("countedStatusesError"),
  );
  error.hidden = true;
  const element = h(
    "fieldset",
    { className: "statuses", testId: "counted-statuses" },
    h("legend", { className: "field-label" }, t("countedStatusesLabel")),
    boxes,
    error,
  );
  const inputs = (): HTMLInputElement[] => Array.from(boxes.querySelectorAll("input"));
  const show = (range: RangeState): void => {
    element.hidden = range.statusColumn === null || range.statuses.length === 0;
    error.hidden = true;
    const rows = range.statuses.map(({ value, counted }) => {
      const box = h("input", { testId: "counted-status", attrs: { type: "checkbox" } });
      box.value = value;
      box.checked = counted;
      box.addEventListener("change", onTick);
      return h("label", { className: "check" }, box, h("span", {}, value));
    });
    replaceChildren(boxes, ...rows);
  };
  const ticked = (): string[] | undefined => {
    const values = inputs()
      .filter((box) => box.checked)
      .map((box) => box.value);
    const ok = element.hidden || values.length > 0;
    error.hidden = ok;
    return ok ? values : undefined;
  };
  return { element, show, ticked };
}

/** A number input whose value must pass `accepts`; otherwise its error shows and it reads as undefined. */
interface NumberField {
  input: HTMLInputElement;
  error: HTMLElement;
  value(): number | undefined;
}

/** `decimals`: a fraction such as 2.5 is a value, not a typo (the keyboard offers its separator). */
function numberField(
  testId: string,
  initial: number,
  accepts: (value: number) => boolean,
  message: string,
  { className = "", decimals = false } = {},
): NumberField {
  const input = h("input", {
    testId,
    className,
    attrs: decimals ? { type: "number", step: "any", inputmode: "decimal" } : { type: "number", step: "1", inputmode: "numeric" },
  });
  input.value = String(initial);
  const error = h("div", { className: "field-error", testId: `${testId}-error`, attrs: { role: "alert" } });
  error.hidden = true;
  const value = (): number | undefined => {
    const number = input.value.trim() === "" ? Number.NaN : Number(input.value);
    const ok = input.disabled || accepts(number);
    error.hidden = ok;
    error.textContent = ok ? "" : message;
    input.setAttribute("aria-invalid", String(!ok));
    return ok ? number : undefined;
  };
  return { input, error, value };
}

export function buildForm(state: SidebarState, t: Text): SidebarForm {
  let range: RangeState = state;
  /** The user's deal-type choice; null until they make one for this range (the range's default applies). */
  let dealChoice = state.settings.excludeDealType;
  /** The statuses the user ticked; null until they tick one for this status column (the completed ones count). */
  let countedChoice = state.settings.countedStatuses;
  /** The columns still waiting for the user's word, by role. */
  let doubts: ColumnDoubt[] = [];

  const selects = new Map(FIELDS.map(({ field }) => [field, columnSelect(field)]));
  const status = columnSelect("status");
  const confirm = h("button", { className: "action confirm", testId: "confirm-columns", attrs: { type: "button" } }, t("confirmColumns"));
  const columnsPanel = h(
    "section",
    { className: "card" },
    h("h2", {}, t("columnsHeading")),
    ...FIELDS.map(({ field, label }) => labelled(t(label), selects.get(field)!.select, selects.get(field)!.doubt)),
    labelled(t("fieldStatus"), status.select),
    confirm,
  );
  const columns = h("details", { className: "card columns" }, h("summary", {}, t("columnsHeading")), columnsPanel);

  const showDoubts = (): void => {
    for (const [field, select] of selects) {
      const doubt = doubts.find((each) => each.field === field);
      markDoubt(select, doubt && doubtText(doubt, range.headers, t));
    }
    confirm.hidden = doubts.length === 0;
    if (doubts.length > 0) columns.open = true;
  };

  const { settings } = state;
  const target = numberField("target", settings.targetPercent, isTargetPercent, t("targetError"));
  target.input.min = "1";
  target.input.max = "100";
  const period = h("select", { testId: "period" });
  for (const { period: value, label } of PERIOD_LABELS) period.appendChild(option(value, t(label)));
  period.value = settings.period;

  const withinToggle = h("input", { testId: "within-toggle", attrs: { type: "checkbox" } });
  withinToggle.checked = settings.withinDays !== null;
  const withinDays = numberField("within-days", settings.withinDays ?? DEFAULT_WITHIN_DAYS, isWithinDays, t("withinDaysError"), {
    className: "short",
  });
  withinDays.input.min = "0";

  const ordersStart = h("input", { testId: "orders-start", attrs: { type: "checkbox" } });
  ordersStart.checked = settings.ordersStartWithBusiness;

  const trendThreshold = numberField(
    "trend-threshold",
    settings.trendThresholdPercent ?? DEFAULT_SETTINGS.trendThresholdPercent,
    isTrendThresholdPercent,
    t("trendThresholdError"),
    { className: "short", decimals: true },
  );
  const lapsedFactor = numberField(
    "lapsed-factor",
    settings.lapsedFactor ?? DEFAULT_SETTINGS.lapsedFactor,
    isLapsedFactor,
    t("lapsedFactorError"),
    {
      className: "short",
      decimals: true,
    },
  );

  const dealType = h("select", { testId: "exclude-deal-type" });
  const dealTypeHint = h("div", { className: "hint" }, t("excludeNeedsColumn"));

  const statuses = statusList(t, () => {
    countedChoice = statuses.ticked() ?? countedChoice;
    changed();
  });

  /** The deal types of the range, plus a remembered choice the range lacks, so the select shows what applies. */
  const fillDealTypes = (): void => {
    const values = dealChoice && !range.dealTypes.includes(dealChoice) ? [...range.dealTypes, dealChoice] : range.dealTypes;
    replaceChildren(dealType, option("", t("excludeNothing")), ...values.map((value) => option(value, value)));
    dealType.value = dealChoice ?? range.defaultDealType;
  };
  const showRange = (next: RangeState): void => {
    if (next.sheetName !== range.sheetName || next.rangeA1 !== range.rangeA1) {
      dealChoice = null;
      countedChoice = null;
    }
    range = next;
    for (const [field, { select }] of selects) fillColumnSelect(select, range.mapping[field], range, t);
    fillColumnSelect(status.select, range.statusColumn, range, t);
    fillDealTypes();
    statuses.show(range);
    doubts = range.doubts;
    showDoubts();
    syncEnabled();
  };

  const syncEnabled = (): void => {
    withinDays.input.disabled = !withinToggle.checked;
    const hasDealType = selects.get("dealType")!.select.value !== "";
    dealType.disabled = !hasDealType;
    dealTypeHint.hidden = hasDealType;
  };

  const currency = h("input", { testId: "currency", className: "short", attrs: { type: "text", maxlength: "5", autocomplete: "off" } });
  currency.value = settings.currency ?? "";
  const currencyError = h("div", { className: "field-error", testId: "currency-error", attrs: { role: "alert" } });
  currencyError.hidden = true;
  /** The currency typed, checked as the server checks it; undefined while it is wrong (its error shows). */
  const currencyValue = (): string | null | undefined => {
    const typed = currency.value.trim();
    const parsed = typed === "" ? null : (parseCurrency(typed) ?? undefined);
    currencyError.hidden = parsed !== undefined;
    currencyError.textContent = parsed === undefined ? t("currencyError") : "";
    currency.setAttribute("aria-invalid", String(parsed === undefined));
    return parsed;
  };

  const settingsPanel = h(
    "section",
    { className: "card" },
    h("h2", {}, t("settingsHeading")),
    h("div", { className: "row" }, labelled(t("target"), target.input, target.error), labelled(t("period"), period)),
    h(
      "label",
      { className: "check" },
      withinToggle,
      h("span", {}, t("withinDaysToggle"), " ", withinDays.input, " ", t("withinDaysUnit"), withinDays.error),
    ),
    h("label", { className: "check" }, ordersStart, h("span", {}, t("ordersStart"))),
    labelled(t("excludeLabel"), dealType),
    dealTypeHint,
    statuses.element,
    labelled(t("currency"), currency, h("div", { className: "hint" }, t("currencyHint")), currencyError),
    labelled(t("trendThreshold"), trendThreshold.input, h("div", { className: "hint" }, t("trendThresholdHint")), trendThreshold.error),
    labelled(t("lapsedFactor"), lapsedFactor.input, h("div", { className: "hint" }, t("lapsedFactorHint")), lapsedFactor.error),
  );
  const settingsSection = h(
    "details",
    { className: "card settings", testId: "settings-panel" },
    h("summary", {}, t("settingsHeading")),
    settingsPanel,
  );

  /** The last request handed out, so that Enter followed by leaving the field analyses once. */
  let lastRequest = "";
  const request = (): AnalysisRequest | undefined => {
    const targetPercent = target.value();
    const days = withinDays.value();
    const ticked = statuses.ticked();
    const money = currencyValue();
    const threshold = trendThreshold.value();
    const factor = lapsedFactor.value();
    const wrong =
      targetPercent === undefined ||
      days === undefined ||
      ticked === undefined ||
      money === undefined ||
      threshold === undefined ||
      factor === undefined;
    // A field error must be seen: the folded panel opens on it.
    if (wrong) settingsSection.open = true;
    if (wrong || doubts.length > 0) return undefined;
    const mapping: ColumnMapping = {};
    for (const [field, { select }] of selects) if (select.value !== "") mapping[field] = Number(select.value);
    const made: AnalysisRequest = {
      sheetName: range.sheetName,
      rangeA1: range.rangeA1,
      mapping,
      statusColumn: status.select.value === "" ? null : Number(status.select.value),
      settings: {
        targetPercent,
        period: period.value as Period,
        withinDays: withinToggle.checked ? days : null,
        ordersStartWithBusiness: ordersStart.checked,
        excludeDealType: dealChoice,
        countedStatuses: countedChoice,
        currency: money,
        trendThresholdPercent: threshold,
        lapsedFactor: factor,
      },
    };
    lastRequest = JSON.stringify(made);
    return made;
  };

  const listeners: (() => void)[] = [];
  const notify = (): void => {
    for (const listener of listeners) listener();
  };
  const changed = (): void => {
    syncEnabled();
    const previous = lastRequest;
    const next = request();
    if (next !== undefined && JSON.stringify(next) !== previous) notify();
  };
  /** The user answered for this column: its mark goes, and the others stay until answered too. */
  const answered = (field: Field): void => {
    doubts = doubts.filter((doubt) => doubt.field !== field);
    showDoubts();
  };
  for (const [field, { select }] of selects) select.addEventListener("change", () => answered(field));
  confirm.addEventListener("click", () => {
    doubts = [];
    showDoubts();
    // Confirming the proposal as it stands changes no field, yet it is what the analysis waited for.
    lastRequest = "";
    changed();
  });
  selects.get("dealType")!.select.addEventListener("change", () => (dealChoice = null));
  status.select.addEventListener("change", () => {
    // Another column's values: the completed ones count until the user ticks its own.
    countedChoice = null;
    statuses.show({ ...range, statusColumn: null, statuses: [] });
  });
  dealType.addEventListener("change", () => (dealChoice = dealType.value));
  const controls: HTMLElement[] = [
    ...[...selects.values()].map(({ select }) => select),
    status.select,
    target.input,
    period,
    withinToggle,
    withinDays.input,
    ordersStart,
    dealType,
    currency,
    trendThreshold.input,
    lapsedFactor.input,
  ];
  for (const control of controls) control.addEventListener("change", changed);
  // Typed numbers apply as the user types, once they pause: no need to leave the field or press Enter.
  let typing: ReturnType<typeof setTimeout> | undefined;
  for (const input of [target.input, withinDays.input, currency, trendThreshold.input, lapsedFactor.input]) {
    input.addEventListener("input", () => {
      clearTimeout(typing);
      typing = setTimeout(changed, TYPING_PAUSE_MS);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") changed();
    });
  }
  showRange(state);
  return {
    columns,
    settings: settingsSection,
    currency: () => currencyValue() ?? undefined,
    request,
    hasDoubts: () => doubts.length > 0,
    focusDoubt: () => selects.get(doubts[0]?.field ?? "customer")!.select.focus(),
    showRange,
    onChange: (listener) => listeners.push(listener),
  };
}
