// The template's health check (issue 14): the Orders sheet's Budget and Initiated by columns, the
// sample's budgets and initiators, and the Health check sheet evaluated in HyperFormula, which must
// agree with the core run directly on the Orders sheet's rows, and with hand counts.

import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildTemplate } from "../../src/addon/template";
import { CHECK, PERIOD_COLUMNS, questionRow, TREND_COLUMN, TREND_SERIES } from "../../src/addon/template-health";
import { letterOf } from "../../src/addon/template-dashboard";
import { sampleOrders, type SampleOrder } from "../../src/addon/template-sample";
import { civilFromDay, dayFromCivil, dayToSerial, dayFromIso } from "../../src/core/calendar";
import { inputLocale } from "../../src/core/cells";
import { mapHeaderWithDoubts } from "../../src/core/columns";
import { customerKey } from "../../src/core/customer-key";
import { analyzeWithHealth } from "../../src/core/health/analyze-health";
import type { HealthCheck } from "../../src/core/health/health-check";
import { HealthOrders } from "../../src/core/health/health-orders";
import { initiatorOf } from "../../src/core/health/initiated-by";
import type { QuestionId } from "../../src/core/health/questions";
import { DEFAULT_TREND } from "../../src/core/health/trend";
import { ingestOrders } from "../../src/core/ingest";
import { createFakeSheets, installFakeGlobals, type FakeSheets } from "../../src/fake-sheets";
import { HEADERS } from "../../src/i18n/headers";
import { languageForLocale } from "../../src/i18n/language";
import { evaluateWorkbook, type EvaluatedCell } from "../../src/preview/hyperformula";
import { healthAnswers } from "../../src/presentation/health-check";

function fakeWith(locale: string, sheets?: Record<string, unknown[][]>): FakeSheets {
  return installFakeGlobals(globalThis, createFakeSheets({ locale, timeZone: "Europe/Moscow", ...(sheets ? { sheets } : {}) }));
}

function build(fake: FakeSheets, sampleCustomers = 0) {
  return buildTemplate(fake.globals.SpreadsheetApp.getActiveSpreadsheet(), { sampleCustomers });
}

interface CoreSettings {
  excluded: string | undefined;
  target: number;
  ordersStartWithBusiness: boolean;
  /** The Health check sheet's own two (B3, D3); the core's defaults when absent. */
  trendThreshold?: number;
  lapsedFactor?: number;
}

/**
 * The health check the core gives on the Orders sheet's rows as the template wrote them: read by
 * the core's ingest into its health orders, with no formula, FILTER or HyperFormula in between.
 */
function coreHealthCheck(fake: FakeSheets, ordersSheet: string, settings: CoreSettings): HealthCheck {
  const values = fake.sheet(ordersSheet).grid.contentRows();
  const at = (argument: string, column: number) => ({ argument, values, column });
  const locale = inputLocale(fake.spreadsheet.locale, fake.spreadsheet.timeZone);
  const orders = new HealthOrders({ budget: at("budget", 5), initiatedBy: at("initiated by", 6) }, locale.decimalComma);
  const columns = {
    date: at("date", 0),
    customer: at("customer", 1),
    amount: at("amount", 2),
    manager: at("manager", 3),
    dealType: at("deal", 4),
  };
  const stats = ingestOrders(columns, orders, {
    locale,
    excludeDealTypes: settings.excluded === undefined ? [] : [settings.excluded],
    skipLeadingRows: 1,
  });
  const reportSettings = {
    period: "month" as const,
    target: settings.target,
    ordersStartWithBusiness: settings.ordersStartWithBusiness,
    hasAmounts: true,
    hasManagers: true,
    hasInitiatedBy: true,
    trend: { ...DEFAULT_TREND, threshold: settings.trendThreshold ?? DEFAULT_TREND.threshold },
    lapsedFactor: settings.lapsedFactor,
  };
  return analyzeWithHealth(orders, stats, [], reportSettings).report.healthCheck!;
}

