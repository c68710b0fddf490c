// The Dashboard's cells: which text, formula, number format and note goes where. Pure data built
// from the name of the orders sheet, so the formulas can be read (and tested) without Sheets.
//
//   A–B, rows 1–13   headline figures beside their labels; B3 holds the deal type left out (the
//                    one-off project deals), B4 the target (67 %), B5 whether the orders start with
//                    the business; B6 the verdict (JUDGED_RETENTION), B7 its horizon H in days,
//                    B8 the literal all-time ratio
//   row 15           section titles; row 16 the formulas whose results spill down (and right):
//   A–D              RETENTION_COHORTS          F–I  customers who bought once (FILTER over K–P)
//   K–P              CUSTOMER_SUMMARY           R→   COHORT_MATRIX, the only block growing right
// Every spilling block has empty columns on both sides and nothing below it.
// The verdict takes the Orders columns and B3 as they are, as the sidebar does; every other formula
// reads the orders through FILTER, which drops the rows whose deal type equals B3 and, for the
// functions that take no amounts, the refunds (negative amounts), which are no purchases.

import { columnLetter } from "../core/a1";
import { TEMPLATE } from "../i18n/template";
import type { Language } from "../i18n/language";

/** 1-based columns of the Orders sheet; Budget and Initiated by feed only the health check. */
export const ORDER_COLUMNS = { date: 1, customer: 2, amount: 3, manager: 4, dealType: 5, budget: 6, initiatedBy: 7 } as const;
export const ORDER_COLUMN_COUNT = Object.keys(ORDER_COLUMNS).length;

/** The deal type left out of every figure: one-off project deals, as the book says. */
export const EXCLUDED_DEAL_CELL = "$B$3";
export const TARGET_CELL = "$B$4";
/** FALSE: the data's first month is left out of the verdict (its customers may be older). */
export const STARTS_WITH_BUSINESS_CELL = "$B$5";
/** H: the "bought once" list shows only those who have had H days to come back, as the sidebar's. */
export const HORIZON_CELL = "$B$7";
/** The latest order's date: a month is old enough to judge once H days separate its end from it. */
export const LATEST_ORDER_CELL = "$B$11";
export const DEFAULT_TARGET_VALUE = 0.67;
/** Rows of the labelled figures: the three values the user sets (B3–B5), then the formulas. */
export const FIGURES = { firstRow: 3, firstFormulaRow: 6, retentionRow: 6 } as const;
export const SECTION_TITLE_ROW = 15;
export const SPILL_ROW = 16;
/** 1-based columns of the spilling blocks. */
export const BLOCKS = { cohorts: 1, once: 6, summary: 11, matrix: 18 } as const;
/** Room for ten years of monthly cohorts: cohort start, size, then +0 … +119. */
export const MATRIX_OFFSETS_ROOM = 120;
export const DASHBOARD_MIN_COLUMNS = BLOCKS.matrix + 1 + MATRIX_OFFSETS_ROOM;

export const FORMATS = { percent: "0%", rate: "0.0%", count: "0", amount: "#,##0.00", text: "@" } as const;

