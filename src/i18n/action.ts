// The action line under the verdict (issue 15): whom to win back first, and whose new customers
// return least. Shared by the sidebar and the CLI's reports (src/presentation/action-line.ts).
// In Russian, counts stand after a colon, so no numeral has to agree with its noun; English
// words take the count's plural form (see `fill`).

import type { Catalogue } from "./language";

type ActionKey = "neverReturned" | "lapsed" | "weakestManager" | "nothingToDo";

export const ACTION_TEXT: Catalogue<ActionKey> = {
  en: {
    neverReturned: "To win back: {count} new {count|customer|customers} who did not come back within {days} {days|day|days}",
    lapsed: "To win back: {count} repeat {count|customer|customers} who {count|has|have} lapsed",
    weakestManager: "lowest retention: {manager}, {rate} of {newCustomers} new {newCustomers|customer|customers} came back",
    nothingToDo: "Nobody to win back: every judged new customer came back",
  },
  ru: {
    neverReturned: "Стоит вернуть новых клиентов, которые не вернулись за {days} дн.: {count}",
    lapsed: "Стоит вернуть ушедших постоянных клиентов: {count}",
    weakestManager: "хуже всех удерживает {manager}: вернулись {rate} новых клиентов (из {newCustomers})",
    nothingToDo: "Возвращать некого: все оценённые новые клиенты вернулись",
  },
};