/** The rows of a spilled block from `row` (1-based) and `column` (1-based), `width` wide, until an empty first cell. */
function spilled(rows: EvaluatedCell[][] | undefined, row: number, column: number, width: number): EvaluatedCell[][] {
  const block: EvaluatedCell[][] = [];
  for (let r = row - 1; r < (rows?.length ?? 0); r++) {
    const cells = Array.from({ length: width }, (_, c) => rows![r]![column - 1 + c] ?? null);
    if (cells[0] === null || cells[0] === "") break;
    block.push(cells);
  }
  return block;
}

describe("the Orders sheet's health-check columns", () => {
  it.each([
    { locale: "en_US", header: ["Date", "Customer", "Amount", "Manager", "Deal type", "Budget", "Initiated by"] },
    { locale: "ru_RU", header: ["Дата", "Клиент", "Сумма", "Менеджер", "Тип сделки", "Бюджет", "Инициатор"] },
  ])("adds Budget and Initiated by after Deal type, and the header still maps as before ($locale)", ({ locale, header }) => {
    const fake = fakeWith(locale);
    const { ordersSheet } = build(fake);
    expect(fake.sheet(ordersSheet).getRange("A1:G1").getValues()).toEqual([header]);
    // The sidebar and the command line find the five columns where they were, with no doubt. («Бюджет»
    // is also an amount name of the header detection; «Сумма» comes first and wins.)
    expect(mapHeaderWithDoubts(header)).toEqual({
      mapping: { date: 0, customer: 1, amount: 2, manager: 3, dealType: 4 },
      doubts: {},
    });
  });

  it.each([
    { locale: "en_US", list: ["outbound", "inbound"] },
    { locale: "ru_RU", list: ["исходящий", "входящий"] },
  ])("offers the values the core reads for who started a sale, warning on others ($locale)", ({ locale, list }) => {
    const fake = fakeWith(locale);
    const { ordersSheet } = build(fake, 10);
    const sheet = fake.sheet(ordersSheet);
    const last = sheet.getMaxRows();
    const initiated = sheet.getRange(`G${last}`).getDataValidations()[0]![0]!;
    expect(String(initiated.getCriteriaType())).toBe("VALUE_IN_LIST");
    expect(initiated.getCriteriaValues()[0]).toEqual(list);
    expect(initiated.getAllowInvalid()).toBe(true);
    // The first is the company's doing, the second the customer's, as question 7 reads them.
    expect(list.map(initiatorOf)).toEqual(["company", "customer"]);
    const budget = sheet.getRange(`F${last}`).getDataValidations()[0]![0]!;
    expect([String(budget.getCriteriaType()), budget.getCriteriaValues(), budget.getAllowInvalid()]).toEqual([
      "NUMBER_GREATER_THAN_OR_EQUAL_TO",
      [0],
      false,
    ]);
    expect(sheet.getRange("F2").getNumberFormat()).toBe("#,##0.00");
  });
});

