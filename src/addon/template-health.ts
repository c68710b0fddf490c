// The Health check sheet's cells: the book's eight questions, a trend line beside those judged by a
// trend, the months and the lapsed customers. Pure data built from the sheet names, as the
// Dashboard's layout is, so the formulas can be read (and tested) without Sheets.
//
//   rows 1–2   title, and what the sheet answers with which settings
//   row 3      this sheet's own settings: A3–B3 the trend threshold, C3–D3 the lapsed factor
//   A4:C12     HEALTH_CHECK: a header and the eight answers, always nine rows, so the blocks
//              below it never collide with it
//   D4:D12     "Trend", then a SPARKLINE on the row of each question judged by a trend
//   row 14     section titles; row 15 the formulas whose results spill down:
//   A–I        REVENUE_SPLIT          K–Q   LAPSED_CUSTOMERS
// Every spilling block has empty columns on both sides and nothing below it. Every formula reads
// the open Orders columns and the Dashboard's settings (B3 deal type left out, B4 target, B5
// orders start with the business, B11 latest order); HEALTH_CHECK and LAPSED_CUSTOMERS read this
// sheet's two of row 3 as well. So changing a setting changes every answer.

import { DEFAULT_LAPSED_FACTOR } from "../core/health/lapsed";
import type { QuestionId } from "../core/health/questions";
import { DEFAULT_TREND } from "../core/health/trend";
import { HEALTH_TEXT } from "../i18n/health";
import type { Language } from "../i18n/language";
import { TEMPLATE } from "../i18n/template";
import {
  countedOrders,
  EXCLUDED_DEAL_CELL,
  FORMATS,
  LATEST_ORDER_CELL,
  letterOf,
  openColumn,
  ORDER_COLUMNS,
  sheetReference,
  STARTS_WITH_BUSINESS_CELL,
  TARGET_CELL,
  type SpillBlock,
} from "./template-dashboard";

/** This sheet's settings, each a label and the value right of it, in this row. */
export const SETTINGS_ROW = 3;
const TREND_THRESHOLD_LABEL_COLUMN = 1;
const LAPSED_FACTOR_LABEL_COLUMN = 3;
/** The cell of the value whose label is in `labelColumn`. */
const settingCell = (labelColumn: number): string => `$${letterOf(labelColumn + 1)}$${SETTINGS_ROW}`;
export const TREND_THRESHOLD_CELL = settingCell(TREND_THRESHOLD_LABEL_COLUMN);
export const LAPSED_FACTOR_CELL = settingCell(LAPSED_FACTOR_LABEL_COLUMN);

/** Where HEALTH_CHECK spills: a header row, then questions 1 to 8 in order. */
export const CHECK = { row: 4, column: 1, rows: 9, columns: 3 } as const;
/** The trend lines' column, right of the answers. */
export const TREND_COLUMN = CHECK.column + CHECK.columns;
export const HEALTH_SECTION_TITLE_ROW = 14;
export const HEALTH_SPILL_ROW = 15;
export const HEALTH_BLOCKS = { periods: 1, lapsed: 11 } as const;

/** REVENUE_SPLIT's columns, in the order the function spills them. */
export const PERIOD_COLUMNS = [
  "periodStart",
  "activeCustomers",
  "newCustomers",
  "existingCustomers",
  "newRevenue",
  "existingRevenue",
  "purchases",
  "averageOrder",
  "activeBase",
] as const;
export type PeriodColumn = (typeof PERIOD_COLUMNS)[number];

/** A column of REVENUE_SPLIT, or question 1's share, which two of its columns make. */
export type TrendSeries = PeriodColumn | "existingShare";

/** The monthly figure each trend question rests on: the health check's `series` for it. */
export const TREND_SERIES: Partial<Record<QuestionId, TrendSeries>> = {
  1: "existingShare",
  3: "existingRevenue",
  6: "averageOrder",
  8: "activeBase",
};

/** A setting of the sheet: its label in `column`, its value right of it. */
export interface HealthSetting {
  column: number;
  label: string;
  note: string;
  value: number;
  numberFormat: string;
}

export interface HealthLayout {
  title: string;
  rule: string;
  settings: HealthSetting[];
  check: { formula: string; note: string };
  trend: { title: string; note: string /** One per answer row (questions 1…8): a SPARKLINE or "". */; sparklines: string[] };
  blocks: SpillBlock[];
  /** What HEALTH_CHECK writes in its verdict column, for the colours. */
  verdicts: { good: string; watch: string; bad: string };
}

/** The sheet's row of question `id` (1…8) in the HEALTH_CHECK block. */
export function questionRow(id: number): number {
  return CHECK.row + id;
}

/** A column of the REVENUE_SPLIT block, from its first data row down. */
export function periodColumnRange(column: PeriodColumn): string {
  return openColumn(HEALTH_BLOCKS.periods + PERIOD_COLUMNS.indexOf(column), HEALTH_SPILL_ROW + 1);
}

