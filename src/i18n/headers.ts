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
  | "daysSinceLast";

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
  },
};