describe("the sample orders' budgets and initiators", () => {
  it("leave the dates, customers, amounts, managers and deal types as they were", () => {
    // Fingerprints of these five fields of the 300-customer samples as they were before the two
    // columns came (commit c1ab2cf): 646 English orders and 640 Russian ones, as docs/template.md says.
    const fingerprint = (orders: SampleOrder[]) =>
      createHash("sha256")
        .update(JSON.stringify(orders.map(({ day, customer, amount, manager, project }) => [day, customer, amount, manager, project])))
        .digest("hex");
    const en = sampleOrders("en");
    const ru = sampleOrders("ru");
    expect([en.length, ru.length]).toEqual([646, 640]);
    expect(fingerprint(en)).toBe("fca59acc80d13921da8159f6973f55b9d195a9b59df0826184c20db6e0c623b6");
    expect(fingerprint(ru)).toBe("64c5a9f90942d4a6c02f790b08ef838eae1290ef87d8625aaad0ffe0fce41ccb");
  });

  it("put a budget a bit above a year's spend on some regular customers' first order only", () => {
    const orders = sampleOrders("en");
    const firstRow = new Map<string, SampleOrder>();
    for (const order of orders) if (!firstRow.has(order.customer)) firstRow.set(order.customer, order);
    const withBudget = orders.filter((order) => order.budget !== undefined);
    expect(withBudget.every((order) => firstRow.get(order.customer) === order && !order.project)).toBe(true);
    // Some customers have one, many do not: the team fills it in where it knows it.
    expect(withBudget.length).toBeGreaterThan(firstRow.size / 5);
    expect(withBudget.length).toBeLessThan(firstRow.size / 2);
    for (const order of withBudget) {
      const spendByYear = new Map<number, number>();
      for (const o of orders) {
        if (o.customer !== order.customer || o.project) continue;
        const year = civilFromDay(o.day).year;
        spendByYear.set(year, (spendByYear.get(year) ?? 0) + o.amount);
      }
      const busiest = Math.max(...spendByYear.values());
      // 1.2 to 2 times the busiest year, rounded to hundreds.
      expect(order.budget!).toBeGreaterThanOrEqual(Math.floor((busiest * 1.2) / 100) * 100);
      expect(order.budget!).toBeLessThanOrEqual(Math.ceil((busiest * 2) / 100) * 100);
    }
  });

  it("say who started every order, both ways", () => {
    const orders = sampleOrders("ru");
    const outbound = orders.filter((order) => order.initiatedBy === "outbound").length;
    expect(orders.every((order) => order.initiatedBy === "outbound" || order.initiatedBy === "inbound")).toBe(true);
    expect(outbound).toBeGreaterThan(orders.length / 5);
    expect(outbound).toBeLessThan((orders.length * 4) / 5);
  });
});

const SAMPLE_CUSTOMERS = 300;

/** The last 12 months ending on `latest`: from the day after the same date a year before. */
function inLastYear(day: number, latest: number): boolean {
  const { year, month, day: date } = civilFromDay(latest);
  return day <= latest && day > dayFromCivil(year - 1, month, date);
}

