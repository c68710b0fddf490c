// The health check's words: the book's eight questions (the Russian is the book's, shortened where
// it has «…», and written with ё as the rest), and one sentence per answer with the figure behind it.

import type { Catalogue } from "./language";

export type HealthKey =
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
  | "answer1Trend"
  | "answer2"
  | "answer3"
  | "answer4"
  | "answer4NotJudged"
  | "answer4Retention"
  | "answer4NotJudgedRetention"
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
  | "needsInitiatorSides"
  | "needsManager"
  | "needsRevenue"
  | "needsPurchases"
  | "needsPositiveBudget"
  | "needsRepeatCustomers"
  | "needsJudgedManagers"
  | "needsJudgedManagersRetention"
  | "needsHistory"
  | "needsHistoryCount"
  | "answer5NoAmounts"
  | "lapsedTitle"
  | "lapsedNone"
  | "unreadBudget"
  | "unreadBudgets"
  | "unreadBudgetNoRow"
  | "unreadBudgetsNoRow"
  | "unknownInitiator"
  | "unknownInitiators"
  | "unknownInitiatorNoRow"
  | "unknownInitiatorsNoRow"
  | "managersTitle"
  | "managerColumn"
  | "managerNew"
  | "managerBack"
  | "managerRate"
  | "managerTrend"
  | "managerLapsed"
  | "managerAtStake"
  | "managerWallet"
  | "belowTarget"
  | "belowTargetNotJudged"
  | "belowTargetNotJudgedRetention"
  | "belowTargetByRevenue"
  | "trendCell"
  | "trendCellNeeds"
  | "managersOmitted";

