// The action line under the verdict (issue 15): whom to win back first, and whose new customers
// return least. Shared by the sidebar and the CLI's reports (src/presentation/action-line.ts).
// Counts stand after a colon, so no Russian numeral has to agree with its noun.

import type { Catalogue } from "./language";

type ActionKey = "neverReturned" | "lapsed" | "weakestManager" | "nothingToDo";

export const ACTION_TEXT: Catalogue<ActionKey> = {
  en: {
    neverReturned: "To win back: {count} new customers who did not come back within {days} days",
    lapsed: "To win back: {count} repeat customers who have lapsed",
    weakestManager: "lowest retention: {manager}, {rate} of {newCustomers} new customers came back",
    nothingToDo: "Nobody to win back: every judged new customer came back",
  },
  ru: {
    neverReturned: "Стоит вернуть новых клиентов, которые не вернулись за {days} дн.: {count}",
    lapsed: "Стоит вернуть ушедших постоянных клиентов: {count}",
    weakestManager: "хуже всех удерживает {manager}: вернулись {rate} новых клиентов (из {newCustomers})",
    nothingToDo: "Возвращать некого: все оценённые новые клиенты вернулись",
  },
};