describe.each<{ locale: string; settings: CoreSettings; change: Record<string, unknown>; healthChange?: Record<string, unknown> }>([
  { locale: "en_US", settings: { excluded: "project", target: 0.67, ordersStartWithBusiness: false }, change: {} },
  { locale: "ru_RU", settings: { excluded: "проект", target: 0.67, ordersStartWithBusiness: false }, change: {} },
  // Every setting is the Dashboard's: clearing B3, lowering B4 and setting B5 change the answers.
  { locale: "en_US", settings: { excluded: undefined, target: 0.67, ordersStartWithBusiness: false }, change: { B3: "" } },
  { locale: "en_US", settings: { excluded: "project", target: 0.3, ordersStartWithBusiness: true }, change: { B4: 0.3, B5: true } },
  // And the sheet's own two: a 2 % trend threshold (B3) and lapsed after 1.2 usual gaps (D3).
  {
    locale: "ru_RU",
    settings: { excluded: "проект", target: 0.67, ordersStartWithBusiness: false, trendThreshold: 0.02, lapsedFactor: 1.2 },
    change: {},
    healthChange: { B3: 0.02, D3: 1.2 },
  },
])("the Health check sheet on the sample orders ($locale, $change, $healthChange)", ({ locale, settings, change, healthChange = {} }) => {
  const fake = fakeWith(locale);
  const created = build(fake, SAMPLE_CUSTOMERS);
  for (const [cell, value] of Object.entries(change)) fake.sheet(created.dashboardSheet).getRange(cell).setValue(value);
  for (const [cell, value] of Object.entries(healthChange)) fake.sheet(created.healthSheet).getRange(cell).setValue(value);
  const evaluated = evaluateWorkbook(fake.spreadsheet);
  const rows = evaluated.values[created.healthSheet];
  const language = languageForLocale(locale);
  const check = coreHealthCheck(fake, created.ordersSheet, settings);

  it("evaluates with no error, the trend lines shown as text where Sheets draws them", () => {
    expect(evaluated.errors).toEqual([]);
    const sparklineCells = Object.keys(TREND_SERIES).map((id) => `${letterOf(TREND_COLUMN)}${questionRow(Number(id))}`);
    for (const cell of sparklineCells) expect(evaluated.value(created.healthSheet, cell)).toMatch(/^[▁▂▃▄▅▆▇█]+$/);
  });

  it("answers the eight questions as the core does on the same orders", () => {
    const h = HEADERS[language];
    const answers = healthAnswers(check, language);
    expect(spilled(rows, CHECK.row, CHECK.column, CHECK.columns)).toEqual([
      [h.question, h.verdict, h.answer],
      ...answers.map((answer) => [answer.question, answer.verdictLabel, answer.sentence]),
    ]);
    // A real check, not needs-data everywhere: the sample has budgets and initiators.
    expect(check.questions.filter((q) => q.verdict === "needsData").map((q) => q.id)).toEqual([]);
    // The settings reach the answers: changed, they give other answers than as created.
    if (Object.keys({ ...change, ...healthChange }).length > 0) {
      const asCreated = coreHealthCheck(fake, created.ordersSheet, { excluded: "project", target: 0.67, ordersStartWithBusiness: false });
      expect(answers.map((a) => a.sentence)).not.toEqual(healthAnswers(asCreated, language).map((a) => a.sentence));
    }
  });

  it("gives questions 2 and 7 the shares counted straight from the sample orders", () => {
    const counted = (o: SampleOrder) => settings.excluded === undefined || !o.project;
    const orders = sampleOrders(language, SAMPLE_CUSTOMERS).filter(counted);
    const latest = Math.max(...orders.map((o) => o.day));
    const recent = orders.filter((o) => inLastYear(o.day, latest));
    // Question 7: customer-days of the last 12 months, started by the company when any row says so.
    const purchases = new Map<string, boolean>();
    for (const o of recent) {
      const key = `${customerKey(o.customer)} ${o.day}`;
      purchases.set(key, (purchases.get(key) ?? false) || o.initiatedBy === "outbound");
    }
    const started = [...purchases.values()].filter(Boolean).length / purchases.size;
    // Question 2: the last 12 months' sales of the customers with a budget ÷ their budgets.
    const budgets = new Map(orders.filter((o) => o.budget !== undefined).map((o) => [o.customer, o.budget!]));
    const sales = recent.filter((o) => budgets.has(o.customer)).reduce((sum, o) => sum + o.amount, 0);
    const wallet = sales / [...budgets.values()].reduce((sum, b) => sum + b, 0);
    const percent = (share: number) =>
      language === "ru" ? `${(share * 100).toFixed(1).replace(".", ",")} %` : `${(share * 100).toFixed(1)}%`;
    // Russian puts a no-break space before the percent sign.
    const answer = (id: QuestionId) => String(rows![questionRow(id) - 1]![CHECK.column + 1]).replace(/\s/g, " ");
    expect(answer(2)).toContain(percent(wallet));
    expect(answer(7)).toContain(percent(started));
  });

  it("spills the months as the core's periods, and the lapsed customers as the core's list", () => {
    const periods = spilled(rows, 16, 1, PERIOD_COLUMNS.length);
    expect(periods.length).toBe(check.periods.length);
    periods.forEach((row, i) => {
      const p = check.periods[i]!;
      expect(row.slice(0, 4)).toEqual([dayToSerial(dayFromIso(p.start)), p.activeCustomers, p.newCustomers, p.existingCustomers]);
      expect(row[4]).toBeCloseTo(p.newRevenue!, 6);
      expect(row[5]).toBeCloseTo(p.existingRevenue!, 6);
      expect([row[6], row[8]]).toEqual([p.purchases, p.activeBase]);
    });
    const lapsed = spilled(rows, 16, 11, 7);
    // Every lapsed customer is listed (the core's own list keeps the first 50).
    expect(lapsed.length).toBe(check.lapsed.count);
    expect(lapsed.slice(0, check.lapsed.customers.length).map((row) => row[0])).toEqual(check.lapsed.customers.map((c) => c.name));
  });

  it("draws each trend question's series over the complete months, as the core's answer has it", () => {
    const h = HEADERS[language];
    const answers = healthAnswers(check, language);
    for (const question of check.questions) {
      const series = TREND_SERIES[question.id];
      expect(series, `question ${question.id}`).toBe(question.series);
      const formula = fake.sheet(created.healthSheet).getRange(questionRow(question.id), TREND_COLUMN).getFormula();
      if (series === undefined) {
        expect(formula).toBe("");
        continue;
      }
      // The columns it reads are those REVENUE_SPLIT heads with the series' name, or, for question
      // 1's share, with the two revenues it divides.
      const read = series === "existingShare" ? (["newRevenue", "existingRevenue"] as const) : [series];
      for (const name of read) {
        const column = PERIOD_COLUMNS.indexOf(name);
        expect(rows![14]![column]).toBe(h[name]);
        expect(formula).toContain(`${letterOf(column + 1)}16:${letterOf(column + 1)}`);
      }
      // HyperFormula draws no sparkline, but evaluates the FILTER it is given: in a free column, the
      // same data spill as numbers. (The IFERROR around it, for a sheet with no complete month yet,
      // is left out: HyperFormula's IFERROR does not spill.)
      const data = /^=SPARKLINE\(IFERROR\((FILTER\(.*\)), 0\)\)$/.exec(formula)![1]!;
      const probe = fake.sheet(created.healthSheet).getRange("Z1");
      probe.setFormula(`=${data}`);
      const drawn = spilled(evaluateWorkbook(fake.spreadsheet).values[created.healthSheet], 1, 26, 1).map((row) => row[0]);
      probe.setFormula("");
      const expected = answers.find((a) => a.id === question.id)!.series;
      // HyperFormula keeps about 11 significant digits.
      expect(drawn.map((value) => (value as number).toFixed(6))).toEqual(expected.map((value) => value.toFixed(6)));
    }
  });
});

