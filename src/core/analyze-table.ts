// A sheet range (or a preview grid) in, a report out: the sidebar's and the preview's one call.

import type { InputLocale } from "./cells";
import type { ColumnMapping } from "./columns";
import { ingestOrders, type Cells, type ColumnRef, type OrderColumns } from "./ingest";
import { columnLetter } from "./a1";
import { CustomerLedger } from "./ledger";
import { fail } from "./problems";
import { analyzeWithHealth } from "./health/analyze-health";
import type { HealthColumnIndexes } from "./health/health-columns";
import type { HealthSettings } from "./health/health-check";
import { HealthOrders } from "./health/health-orders";
import { analyzeLedger, skippedRowCollector, type Analysis, type ReportSettings } from "./report";
import { statusRule } from "./statuses";

export interface TableOptions {
  mapping: ColumnMapping;
  /** Header names shown in messages, by column; a column without one is named by its letter. */
  headers: readonly string[];
  /** Row of `values` that holds the header, or -1. Data starts on the next row. */
  headerRow: number;
  /** Sheet row number of `values[0]`, so messages point at real rows. */
  firstRowNumber: number;
  /** Deal-type values that mark one-off project deals, left out of the analysis. */
  excludeDealTypes?: readonly string[];
  /** A status or stage column: only rows whose status counts are purchases (see statuses.ts). */
  status?: {
    column: number;
    /** The statuses that count; undefined for the completed ones. */
    counted?: readonly string[];
  };
  /** With the health check: the columns only it reads (see health/health-columns.ts). Without, the report has none. */
  health?: { columns: HealthColumnIndexes };
  locale: InputLocale;
  settings: Omit<ReportSettings, "hasManagers" | "hasAmounts"> & Pick<HealthSettings, "lapsedLimit" | "trend" | "lapsedFactor">;
}

export function analyzeTable(values: Cells, options: TableOptions): Analysis {
  const { mapping } = options;
  const ref = (column: number | undefined): ColumnRef | undefined =>
    column === undefined || column < 0 ? undefined : { argument: options.headers[column] || columnLetter(column), values, column };
  const customer = ref(mapping.customer) ?? fail({ code: "noData", argument: "customer" });
  const date = ref(mapping.date) ?? fail({ code: "noData", argument: "date" });
  const columns: OrderColumns = {
    customer,
    date,
    amount: ref(mapping.amount),
    manager: ref(mapping.manager),
    dealType: options.excludeDealTypes?.length ? ref(mapping.dealType) : undefined,
    status: ref(options.status?.column),
  };
  const ledgerOptions = { amountWindow: options.settings.window };
  const health = options.health?.columns;
  const healthColumns = health && { budget: ref(health.budget), initiatedBy: ref(health.initiatedBy), contact: ref(health.contact) };
  const orders = healthColumns && new HealthOrders(healthColumns, options.locale.decimalComma, options.firstRowNumber, ledgerOptions);
  const ledger = orders?.ledger ?? new CustomerLedger(ledgerOptions);
  const { skipped, onSkippedRow } = skippedRowCollector();
  const stats = ingestOrders(columns, orders ?? ledger, {
    locale: options.locale,
    excludeDealTypes: columns.dealType ? options.excludeDealTypes : undefined,
    statusRule: columns.status && statusRule(options.status?.counted),
    firstRowNumber: options.firstRowNumber,
    skipLeadingRows: options.headerRow + 1,
    onSkippedRow,
  });
  const settings = {
    ...options.settings,
    hasManagers: columns.manager !== undefined,
    hasAmounts: columns.amount !== undefined,
    ...(columns.status ? { statusColumn: columns.status.argument } : {}),
  };
  if (orders === undefined) return analyzeLedger(ledger, stats, skipped, settings);
  return analyzeWithHealth(
    orders,
    stats,
    skipped,
    { ...settings, hasInitiatedBy: healthColumns!.initiatedBy !== undefined, healthColumns: columnNames(healthColumns!) },
    orders.problems,
  );
}

/** The names of the columns given. */
function columnNames<Key extends string>(refs: Partial<Record<Key, ColumnRef | undefined>>): Partial<Record<Key, string>> {
  const names: Partial<Record<Key, string>> = {};
  for (const [key, ref] of Object.entries(refs) as [Key, ColumnRef | undefined][]) if (ref !== undefined) names[key] = ref.argument;
  return names;
}
