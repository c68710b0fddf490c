// "SQL for BigQuery" (issue 16): the report's queries for the same orders in a BigQuery table,
// with the settings of the last analysis. The SQL is written here in the browser by the same pure
// generator as the command's `sql` (orderTableStatements): it costs the sidebar about 34 KB (12 KB
// gzipped), where a server call would cost a round trip to Apps Script for every key typed.
// Column names start as a CSV load names the sheet's headers (src/sql/bigquery-names.ts) and can
// be edited. Sheet text goes in as text only (dom.ts), and the SQL into a read-only textarea.

import type { AnalysisSettings, RangeState, SidebarState } from "../addon/sidebar-api";
import type { Field } from "../core/columns";
import type { SidebarKey } from "../i18n/sidebar";
import { bigQueryColumnNames, bigQueryTable, isBigQueryColumnName } from "../sql/bigquery-names";
import { joinedStatements, type OrderTableRequest, orderTableStatements } from "../sql/order-table";
import type { PublishedTable } from "../sql/report-query";
import { h, replaceChildren } from "./dom";
import type { Text } from "./text";

/** The health check's own columns, which the report names by their headers. */
type HealthRole = "initiatedBy" | "budget" | "contact";
type Role = Field | "status" | HealthRole;

const ROLE_LABELS: readonly { role: Role; label: SidebarKey }[] = [
  { role: "customer", label: "fieldCustomer" },
  { role: "date", label: "fieldDate" },
  { role: "amount", label: "fieldAmount" },
  { role: "manager", label: "fieldManager" },
  { role: "dealType", label: "fieldDealType" },
  { role: "status", label: "fieldStatus" },
  { role: "initiatedBy", label: "fieldInitiatedBy" },
  { role: "budget", label: "fieldBudget" },
  { role: "contact", label: "fieldContact" },
];

/** Each statement's name in the chooser: a connected sheet takes one query. */
const QUERY_LABELS: Record<PublishedTable, SidebarKey> = {
  summary: "sqlQuerySummary",
  cohorts: "sqlQueryCohorts",
  managers: "sqlQueryManagers",
  healthPeriods: "sqlQueryHealthPeriods",
  cohortGrid: "sqlQueryCohortGrid",
  started: "sqlQueryStarted",
  wallet: "sqlQueryWallet",
  lapsedSummary: "sqlQueryLapsedSummary",
  lapsed: "sqlQueryLapsed",
  lapsedContacts: "sqlQueryLapsedContacts",
  managerRevenue: "sqlQueryManagerRevenue",
  managerLapsed: "sqlQueryManagerLapsed",
  managerWallet: "sqlQueryManagerWallet",
  managerNames: "sqlQueryManagerNames",
};

/** The chooser's value for every statement at once. */
const ALL_STATEMENTS = "all";

/** The analysis the SQL repeats: its settings, and the range analysed with its columns and deal types. */
export interface Analysed {
  settings: AnalysisSettings;
  range: RangeState;
  /**
   * The headers of the columns the health check read as "initiated by" (question 7), budget
   * (question 2) and contact (question 5's call list), where it read them.
   */
  healthColumns?: { [Key in HealthRole]?: string };
}

/** The sheet column each role reads, in the analysed range. */
function roleColumns({ range, healthColumns = {} }: Analysed): Map<Role, number> {
  const columns = new Map<Role, number>();
  for (const { role } of ROLE_LABELS) {
    const column =
      role === "status" ? range.statusColumn : isHealthRole(role) ? headerColumn(range, healthColumns[role]) : range.mapping[role];
    if (column !== undefined && column !== null) columns.set(role, column);
  }
  return columns;
}

function isHealthRole(role: Role): role is HealthRole {
  return role === "initiatedBy" || role === "budget" || role === "contact";
}

/** The column a header names, as the report named the health check's columns it read. */
function headerColumn(range: RangeState, header: string | undefined): number | undefined {
  const column = header === undefined ? -1 : range.headers.indexOf(header);
  return column < 0 ? undefined : column;
}

/** The deal types the sidebar leaves out: the user's choice, else the column's project deal type. */
function excludedDealTypes({ settings, range }: Analysed): string[] {
  const chosen = settings.excludeDealType ?? range.defaultDealType;
  return chosen === "" ? [] : [chosen];
}

/** What the user tells the panel about the BigQuery table. */
export interface TableChoice {
  table: string;
  /** The columns' names in the table, by role. */
  names: ReadonlyMap<Role, string>;
  dateType: OrderTableRequest["dateType"];
}

