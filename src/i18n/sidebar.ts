// Every word the sidebar shows, in both languages. Sheet-derived text is never part of these
// templates' markup: the sidebar inserts the filled strings with textContent.

import type { Catalogue } from "./language";

export type SidebarKey =
  | "title"
  | "range"
  | "columnsHeading"
  | "fieldCustomer"
  | "fieldDate"
  | "fieldAmount"
  | "fieldManager"
  | "fieldDealType"
  | "noColumn"
  | "settingsHeading"
  | "target"
  | "period"
  | "periodMonth"
  | "periodQuarter"
  | "periodWeek"
  | "periodYear"
  | "withinDaysToggle"
  | "withinDaysUnit"
  | "excludeToggle"
  | "excludeValue"
  | "excludeValuePlaceholder"
  | "excludeNeedsColumn"
  | "analyze"
  | "highlight"
  | "clearHighlight"
  | "working"
  | "highlighted"
  | "cleared"
  | "nothingToClear"
  | "overallHeading"
  | "overallSummary"
  | "belowTarget"
  | "atTarget"
  | "noNewCustomers"
  | "targetLine"
  | "chartTitle"
  | "cohortsHeading"
  | "cohortPeriod"
  | "cohortNew"
  | "cohortReturned"
  | "cohortRate"
  | "tooEarly"
  | "tooEarlyNote"
  | "cohortsOmitted"
  | "managersHeading"
  | "managerColumn"
  | "noManager"
  | "managersOmitted"
  | "medianDays"
  | "medianDaysNone"
  | "repeatRevenue"
  | "lostHeading"
  | "lostSummary"
  | "lostSummaryAmount"
  | "lostShown"
  | "lostMore"
  | "lostNone"
  | "lostCustomerLine"
  | "excludedDeals"
  | "skippedHeading"
  | "skippedSummary"
  | "skippedShown"
  | "rowsRead"
  | "version"
  | "errorPrefix";

