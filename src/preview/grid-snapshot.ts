// What the preview page draws for one sheet: display text per cell, right-aligned numbers, static
// backgrounds and the cells that a conditional format rule colours. Plain JSON for the page.

import { isDateObject } from "../core/cells";
import { parseA1, formatA1, displayValue, type FakeSheet, type RuleDescription } from "../fake-sheets/index";

export interface GridRow {
  /** Sheet row number (1-based). */
  row: number;
  cells: string[];
  /** 0-based columns holding numbers or dates (drawn right-aligned, like Sheets). */
  right?: number[];
  /** Column → background colour, from the cell's own fill or a conditional format rule. */
  fill?: Record<number, string>;
  /** 0-based columns coloured by a conditional format rule (the add-on's highlight). */
  ruled?: number[];
}

export interface GridSnapshot {
  /** Changes whenever the spreadsheet may look different; see Workbook.version. */
  version: string;
  sheets: string[];
  sheet: string;
  columns: number;
  rows: GridRow[];
  /** Rows past the render cap, not sent. */
  rowsNotShown: number;
  /** The selection in A1 notation, and its bounds for drawing. */
  selection: { a1: string; row: number; column: number; numRows: number; numColumns: number };
}

/** Rows beyond this are not sent: the page stays quick on a 100 000-row CSV. */
export const RENDER_ROW_CAP = 20_000;

const RULE_FILL_DEFAULT = "#f4c7c3";

/**
 * Whether a rule holds on every cell of its ranges without evaluating anything: no condition, or a
 * custom formula that refers to no cell — like the add-on's highlight, `=ISTEXT("…")` over exactly
 * the rows to colour. Rules that compare cells (the template's `=B5<$B$4`) are not drawn.
 */
function holdsEverywhere(rule: RuleDescription): boolean {
  if (rule.gradient !== null) return false;
  if (rule.criteria === null) return true;
  if (rule.criteria !== "CUSTOM_FORMULA") return false;
  const formula = String(rule.criteriaValues[0] ?? "").replace(/"(?:[^"]|"")*"/g, "");
  return !/\$?[A-Za-z]{1,3}\$?\d/.test(formula);
}

/** Cells where a conditional format rule paints a background (see holdsEverywhere). */
function ruleFills(sheet: FakeSheet, lastRow: number, columns: number): Map<number, Map<number, string>> {
  const fills = new Map<number, Map<number, string>>();
  for (const rule of sheet.describeRules()) {
    if (!holdsEverywhere(rule)) continue;
    const colour = rule.background ?? RULE_FILL_DEFAULT;
    for (const a1 of rule.ranges) {
      const { bounds } = parseA1(a1, sheet.grid.maxRows, sheet.grid.maxColumns);
      const lastRuleRow = Math.min(lastRow, bounds.row + bounds.numRows - 1);
      for (let row = bounds.row; row <= lastRuleRow; row++) {
        let byColumn = fills.get(row);
        if (byColumn === undefined) fills.set(row, (byColumn = new Map()));
        const lastColumn = Math.min(columns, bounds.column + bounds.numColumns - 1);
        for (let column = bounds.column; column <= lastColumn; column++) if (!byColumn.has(column)) byColumn.set(column, colour);
      }
    }
  }
  return fills;
}

/**
 * Display text of a formula sheet as a formula engine computed it, by 0-based row and column: it
 * reaches past the stored cells where results spill.
 */
export type ComputedText = readonly (readonly string[])[];

/** Computed text that reads as a number, percentage or date is drawn right-aligned, like Sheets. */
const NUMERIC_TEXT = /^-?[\d\s.,/]*\d[\d\s.,/]*%?$/;

function gridRow(
  sheet: FakeSheet,
  row: number,
  columns: number,
  timeZone: string,
  ruled: Map<number, string> | undefined,
  computed: ComputedText | undefined,
): GridRow {
  const cells: string[] = [];
  const right: number[] = [];
  const fill: Record<number, string> = {};
  const ruledColumns: number[] = [];
  for (let column = 1; column <= columns; column++) {
    const value = sheet.grid.value(row, column);
    const text = computed ? (computed[row - 1]?.[column - 1] ?? "") : undefined;
    cells.push(text ?? displayValue(value, sheet.grid.format("numberFormat", row, column), timeZone));
    const numeric = text === undefined ? typeof value === "number" || isDateObject(value) : NUMERIC_TEXT.test(text);
    if (numeric) right.push(column - 1);
    const background = sheet.grid.format("background", row, column);
    const ruleColour = ruled?.get(column);
    if (ruleColour !== undefined) {
      fill[column - 1] = ruleColour;
      ruledColumns.push(column - 1);
    } else if (background !== "#ffffff") fill[column - 1] = background;
  }
  return {
    row,
    cells,
    ...(right.length > 0 ? { right } : {}),
    ...(Object.keys(fill).length > 0 ? { fill } : {}),
    ...(ruledColumns.length > 0 ? { ruled: ruledColumns } : {}),
  };
}

export function gridSnapshot(
  sheet: FakeSheet,
  sheetNames: string[],
  timeZone: string,
  version: string,
  computed?: ComputedText,
): GridSnapshot {
  const lastRow = Math.max(sheet.grid.lastRow(), computed?.length ?? 0);
  const columns = Math.max(1, sheet.grid.lastColumn(), ...(computed ?? []).map((row) => row.length));
  const shownRows = Math.min(lastRow, RENDER_ROW_CAP);
  const fills = ruleFills(sheet, shownRows, columns);
  const rows: GridRow[] = [];
  for (let row = 1; row <= shownRows; row++) rows.push(gridRow(sheet, row, columns, timeZone, fills.get(row), computed));
  return {
    version,
    sheets: sheetNames,
    sheet: sheet.getName(),
    columns,
    rows,
    rowsNotShown: lastRow - shownRows,
    selection: { a1: formatA1(sheet.selection), ...sheet.selection },
  };
}