/** The generator's request for the sidebar's settings and the user's table. */
export function sidebarSqlRequest(
  analysed: Analysed,
  state: Pick<SidebarState, "timeZone" | "cellLocale">,
  { table, names, dateType }: TableChoice,
): OrderTableRequest {
  const { settings } = analysed;
  // A report was made, so the customer and the date columns are there.
  const columns = { customer: names.get("customer")!, date: names.get("date")!, ...Object.fromEntries(names) };
  return {
    dialect: "bigquery",
    table,
    columns,
    dateType,
    // Read as text: a STRING or a numeric column reads the same through CAST.
    amountType: "text",
    excludeDealTypes: excludedDealTypes(analysed),
    countedStatuses: settings.countedStatuses ?? undefined,
    target: settings.targetPercent / 100,
    period: settings.period,
    withinDays: settings.withinDays ?? undefined,
    ordersStartWithBusiness: settings.ordersStartWithBusiness,
    // Question 5's statements use the factor of the sidebar's settings, as its health check does.
    lapsedFactor: settings.lapsedFactor,
    timeZone: state.timeZone,
    locale: state.cellLocale,
  };
}

/** A text input with its error beside it; reads as undefined while the error shows. */
interface CheckedInput {
  input: HTMLInputElement;
  label: HTMLElement;
  value(): string | undefined;
}

/** `check` gives the value, or null for an error; an empty optional field is neither: it reads as undefined with no error. */
function checkedInput(
  testId: string,
  label: string,
  message: string,
  check: (typed: string) => string | null,
  optional: boolean,
  ...notes: HTMLElement[]
): CheckedInput {
  const input = h("input", { testId, attrs: { type: "text", autocomplete: "off", spellcheck: "false", id: testId } });
  const error = h("div", { className: "field-error", testId: `${testId}-error`, attrs: { role: "alert", id: `${testId}-error` } }, message);
  error.hidden = true;
  const value = (): string | undefined => {
    const checked = optional && input.value.trim() === "" ? undefined : check(input.value);
    const wrong = checked === null;
    error.hidden = !wrong;
    input.setAttribute("aria-invalid", String(wrong));
    if (wrong) input.setAttribute("aria-describedby", error.id);
    else input.removeAttribute("aria-describedby");
    return checked ?? undefined;
  };
  const wrapper = h("label", { className: "field" }, h("span", { className: "field-label" }, label), input, ...notes, error);
  return { input, label: wrapper, value };
}

export interface SqlPanel {
  /** The folded panel. */
  element: HTMLDetailsElement;
  /** Follows the settings and columns of the latest analysis. */
  show(analysed: Analysed): void;
}

