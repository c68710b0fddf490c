// The user's column mapping and analysis settings: defaults, checking what the sidebar sends, and
// the form remembered per sheet. Pure: the sheet access is in remembered-settings.ts.

import type { ColumnMapping, Field } from "../core/columns";
import { PERIODS } from "../core/periods";
import { DEFAULT_TARGET, type ReportSettings } from "../core/report";
import { fail } from "../core/problems";
import type { AnalysisRequest, AnalysisSettings } from "./sidebar-api";

export const DEFAULT_SETTINGS: AnalysisSettings = {
  targetPercent: Math.round(DEFAULT_TARGET * 100),
  period: "month",
  withinDays: null,
  excludeDealType: "",
};

const FIELDS: readonly Field[] = ["customer", "date", "amount", "manager", "dealType"];

/** A request the add-on can run; messages name what was wrong (see `RequestError`). */
export class RequestError extends Error {
  constructor(
    readonly code: "badTarget" | "badColumn" | "missingColumn",
    readonly details: Record<string, string | number>,
  ) {
    super(code);
    this.name = "RequestError";
  }
}

/**
 * Checks the settings that come from the sidebar (google.script.run passes whatever the page
 * sends): a target of 0…100, a known period, a whole number of days or null.
 */
export function checkSettings(settings: AnalysisSettings): AnalysisSettings {
  const { targetPercent, period, withinDays, excludeDealType } = settings;
  if (typeof targetPercent !== "number" || !Number.isFinite(targetPercent) || targetPercent < 0 || targetPercent > 100) {
    throw new RequestError("badTarget", { value: String(targetPercent) });
  }
  if (!PERIODS.includes(period)) fail({ code: "unknownPeriod", argument: "period", value: period });
  if (withinDays !== null && (!Number.isInteger(withinDays) || withinDays < 0)) {
    fail({ code: "badWithinDays", argument: "within_days", value: withinDays });
  }
  return { targetPercent, period, withinDays, excludeDealType: typeof excludeDealType === "string" ? excludeDealType : "" };
}

/** Keeps only the known fields, each a column index inside a range `width` columns wide. */
export function checkMapping(mapping: ColumnMapping, width: number, rangeA1: string): ColumnMapping {
  const checked: ColumnMapping = {};
  for (const field of FIELDS) {
    const column = mapping[field];
    if (column === undefined || column === null) continue;
    if (!Number.isInteger(column) || column < 0 || column >= width) {
      throw new RequestError("badColumn", { field, value: String(column), range: rangeA1 });
    }
    checked[field] = column;
  }
  return checked;
}

/** The customer and date columns are required; the others are optional. */
const REQUIRED_FIELDS: readonly Field[] = ["customer", "date"];

export function checkRequest(request: AnalysisRequest, width: number, rangeA1: string): AnalysisRequest {
  const mapping = checkMapping(request.mapping ?? {}, width, rangeA1);
  const missing = REQUIRED_FIELDS.find((field) => mapping[field] === undefined);
  if (missing !== undefined) throw new RequestError("missingColumn", { field: missing, range: rangeA1 });
  return { mapping, settings: checkSettings(request.settings ?? DEFAULT_SETTINGS) };
}

export function reportSettings(settings: AnalysisSettings): Omit<ReportSettings, "hasManagers" | "hasAmounts"> {
  return {
    target: settings.targetPercent / 100,
    period: settings.period,
    ...(settings.withinDays === null ? {} : { withinDays: settings.withinDays }),
  };
}

/**
 * What is remembered for a sheet. Columns are stored as sheet column numbers (1 = A), so the
 * mapping still fits when the next selection starts in another column.
 */
export interface RememberedSettings {
  columns: Partial<Record<Field, number>>;
  settings: AnalysisSettings;
}

export function rememberRequest(request: AnalysisRequest, firstColumn: number): RememberedSettings {
  const columns: Partial<Record<Field, number>> = {};
  for (const field of FIELDS) {
    const column = request.mapping[field];
    if (column !== undefined) columns[field] = firstColumn + column;
  }
  return { columns, settings: request.settings };
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

/** Reads what was stored, or undefined when it is missing, from another version or damaged. */
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
    return { columns, settings };
  } catch {
    return undefined;
  }
}

