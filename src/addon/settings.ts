// The user's column mapping and analysis settings: defaults, checking what the sidebar sends, and
// the form remembered per sheet. Pure: the sheet access is in remembered-settings.ts.

import { columnLetter } from "../core/a1";
import type { ColumnMapping, Field } from "../core/columns";
import type { HealthSettings } from "../core/health/health-check";
import { DEFAULT_LAPSED_FACTOR, isLapsedFactor } from "../core/health/lapsed";
import { DEFAULT_TREND, isTrendThreshold } from "../core/health/trend";
import { PERIODS } from "../core/periods";
import { DEFAULT_TARGET, type ReportSettings } from "../core/report";
import { fail } from "../core/problems";
import { parseCurrency } from "../presentation/formats";
import type { AnalysisRequest, AnalysisSettings } from "./sidebar-api";

export const DEFAULT_SETTINGS: AnalysisSettings & Required<Pick<AnalysisSettings, "trendThresholdPercent" | "lapsedFactor">> = {
  targetPercent: Math.round(DEFAULT_TARGET * 100),
  period: "month",
  withinDays: null,
  ordersStartWithBusiness: false,
  excludeDealType: null,
  countedStatuses: null,
  currency: null,
  trendThresholdPercent: Math.round(DEFAULT_TREND.threshold * 100),
  lapsedFactor: DEFAULT_LAPSED_FACTOR,
};

export const FIELDS: readonly Field[] = ["customer", "date", "amount", "manager", "dealType"];

export type RequestErrorCode =
  | "badTarget"
  | "badColumn"
  | "missingColumn"
  | "sameColumn"
  | "notDates"
  | "emptyRange"
  | "noOrders"
  | "doubtfulColumns";

/** What a column can be read as: one of the mapping's fields, or the status column. */
export type ColumnRole = Field | "status";

/**
 * A request the add-on cannot run, or a range it cannot read; messages name what was wrong. The
 * details `field` and `otherField` hold a ColumnRole, which the server names in the user's language.
 */
export class RequestError extends Error {
  constructor(
    readonly code: RequestErrorCode,
    readonly details: Record<string, string | number>,
  ) {
    super(code);
    this.name = "RequestError";
  }
}

/** A target the form and the server both accept: a percentage of 1…100 (0 % would flag nothing). */
export function isTargetPercent(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 1 && value <= 100;
}

/** A "within N days" the form and the server both accept: a whole number of days, 0 or more. */
/** A horizon of 0 days would count nobody: a second purchase is always on a later day. */
export function isWithinDays(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1;
}

/** A trend threshold the form and the server both accept: a percentage above 0 and below 100. */
export function isTrendThresholdPercent(value: unknown): value is number {
  return typeof value === "number" && isTrendThreshold(value / 100);
}

/**
 * Checks the settings that come from the sidebar (google.script.run passes whatever the page
 * sends): a target of 1…100, a known period, a whole number of days or null, a trend threshold
 * of 0…100 % and a lapsed factor above 1 (these two default when absent, as in settings
 * remembered before they existed).
 */
export function checkSettings(settings: AnalysisSettings): AnalysisSettings {
  const { targetPercent, period, withinDays, ordersStartWithBusiness, excludeDealType, countedStatuses, currency } = settings;
  const { trendThresholdPercent = DEFAULT_SETTINGS.trendThresholdPercent, lapsedFactor = DEFAULT_SETTINGS.lapsedFactor } = settings;
  if (!isTargetPercent(targetPercent)) throw new RequestError("badTarget", { value: String(targetPercent) });
  if (!PERIODS.includes(period)) fail({ code: "unknownPeriod", argument: "period", value: period });
  if (withinDays !== null && !isWithinDays(withinDays)) fail({ code: "badWithinDays", argument: "within_days", value: withinDays });
  if (!isTrendThresholdPercent(trendThresholdPercent)) {
    fail({ code: "badTrendThreshold", argument: "trend_threshold", value: trendThresholdPercent });
  }
  if (!isLapsedFactor(lapsedFactor)) fail({ code: "badFactor", argument: "lapsed_factor", value: lapsedFactor });
  return {
    targetPercent,
    period,
    withinDays,
    ordersStartWithBusiness: ordersStartWithBusiness === true,
    excludeDealType: typeof excludeDealType === "string" ? excludeDealType : null,
    countedStatuses: checkCountedStatuses(countedStatuses),
    // Only a currency the formats accept is kept; anything else writes plain amounts.
    currency: typeof currency === "string" ? (parseCurrency(currency) ?? null) : null,
    trendThresholdPercent,
    lapsedFactor,
  };
}

/** The statuses named to count, or null for the completed ones; naming none is the default too, as in the CLI. */
function checkCountedStatuses(values: unknown): string[] | null {
  if (!Array.isArray(values)) return null;
  const named = values.filter((value): value is string => typeof value === "string" && value.trim() !== "");
  return named.length > 0 ? named : null;
}

/**
 * Keeps only the known fields, each a column index inside a range `width` columns wide that starts
 * in sheet column `firstColumn`; a column outside it is named by its sheet letter.
 */
export function checkMapping(mapping: ColumnMapping, width: number, rangeA1: string, firstColumn: number): ColumnMapping {
  const checked: ColumnMapping = {};
  for (const field of FIELDS) {
    const column = mapping[field];
    if (column === undefined || column === null) continue;
    checked[field] = checkColumn(field, column, width, rangeA1, firstColumn);
  }
  return checked;
}

