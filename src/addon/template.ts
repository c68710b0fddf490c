// "Create template": an Orders sheet ready for data and a Dashboard of retention formulas over it.
// It never overwrites anything: a taken name gets the next free number ("Orders 2"), and every
// formula points at the sheet actually created. Writes go in blocks, so the number of Apps Script
// calls is the same for an empty template and for thousands of sample orders.

import { inputLocale } from "../core/cells";
import { formulaSafeText } from "../core/formula-safe";
import { ZoneCalendar } from "../core/time-zone";
import { fill, languageForLocale, type Language } from "../i18n/language";
import { TEMPLATE } from "../i18n/template";
import {
  BLOCKS,
  DASHBOARD_MIN_COLUMNS,
  dashboardLayout,
  DETAILS,
  FIGURES,
  HORIZON_CELL,
  LATEST_ORDER_CELL,
  FORMATS,
  letterOf,
  SECTION_TITLE_ROW,
  SPILL_ROW,
  TARGET_CELL,
  type DashboardLayout,
} from "./template-dashboard";
import { DEFAULT_SAMPLE_CUSTOMERS, sampleOrders } from "./template-sample";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface TemplateOptions {
  /** How many sample customers to invent (about 2.3 orders each); 0 or absent: no sample orders. */
  sampleCustomers?: number;
}

export interface CreatedTemplate {
  ordersSheet: string;
  dashboardSheet: string;
  sampleOrders: number;
}

const ORDER_COLUMNS = 5;
const RED = "#f4c7c3";
const DARK_RED = "#a50e0e";
const WHITE = "#ffffff";
const GREEN = "#57bb8a";

/** `base` when free, else `base 2`, `base 3` … */
export function freeSheetName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}

/** The date pattern people of this locale write: 05.03.2024, 03/05/2024, 05/03/2024 or 2024-03-05. */
export function datePattern(locale: string): string {
  if (languageForLocale(locale) === "ru") return "dd.MM.yyyy";
  const order = inputLocale(locale, "UTC").slashOrder;
  return order === "MDY" ? "MM/dd/yyyy" : order === "YMD" ? "yyyy-MM-dd" : "dd/MM/yyyy";
}

/** Adds the two sheets after the existing ones and returns what it created. */
export function buildTemplate(spreadsheet: Spreadsheet, options: TemplateOptions = {}): CreatedTemplate {
  const locale = spreadsheet.getSpreadsheetLocale();
  const language = languageForLocale(locale);
  const t = TEMPLATE[language];
  const existing = spreadsheet.getSheets();
  const taken = new Set(existing.map((sheet) => sheet.getName()));
  const ordersName = freeSheetName(t.ordersSheet, taken);
  const dashboardName = freeSheetName(t.dashboardSheet, new Set([...taken, ordersName]));
  const dateFormat = datePattern(locale);

  const rows = orderRows(language, new ZoneCalendar(spreadsheet.getSpreadsheetTimeZone()), options.sampleCustomers ?? 0);
  const orders = spreadsheet.insertSheet(ordersName, existing.length);
  writeOrders(orders, language, rows, dateFormat);

  const dashboard = spreadsheet.insertSheet(dashboardName, existing.length + 1);
  writeDashboard(dashboard, dashboardLayout(language, ordersName, dateFormat));
  spreadsheet.toast(fill(t.created, { orders: ordersName, dashboard: dashboardName }));
  return { ordersSheet: ordersName, dashboardSheet: dashboardName, sampleOrders: rows.length - 1 };
}

/** Header and sample rows. Names pass through formulaSafeText: "=Сервис+" stays a customer name. */
function orderRows(language: Language, zone: ZoneCalendar, sampleCustomers: number): unknown[][] {
  const t = TEMPLATE[language];
  const header = [t.date, t.customer, t.amount, t.manager, t.dealType];
  const samples = sampleCustomers > 0 ? sampleOrders(language, sampleCustomers) : [];
  return [
    header,
    ...samples.map((order) => [
      // Midnight in the spreadsheet's time zone: the cell shows the order's day.
      new Date(zone.startOf(order.day)),
      formulaSafeText(order.customer),
      order.amount,
      formulaSafeText(order.manager),
      order.project ? t.projectDeal : t.regularDeal,
    ]),
  ];
}

