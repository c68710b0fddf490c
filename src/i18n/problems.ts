// Messages for the core's input problems. Each names the argument, the row and quotes the value.

import type { Problem, ProblemCode } from "../core/problems";
import { fill, type Catalogue, type Language } from "./language";

const PROBLEMS: Catalogue<ProblemCode> = {
  en: {
    lengthMismatch: "{argument} has {value} rows but {otherArgument} has {otherValue}; give ranges of the same length",
    notOneColumn: "{argument} must be one column, but it has {value} columns",
    missingCustomer: "{argument}, row {row}: the customer is empty but the row has other values",
    missingDate: "{argument}, row {row}: no date for customer {value}",
    badDate: "{argument}, row {row}: cannot read {value} as a date (use a date cell, 2024-03-05 or 05.03.2024)",
    badAmount: "{argument}, row {row}: cannot read {value} as an amount",
    badBudget: "{argument}, row {row}: {value} is not a yearly budget (an amount of 0 or more)",
    errorValue: "{argument}, row {row}: {value} is a sheet error, not a value; fix the formula that makes it",
    implausibleDate: "{argument}, row {row}: {value} is outside the years 1900–2100; is the year mistyped?",
    tooManyColumns: "{argument}: the result needs {value} columns, more than a sheet's {otherValue}; choose a longer period",
    negativeRepeatRevenue: "refunds exceed the repeat revenue of the period {value}: the share would be below 0",
    negativeFirstRevenue: "refunds exceed the first purchases' revenue of the period {value}: the share would be above 1",
    sameColumn: "{argument} and {otherArgument} are the same column {value}; choose a different column for each",
    badDateArgument: "{argument}: cannot read {value} as a date",
    implausibleDateArgument: "{argument}: {value} is outside the years 1900–2100; is the year mistyped?",
    badSwitch: "{argument}: {value} is neither TRUE nor FALSE",
    argumentWithout: "{argument} is given without {otherArgument}: there is nothing to compare it with",
    startAfterEnd: "{argument} {value} is after {otherArgument} {otherValue}",
    badWithinDays: "{argument}: {value} is not a number of days (a whole number, 1 or more: a second purchase is on a later day)",
    unknownPeriod: "{argument}: unknown period {value}; use month, week, quarter or year",
    unknownMeasure: "{argument}: unknown measure {value}; use rate or count",
    noNewCustomers: "no new customers in the period {value}: nothing to divide by",
    noRevenue: "the revenue of the period {value} is not above 0: nothing to divide by",
    noReturns: "no customer in the period {value} made a second purchase",
    tooEarlyToJudge: "too early to judge: the orders must reach {value}, so that the first cohort has had {otherValue} days to come back",
    noData: "no orders to analyse{argument}",
    badFactor: "{argument}: {value} is not a factor above 1 (2 means gone more than twice their usual gap)",
    badTrendThreshold: "{argument}: {value} is not a percentage between 0 and 100 (10 means a change beyond ±10 % is growth or a fall)",
    noPurchases: "no purchases in the period {value}: nothing to divide by",
    noBudgets: "{argument}: no customer has a budget above 0; type each customer's yearly budget in that column",
    badTarget: "{argument}: {value} is not a target between 1% and 100% (type 67% or 0.67)",
  },
  ru: {
    lengthMismatch: "в {argument} {value} строк, а в {otherArgument} {otherValue}; диапазоны должны быть одной длины",
    notOneColumn: "{argument} должен быть одним столбцом, а в нём столбцов: {value}",
    missingCustomer: "{argument}, строка {row}: клиент не указан, хотя в строке есть другие значения",
    missingDate: "{argument}, строка {row}: нет даты у клиента {value}",
    badDate: "{argument}, строка {row}: не удалось прочитать дату {value} (нужна ячейка с датой, 2024-03-05 или 05.03.2024)",
    badAmount: "{argument}, строка {row}: не удалось прочитать сумму {value}",
    badBudget: "{argument}, строка {row}: {value} — не годовой бюджет (нужна сумма от 0 и больше)",
    errorValue: "{argument}, строка {row}: {value} — ошибка в таблице, а не значение; исправьте формулу, которая её даёт",
    implausibleDate: "{argument}, строка {row}: дата {value} вне 1900–2100 годов; год набран с ошибкой?",
    tooManyColumns: "{argument}: для результата нужно столбцов: {value}, а на листе их не больше {otherValue}; выберите период длиннее",
    negativeRepeatRevenue: "возвраты денег больше выручки от повторных покупок за период {value}: доля была бы меньше 0",
    negativeFirstRevenue: "возвраты денег больше выручки от первых покупок за период {value}: доля была бы больше 1",
    sameColumn: "{argument} и {otherArgument} — один и тот же столбец {value}; выберите для каждого свой",
    badDateArgument: "{argument}: не удалось прочитать дату {value}",
    implausibleDateArgument: "{argument}: дата {value} вне 1900–2100 годов; год набран с ошибкой?",
    badSwitch: "{argument}: {value} — ни ИСТИНА, ни ЛОЖЬ",
    argumentWithout: "{argument} задан без {otherArgument}: не с чем сравнивать",
    startAfterEnd: "{argument} {value} позже, чем {otherArgument} {otherValue}",
    badWithinDays: "{argument}: {value} не число дней (нужно целое число от 1: вторая покупка бывает только в другой день)",
    unknownPeriod: "{argument}: неизвестный период {value}; используйте месяц, неделя, квартал или год",
    unknownMeasure: "{argument}: неизвестная мера {value}; используйте rate или count",
    noNewCustomers: "нет новых клиентов за период {value}: не на что делить",
    noRevenue: "выручка за период {value} не больше 0: не на что делить",
    noReturns: "ни один новый клиент за период {value} не сделал вторую покупку",
    tooEarlyToJudge: "судить рано: заказы должны дойти до {value}, чтобы у первой когорты прошло {otherValue} дн. на вторую покупку",
    noData: "нет заказов для анализа{argument}",
    badFactor: "{argument}: {value} не множитель больше 1 (2 значит: клиента нет дольше двух его обычных интервалов)",
    badTrendThreshold:
      "{argument}: {value} не процент больше 0 и меньше 100 (10 значит: изменение больше чем на ±10 % — это рост или спад)",
    noPurchases: "нет покупок за период {value}: не на что делить",
    noBudgets: "{argument}: ни у одного клиента нет бюджета больше 0; впишите в этот столбец годовой бюджет каждого клиента",
    badTarget: "{argument}: {value} не цель от 1 % до 100 % (введите 67 % или 0,67)",
  },
};

