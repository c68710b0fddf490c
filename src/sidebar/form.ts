// The column mapping and the settings, prefilled from the server's state and read back as the
// AnalysisRequest that every server call takes.

import type { AnalysisRequest, AnalysisSettings, SidebarState } from "../addon/sidebar-api";
import type { ColumnMapping, Field } from "../core/columns";
import type { Period } from "../core/periods";
import type { SidebarKey } from "../i18n/sidebar";
import { h } from "./dom";
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

const DEFAULT_TARGET_PERCENT = 67;
const DEFAULT_WITHIN_DAYS = 90;

export interface SidebarForm {
  columns: HTMLElement;
  settings: HTMLElement;
  request(): AnalysisRequest;
  /** Called after the user changes any control. */
  onChange(listener: () => void): void;
}

function columnSelect(field: Field, state: SidebarState, t: Text): HTMLSelectElement {
  const select = h("select", { testId: `column-${field}` }, h("option", { attrs: { value: "" } }, t("noColumn")));
  state.headers.forEach((header, column) => {
    select.appendChild(h("option", { attrs: { value: String(column) } }, header));
  });
  const chosen = state.mapping[field];
  select.value = chosen === undefined ? "" : String(chosen);
  return select;
}

function labelled(label: string, control: HTMLElement): HTMLElement {
  return h("label", { className: "field" }, h("span", { className: "field-label" }, label), control);
}

function wholeNumber(input: HTMLInputElement, fallback: number, max: number): number {
  const value = Math.round(Number(input.value));
  return input.value.trim() === "" || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(0, value));
}

export function buildForm(state: SidebarState, t: Text): SidebarForm {
  const selects = new Map(FIELDS.map(({ field }) => [field, columnSelect(field, state, t)]));
  const columns = h(
    "section",
    { className: "card" },
    h("h2", {}, t("columnsHeading")),
    ...FIELDS.map(({ field, label }) => labelled(t(label), selects.get(field)!)),
  );

  const settings: AnalysisSettings = state.settings;
  const target = h("input", {
    testId: "target",
    attrs: { type: "number", min: "0", max: "100", step: "1", inputmode: "numeric" },
  });
  target.value = String(settings.targetPercent);
  const period = h("select", { testId: "period" });
  for (const { period: value, label } of PERIOD_LABELS) period.appendChild(h("option", { attrs: { value } }, t(label)));
  period.value = settings.period;

  const withinToggle = h("input", { testId: "within-toggle", attrs: { type: "checkbox" } });
  withinToggle.checked = settings.withinDays !== null;
  const withinDays = h("input", { testId: "within-days", className: "short", attrs: { type: "number", min: "0", step: "1" } });
  withinDays.value = String(settings.withinDays ?? DEFAULT_WITHIN_DAYS);

  const excludeToggle = h("input", { testId: "exclude-toggle", attrs: { type: "checkbox" } });
  excludeToggle.checked = settings.excludeDealType !== "";
  const excludeValue = h("input", { testId: "exclude-value", attrs: { type: "text", placeholder: t("excludeValuePlaceholder") } });
  excludeValue.value = settings.excludeDealType;
  const excludeHint = h("div", { className: "hint" }, t("excludeNeedsColumn"));

  const dealTypeChosen = (): boolean => selects.get("dealType")!.value !== "";
  const syncEnabled = (): void => {
    withinDays.disabled = !withinToggle.checked;
    excludeToggle.disabled = !dealTypeChosen();
    excludeValue.disabled = !dealTypeChosen() || !excludeToggle.checked;
    excludeHint.hidden = dealTypeChosen();
  };
  syncEnabled();

  const settingsSection = h(
    "section",
    { className: "card" },
    h("h2", {}, t("settingsHeading")),
    h("div", { className: "row" }, labelled(t("target"), target), labelled(t("period"), period)),
    h(
      "label",
      { className: "check" },
      withinToggle,
      h("span", {}, t("withinDaysToggle"), " ", withinDays, " ", t("withinDaysUnit")),
    ),
    h("label", { className: "check" }, excludeToggle, h("span", {}, t("excludeToggle"))),
    labelled(t("excludeValue"), excludeValue),
    excludeHint,
  );

  const request = (): AnalysisRequest => {
    const mapping: ColumnMapping = {};
    for (const [field, select] of selects) if (select.value !== "") mapping[field] = Number(select.value);
    const excluding = mapping.dealType !== undefined && excludeToggle.checked;
    return {
      mapping,
      settings: {
        targetPercent: wholeNumber(target, DEFAULT_TARGET_PERCENT, 100),
        period: period.value as Period,
        withinDays: withinToggle.checked ? wholeNumber(withinDays, DEFAULT_WITHIN_DAYS, 100_000) : null,
        excludeDealType: excluding ? excludeValue.value.trim() : "",
      },
    };
  };

  const listeners: (() => void)[] = [];
  const controls: HTMLElement[] = [...selects.values(), target, period, withinToggle, withinDays, excludeToggle, excludeValue];
  for (const control of controls) {
    control.addEventListener("change", () => {
      syncEnabled();
      for (const listener of listeners) listener();
    });
  }
  return { columns, settings: settingsSection, request, onChange: (listener) => listeners.push(listener) };
}
