// "Create template": an Orders sheet ready for data, a Dashboard of retention formulas over it, and
// a Health check sheet answering the book's eight questions from the same orders.
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
  ORDER_COLUMN_COUNT,
  ORDER_COLUMNS,
  SECTION_TITLE_ROW,
  SPILL_ROW,
  TARGET_CELL,
  type DashboardLayout,
  type SpillBlock,
} from "./template-dashboard";
import {
  CHECK,
  HEALTH_SECTION_TITLE_ROW,
  HEALTH_SPILL_ROW,
  healthLayout,
  questionRow,
  SETTINGS_ROW,
  TREND_COLUMN,
  type HealthLayout,
} from "./template-health";
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
  healthSheet: string;
  sampleOrders: number;
}

const RED = "#f4c7c3";
const DARK_RED = "#a50e0e";
const WHITE = "#ffffff";
const GREEN = "#57bb8a";
const LIGHT_GREEN = "#b7e1cd";
const DARK_GREEN = "#0d652d";
const AMBER = "#fce8b2";
const DARK_AMBER = "#7f6003";

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

/** Adds the three sheets after the existing ones and returns what it created. */
export function buildTemplate(spreadsheet: Spreadsheet, options: TemplateOptions = {}): CreatedTemplate {
  const locale = spreadsheet.getSpreadsheetLocale();
  const language = languageForLocale(locale);
  const t = TEMPLATE[language];
  const existing = spreadsheet.getSheets();
  const taken = new Set(existing.map((sheet) => sheet.getName()));
  const ordersName = freeSheetName(t.ordersSheet, taken);
  const dashboardName = freeSheetName(t.dashboardSheet, new Set([...taken, ordersName]));
  const healthName = freeSheetName(t.healthSheet, new Set([...taken, ordersName, dashboardName]));
  const dateFormat = datePattern(locale);

  const rows = orderRows(language, new ZoneCalendar(spreadsheet.getSpreadsheetTimeZone()), options.sampleCustomers ?? 0);
  const orders = spreadsheet.insertSheet(ordersName, existing.length);
  writeOrders(orders, language, rows, dateFormat);

  const dashboard = spreadsheet.insertSheet(dashboardName, existing.length + 1);
  writeDashboard(dashboard, dashboardLayout(language, ordersName, dateFormat));
  const health = spreadsheet.insertSheet(healthName, existing.length + 2);
  writeHealth(health, healthLayout(language, ordersName, dashboardName, dateFormat));
  // The Dashboard is what the team looks at first.
  dashboard.activate();
  spreadsheet.toast(fill(t.created, { orders: ordersName, dashboard: dashboardName, health: healthName }));
  return { ordersSheet: ordersName, dashboardSheet: dashboardName, healthSheet: healthName, sampleOrders: rows.length - 1 };
}

/** Header and sample rows. Names pass through formulaSafeText: "=Сервис+" stays a customer name. */
function orderRows(language: Language, zone: ZoneCalendar, sampleCustomers: number): unknown[][] {
  const t = TEMPLATE[language];
  const header = [t.date, t.customer, t.amount, t.manager, t.dealType, t.budget, t.initiatedBy];
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
      order.budget ?? "",
      order.initiatedBy === "outbound" ? t.outbound : t.inbound,
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
  const size = ensureSize(sheet, rows.length + 100, ORDER_COLUMN_COUNT);
  sheet.getRange(1, 1, rows.length, ORDER_COLUMN_COUNT).setValues(rows);
  sheet.getRange(1, 1, 1, ORDER_COLUMN_COUNT).setFontWeight("bold");
  sheet.setFrozenRows(1);
  const dataRows = size.rows - 1;
  // Reject, not warn: a custom function stops at the first unreadable date rather than return a
  // wrong figure, so one bad date would blank the whole dashboard. Real dates typed or pasted in
  // any format Sheets understands pass.
  const dateRule = SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).setHelpText(t.dateHelp).build();
  const column = (n: number) => sheet.getRange(2, n, dataRows, 1);
  column(ORDER_COLUMNS.date).setNumberFormat(dateFormat).setDataValidation(dateRule);
  column(ORDER_COLUMNS.amount).setNumberFormat(FORMATS.amount);
  // Reject, as for dates: HEALTH_CHECK stops at the first budget it cannot read.
  const budgetRule = SpreadsheetApp.newDataValidation()
    .requireNumberGreaterThanOrEqualTo(0)
    .setAllowInvalid(false)
    .setHelpText(t.budgetHelp)
    .build();
  column(ORDER_COLUMNS.budget).setNumberFormat(FORMATS.amount).setDataValidation(budgetRule);
  // Warn only: a business may have deal types of its own, and words of its own for who started a
  // sale (the health check counts those it does not know).
  column(ORDER_COLUMNS.dealType).setDataValidation(warnUnlessListed([t.regularDeal, t.projectDeal], t.dealTypeHelp));
  column(ORDER_COLUMNS.initiatedBy).setDataValidation(warnUnlessListed([t.outbound, t.inbound], t.initiatedByHelp));
  sheet.setColumnWidths(1, ORDER_COLUMN_COUNT, 140);
  sheet.setColumnWidth(ORDER_COLUMNS.customer, 240);
}

function warnUnlessListed(values: string[], helpText: string): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation().requireValueInList(values, true).setAllowInvalid(true).setHelpText(helpText).build();
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
  writeBlockFormats(sheet, layout.blocks, SPILL_ROW, rows);
}