export const HEALTH_TEXT: Catalogue<HealthKey> = {
  en: {
    title: "Customer base health: the book's eight questions",
    q1: "Do existing customers bring more revenue than new ones?",
    q2: "Are your customers' budgets larger than what you sell them?",
    q3: "Are sales to existing customers falling or standing still?",
    q4: "Do your managers win the customer's whole budget, not just take the orders that come?",
    q5: "Do customers leave and not come back?",
    q6: "Could the average order be higher?",
    q7: "Do you mostly answer customers' requests, and start the conversation less often?",
    q8: "Is the customer base steady or shrinking?",
    good: "good",
    watch: "needs attention",
    bad: "bad",
    needsData: "needs data",
    answer1: "Existing customers brought {share} of revenue in {from} – {to}.",
    answer1Trend: "Their share is {trend}: it was {before} in {base}.",
    answer2: "Sales of the last 12 months are {share} of the yearly budgets of {customers} {customers|customer|customers}.",
    answer3: "Revenue from existing customers is {trend}: {change} in {recent} against {base}.",
    answer4:
      "{inTrouble} of {judged} {judged|manager|managers} {inTrouble|keeps|keep} fewer new customers than the target or {inTrouble|loses|lose} existing revenue.",
    answer4NotJudged:
      "{notJudged} more {notJudged|manager is|managers are} not counted yet: fewer than {least} judged new customers and no revenue trend.",
    answer4Retention: "{inTrouble} of {judged} {judged|manager|managers} {inTrouble|keeps|keep} fewer new customers than the target.",
    answer4NotJudgedRetention:
      "{notJudged} more {notJudged|manager is|managers are} not counted yet: fewer than {least} judged new customers.",
    answer5: "{lapsed} of {repeat} repeat {repeat|customer|customers} {lapsed|has|have} lapsed; {atStake} a year at stake.",
    answer5NoAmounts: "{lapsed} of {repeat} repeat {repeat|customer|customers} {lapsed|has|have} lapsed.",
    answer6: "The average order is {trend}: {value}, {change} against {base}.",
    answer7: "The company started {share} of the purchases of the last 12 months.",
    answer8: "{base} {base|customer|customers} bought in the 12 months to {date}; the base is {trend}: {change}.",
    growing: "growing",
    flat: "flat",
    falling: "falling",
    fromNothing: "up from nothing",
    noneInEither: "nothing in either window",
    needsAmount: "Needs data: add an Amount column.",
    needsBudget: "Needs data: add a Budget or Potential column with each customer's yearly budget.",
    needsInitiatedBy: "Needs data: add an Initiated by column (inbound or outbound).",
    needsInitiatorSides: "Needs data: no value of the Initiated by column says inbound or outbound.",
    needsManager: "Needs data: add a Manager column.",
    needsRevenue: "Needs data: the periods judged have no revenue to split.",
    needsPurchases: "No trend: the last periods, or those they are compared with, have no purchase at all.",
    needsPositiveBudget: "Needs data: the Budget column gives no customer a yearly budget above 0.",
    needsRepeatCustomers: "Nobody has bought on two different days yet, so nobody can have lapsed.",
    needsJudgedManagers:
      "Needs data: no manager has {least} judged new customers or a revenue trend yet ({count} {count|manager|managers} with figures so far).",
    needsJudgedManagersRetention:
      "Needs data: no manager has {least} judged new customers yet ({count} {count|manager|managers} with figures so far).",
    needsHistory: "Needs more history.",
    needsHistoryCount: "Needs more history: {count} more complete {count|period|periods}.",
    lapsedTitle: "Lapsed customers, most at stake first",
    lapsedNone: "No customer has lapsed.",
    unreadBudget: "The budget in row {row} (“{value}”) is not an amount of 0 or more and is left out.",
    unreadBudgets:
      "{count} {count|budget is not an amount|budgets are not amounts} of 0 or more and {count|is|are} left out, such as “{value}” in row {row}.",
    unknownInitiator:
      "The Initiated by value “{value}” in row {row} is not recognised, so its purchase counts as not started by the company.",
    unknownInitiators:
      "{count} {count|value|values} of the Initiated by column are not recognised, such as “{value}” in row {row}; their purchases count as not started by the company.",
    unreadBudgetNoRow: "The budget “{value}” is not an amount of 0 or more and is left out.",
    unreadBudgetsNoRow:
      "{count} {count|budget is not an amount|budgets are not amounts} of 0 or more and {count|is|are} left out, such as “{value}”.",
    unknownInitiatorNoRow: "The Initiated by value “{value}” is not recognised, so its purchase counts as not started by the company.",
    unknownInitiatorsNoRow:
      "{count} {count|value|values} of the Initiated by column are not recognised, such as “{value}”; their purchases count as not started by the company.",
    managersTitle: "By manager",
    managerColumn: "Manager",
    managerNew: "New",
    managerBack: "Back in {days} d",
    managerRate: "Rate",
    managerTrend: "Existing revenue",
    managerLapsed: "Lapsed",
    managerAtStake: "At stake a year",
    managerWallet: "Share of wallet",
    belowTarget: "below target",
    belowTargetNotJudged: "below target; not counted: fewer than {least} new customers and no revenue trend",
    belowTargetNotJudgedRetention: "below target; not counted: fewer than {least} new customers",
    belowTargetByRevenue: "below target on fewer than {least} new customers: judged by revenue only",
    trendCell: "{trend}, {change}",
    trendCellNeeds: "needs {count} more {count|period|periods}",
    managersOmitted: "{count} more {count|manager|managers} not shown",
  },
  ru: {
    title: "Здоровье клиентской базы: восемь вопросов книги",
    q1: "Объём продаж от текущих клиентов сейчас больше, чем от новых?",
    q2: "Общий бюджет постоянных клиентов больше, чем текущий объём ваших продаж им?",
    q3: "Объём продаж существующим клиентам снижается или стоит на месте?",
    q4: "Ваши менеджеры забирают весь объём бюджета клиента, а не просто отрабатывают полученные заказы?",
    q5: "Бывает, что клиенты уходят и не возвращаются?",
    q6: "Средний чек (объём отгрузки) мог быть выше?",
    q7: "В основном идёт реагирование на запросы клиентов, а инициирование общения реже?",
    q8: "Размер клиентской базы постоянный или снижается?",
    good: "хорошо",
    watch: "требует внимания",
    bad: "плохо",
    needsData: "нужны данные",
    answer1: "Текущие клиенты принесли {share} выручки за {from} – {to}.",
    answer1Trend: "Их доля {trend}: за {base} она была {before}.",
    answer2:
      "Продажи за последние 12 месяцев составляют {share} годового бюджета {customers} {customers|клиента|клиентов|клиентов}, у {customers|которого|которых|которых} он указан.",
    answer3: "Выручка от текущих клиентов {trend}: {change} за {recent} к {base}.",
    answer4: "Менеджеров, у которых новые клиенты возвращаются реже цели или падает выручка от текущих клиентов: {inTrouble} из {judged}.",
    answer4NotJudged:
      "Ещё {notJudged} {notJudged|менеджер пока не учтён|менеджера пока не учтены|менеджеров пока не учтены}: меньше {least} оценённых новых клиентов и нет тренда выручки.",
    answer4Retention: "Менеджеров, у которых новые клиенты возвращаются реже цели: {inTrouble} из {judged}.",
    answer4NotJudgedRetention:
      "Ещё {notJudged} {notJudged|менеджер пока не учтён|менеджера пока не учтены|менеджеров пока не учтены}: меньше {least} оценённых новых клиентов.",
    answer5: "Ушедших: {lapsed} из {repeat} {repeat|клиента|клиентов|клиентов} с повторными покупками; под угрозой {atStake} в год.",
    answer5NoAmounts: "Ушедших: {lapsed} из {repeat} {repeat|клиента|клиентов|клиентов} с повторными покупками.",
    answer6: "Средний чек {trend}: {value} ({change} к {base}).",
    answer7: "{share} покупок за последние 12 месяцев — по инициативе компании.",
    answer8: "За 12 месяцев до {date} {base|покупал|покупали|покупали} {base} {base|клиент|клиента|клиентов}; база {trend}: {change}.",
    growing: "растёт",
    flat: "стоит на месте",
    falling: "снижается",
    fromNothing: "с нуля",
    noneInEither: "ноль в обоих периодах",
    needsAmount: "Нужны данные: добавьте столбец «Сумма».",
    needsBudget: "Нужны данные: добавьте столбец «Бюджет» или «Потенциал» с годовым бюджетом каждого клиента.",
    needsInitiatedBy: "Нужны данные: добавьте столбец «Инициатор» (входящий или исходящий).",
    needsInitiatorSides: "Нужны данные: ни одно значение столбца «Инициатор» не говорит, входящее это обращение или исходящее.",
    needsManager: "Нужны данные: добавьте столбец «Менеджер».",
    needsRevenue: "Нужны данные: в оцениваемых периодах нет выручки, которую можно разделить.",
    needsPurchases: "Тренда нет: в последних периодах или в тех, с которыми они сравниваются, нет ни одной покупки.",
    needsPositiveBudget: "Нужны данные: в столбце «Бюджет» ни у одного клиента нет годового бюджета больше 0.",
    needsRepeatCustomers: "Пока никто не покупал в два разных дня, поэтому ушедших быть не может.",
    needsJudgedManagers:
      "Нужны данные: пока ни у одного менеджера нет {least} оценённых новых клиентов или тренда выручки (менеджеров, по которым уже есть цифры: {count}).",
    needsJudgedManagersRetention:
      "Нужны данные: пока ни у одного менеджера нет {least} оценённых новых клиентов (менеджеров, по которым уже есть цифры: {count}).",
    needsHistory: "Нужна история подлиннее.",
    needsHistoryCount: "Нужна история подлиннее: ещё {count} {count|полный период|полных периода|полных периодов}.",
    lapsedTitle: "Ушедшие клиенты, по выручке под угрозой",
    lapsedNone: "Ушедших клиентов нет.",
    unreadBudget: "Бюджет в строке {row} («{value}») — не число или отрицательное число, он не учтён.",
    unreadBudgets:
      "{count} {count|бюджет — не число или отрицательное число, он не учтён|бюджета — не числа или отрицательные числа, они не учтены|бюджетов — не числа или отрицательные числа, они не учтены}; например, «{value}» в строке {row}.",
    unknownInitiator:
      "Значение «{value}» в строке {row} столбца «Инициатор» не распознано, поэтому покупка не отнесена к инициативе компании.",
    unknownInitiators:
      "{count} {count|значение|значения|значений} столбца «Инициатор» не {count|распознано|распознаны|распознаны}, и такие покупки не отнесены к инициативе компании; например, «{value}» в строке {row}.",
    unreadBudgetNoRow: "Бюджет «{value}» — не число или отрицательное число, он не учтён.",
    unreadBudgetsNoRow:
      "{count} {count|бюджет — не число или отрицательное число, он не учтён|бюджета — не числа или отрицательные числа, они не учтены|бюджетов — не числа или отрицательные числа, они не учтены}; например, «{value}».",
    unknownInitiatorNoRow: "Значение «{value}» столбца «Инициатор» не распознано, поэтому покупка не отнесена к инициативе компании.",
    unknownInitiatorsNoRow:
      "{count} {count|значение|значения|значений} столбца «Инициатор» не {count|распознано|распознаны|распознаны}, и такие покупки не отнесены к инициативе компании; например, «{value}».",
    managersTitle: "По менеджерам",
    managerColumn: "Менеджер",
    managerNew: "Новые",
    managerBack: "Верн. за {days} дн.",
    managerRate: "Доля",
    managerTrend: "Выручка текущих",
    managerLapsed: "Ушедшие",
    managerAtStake: "Под угрозой в год",
    managerWallet: "Доля бюджета",
    belowTarget: "ниже цели",
    belowTargetNotJudged: "ниже цели; не учтён: меньше {least} новых клиентов и нет тренда выручки",
    belowTargetNotJudgedRetention: "ниже цели; не учтён: меньше {least} новых клиентов",
    belowTargetByRevenue: "ниже цели, но новых клиентов меньше {least}: оценён только по выручке",
    trendCell: "{trend}, {change}",
    trendCellNeeds: "нужно ещё {count} {count|период|периода|периодов}",
    managersOmitted: "Ещё {count} {count|менеджер не показан|менеджера не показаны|менеджеров не показаны}",
  },
};