export function sqlPanel(state: SidebarState, t: Text): SqlPanel {
  let analysed: Analysed | undefined;
  /** Names the user typed, by role, for the sheet column they were typed for. */
  const typedNames = new Map<Role, { column: number; name: string }>();
  let nameInputs = new Map<Role, CheckedInput>();

  const table = checkedInput(
    "sql-table",
    t("sqlTable"),
    t("sqlTableError"),
    bigQueryTable,
    true,
    h("div", { className: "hint" }, t("sqlTableHint")),
  );
  table.input.placeholder = "my-project.shop.orders";
  const columnFields = h("div", { className: "sql-columns" });
  const waiting = h("div", { className: "hint", testId: "sql-waiting" }, t("sqlNeedsReport"));
  const text = h("textarea", {
    className: "sql-text",
    testId: "sql-text",
    attrs: { readonly: "", rows: "12", wrap: "soft", spellcheck: "false", "aria-label": t("sqlText") },
  });
  const copyStatus = h("div", { className: "hint", testId: "sql-copy-status", attrs: { role: "status" } });
  const statement = h("select", { testId: "sql-statement" });
  const copy = h("button", { testId: "copy-sql", attrs: { type: "button" } }, t("copySql"));
  const output = h(
    "div",
    { className: "sql-output" },
    h("label", { className: "field" }, h("span", { className: "field-label" }, t("sqlStatement")), statement),
    text,
    copy,
    copyStatus,
  );
  const dateType = h("select", { testId: "sql-date-type" });
  const dateTypes: [OrderTableRequest["dateType"], string][] = [
    ["text", t("sqlDateText")],
    ["date", "DATE"],
    ["timestamp", t("sqlDateTimestamp", { zone: state.timeZone })],
  ];
  for (const [value, label] of dateTypes) dateType.appendChild(h("option", { attrs: { value } }, label));

  /** The chooser's options for these statements, keeping the one chosen while it is among them. */
  const showStatements = (tables: readonly PublishedTable[]): void => {
    const chosen = statement.value;
    const options: [string, string][] = [
      [ALL_STATEMENTS, t("sqlStatementAll")],
      ...tables.map((table): [string, string] => [table, t(QUERY_LABELS[table])]),
    ];
    replaceChildren(statement, ...options.map(([value, label]) => h("option", { attrs: { value } }, label)));
    statement.value = options.some(([value]) => value === chosen) ? chosen : ALL_STATEMENTS;
  };

  const refresh = (): void => {
    const path = table.value();
    const names = new Map<Role, string>();
    let namesOk = true;
    for (const [role, field] of nameInputs) {
      const name = field.value();
      if (name === undefined) namesOk = false;
      else names.set(role, name);
    }
    const ready = analysed !== undefined && path !== undefined && namesOk;
    // Once a table is typed, the errors beside the fields say what is missing.
    const waitingFor: SidebarKey | null = analysed === undefined ? "sqlNeedsReport" : table.input.value.trim() === "" ? "sqlWaiting" : null;
    waiting.hidden = ready || waitingFor === null;
    replaceChildren(waiting, waitingFor === null ? "" : t(waitingFor));
    output.hidden = !ready;
    replaceChildren(copyStatus);
    if (!ready) {
      text.value = "";
      return;
    }
    const choice: TableChoice = { table: path!, names, dateType: dateType.value as OrderTableRequest["dateType"] };
    const statements = orderTableStatements(sidebarSqlRequest(analysed!, state, choice));
    showStatements(statements.map(({ table }) => table));
    const shown = statements.filter(({ table }) => statement.value === ALL_STATEMENTS || table === statement.value);
    text.value = joinedStatements(shown);
  };

  const showColumns = (): void => {
    if (analysed === undefined) return;
    const defaults = bigQueryColumnNames(analysed.range.headers);
    nameInputs = new Map();
    for (const [role, column] of roleColumns(analysed)) {
      const label = t(ROLE_LABELS.find((each) => each.role === role)!.label);
      const field = checkedInput(
        `sql-column-${role}`,
        label,
        t("sqlColumnError"),
        (typed) => (isBigQueryColumnName(typed) ? typed : null),
        false,
      );
      const typed = typedNames.get(role);
      field.input.value = typed !== undefined && typed.column === column ? typed.name : defaults[column]!;
      field.input.addEventListener("input", () => {
        typedNames.set(role, { column, name: field.input.value });
        refresh();
      });
      nameInputs.set(role, field);
    }
    replaceChildren(columnFields, ...[...nameInputs.values()].map((field) => field.label));
  };

  table.input.addEventListener("input", refresh);
  dateType.addEventListener("change", refresh);
  statement.addEventListener("change", refresh);
  copy.addEventListener("click", () => void copyText(text, copyStatus, t));

  const element = h(
    "details",
    { className: "card sql", testId: "sql-panel" },
    h("summary", {}, t("sqlHeading")),
    h(
      "section",
      { className: "card" },
      h("h2", {}, t("sqlHeading")),
      h("div", { className: "hint" }, t("sqlIntro")),
      table.label,
      h("div", { className: "field-label" }, t("sqlColumns")),
      h("div", { className: "hint" }, t("sqlColumnsHint")),
      columnFields,
      h("label", { className: "field" }, h("span", { className: "field-label" }, t("sqlDateType")), dateType),
      h("div", { className: "hint" }, t("sqlNote")),
      waiting,
      output,
    ),
  );
  // Until the first analysis: no columns, no SQL, and a line saying why.
  refresh();
  return {
    element,
    show: (latest) => {
      analysed = latest;
      showColumns();
      refresh();
    },
  };
}

/**
 * Copies through the clipboard, which a sidebar's iframe may refuse (no permission, or no
 * clipboard at all); then the text is selected, so Ctrl+C copies it.
 */
async function copyText(text: HTMLTextAreaElement, status: HTMLElement, t: Text): Promise<void> {
  try {
    await navigator.clipboard.writeText(text.value);
    replaceChildren(status, t("sqlCopied"));
  } catch {
    text.focus();
    text.select();
    replaceChildren(status, t("sqlCopyBlocked"));
  }
}