export function healthLayout(language: Language, ordersSheetName: string, dashboardSheetName: string, dateFormat: string): HealthLayout {
  const t = TEMPLATE[language];
  const words = HEALTH_TEXT[language];
  const orders = sheetReference(ordersSheetName);
  const dashboard = sheetReference(dashboardSheetName);
  const setting = (cell: string): string => `${dashboard}!${cell}`;
  const column = (n: number): string => openColumn(n, 2, orders);
  const { customer, date, amount, manager, dealType, budget, initiatedBy } = ORDER_COLUMNS;
  const excluded = setting(EXCLUDED_DEAL_CELL);
  const checkArguments = [
    column(customer),
    column(date),
    column(amount),
    column(manager),
    column(dealType),
    excluded,
    column(budget),
    column(initiatedBy),
    '"month"',
    setting(STARTS_WITH_BUSINESS_CELL),
    setting(TARGET_CELL),
    LAPSED_FACTOR_CELL,
    TREND_THRESHOLD_CELL,
  ];
  return {
    title: words.title,
    rule: t.healthRule,
    settings: [
      {
        column: TREND_THRESHOLD_LABEL_COLUMN,
        label: t.trendThreshold,
        note: t.trendThresholdNote,
        value: DEFAULT_TREND.threshold,
        numberFormat: FORMATS.rate,
      },
      {
        column: LAPSED_FACTOR_LABEL_COLUMN,
        label: t.lapsedFactor,
        note: t.lapsedFactorNote,
        value: DEFAULT_LAPSED_FACTOR,
        numberFormat: "0.0",
      },
    ],
    check: { formula: `=HEALTH_CHECK(${checkArguments.join(", ")})`, note: t.healthNote },
    trend: {
      title: t.trendTitle,
      note: t.trendNote,
      sparklines: Array.from({ length: CHECK.rows - 1 }, (_, i) =>
        sparkline(TREND_SERIES[(i + 1) as QuestionId], setting(LATEST_ORDER_CELL)),
      ),
    },
    blocks: healthBlocks(language, { orders, excluded, column }, dateFormat),
    verdicts: { good: words.good, watch: words.watch, bad: words.bad },
  };
}

/**
 * A line over the complete months of a REVENUE_SPLIT column: those whose last day is on or before
 * the latest order, as the health check judges them (the month in progress would dip at the end).
 * IFERROR: before a month is complete there is nothing to draw, and FILTER would say #N/A.
 */
function sparkline(series: TrendSeries | undefined, latestOrder: string): string {
  if (series === undefined) return "";
  const starts = periodColumnRange("periodStart");
  const complete = `(${starts}<>"")*(EOMONTH(${starts}, 0)<=${latestOrder})`;
  return `=SPARKLINE(IFERROR(FILTER(${seriesRange(series)}, ${complete}), 0))`;
}

/**
 * The month-by-month values of a series. The share is existing ÷ all revenue, 0 where the revenue
 * is not above 0 (no share, which the health check's line also draws as 0), written so that no
 * month divides by 0: a #DIV/0! among the values would blank the whole line.
 */
function seriesRange(series: TrendSeries): string {
  if (series !== "existingShare") return periodColumnRange(series);
  const existing = periodColumnRange("existingRevenue");
  const revenue = `(${periodColumnRange("newRevenue")}+${existing})`;
  return `${existing}*(${revenue}>0)/ABS(${revenue}+(${revenue}=0))`;
}

/** How the blocks name the orders: the Orders sheet, the Dashboard's B3, an open Orders column. */
interface OrderReferences {
  orders: string;
  excluded: string;
  column: (n: number) => string;
}

function healthBlocks(language: Language, { orders, excluded, column }: OrderReferences, dateFormat: string): SpillBlock[] {
  const t = TEMPLATE[language];
  // LAPSED_CUSTOMERS takes no deal types: the rows of the deal type left out go through FILTER, as
  // on the Dashboard. The amounts stay in, refunds too: the function handles them.
  const { counted } = countedOrders(orders, excluded);
  const { customer, date, amount: amounts, manager, dealType } = ORDER_COLUMNS;
  const lapsedOrders = [counted(customer), counted(date), counted(amounts), counted(manager)].join(", ");
  const { count, amount } = FORMATS;
  return [
    {
      column: HEALTH_BLOCKS.periods,
      title: t.periodsTitle,
      note: t.periodsNote,
      formulas: [`=REVENUE_SPLIT(${column(customer)}, ${column(date)}, ${column(amounts)}, "month", ${column(dealType)}, ${excluded})`],
      // As PERIOD_COLUMNS: the start, three counts, two revenues, purchases, the average order, the base.
      columnFormats: [dateFormat, count, count, count, amount, amount, count, amount, count],
    },
    {
      column: HEALTH_BLOCKS.lapsed,
      title: t.lapsedTitle,
      note: t.lapsedNote,
      // No contacts column in the template: "" leaves that argument out.
      formulas: [`=LAPSED_CUSTOMERS(${lapsedOrders}, "", ${LAPSED_FACTOR_CELL})`],
      columnFormats: ["", "", dateFormat, "0.0", count, amount, ""],
    },
  ];
}
