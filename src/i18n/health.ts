// The health check's words: the book's eight questions (the Russian is the book's, shortened where
// it has «…»), and one sentence per answer with the figure behind it.

import type { Catalogue } from "./language";

type HealthKey =
  | "title"
  | "q1"
  | "q2"
  | "q3"
  | "q4"
  | "q5"
  | "q6"
  | "q7"
  | "q8"
  | "good"
  | "watch"
  | "bad"
  | "needsData"
  | "answer1"
  | "answer2"
  | "answer3"
  | "answer4"
  | "answer5"
  | "answer6"
  | "answer7"
  | "answer8"
  | "growing"
  | "flat"
  | "falling"
  | "fromNothing"
  | "noneInEither"
  | "needsAmount"
  | "needsBudget"
  | "needsInitiatedBy"
  | "needsManager"
  | "needsHistory"
  | "needsHistoryCount"
  | "lapsedTitle"
  | "lapsedNone"
  | "unreadBudgets"
  | "unknownInitiators";

export const HEALTH_TEXT: Catalogue<HealthKey> = {
  en: {
    title: "Health check: the book's eight questions",
    q1: "Do existing customers bring more revenue than new ones?",
    q2: "Are your customers' budgets larger than what you sell them?",
    q3: "Are sales to existing customers falling or standing still?",
    q4: "Do your managers win the customer's whole budget, not just take the orders that come?",
    q5: "Do customers leave and not come back?",
    q6: "Could the average order be higher?",
    q7: "Do you mostly answer customers' requests, and start the conversation less often?",
    q8: "Is the customer base steady or shrinking?",
    good: "good",
    watch: "watch",
    bad: "bad",
    needsData: "needs data",
    answer1: "Existing customers brought {share} of revenue in {from} – {to}.",
    answer2: "Sales of the last 12 months are {share} of the yearly budgets of {customers} {customers|customer|customers}.",
    answer3: "Revenue from existing customers is {trend}: {change} in {recent} against {base}.",
    answer4:
      "{inTrouble} of {judged} {judged|manager|managers} {inTrouble|keeps|keep} fewer new customers than the target or {inTrouble|loses|lose} existing revenue.",
    answer5: "{lapsed} of {repeat} repeat {repeat|customer|customers} {lapsed|has|have} lapsed; {atStake} a year at stake.",
    answer6: "The average order is {trend}: {value}, {change} against {base}.",
    answer7: "The company started {share} of the purchases of the last 12 months.",
    answer8: "{base} {base|customer|customers} bought in the 12 months to {date}; the base is {trend}: {change}.",
    growing: "growing",
    flat: "flat",
    falling: "falling",
    fromNothing: "up from nothing",
    noneInEither: "none in either",
    needsAmount: "Needs data: add an Amount column.",
    needsBudget: "Needs data: add a Budget column with each customer's yearly budget.",
    needsInitiatedBy: "Needs data: add an Initiated by column (inbound or outbound).",
    needsManager: "Needs data: add a Manager column.",
    needsHistory: "Needs more history.",
    needsHistoryCount: "Needs more history: {count} more complete {count|period|periods}.",
    lapsedTitle: "Lapsed customers, most at stake first",
    lapsedNone: "No customer has lapsed.",
    unreadBudgets: "{count} {count|budget|budgets} could not be read and {count|is|are} left out, such as «{value}» in row {row}.",
    unknownInitiators:
      "{count} {count|value|values} of the Initiated by column {count|is|are} not recognised and {count|counts|count} as not started by the company, such as «{value}» in row {row}.",
  },
  ru: {
    title: "Проверка здоровья: восемь вопросов книги",
    q1: "Объем продаж от текущих клиентов сейчас больше, чем от новых?",
    q2: "Общий бюджет постоянных клиентов больше, чем текущий объем ваших продаж им?",
    q3: "Объем продаж существующим клиентам снижается или стоит на месте?",
    q4: "Ваши менеджеры забирают весь объем бюджета клиента, а не просто отрабатывают полученные заказы?",
    q5: "Бывает, что клиенты уходят и не возвращаются?",
    q6: "Средний чек (объем отгрузки) мог быть выше?",
    q7: "В основном идет реагирование на запросы клиентов, а инициирование общения реже?",
    q8: "Размер клиентской базы постоянный или снижается?",
    good: "хорошо",
    watch: "под наблюдением",
    bad: "плохо",
    needsData: "нужны данные",
    answer1: "Текущие клиенты принесли {share} выручки за {from} – {to}.",
    answer2: "Продажи за последние 12 месяцев составляют {share} годового бюджета клиентов (с бюджетом: {customers}).",
    answer3: "Выручка от текущих клиентов {trend}: {change} за {recent} к {base}.",
    answer4: "Менеджеров, которые удерживают новых клиентов ниже цели или теряют выручку текущих: {inTrouble} из {judged}.",
    answer5: "Ушедших: {lapsed} из {repeat} {repeat|клиента|клиентов|клиентов} с повторными покупками; под угрозой {atStake} в год.",
    answer6: "Средний чек {trend}: {value}, {change} к {base}.",
    answer7: "Компания начала {share} покупок за последние 12 месяцев.",
    answer8: "За 12 месяцев до {date} {base|покупал|покупали|покупали} {base} {base|клиент|клиента|клиентов}; база {trend}: {change}.",
    growing: "растет",
    flat: "стоит на месте",
    falling: "снижается",
    fromNothing: "рост с нуля",
    noneInEither: "ни в одном из окон",
    needsAmount: "Нужны данные: добавьте столбец «Сумма».",
    needsBudget: "Нужны данные: добавьте столбец «Бюджет» с годовым бюджетом каждого клиента.",
    needsInitiatedBy: "Нужны данные: добавьте столбец «Инициатор» (входящий или исходящий).",
    needsManager: "Нужны данные: добавьте столбец «Менеджер».",
    needsHistory: "Нужна история подлиннее.",
    needsHistoryCount: "Нужна история подлиннее: еще полных периодов — {count}.",
    lapsedTitle: "Ушедшие клиенты, по выручке под угрозой",
    lapsedNone: "Ушедших клиентов нет.",
    unreadBudgets: "Не удалось прочитать бюджеты, они не учтены: {count}; например, «{value}» в строке {row}.",
    unknownInitiators:
      "Не распознаны значения «Инициатора», такие покупки считаются начатыми не компанией: {count}; например, «{value}» в строке {row}.",
  },
};