describe("the Health check sheet on a tiny order log worked out by hand", () => {
  /** Orders (ISO date, customer, amount, manager, deal type, budget, initiated by) on a new template. */
  function healthOver(rows: unknown[][]) {
    const fake = fakeWith("en_US");
    const created = build(fake);
    const moscowMidnight = (iso: string): Date => new Date(Date.parse(`${iso}T00:00:00+03:00`));
    fake
      .sheet(created.ordersSheet)
      .getRange(2, 1, rows.length, 7)
      .setValues(rows.map(([date, ...rest]) => [moscowMidnight(date as string), ...rest]));
    const evaluated = evaluateWorkbook(fake.spreadsheet);
    return (id: QuestionId): EvaluatedCell[] => evaluated.values[created.healthSheet]![questionRow(id) - 1]!.slice(0, 3);
  }

  it("reads the budgets and who started each sale", () => {
    const answer = healthOver([
      // Anna: budget 1,000 on her first row; bought 200 + 100 in the last 12 months.
      ["2024-01-10", "Anna", 200, "Ann", "regular", 1000, "outbound"],
      ["2024-03-05", "Anna", 100, "Ann", "regular", "", "inbound"],
      // Boris: two rows on one day are one purchase, started by the company as one of them says so.
      // His budget, 500, is typed on his later row.
      ["2024-02-01", "Boris", 50, "Ann", "regular", "", "inbound"],
      ["2024-02-01", "Boris", 30, "Ann", "regular", 500, "Outbound "],
      // Vera: a project, left out with its budget and its initiator.
      ["2024-02-15", "Vera", 900, "Ann", "project", 100, "outbound"],
      // Gleb: no budget; nobody said who started it.
      ["2024-04-01", "Gleb", 40, "Ann", "regular", "", ""],
    ]);
    // Question 2: the last 12 months run to Apr 1, 2024 and hold every counted row. Anna 300 and
    // Boris 80 of budgets 1,000 + 500: 380 / 1,500 = 25.3 %, below half.
    expect(answer(2)).toEqual([
      "Are your customers' budgets larger than what you sell them?",
      "bad",
      "Sales of the last 12 months are 25.3% of the yearly budgets of 2 customers.",
    ]);
    // Question 7: purchases Anna Jan 10 (outbound), Anna Mar 5 (inbound), Boris Feb 1 (outbound on
    // one of its rows), Gleb Apr 1 (blank): 2 of 4 = 50 %, the good side of the boundary.
    expect(answer(7)).toEqual([
      "Do you mostly answer customers' requests, and start the conversation less often?",
      "good",
      "The company started 50.0% of the purchases of the last 12 months.",
    ]);
  });

  it("says what it needs while the Orders sheet is empty, and spills only headers below", () => {
    const fake = fakeWith("ru_RU");
    const created = build(fake);
    const evaluated = evaluateWorkbook(fake.spreadsheet);
    expect(evaluated.errors.filter((error) => error.sheet === created.healthSheet)).toEqual([]);
    const at = (a1: string) => evaluated.value(created.healthSheet, a1);
    expect([at("A4"), at("B4"), at("C4")]).toEqual(["Вопрос", "Оценка", "Ответ"]);
    expect([at("A15"), at("A16"), at("K15"), at("K16")]).toEqual(["Начало периода", null, "Клиент", null]);
  });
});