/** A column index inside the range, or the badColumn error naming the sheet column. */
function checkColumn(role: ColumnRole, column: unknown, width: number, rangeA1: string, firstColumn: number): number {
  const index = Number.isInteger(column) ? (column as number) : Number.NaN;
  if (index >= 0 && index < width) return index;
  const sheetColumn = firstColumn + index >= 1 ? columnLetter(firstColumn - 1 + index) : String(column);
  throw new RequestError("badColumn", { field: role, column: sheetColumn, range: rangeA1 });
}

/** One column serves one role: a date that is also the amount, or the status, reads as nonsense. */
export function checkDistinctColumns(mapping: ColumnMapping, statusColumn: number | null, names: readonly string[]): void {
  const roleOf = new Map<number, ColumnRole>();
  const roles: [ColumnRole, number | undefined][] = [
    ...FIELDS.map((field): [ColumnRole, number | undefined] => [field, mapping[field]]),
    ["status", statusColumn ?? undefined],
  ];
  for (const [role, column] of roles) {
    if (column === undefined) continue;
    const other = roleOf.get(column);
    if (other !== undefined) throw new RequestError("sameColumn", { field: other, otherField: role, column: names[column] ?? "" });
    roleOf.set(column, role);
  }
}

/** The customer and date columns are required; the others are optional. */
const REQUIRED_FIELDS: readonly Field[] = ["customer", "date"];

export function checkRequest(request: AnalysisRequest, width: number, rangeA1: string, firstColumn: number): AnalysisRequest {
  const mapping = checkMapping(request.mapping ?? {}, width, rangeA1, firstColumn);
  const missing = REQUIRED_FIELDS.find((field) => mapping[field] === undefined);
  if (missing !== undefined) throw new RequestError("missingColumn", { field: missing, range: rangeA1 });
  const { statusColumn } = request;
  const checked: AnalysisRequest = { ...request, mapping, settings: checkSettings(request.settings ?? DEFAULT_SETTINGS) };
  if (statusColumn !== undefined && statusColumn !== null)
    checked.statusColumn = checkColumn("status", statusColumn, width, rangeA1, firstColumn);
  return checked;
}

/** The report's settings, with the health check's own. */
export function reportSettings(
  settings: AnalysisSettings,
): Omit<ReportSettings, "hasManagers" | "hasAmounts"> & Pick<HealthSettings, "trend" | "lapsedFactor"> {
  return {
    target: settings.targetPercent / 100,
    period: settings.period,
    ordersStartWithBusiness: settings.ordersStartWithBusiness,
    ...(settings.withinDays === null ? {} : { withinDays: settings.withinDays }),
    trend: { ...DEFAULT_TREND, threshold: (settings.trendThresholdPercent ?? DEFAULT_SETTINGS.trendThresholdPercent) / 100 },
    lapsedFactor: settings.lapsedFactor ?? DEFAULT_SETTINGS.lapsedFactor,
  };
}

/**
 * What is remembered for a sheet. Columns are stored as sheet column numbers (1 = A), so the
 * mapping still fits when the next selection starts in another column. `format` 2 marks this
 * version's settings (see `parseRemembered`).
 */
export interface RememberedSettings {
  format: 2;
  columns: Partial<Record<Field, number>>;
  /** The status column's sheet column, null when the user chose none; absent in settings saved before statuses were read. */
  statusColumn?: number | null;
  settings: AnalysisSettings;
}

export function rememberRequest(request: AnalysisRequest, firstColumn: number): RememberedSettings {
  const columns: Partial<Record<Field, number>> = {};
  for (const field of FIELDS) {
    const column = request.mapping[field];
    if (column !== undefined) columns[field] = firstColumn + column;
  }
  const remembered: RememberedSettings = { format: 2, columns, settings: request.settings };
  if (request.statusColumn !== undefined)
    remembered.statusColumn = request.statusColumn === null ? null : firstColumn + request.statusColumn;
  return remembered;
}

/** The remembered mapping for a range starting at `firstColumn`; fields outside it are dropped. */
export function mappingForRange(remembered: RememberedSettings, firstColumn: number, width: number): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const field of FIELDS) {
    const column = remembered.columns[field];
    if (column !== undefined && column >= firstColumn && column < firstColumn + width) mapping[field] = column - firstColumn;
  }
  return mapping;
}

/**
 * The remembered status column for a range starting at `firstColumn`: its index, null when the
 * user chose none, undefined when nothing was remembered or the column lies outside the range.
 */
export function statusColumnForRange(remembered: RememberedSettings, firstColumn: number, width: number): number | null | undefined {
  const column = remembered.statusColumn;
  if (column === null) return null;
  return column !== undefined && column >= firstColumn && column < firstColumn + width ? column - firstColumn : undefined;
}

/**
 * Reads what was stored, or undefined when it is missing or damaged. Settings from before format
 * 2 load too: there "" was the unticked "exclude" box, which every user had by default, so it
 * becomes today's default (the column's project deal type) rather than "leave nothing out".
 */
export function parseRemembered(json: string | null): RememberedSettings | undefined {
  if (!json) return undefined;
  try {
    const parsed = JSON.parse(json) as Partial<RememberedSettings>;
    const columns: Partial<Record<Field, number>> = {};
    for (const field of FIELDS) {
      const column = parsed.columns?.[field];
      if (Number.isInteger(column) && column! >= 1) columns[field] = column!;
    }
    const settings = checkSettings({ ...DEFAULT_SETTINGS, ...parsed.settings });
    const olderDefault = parsed.format !== 2 && settings.excludeDealType === "";
    const remembered: RememberedSettings = {
      format: 2,
      columns,
      settings: olderDefault ? { ...settings, excludeDealType: null } : settings,
    };
    const status = parsed.statusColumn;
    if (status === null || (typeof status === "number" && Number.isInteger(status) && status >= 1)) remembered.statusColumn = status;
    return remembered;
  } catch {
    return undefined;
  }
}