export const SIDEBAR: Catalogue<SidebarKey> = {
  en: {
    title: "Customer retention",
    range: "Range: {range}",
    columnsHeading: "Columns",
    fieldCustomer: "Customer",
    fieldDate: "Date",
    fieldAmount: "Amount",
    fieldManager: "Manager",
    fieldDealType: "Deal type",
    noColumn: "—",
    settingsHeading: "Settings",
    target: "Target, %",
    period: "Cohort period",
    periodMonth: "Month",
    periodQuarter: "Quarter",
    periodWeek: "Week",
    periodYear: "Year",
    withinDaysToggle: "Count returns within",
    withinDaysUnit: "days",
    excludeToggle: "Exclude one-off project deals",
    excludeValue: "Deal type value",
    excludeValuePlaceholder: "Project",
    excludeNeedsColumn: "Choose the deal type column first",
    analyze: "Analyse",
    highlight: "Highlight below target",
    clearHighlight: "Clear highlighting",
    working: "Working…",
    highlighted: "Highlighted {count} order rows in {range}",
    cleared: "Highlighting cleared",
    nothingToClear: "There was no highlighting to clear",
    overallHeading: "Retention of new customers",
    overallSummary: "{returned} of {customers} new customers came back",
    belowTarget: "Below the {target} target: a hole in the pocket",
    atTarget: "At or above the {target} target",
    noNewCustomers: "No new customers in this range",
    targetLine: "target {target}",
    chartTitle: "Retention by cohort",
    cohortsHeading: "Cohorts",
    cohortPeriod: "Period",
    cohortNew: "New",
    cohortReturned: "Back",
    cohortRate: "Rate",
    tooEarly: "too early",
    tooEarlyNote: "Grey cohorts are too recent to judge: their customers need about {days} days to come back.",
    cohortsOmitted: "{count} older cohorts not shown",
    managersHeading: "By manager",
    managerColumn: "Manager",
    noManager: "(no manager)",
    managersOmitted: "{count} more managers not shown",
    medianDays: "Median time to a second purchase: {days} days",
    medianDaysNone: "Nobody has made a second purchase yet",
    repeatRevenue: "Repeat purchases bring {share} of revenue",
    lostHeading: "Bought once, never came back",
    lostSummary: "{count} customers",
    lostSummaryAmount: "{count} customers, {amount} of first purchases",
    lostShown: "The {shown} most valuable:",
    lostMore: "Show {count} more",
    lostNone: "Every customer who had time to come back did",
    lostCustomerLine: "{date} · {manager}",
    excludedDeals: "One-off project deals left out: {count}",
    skippedHeading: "Rows that could not be read: {count}",
    skippedSummary: "These rows were skipped; the rest were analysed.",
    skippedShown: "The first {shown}:",
    rowsRead: "{orders} orders from {first} to {last}",
    version: "Retention add-on {version}",
    errorPrefix: "Could not finish: {message}",
  },
  ru: {
    title: "Удержание клиентов",
    range: "Диапазон: {range}",
    columnsHeading: "Столбцы",
    fieldCustomer: "Клиент",
    fieldDate: "Дата",
    fieldAmount: "Сумма",
    fieldManager: "Менеджер",
    fieldDealType: "Тип сделки",
    noColumn: "—",
    settingsHeading: "Настройки",
    target: "Цель, %",
    period: "Период когорт",
    periodMonth: "Месяц",
    periodQuarter: "Квартал",
    periodWeek: "Неделя",
    periodYear: "Год",
    withinDaysToggle: "Вернулся в течение",
    withinDaysUnit: "дн.",
    excludeToggle: "Не учитывать разовые проектные сделки",
    excludeValue: "Значение типа сделки",
    excludeValuePlaceholder: "Проект",
    excludeNeedsColumn: "Сначала выберите столбец типа сделки",
    analyze: "Анализировать",
    highlight: "Выделить ниже цели",
    clearHighlight: "Снять выделение",
    working: "Считаю…",
    highlighted: "Выделено строк заказов: {count} в {range}",
    cleared: "Выделение снято",
    nothingToClear: "Выделения не было",
    overallHeading: "Удержание новых клиентов",
    overallSummary: "Вернулись {returned} из {customers} новых клиентов",
    belowTarget: "Ниже цели {target}: дыра в кармане",
    atTarget: "Цель {target} достигнута",
    noNewCustomers: "В диапазоне нет новых клиентов",
    targetLine: "цель {target}",
    chartTitle: "Удержание по когортам",
    cohortsHeading: "Когорты",
    cohortPeriod: "Период",
    cohortNew: "Новые",
    cohortReturned: "Верн.",
    cohortRate: "Доля",
    tooEarly: "рано судить",
    tooEarlyNote: "Серые когорты слишком свежие: клиентам нужно около {days} дн., чтобы вернуться.",
    cohortsOmitted: "Не показано более старых когорт: {count}",
    managersHeading: "По менеджерам",
    managerColumn: "Менеджер",
    noManager: "(без менеджера)",
    managersOmitted: "Не показано менеджеров: {count}",
    medianDays: "Медиана до второй покупки: {days} дн.",
    medianDaysNone: "Второй покупки пока не было ни у кого",
    repeatRevenue: "Повторные покупки дают {share} выручки",
    lostHeading: "Купили один раз и не вернулись",
    lostSummary: "Клиентов: {count}",
    lostSummaryAmount: "Клиентов: {count}, первые покупки на {amount}",
    lostShown: "Самые ценные ({shown}):",
    lostMore: "Показать ещё {count}",
    lostNone: "Все, у кого было время вернуться, вернулись",
    lostCustomerLine: "{date} · {manager}",
    excludedDeals: "Разовых проектных сделок исключено: {count}",
    skippedHeading: "Не удалось прочитать строк: {count}",
    skippedSummary: "Эти строки пропущены, остальные проанализированы.",
    skippedShown: "Первые {shown}:",
    rowsRead: "Заказов: {orders}, с {first} по {last}",
    version: "Надстройка «Удержание» {version}",
    errorPrefix: "Не удалось завершить: {message}",
  },
};
