// Header rows that the custom functions spill.

import type { Catalogue } from "./language";

type HeaderKey =
  | "periodStart"
  | "newCustomers"
  | "returned"
  | "retentionRate"
  | "cohortStart"
  | "cohortSize"
  | "customer"
  | "firstPurchase"
  | "lastPurchase"
  | "purchases"
  | "totalAmount"
  | "daysSinceLast"
  | "judgedCohorts"
  | "tooEarlyUntil"
  | "horizonDays"
  | "judgedNew"
  | "judgedBack"
  | "judgedNotBack"
  | "allNew"
  | "allBack"
  | "allNotBack"
  | "allTooRecent"
  | "excludedRows"
  | "refundRows"
  | "activeCustomers"
  | "existingCustomers"
  | "newRevenue"
  | "existingRevenue"
  | "averageOrder"
  | "activeBase"
  | "manager"
  | "usualGap"
  | "revenueAtStake"
  | "contact"
  | "question"
  | "verdict"
  | "answer";

export const HEADERS: Catalogue<HeaderKey> = {
  en: {
    periodStart: "Period start",
    newCustomers: "New customers",
    returned: "Returned",
    retentionRate: "Retention rate",
    cohortStart: "Cohort start",
    cohortSize: "Cohort size",
    customer: "Customer",
    firstPurchase: "First purchase",
    lastPurchase: "Last purchase",
    purchases: "Purchases",
    totalAmount: "Total amount",
    daysSinceLast: "Days since last purchase",
    judgedCohorts: "Cohorts judged",
    tooEarlyUntil: "too early: the orders must reach {date}",
    horizonDays: "Returns counted within, days (H)",
    judgedNew: "Their new customers",
    judgedBack: "came back within H",
    judgedNotBack: "did not",
    allNew: "All new customers",
    allBack: "came back",
    allNotBack: "did not, though they had H days",
    allTooRecent: "too recent to tell",
    excludedRows: "Rows left out as one-off deals",
    refundRows: "Refund rows, no purchases",
    activeCustomers: "Customers who bought",
    existingCustomers: "Existing customers",
    newRevenue: "Revenue from new customers",
    existingRevenue: "Revenue from existing customers",
    averageOrder: "Average order",
    activeBase: "Active base (12 months)",
    manager: "Manager",
    usualGap: "Usual gap, days",
    revenueAtStake: "Revenue at stake (12 months)",
    contact: "Contact",
    question: "Question",
    verdict: "Verdict",
    answer: "Answer",
  },
  ru: {
    periodStart: "Начало периода",
    newCustomers: "Новые клиенты",
    returned: "Вернулись",
    retentionRate: "Удержание",
    cohortStart: "Начало когорты",
    cohortSize: "Размер когорты",
    customer: "Клиент",
    firstPurchase: "Первая покупка",
    lastPurchase: "Последняя покупка",
    purchases: "Покупок",
    totalAmount: "Сумма",
    daysSinceLast: "Дней с последней покупки",
    judgedCohorts: "Оценены когорты",
    tooEarlyUntil: "рано: заказы должны дойти до {date}",
    horizonDays: "Вторая покупка засчитывается в течение, дн. (H)",
    judgedNew: "Их новые клиенты",
    judgedBack: "вернулись в течение H",
    judgedNotBack: "не вернулись",
    allNew: "Все новые клиенты",
    allBack: "вернулись",
    allNotBack: "не вернулись, хотя прошло H дней",
    allTooRecent: "рано судить",
    excludedRows: "Строк не учтено как разовые сделки",
    refundRows: "Строк возвратов денег, не покупки",
    activeCustomers: "Купивших клиентов",
    existingCustomers: "Текущие клиенты",
    newRevenue: "Выручка от новых",
    existingRevenue: "Выручка от текущих",
    averageOrder: "Средний чек",
    activeBase: "Активная база (12 мес.)",
    manager: "Менеджер",
    usualGap: "Обычный интервал, дн.",
    revenueAtStake: "Выручка под угрозой (12 мес.)",
    contact: "Контакт",
    question: "Вопрос",
    verdict: "Оценка",
    answer: "Ответ",
  },
};
