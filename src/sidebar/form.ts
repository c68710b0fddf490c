// The column mapping and the settings, prefilled from the server's state and read back as the
// AnalysisRequest that every server call takes. The form follows the range the server last
// analysed (see `showRange`), and a number it cannot accept is a field error, never clamped.

import type { AnalysisRequest, RangeState, SidebarState } from "../addon/sidebar-api";
import { isTargetPercent, isWithinDays } from "../addon/settings";
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

const PERIOD_LABELS: readonly { period: Period; label: SidebarKey }[] = [
  { period: "month", label: "periodMonth" },
  { period: "quarter", label: "periodQuarter" },
  { period: "week", label: "periodWeek" },
  { period: "year", label: "periodYear" },
];

/** Shown in the days box while "count returns within" is off. */
const DEFAULT_WITHIN_DAYS = 90;

export interface SidebarForm {
  columns: HTMLElement;
  settings: HTMLElement;
  /** The request to send, or undefined while a field shows an error (the error says what to fix). */
  request(): AnalysisRequest | undefined;
  /** Follows the range the server analysed: its columns, mapping and deal types. */
  showRange(range: RangeState): void;
  /** Called after the user changes a control to a value the form accepts (on change or Enter). */
  onChange(listener: () => void): void;
}

function option(value: string, label: string): HTMLOptionElement {
  return h("option", { attrs: { value } }, label);
}

function fillColumnSelect(select: HTMLSelectElement, field: Field, range: RangeState, t: Text): void {
  replaceChildren(select, option("", t("noColumn")), ...range.headers.map((header, column) => option(String(column), header)));
  const chosen = range.mapping[field];
  select.value = chosen === undefined ? "" : String(chosen);
}

function labelled(label: string, control: HTMLElement, error?: HTMLElement): HTMLElement {
  return h("label", { className: "field" }, h("span", { className: "field-label" }, label), control, error);
}

/** A number input whose value must pass `accepts`; otherwise its error shows and it reads as undefined. */
interface NumberField {
  input: HTMLInputElement;
  error: HTMLElement;
  value(): number | undefined;
}

function numberField(testId: string, initial: number, accepts: (value: number) => boolean, message: string, className = ""): NumberField {
  const input = h("input", { testId, className, attrs: { type: "number", step: "1", inputmode: "numeric" } });
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

  const selects = new Map(FIELDS.map(({ field }) => [field, h("select", { testId: `column-${field}` })]));
  const columns = h(
    "section",
    { className: "card" },
    h("h2", {}, t("columnsHeading")),
    ...FIELDS.map(({ field, label }) => labelled(t(label), selects.get(field)!)),
  );

  const { settings } = state;
  const target = numberField("target", settings.targetPercent, isTargetPercent, t("targetError"));
  target.input.min = "1";
  target.input.max = "100";
  const period = h("select", { testId: "period" });
  for (const { period: value, label } of PERIOD_LABELS) period.appendChild(option(value, t(label)));
  period.value = settings.period;

  const withinToggle = h("input", { testId: "within-toggle", attrs: { type: "checkbox" } });
  withinToggle.checked = settings.withinDays !== null;
  const withinDays = numberField("within-days", settings.withinDays ?? DEFAULT_WITHIN_DAYS, isWithinDays, t("withinDaysError"), "short");
  withinDays.input.min = "0";

  const ordersStart = h("input", { testId: "orders-start", attrs: { type: "checkbox" } });
  ordersStart.checked = settings.ordersStartWithBusiness;

  const dealType = h("select", { testId: "exclude-deal-type" });
  const dealTypeHint = h("div", { className: "hint" }, t("excludeNeedsColumn"));

  /** The deal types of the range, plus a remembered choice the range lacks, so the select shows what applies. */
  const fillDealTypes = (): void => {
    const values = dealChoice && !range.dealTypes.includes(dealChoice) ? [...range.dealTypes, dealChoice] : range.dealTypes;
    replaceChildren(dealType, option("", t("excludeNothing")), ...values.map((value) => option(value, value)));
    dealType.value = dealChoice ?? range.defaultDealType;
  };
  const showRange = (next: RangeState): void => {
    if (next.sheetName !== range.sheetName || next.rangeA1 !== range.rangeA1) dealChoice = null;
    range = next;
    for (const [field, select] of selects) fillColumnSelect(select, field, range, t);
    fillDealTypes();
    syncEnabled();
  };

  const syncEnabled = (): void => {
    withinDays.input.disabled = !withinToggle.checked;
    const hasDealType = selects.get("dealType")!.value !== "";
    dealType.disabled = !hasDealType;
    dealTypeHint.hidden = hasDealType;
  };

  const settingsSection = h(
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
  );

  /** The last request handed out, so that Enter followed by leaving the field analyses once. */
  let lastRequest = "";
  const request = (): AnalysisRequest | undefined => {
    const targetPercent = target.value();
    const days = withinDays.value();
    if (targetPercent === undefined || days === undefined) return undefined;
    const mapping: ColumnMapping = {};
    for (const [field, select] of selects) if (select.value !== "") mapping[field] = Number(select.value);
    const made: AnalysisRequest = {
      sheetName: range.sheetName,
      rangeA1: range.rangeA1,
      mapping,
      settings: {
        targetPercent,
        period: period.value as Period,
        withinDays: withinToggle.checked ? days : null,
        ordersStartWithBusiness: ordersStart.checked,
        excludeDealType: dealChoice,
      },
    };
    lastRequest = JSON.stringify(made);
    return made;
  };

  const listeners: (() => void)[] = [];
  const changed = (): void => {
    syncEnabled();
    const previous = lastRequest;
    const next = request();
    if (next !== undefined && JSON.stringify(next) !== previous) for (const listener of listeners) listener();
  };
  selects.get("dealType")!.addEventListener("change", () => (dealChoice = null));
  dealType.addEventListener("change", () => (dealChoice = dealType.value));
  const controls: HTMLElement[] = [...selects.values(), target.input, period, withinToggle, withinDays.input, ordersStart, dealType];
  for (const control of controls) control.addEventListener("change", changed);
  for (const field of [target, withinDays]) {
    field.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") changed();
    });
  }
  showRange(state);
  return { columns, settings: settingsSection, request, showRange, onChange: (listener) => listeners.push(listener) };
}