/** Grows a new sheet to at least this many rows and columns (a new sheet has 1000 × 26). */
function ensureSize(sheet: Sheet, rows: number, columns: number): { rows: number; columns: number } {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  return { rows: Math.max(rows, maxRows), columns: Math.max(columns, maxColumns) };
}

function writeOrders(sheet: Sheet, language: Language, rows: unknown[][], dateFormat: string): void {
  const t = TEMPLATE[language];
  // Room below the samples for the user's own orders.
  const size = ensureSize(sheet, rows.length + 100, ORDER_COLUMNS);
  sheet.getRange(1, 1, rows.length, ORDER_COLUMNS).setValues(rows);
  sheet.getRange(1, 1, 1, ORDER_COLUMNS).setFontWeight("bold");
  sheet.setFrozenRows(1);
  const dataRows = size.rows - 1;
  // Reject, not warn: a custom function stops at the first unreadable date rather than return a
  // wrong figure, so one bad date would blank the whole dashboard. Real dates typed or pasted in
  // any format Sheets understands pass.
  const dateRule = SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).setHelpText(t.dateHelp).build();
  sheet.getRange(2, 1, dataRows, 1).setNumberFormat(dateFormat).setDataValidation(dateRule);
  sheet.getRange(2, 3, dataRows, 1).setNumberFormat(FORMATS.amount);
  // Warn only: a business may have deal types of its own.
  const dealRule = SpreadsheetApp.newDataValidation()
    .requireValueInList([t.regularDeal, t.projectDeal], true)
    .setAllowInvalid(true)
    .setHelpText(t.dealTypeHelp)
    .build();
  sheet.getRange(2, 5, dataRows, 1).setDataValidation(dealRule);
  sheet.setColumnWidths(1, ORDER_COLUMNS, 140);
  sheet.setColumnWidth(2, 240);
}

function writeDashboard(sheet: Sheet, layout: DashboardLayout): void {
  const size = ensureSize(sheet, 1000, DASHBOARD_MIN_COLUMNS);
  const lastBlockColumn = Math.max(...layout.blocks.map((block) => block.column + block.formulas.length - 1));
  writeTextsAndValues(sheet, layout, lastBlockColumn);
  writeFormulas(sheet, layout, lastBlockColumn);
  writeNotes(sheet, layout, lastBlockColumn);
  writeFormats(sheet, layout, size.rows);
  sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), ...dashboardRules(sheet, size)]);
  sheet.getRange(1, 1).setFontWeight("bold");
  sheet.getRange(SECTION_TITLE_ROW, 1, 2, size.columns).setFontWeight("bold");
  sheet.setColumnWidth(1, 280);
  sheet.activate();
}

/** One block of plain values: title, rule, labels, the target and the section titles. */
function writeTextsAndValues(sheet: Sheet, layout: DashboardLayout, width: number): void {
  const cells: unknown[][] = Array.from({ length: SECTION_TITLE_ROW }, () => Array<unknown>(width).fill(""));
  cells[0]![0] = layout.title;
  cells[1]![0] = layout.rule;
  layout.figures.forEach((figure, i) => {
    const row = cells[FIGURES.firstRow - 1 + i]!;
    row[0] = figure.label;
    if ("value" in figure.content) row[1] = figure.content.value;
  });
  for (const block of layout.blocks) cells[SECTION_TITLE_ROW - 1]![block.column - 1] = block.title;
  sheet.getRange(1, 1, SECTION_TITLE_ROW, width).setValues(cells);
}

/** Two blocks of formulas: the figures' column, and the row whose results spill. */
function writeFormulas(sheet: Sheet, layout: DashboardLayout, width: number): void {
  const figureFormulas = layout.figures.flatMap((figure) => ("formula" in figure.content ? [[figure.content.formula]] : []));
  sheet.getRange(FIGURES.firstFormulaRow, 2, figureFormulas.length, 1).setFormulas(figureFormulas);
  sheet.getRange(DETAILS.row, DETAILS.column).setFormula(layout.details.formula);
  const spillRow = Array<string>(width).fill("");
  for (const block of layout.blocks) spillRow.splice(block.column - 1, block.formulas.length, ...block.formulas);
  sheet.getRange(SPILL_ROW, 1, 1, width).setFormulas([spillRow]);
}