describe("the Health check sheet's own settings", () => {
  it("start at the core's defaults, 10 % and 2, labelled and explained in the user's language", () => {
    for (const [locale, labels] of [
      ["en_US", ["Trend threshold (±)", "Lapsed after × usual gap"]],
      ["ru_RU", ["Порог тренда (±)", "Ушедший: дольше × обычных интервалов"]],
    ] as const) {
      const fake = fakeWith(locale);
      const health = fake.sheet(build(fake).healthSheet);
      expect(health.getRange("A3:D3").getValues()).toEqual([[labels[0], 0.1, labels[1], 2]]);
      expect([health.getRange("B3").getNumberFormat(), health.getRange("D3").getNumberFormat()]).toEqual(["0.0%", "0.0"]);
      expect(health.getRange("A3").getNote()).toContain("--trend-threshold");
      expect(health.getRange("C3").getNote()).toContain("--lapsed-factor");
    }
  });
});

describe("the Health check sheet never overwrites", () => {
  it("takes a free name and reads the sheets actually created", () => {
    const fake = fakeWith("en_US", { Orders: [["mine"]], "Health check": [["keep me"]], Dashboard: [["mine too"]] });
    const created = build(fake, 20);
    expect(created).toMatchObject({ ordersSheet: "Orders 2", dashboardSheet: "Dashboard 2", healthSheet: "Health check 2" });
    expect(fake.sheet("Health check").grid.contentRows()).toEqual([["keep me"]]);
    const health = fake.sheet("Health check 2");
    const formulas = [health.getRange("A4").getFormula(), health.getRange("A15").getFormula(), health.getRange("K15").getFormula()];
    const sheetsRead = new Set(formulas.join(" ").match(/'[^']+'!/g));
    expect(sheetsRead).toEqual(new Set(["'Orders 2'!", "'Dashboard 2'!"]));
    expect(formulas[0]).toBe(
      "=HEALTH_CHECK('Orders 2'!B2:B, 'Orders 2'!A2:A, 'Orders 2'!C2:C, 'Orders 2'!D2:D, 'Orders 2'!E2:E, 'Dashboard 2'!$B$3, " +
        "'Orders 2'!F2:F, 'Orders 2'!G2:G, \"month\", 'Dashboard 2'!$B$5, 'Dashboard 2'!$B$4, $D$3, $B$3)",
    );
  });

  it("colours the verdicts: good green, watch amber, bad red", () => {
    const fake = fakeWith("ru_RU");
    const created = build(fake);
    const rules = fake.sheet(created.healthSheet).describeRules();
    expect(rules.map((rule) => [rule.criteria, rule.criteriaValues, rule.ranges])).toEqual([
      ["TEXT_EQUAL_TO", ["хорошо"], ["B5:B12"]],
      ["TEXT_EQUAL_TO", ["требует внимания"], ["B5:B12"]],
      ["TEXT_EQUAL_TO", ["плохо"], ["B5:B12"]],
    ]);
  });
});