/** A sheet name as a formula reference: quoted unless plain ASCII letters, digits and underscores. */
export function sheetReference(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^([A-Za-z]{1,3}\d+|R\d*C\d*|TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Text inside a formula: a string literal. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Letters of a 1-based column, as Apps Script counts columns. */
export function letterOf(column: number): string {
  return columnLetter(column - 1);
}

/** An open-ended column from the first data row down: Sheets passes every row of the sheet. */
export function openColumn(column: number, firstRow: number, sheet?: string): string {
  const letter = letterOf(column);
  return `${sheet === undefined ? "" : `${sheet}!`}${letter}${firstRow}:${letter}`;
}

export interface Figure {
  label: string;
  note: string;
  /** A value the user may change (B3–B5) or a formula; every figure from FIGURES.firstFormulaRow on is a formula. */
  content: { value: string | number | boolean } | { formula: string };
  numberFormat: string;
}

export interface SpillBlock {
  column: number;
  title: string;
  note: string;
  /** The formula in row SPILL_ROW, one per column of the block when it is built column by column. */
  formulas: string[];
  /** Number formats of the block's columns below the header row, from its first column; "" = none. */
  columnFormats: string[];
}

/** Where VERDICT_DETAILS spills its eleven label and value rows, beside the figures (D3:E13). */
export const DETAILS = { row: 3, column: 4 } as const;

export interface DashboardLayout {
  title: string;
  rule: string;
  figures: Figure[];
  /** The verdict's counts, spilled at DETAILS, with the note on its first cell. */
  details: { formula: string; note: string };
  blocks: SpillBlock[];
}

/**
 * An orders column as the Dashboard's formulas take it: without the rows whose deal type equals
 * EXCLUDED_DEAL_CELL. `+` is OR: with that cell empty (or only spaces) every row is kept, even one
 * with no deal type (`E<>""` alone would drop it). Blank rows below the orders are kept, and the
 * functions skip them. `<>` ignores case in Sheets and in HyperFormula (caseSensitive is off by
 * default), and TRIM drops the spaces around, as the core's deal-type key does ("project " typed
 * with a trailing space is still a project). The core's key also reads ё as е and quotation marks
 * and no-break spaces as spaces; these formulas do not: a SUBSTITUTE for each of those 15
 * characters in every FILTER made the workbook's evaluation four times slower (the template tests
 * in HyperFormula, 7.8 s against 32 s), for values the Orders drop-down does not offer. Every column goes through the same condition, so the
 * arguments keep equal lengths. `purchases` also drops the refunds, for the functions that read no
 * amounts: a negative amount is no purchase (a blank one is, and blank >= 0 holds).
 * `excludedDealCell` names the Dashboard's cell from another sheet (the Health check's formulas).
 */
export function countedOrders(
  ordersSheet: string,
  excludedDealCell = EXCLUDED_DEAL_CELL,
): { counted: (column: number) => string; purchases: (column: number) => string } {
  const dealTypes = openColumn(ORDER_COLUMNS.dealType, 2, ordersSheet);
  const kept = `(TRIM(${dealTypes})<>TRIM(${excludedDealCell}))+(TRIM(${excludedDealCell})="")`;
  const notRefund = `(${openColumn(ORDER_COLUMNS.amount, 2, ordersSheet)}>=0)`;
  return {
    counted: (column) => `FILTER(${openColumn(column, 2, ordersSheet)}, ${kept})`,
    purchases: (column) => `FILTER(${openColumn(column, 2, ordersSheet)}, (${kept})*${notRefund})`,
  };
}

/**
 * The verdict, with the same columns and settings as the sidebar reads on the Orders sheet: amounts
 * (refunds are no purchases), deal types with B3 left out, months, H from the data.
 */
function verdictFormula(name: "JUDGED_RETENTION" | "VERDICT_DETAILS" | "RETENTION_HORIZON", ordersSheet: string): string {
  const column = (n: number): string => openColumn(n, 2, ordersSheet);
  const { customer, date, amount, dealType } = ORDER_COLUMNS;
  const orders = [column(customer), column(date), column(amount), column(dealType), EXCLUDED_DEAL_CELL].join(", ");
  // H depends on the purchases only: no period, no first-period setting.
  return name === "RETENTION_HORIZON" ? `=${name}(${orders})` : `=${name}(${orders}, "month", "", ${STARTS_WITH_BUSINESS_CELL})`;
}

export function dashboardLayout(language: Language, ordersSheetName: string, dateFormat: string): DashboardLayout {
  const t = TEMPLATE[language];
  const ordersSheet = sheetReference(ordersSheetName);
  const { counted, purchases } = countedOrders(ordersSheet);
  const dates = purchases(ORDER_COLUMNS.date);
  const customersAndDates = `${purchases(ORDER_COLUMNS.customer)}, ${dates}`;
  const withAmounts = `${counted(ORDER_COLUMNS.customer)}, ${counted(ORDER_COLUMNS.date)}`;
  const amounts = counted(ORDER_COLUMNS.amount);
  const formula = (text: string): Figure["content"] => ({ formula: text });
  const figures: Figure[] = [
    { label: t.excludedDeal, note: t.excludedDealNote, content: { value: t.projectDeal }, numberFormat: FORMATS.text },
    { label: t.target, note: t.targetNote, content: { value: DEFAULT_TARGET_VALUE }, numberFormat: FORMATS.percent },
    // Text format, so TRUE typed as text reads as well: JUDGED_RETENTION takes TRUE/FALSE either way.
    { label: t.startsWithBusiness, note: t.startsWithBusinessNote, content: { value: false }, numberFormat: FORMATS.text },
    {
      label: t.retention,
      note: t.retentionNote,
      content: formula(verdictFormula("JUDGED_RETENTION", ordersSheet)),
      numberFormat: FORMATS.rate,
    },
    {
      label: t.horizon,
      note: t.horizonNote,
      content: formula(verdictFormula("RETENTION_HORIZON", ordersSheet)),
      numberFormat: FORMATS.count,
    },
    {
      label: t.retentionAllTime,
      note: t.retentionAllTimeNote,
      content: formula(`=RETENTION_RATE(${customersAndDates})`),
      numberFormat: FORMATS.rate,
    },
    {
      label: t.newCustomers,
      note: t.newCustomersNote,
      content: formula(`=FIRST_PURCHASES(${customersAndDates})`),
      numberFormat: FORMATS.count,
    },
    { label: t.returned, note: t.returnedNote, content: formula(`=SECOND_PURCHASES(${customersAndDates})`), numberFormat: FORMATS.count },
    // From the data, not TODAY(): the figures only change when the orders do. With no orders it
    // stays empty: MAX of nothing is 0, which a date format shows as 1899-12-30.
    {
      label: t.latestOrder,
      note: t.latestOrderNote,
      content: formula(`=IF(COUNT(${dates}), MAX(${dates}), "")`),
      numberFormat: dateFormat,
    },
    {
      label: t.repeatShare,
      note: t.repeatShareNote,
      content: formula(`=REPEAT_REVENUE_SHARE(${withAmounts}, ${amounts})`),
      numberFormat: FORMATS.rate,
    },
    {
      label: t.medianDays,
      note: t.medianDaysNote,
      content: formula(`=TIME_TO_SECOND_PURCHASE(${customersAndDates})`),
      numberFormat: FORMATS.count,
    },
  ];
  return {
    title: t.title,
    rule: t.rule,
    figures,
    details: { formula: verdictFormula("VERDICT_DETAILS", ordersSheet), note: t.detailsNote },
    blocks: spillBlocks(language, { customersAndDates, withAmounts, amounts }, dateFormat),
  };
}

/** The orders as the blocks take them: purchases only, or every counted row with its amount. */
interface BlockOrders {
  customersAndDates: string;
  withAmounts: string;
  amounts: string;
}

function spillBlocks(language: Language, orders: BlockOrders, dateFormat: string): SpillBlock[] {
  const { customersAndDates, withAmounts, amounts } = orders;
  const t = TEMPLATE[language];
  const firstDataRow = SPILL_ROW + 1;
  const summaryColumn = (offset: number): string => openColumn(BLOCKS.summary + offset, firstDataRow);
  // CUSTOMER_SUMMARY columns: customer, first, last, purchases, total amount, days since last.
  // Bought on one day only, and had H days to come back: for them the days since the last
  // purchase are the days since the first, which the verdict compares with H.
  const boughtOnce = `(${summaryColumn(3)}=1)*(${summaryColumn(5)}>=${HORIZON_CELL})`;
  // One FILTER per column: HyperFormula filters single columns only, and Sheets accepts this too.
  // VSTACK puts the header in the same formula; IFERROR leaves the list empty when nobody matches.
  const onceColumn = (header: string, summaryOffset: number): string =>
    `=VSTACK(${literal(header)}, IFERROR(FILTER(${summaryColumn(summaryOffset)}, ${boughtOnce}), ""))`;
  return [
    {
      column: BLOCKS.cohorts,
      title: t.cohortsTitle,
      note: t.cohortsNote,
      // Returns counted within H, as the verdict and the sidebar's cohort table count them.
      formulas: [`=RETENTION_COHORTS(${customersAndDates}, "month", ${HORIZON_CELL})`],
      columnFormats: [dateFormat, FORMATS.count, FORMATS.count, FORMATS.rate],
    },
    {
      column: BLOCKS.once,
      title: t.onceTitle,
      note: t.onceNote,
      formulas: [onceColumn(t.customer, 0), onceColumn(t.purchaseDate, 1), onceColumn(t.amount, 4), onceColumn(t.daysSince, 5)],
      columnFormats: ["", dateFormat, FORMATS.amount, FORMATS.count],
    },
    {
      column: BLOCKS.summary,
      title: t.customersTitle,
      note: t.customersNote,
      formulas: [`=CUSTOMER_SUMMARY(${withAmounts}, ${amounts})`],
      columnFormats: ["", dateFormat, dateFormat, FORMATS.count, FORMATS.amount, FORMATS.count],
    },
    {
      column: BLOCKS.matrix,
      title: t.matrixTitle,
      note: t.matrixNote,
      formulas: [`=COHORT_MATRIX(${customersAndDates}, "month", "rate")`],
      columnFormats: [dateFormat, FORMATS.count, ...Array<string>(MATRIX_OFFSETS_ROOM).fill(FORMATS.percent)],
    },
  ];
}