/** Quotes a cell value the way the user would recognise it. */
export function quoteValue(value: unknown): string {
  if (value === undefined || value === null || value === "") return "«»";
  if (Object.prototype.toString.call(value) === "[object Date]") {
    const time = (value as Date).getTime();
    return Number.isNaN(time) ? "«Invalid Date»" : `«${(value as Date).toISOString()}»`;
  }
  const text = String(value);
  return `«${text.length > 60 ? `${text.slice(0, 57)}…` : text}»`;
}

// Counts and period descriptions go in as they are; cell values are quoted.
const UNQUOTED: ReadonlySet<ProblemCode> = new Set([
  "lengthMismatch",
  "notOneColumn",
  "noNewCustomers",
  "noRevenue",
  "noReturns",
  "tooManyColumns",
  "negativeRepeatRevenue",
  "negativeFirstRevenue",
  "tooEarlyToJudge",
  "noPurchases",
]);

/**
 * A row as messages name it: its number, and where several files are read, the file before it as
 * `orders-2.csv:17` (the form compilers and grep use).
 */
export function rowPlace(row: number | string, file: string | undefined): string {
  return file === undefined ? String(row) : `${file}:${row}`;
}

export function problemMessage(problem: Problem, language: Language): string {
  const show = (value: unknown): string => (UNQUOTED.has(problem.code) ? String(value ?? "") : quoteValue(value));
  const argument = problem.code === "noData" ? (problem.argument ? `: ${problem.argument}?` : "") : (problem.argument ?? "");
  return fill(PROBLEMS[language][problem.code], {
    argument,
    row: problem.row === undefined ? "" : rowPlace(problem.row, problem.file),
    value: show(problem.value),
    otherArgument: problem.otherArgument ?? "",
    otherValue: show(problem.otherValue),
  });
}
