// The Dashboard's cells: which text, formula, number format and note goes where. Pure data built
// from the name of the orders sheet, so the formulas can be read (and tested) without Sheets.
//
//   A–B, rows 1–13   headline figures beside their labels; B4 holds the target (67 %)
//   row 15           section titles; row 16 the formulas whose results spill down (and right):
//   A–D              RETENTION_COHORTS          F–I  customers who bought once (FILTER over K–P)
//   K–P              CUSTOMER_SUMMARY           R→   COHORT_MATRIX, the only block growing right
// Every spilling block has empty columns on both sides and nothing below it.

import { columnLetter } from "../core/analyze-table";
import { TEMPLATE } from "../i18n/template";
import type { Language } from "../i18n/language";

export const TARGET_CELL = "$B$4";
export const DEFAULT_TARGET_VALUE = 0.67;
export const FIGURES = { firstRow: 4, lastRow: 13, retentionRow: 5 } as const;
export const SECTION_TITLE_ROW = 15;
export const SPILL_ROW = 16;
/** 1-based columns of the spilling blocks. */
export const BLOCKS = { cohorts: 1, once: 6, summary: 11, matrix: 18 } as const;
/** Room for ten years of monthly cohorts: cohort start, size, then +0 … +119. */
export const MATRIX_OFFSETS_ROOM = 120;
export const DASHBOARD_MIN_COLUMNS = BLOCKS.matrix + 1 + MATRIX_OFFSETS_ROOM;

export const FORMATS = { percent: "0%", rate: "0.0%", count: "0", amount: "#,##0.00" } as const;

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
function openColumn(column: number, firstRow: number, sheet?: string): string {
  const letter = letterOf(column);
  return `${sheet === undefined ? "" : `${sheet}!`}${letter}${firstRow}:${letter}`;
}

export interface Figure {
  label: string;
  note: string;
  /** A formula, or the target's value. */
  content: string | number;
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

export interface DashboardLayout {
  title: string;
  rule: string;
  figures: Figure[];
  blocks: SpillBlock[];
}

export function dashboardLayout(language: Language, ordersSheetName: string, dateFormat: string): DashboardLayout {
  const t = TEMPLATE[language];
  const orders = sheetReference(ordersSheetName);
  const dates = openColumn(1, 2, orders);
  const customersAndDates = `${openColumn(2, 2, orders)}, ${dates}`;
  const amounts = openColumn(3, 2, orders);
  const windowStart = `$B$${FIGURES.firstRow + 4}`;
  const windowEnd = `$B$${FIGURES.firstRow + 5}`;
  const figures: Figure[] = [
    { label: t.target, note: t.targetNote, content: DEFAULT_TARGET_VALUE, numberFormat: FORMATS.percent },
    { label: t.retention, note: t.retentionNote, content: `=RETENTION_RATE(${customersAndDates})`, numberFormat: FORMATS.rate },
    { label: t.newCustomers, note: t.newCustomersNote, content: `=FIRST_PURCHASES(${customersAndDates})`, numberFormat: FORMATS.count },
    { label: t.returned, note: t.returnedNote, content: `=SECOND_PURCHASES(${customersAndDates})`, numberFormat: FORMATS.count },
    // Bounds taken from the data, not TODAY(): the figures only change when the orders do.
    { label: t.windowStart, note: t.windowStartNote, content: `=EDATE(MAX(${dates}), -12) + 1`, numberFormat: dateFormat },
    { label: t.windowEnd, note: t.windowEndNote, content: `=MAX(${dates})`, numberFormat: dateFormat },
    {
      label: t.newCustomers12,
      note: t.last12Note,
      content: `=FIRST_PURCHASES(${customersAndDates}, ${windowStart}, ${windowEnd})`,
      numberFormat: FORMATS.count,
    },
    {
      label: t.returned12,
      note: t.last12Note,
      content: `=SECOND_PURCHASES(${customersAndDates}, ${windowStart}, ${windowEnd})`,
      numberFormat: FORMATS.count,
    },
    {
      label: t.repeatShare,
      note: t.repeatShareNote,
      content: `=REPEAT_REVENUE_SHARE(${customersAndDates}, ${amounts})`,
      numberFormat: FORMATS.rate,
    },
    { label: t.medianDays, note: t.medianDaysNote, content: `=TIME_TO_SECOND_PURCHASE(${customersAndDates})`, numberFormat: FORMATS.count },
  ];
  return { title: t.title, rule: t.rule, figures, blocks: spillBlocks(language, customersAndDates, amounts, dateFormat) };
}

function spillBlocks(language: Language, customersAndDates: string, amounts: string, dateFormat: string): SpillBlock[] {
  const t = TEMPLATE[language];
  const firstDataRow = SPILL_ROW + 1;
  const summaryColumn = (offset: number): string => openColumn(BLOCKS.summary + offset, firstDataRow);
  // CUSTOMER_SUMMARY columns: customer, first, last, purchases, total amount, days since last.
  const boughtOnce = `${summaryColumn(3)}=1`;
  // One FILTER per column: HyperFormula filters single columns only, and Sheets accepts this too.
  // VSTACK puts the header in the same formula; IFERROR leaves the list empty when nobody matches.
  const onceColumn = (header: string, summaryOffset: number): string =>
    `=VSTACK(${literal(header)}, IFERROR(FILTER(${summaryColumn(summaryOffset)}, ${boughtOnce}), ""))`;
  return [
    {
      column: BLOCKS.cohorts,
      title: t.cohortsTitle,
      note: t.cohortsNote,
      formulas: [`=RETENTION_COHORTS(${customersAndDates}, "month")`],
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
      formulas: [`=CUSTOMER_SUMMARY(${customersAndDates}, ${amounts})`],
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