function writeNotes(sheet: Sheet, layout: DashboardLayout, width: number): void {
  sheet.getRange(FIGURES.firstRow, 1, layout.figures.length, 1).setNotes(layout.figures.map((figure) => [figure.note]));
  sheet.getRange(DETAILS.row, DETAILS.column).setNote(layout.details.note);
  const sectionNotes = Array<string>(width).fill("");
  for (const block of layout.blocks) sectionNotes[block.column - 1] = block.note;
  sheet.getRange(SECTION_TITLE_ROW, 1, 1, width).setNotes([sectionNotes]);
}

/** Formats of the figures, and of the spilled columns down to the last row. */
function writeFormats(sheet: Sheet, layout: DashboardLayout, rows: number): void {
  sheet.getRange(FIGURES.firstRow, 2, layout.figures.length, 1).setNumberFormats(layout.figures.map((figure) => [figure.numberFormat]));
  const dataRows = rows - SPILL_ROW;
  for (const block of layout.blocks) {
    // Adjacent columns with the same format go in one call: the matrix's 120 offsets are one.
    let start = 0;
    while (start < block.columnFormats.length) {
      let end = start;
      while (end + 1 < block.columnFormats.length && block.columnFormats[end + 1] === block.columnFormats[start]) end++;
      const format = block.columnFormats[start]!;
      if (format !== "") sheet.getRange(SPILL_ROW + 1, block.column + start, dataRows, end - start + 1).setNumberFormat(format);
      start = end + 1;
    }
  }
}

/** Red below target (the headline figure and the cohort rows), a colour scale on the matrix. */
function dashboardRules(sheet: Sheet, size: { rows: number; columns: number }): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const retentionCell = `$B$${FIGURES.retentionRow}`;
  const firstDataRow = SPILL_ROW + 1;
  const dataRows = size.rows - SPILL_ROW;
  const rateColumn = letterOf(BLOCKS.cohorts + 3);
  const belowTarget = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(`=AND(ISNUMBER(${retentionCell}), ${retentionCell}<${TARGET_CELL})`)
    .setBackground(RED)
    .setFontColor(DARK_RED)
    .setRanges([sheet.getRange(FIGURES.retentionRow, 2)])
    .build();
  // Only months old enough to judge: a recent month's rate is low because its customers have not
  // had H days yet, and red there would be a false alarm (the sidebar shows such months grey).
  const monthStart = `$${letterOf(BLOCKS.cohorts)}${firstDataRow}`;
  const oldEnough = `EOMONTH(${monthStart}, 0)+${HORIZON_CELL}<=${LATEST_ORDER_CELL}`;
  const cohortBelowTarget = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(`=AND(ISNUMBER($${rateColumn}${firstDataRow}), $${rateColumn}${firstDataRow}<${TARGET_CELL}, ${oldEnough})`)
    .setBackground(RED)
    .setRanges([sheet.getRange(firstDataRow, BLOCKS.cohorts, dataRows, 4)])
    .build();
  // From +1 on: +0 is always 100 % and would flatten the scale.
  const firstOffsetColumn = BLOCKS.matrix + 3;
  const colourScale = SpreadsheetApp.newConditionalFormatRule()
    .setGradientMinpointWithValue(WHITE, SpreadsheetApp.InterpolationType.NUMBER, "0")
    .setGradientMaxpoint(GREEN)
    .setRanges([sheet.getRange(firstDataRow, firstOffsetColumn, dataRows, size.columns - firstOffsetColumn + 1)])
    .build();
  return [belowTarget, cohortBelowTarget, colourScale];
}

/** Runs the builder on the open spreadsheet: what the add-on menu items call. */
function createInActiveSpreadsheet(options: TemplateOptions): CreatedTemplate {
  return buildTemplate(SpreadsheetApp.getActiveSpreadsheet(), options);
}

/** Adds an Orders sheet and a Dashboard of retention formulas over it; overwrites nothing. */
export function createTemplate(): void {
  createInActiveSpreadsheet({});
}

/** Adds the Orders sheet filled with two years of sample orders, and the Dashboard over them. */
export function createTemplateWithSampleOrders(): void {
  createInActiveSpreadsheet({ sampleCustomers: DEFAULT_SAMPLE_CUSTOMERS });
}