/** Number formats of spilled columns, below their header row (`spillRow`) down to the last row. */
function writeBlockFormats(sheet: Sheet, blocks: readonly SpillBlock[], spillRow: number, rows: number): void {
  const dataRows = rows - spillRow;
  for (const block of blocks) {
    // Adjacent columns with the same format go in one call: the matrix's 120 offsets are one.
    let start = 0;
    while (start < block.columnFormats.length) {
      let end = start;
      while (end + 1 < block.columnFormats.length && block.columnFormats[end + 1] === block.columnFormats[start]) end++;
      const format = block.columnFormats[start]!;
      if (format !== "") sheet.getRange(spillRow + 1, block.column + start, dataRows, end - start + 1).setNumberFormat(format);
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

function writeHealth(sheet: Sheet, layout: HealthLayout): void {
  const width = Math.max(TREND_COLUMN, ...layout.blocks.map((block) => block.column + block.formulas.length - 1));
  writeHealthTexts(sheet, layout, width);
  writeHealthFormulas(sheet, layout, width);
  writeHealthNotes(sheet, layout, width);
  writeBlockFormats(sheet, layout.blocks, HEALTH_SPILL_ROW, sheet.getMaxRows());
  for (const setting of layout.settings) sheet.getRange(SETTINGS_ROW, setting.column + 1).setNumberFormat(setting.numberFormat);
  sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), ...verdictColours(sheet, layout.verdicts)]);
  sheet.getRange(1, 1).setFontWeight("bold");
  sheet.getRange(CHECK.row, 1, 1, width).setFontWeight("bold");
  sheet.getRange(HEALTH_SECTION_TITLE_ROW, 1, 2, width).setFontWeight("bold");
  // The questions and the answers are sentences; the verdict a word or two.
  sheet.setColumnWidth(CHECK.column, 420);
  sheet.setColumnWidth(CHECK.column + 1, 130);
  sheet.setColumnWidth(CHECK.column + 2, 560);
  sheet.setColumnWidth(TREND_COLUMN, 160);
}

/** One block of plain values: the title, the rule, the settings, the trend column's title and the section titles. */
function writeHealthTexts(sheet: Sheet, layout: HealthLayout, width: number): void {
  const cells: unknown[][] = Array.from({ length: HEALTH_SECTION_TITLE_ROW }, () => Array<unknown>(width).fill(""));
  cells[0]![0] = layout.title;
  cells[1]![0] = layout.rule;
  for (const setting of layout.settings) {
    cells[SETTINGS_ROW - 1]![setting.column - 1] = setting.label;
    cells[SETTINGS_ROW - 1]![setting.column] = setting.value;
  }
  cells[CHECK.row - 1]![TREND_COLUMN - 1] = layout.trend.title;
  for (const block of layout.blocks) cells[HEALTH_SECTION_TITLE_ROW - 1]![block.column - 1] = block.title;
  sheet.getRange(1, 1, HEALTH_SECTION_TITLE_ROW, width).setValues(cells);
}

/** HEALTH_CHECK, the trend column beside its answers, and the row whose results spill. */
function writeHealthFormulas(sheet: Sheet, layout: HealthLayout, width: number): void {
  sheet.getRange(CHECK.row, CHECK.column).setFormula(layout.check.formula);
  const sparklines = layout.trend.sparklines.map((formula) => [formula]);
  sheet.getRange(questionRow(1), TREND_COLUMN, sparklines.length, 1).setFormulas(sparklines);
  const spillRow = Array<string>(width).fill("");
  for (const block of layout.blocks) spillRow.splice(block.column - 1, block.formulas.length, ...block.formulas);
  sheet.getRange(HEALTH_SPILL_ROW, 1, 1, width).setFormulas([spillRow]);
}

/** The notes on the settings' labels, the check's and the trend's headers and the section titles, in one block. */
function writeHealthNotes(sheet: Sheet, layout: HealthLayout, width: number): void {
  const notes = Array.from({ length: HEALTH_SECTION_TITLE_ROW - SETTINGS_ROW + 1 }, () => Array<string>(width).fill(""));
  for (const setting of layout.settings) notes[0]![setting.column - 1] = setting.note;
  notes[CHECK.row - SETTINGS_ROW]![CHECK.column - 1] = layout.check.note;
  notes[CHECK.row - SETTINGS_ROW]![TREND_COLUMN - 1] = layout.trend.note;
  for (const block of layout.blocks) notes[HEALTH_SECTION_TITLE_ROW - SETTINGS_ROW]![block.column - 1] = block.note;
  sheet.getRange(SETTINGS_ROW, 1, notes.length, width).setNotes(notes);
}

/** The verdict column: good green, watch amber, bad red. */
function verdictColours(sheet: Sheet, words: HealthLayout["verdicts"]): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const verdicts = sheet.getRange(questionRow(1), CHECK.column + 1, CHECK.rows - 1, 1);
  const colours = [
    { text: words.good, background: LIGHT_GREEN, font: DARK_GREEN },
    { text: words.watch, background: AMBER, font: DARK_AMBER },
    { text: words.bad, background: RED, font: DARK_RED },
  ];
  return colours.map(({ text, background, font }) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo(text)
      .setBackground(background)
      .setFontColor(font)
      .setRanges([verdicts])
      .build(),
  );
}

/** Runs the builder on the open spreadsheet: what the add-on menu items call. */
function createInActiveSpreadsheet(options: TemplateOptions): CreatedTemplate {
  return buildTemplate(SpreadsheetApp.getActiveSpreadsheet(), options);
}

/** Adds an Orders sheet, a Dashboard of retention formulas and a Health check over it; overwrites nothing. */
export function createTemplate(): void {
  createInActiveSpreadsheet({});
}

/** Adds the Orders sheet filled with two years of sample orders, and the Dashboard and Health check over them. */
export function createTemplateWithSampleOrders(): void {
  createInActiveSpreadsheet({ sampleCustomers: DEFAULT_SAMPLE_CUSTOMERS });
}
