// Every word the sidebar shows, in both languages. Sheet-derived text is never part of these
// templates' markup: the sidebar inserts the filled strings with textContent.

import type { Catalogue } from "./language";
import { PRODUCT_NAME } from "./product";

export type SidebarKey =
  | "title"
  | "range"
  | "columnsHeading"
  | "fieldCustomer"
  | "fieldDate"
  | "fieldAmount"
  | "fieldManager"
  | "fieldDealType"
  | "fieldBudget"
  | "fieldInitiatedBy"
  | "fieldContact"
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
  | "excludeNeedsColumn"
  | "analyze"
  | "highlight"
  | "clearHighlight"
  | "working"
  | "highlighted"
  | "cleared"
  | "nothingToClear"
  | "overallHeading"
  | "belowTarget"
  | "atTarget"
  | "targetLine"
  | "chartTitle"
  | "cohortsHeading"
  | "cohortPeriod"
  | "cohortNew"
  | "cohortReturned"
  | "cohortRate"
  | "tooEarly"
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
  | "trendLineLabel"
  | "copyLapsed"
  | "copiedLapsed"
  | "noLapsed"
  | "lapsedSheet"
  | "lostNone"
  | "lostCustomerLine"
  | "excludedDeals"
  | "skippedHeading"
  | "skippedSummary"
  | "skippedShown"
  | "rowsRead"
  | "version"
  | "errorPrefix"
  | "ordersStart"
  | "excludeLabel"
  | "excludeNothing"
  | "targetError"
  | "withinDaysError"
  | "fixFields"
  | "allTime"
  | "verdictSummary"
  | "horizonWithinDays"
  | "horizonReturns"
  | "horizonDefault"
  | "cohortSpan"
  | "cohortSpanOne"
  | "tooEarlyToJudge"
  | "nothingToJudge"
  | "leftOutPeriod"
  | "outcomes"
  | "columnsUsed"
  | "refunds"
  | "noOrdersRead"
  | "cohortsNote"
  | "fieldStatus"
  | "countedStatusesLabel"
  | "countedStatusesError"
  | "leftOutByStatus"
  | "leftOutByStatusNone"
  | "statusCount"
  | "doubtTieCustomer"
  | "doubtTieDate"
  | "doubtGuessCustomer"
  | "doubtGuessDate"
  | "doubtGuessAmount"
  | "doubtNoneCustomer"
  | "doubtNoneDate"
  | "confirmColumns"
  | "confirmPrompt"
  | "confirmFirst"
  | "countedHeading"
  | "copyNeverReturned"
  | "copiedNeverReturned"
  | "noNeverReturned"
  | "neverReturnedSheet"
  | "progressOpening"
  | "progressAnalysing"
  | "progressHighlighting"
  | "progressClearing"
  | "progressCopying"
  | "currency"
  | "currencyHint"
  | "currencyError"
  | "trendThreshold"
  | "trendThresholdHint"
  | "trendThresholdError"
  | "lapsedFactor"
  | "lapsedFactorHint"
  | "lapsedFactorError"
  | "sqlHeading"
  | "sqlIntro"
  | "sqlNote"
  | "sqlTable"
  | "sqlTableHint"
  | "sqlTableError"
  | "sqlColumns"
  | "sqlColumnsHint"
  | "sqlColumnError"
  | "sqlWaiting"
  | "sqlNeedsReport"
  | "sqlDateType"
  | "sqlDateText"
  | "sqlDateTimestamp"
  | "sqlText"
  | "copySql"
  | "sqlCopied"
  | "sqlCopyBlocked"
  | "sqlStatement"
  | "sqlStatementAll"
  | "sqlQuerySummary"
  | "sqlQueryCohorts"
  | "sqlQueryManagers"
  | "sqlQueryHealthPeriods"
  | "sqlQueryCohortGrid"
  | "sqlQueryStarted"
  | "sqlQueryWallet"
  | "sqlQueryLapsedSummary"
  | "sqlQueryLapsed"
  | "sqlQueryLapsedContacts"
  | "sqlQueryManagerRevenue"
  | "sqlQueryManagerLapsed"
  | "sqlQueryManagerWallet"
  | "sqlQueryManagerNames"
  | "actionsHeading";

export const SIDEBAR: Catalogue<SidebarKey> = {
  en: {
    title: PRODUCT_NAME,
    range: "Range: {range}",
    columnsHeading: "Columns",
    fieldCustomer: "Customer",
    fieldDate: "Date",
    fieldAmount: "Amount",
    fieldManager: "Manager",
    fieldDealType: "Deal type",
    fieldBudget: "Budget",
    fieldInitiatedBy: "Initiated by",
    fieldContact: "Contact",
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
    excludeNeedsColumn: "Choose the deal type column first",
    analyze: "Analyse",
    highlight: "Highlight customers to win back",
    clearHighlight: "Clear highlighting",
    working: "Working…",
    highlighted: "Highlighted {rows} order {rows|row|rows} of {customers} {customers|customer|customers} to win back in {range}",
    cleared: "Highlighting cleared",
    nothingToClear: "There was no highlighting to clear",
    overallHeading: "Retention of new customers",
    belowTarget: "Below the {target} target: a hole in the pocket",
    atTarget: "At or above the {target} target",
    targetLine: "target {target}",
    chartTitle: "Retention by cohort",
    cohortsHeading: "Cohorts",
    cohortPeriod: "Period",
    cohortNew: "New",
    cohortReturned: "Back",
    cohortRate: "Rate",
    tooEarly: "too early",
    cohortsOmitted: "{count} older {count|cohort|cohorts} not shown",
    managersHeading: "By manager, judged cohorts",
    managerColumn: "Manager",
    noManager: "(no manager)",
    managersOmitted: "{count} more {count|manager|managers} not shown",
    medianDays: "Median time to a second purchase: {days} days",
    medianDaysNone: "Nobody has made a second purchase yet",
    repeatRevenue: "Repeat purchases bring {share} of revenue",
    lostHeading: "Bought once, no return in {days}+ days",
    lostSummary: "{count} {count|customer|customers}",
    lostSummaryAmount: "{count} {count|customer|customers}, {amount} of first purchases",
    lostShown: "The {shown} most valuable:",
    lostMore: "Show {count} more",
    trendLineLabel: "Trend line of {periods} complete {periods|period|periods}, from {from} to {to}",
    copyLapsed: "Copy lapsed customers to a new sheet",
    copiedLapsed: "{count} lapsed {count|customer|customers} copied to the sheet “{sheet}”",
    noLapsed: "No customer has lapsed: nothing to copy",
    lapsedSheet: "Lapsed customers",
    lostNone: "Every customer who had {days} days to come back did",
    lostCustomerLine: "{date} · {manager}",
    excludedDeals: "{count} {count|row|rows} left out as one-off deals ({value})",
    skippedHeading: "Rows that could not be read: {count}",
    skippedSummary: "These rows were skipped; the rest were analysed.",
    skippedShown: "The first {shown}:",
    rowsRead: "{orders} {orders|order|orders} from {first} to {last}",
    version: `${PRODUCT_NAME} {version}`,
    errorPrefix: "Could not finish: {message}",
    ordersStart: "The orders start with the business: judge the first period too",
    excludeLabel: "Leave out one-off deals of type",
    excludeNothing: "— leave nothing out —",
    targetError: "Enter a percentage from 1 to 100",
    withinDaysError: "Enter a whole number of days, 0 or more",
    fixFields: "Fix the field marked in red first",
    allTime: "all time {rate}",
    verdictSummary:
      "{returned} of {customers} new {customers|customer|customers} came back within {days} {days|day|days}; {notReturned} did not",
    horizonWithinDays: "Returns counted within {days} days (your setting)",
    horizonReturns: "Returns counted within {days} days (80% of second purchases come that soon)",
    horizonDefault: "Returns counted within {days} days (nobody has come back yet, so a year)",
    cohortSpan: "cohorts {from} – {to}",
    cohortSpanOne: "cohort {from}",
    tooEarlyToJudge: "Too early to judge: the orders must reach {date}",
    nothingToJudge: "No cohort to judge in this range",
    leftOutPeriod:
      "{period}, the data's first period, is left out: its customers may have bought before the data begins. If the orders start with the business, tick that setting.",
    outcomes:
      "All {total} new {total|customer|customers}: {returned} came back, {notReturned} did not in {days} {days|day|days}, {tooEarly} too recent to tell",
    columnsUsed: "Columns: {columns}",
    refunds: "{count} {count|refund|refunds} (negative amounts) not counted as purchases",
    noOrdersRead:
      "No order in this range could be analysed: every row was skipped, or left out as a one-off deal or by a status that is no purchase.",
    cohortsNote:
      "“Back” counts returns within {days} days. The verdict sums the cohorts in bold (bright bars in the chart); grey ones are too recent to judge.",
    fieldStatus: "Status",
    countedStatusesLabel: "Statuses that count as purchases",
    countedStatusesError: "Tick at least one status",
    leftOutByStatus: "Left out by status ({column}): {counts}",
    leftOutByStatusNone: "Left out by status ({column}): none",
    statusCount: "{count} {status}",
    doubtTieCustomer: "Several columns could be the customer: {columns}. Pick one.",
    doubtTieDate: "Several columns could be the order date: {columns}. Pick one.",
    doubtGuessCustomer: "No header names the customer: is it column {column}?",
    doubtGuessDate: "No header names the order date: is it column {column}?",
    doubtGuessAmount: "No header names the amount: is it column {column}? Choose “—” if there is none.",
    doubtNoneCustomer: "No header names the customer, and no column looks like one: pick it.",
    doubtNoneDate: "No header names the order date, and no column holds dates: pick it.",
    confirmColumns: "Use these columns",
    confirmPrompt: "Not sure which columns to read. Check the ones marked under Columns, then press “Use these columns”.",
    confirmFirst: "Confirm the columns marked under Columns first",
    countedHeading: "How it was counted",
    actionsHeading: "Whom to call",
    copyNeverReturned: "Copy the call list to a new sheet",
    copiedNeverReturned: "{count} {count|customer|customers} who never came back copied to the sheet «{sheet}»",
    noNeverReturned: "Every judged new customer came back in time: nobody to call",
    neverReturnedSheet: "Call list",
    progressOpening: "Reading the selection…",
    progressAnalysing: "Analysing the orders…",
    progressHighlighting: "Highlighting the rows…",
    progressClearing: "Clearing the highlighting…",
    progressCopying: "Writing the new sheet…",
    currency: "Currency of amounts",
    currencyHint: "Used when the amount column's format shows none: a code such as EUR or a sign such as €",
    currencyError: "Enter a currency code such as EUR, or a sign such as €",
    trendThreshold: "Trend threshold, ±%",
    trendThresholdHint: "Health check: a change beyond it is growth or a fall",
    trendThresholdError: "Enter a percentage above 0 and below 100",
    lapsedFactor: "Lapsed after, × usual gap",
    lapsedFactorHint: "A customer gone longer than this many of their usual gaps between purchases has lapsed",
    lapsedFactorError: "Enter a number above 1 (2 means twice the usual gap)",
    sqlHeading: "SQL for BigQuery",
    sqlIntro:
      "The report's queries with these settings, for the same orders in a BigQuery table: all of them for the BigQuery console, or one for a connected sheet, which takes one query.",
    sqlNote: "Text is read by the add-on's rules, as the sheet writes dates and amounts; a numeric amount column works as it is.",
    sqlDateType: "Order date column type",
    sqlDateText: "STRING (text, as a CSV load makes it)",
    sqlDateTimestamp: "TIMESTAMP (the day in {zone})",
    sqlTable: "Table",
    sqlTableHint: "project.dataset.table, such as my-project.shop.orders",
    sqlTableError: "Enter the table as project.dataset.table (or dataset.table), such as my-project.shop.orders",
    sqlColumns: "Column names in BigQuery",
    sqlColumnsHint: "As a CSV load names the sheet's headers; change any your table names otherwise.",
    sqlColumnError: "A column name holds letters, digits, spaces and _ - & % = + : ' < > # |, up to 300 characters",
    sqlWaiting: "Enter the table to see the SQL.",
    sqlNeedsReport: "The SQL follows the report: it appears once the orders are analysed.",
    sqlText: "The report's SQL",
    copySql: "Copy",
    sqlCopied: "Copied to the clipboard",
    sqlCopyBlocked: "The text is selected: press Ctrl+C (⌘C) to copy",
    sqlStatement: "Query",
    sqlStatementAll: "All, as one script (the BigQuery console)",
    sqlQuerySummary: "Summary: the verdict and totals",
    sqlQueryCohorts: "Cohorts",
    sqlQueryManagers: "Managers",
    sqlQueryHealthPeriods: "Health check by period",
    sqlQueryCohortGrid: "Cohort heatmap",
    sqlQueryStarted: "Question 7: who started the sales",
    sqlQueryWallet: "Question 2: share of the customers' budgets",
    sqlQueryLapsedSummary: "Question 5: lapsed customers, totals",
    sqlQueryLapsed: "Question 5: lapsed customers",
    sqlQueryLapsedContacts: "Question 5: lapsed customers' contacts",
    sqlQueryManagerRevenue: "Question 4: managers' revenue",
    sqlQueryManagerLapsed: "Question 4: managers' lapsed customers",
    sqlQueryManagerWallet: "Question 2 by manager",
    sqlQueryManagerNames: "Managers' names",
  },
  ru: {
    title: PRODUCT_NAME,
    range: "Диапазон: {range}",
    columnsHeading: "Столбцы",
    fieldCustomer: "Клиент",
    fieldDate: "Дата",
    fieldAmount: "Сумма",
    fieldManager: "Менеджер",
    fieldDealType: "Тип сделки",
    fieldBudget: "Бюджет",
    fieldInitiatedBy: "Инициатор",
    fieldContact: "Контакт",
    noColumn: "—",
    settingsHeading: "Настройки",
    target: "Цель, %",
    period: "Период когорт",
    periodMonth: "Месяц",
    periodQuarter: "Квартал",
    periodWeek: "Неделя",
    periodYear: "Год",
    withinDaysToggle: "Учитывать возврат в течение",
    withinDaysUnit: "дн.",
    excludeNeedsColumn: "Сначала выберите столбец типа сделки",
    analyze: "Анализировать",
    highlight: "Подсветить клиентов, которых стоит вернуть",
    clearHighlight: "Снять подсветку",
    working: "Работаю…",
    highlighted: "Подсвечены заказы клиентов, которых стоит вернуть, в {range}: строк — {rows}, клиентов — {customers}",
    cleared: "Подсветка снята",
    nothingToClear: "Подсветки не было",
    overallHeading: "Удержание новых клиентов",
    belowTarget: "Ниже цели {target}: дыра в кармане",
    atTarget: "Цель {target} достигнута",
    targetLine: "цель {target}",
    chartTitle: "Удержание по когортам",
    cohortsHeading: "Когорты",
    cohortPeriod: "Период",
    cohortNew: "Новые",
    cohortReturned: "Верн.",
    cohortRate: "Доля",
    tooEarly: "рано судить",
    cohortsOmitted: "Не показано более старых когорт: {count}",
    managersHeading: "По менеджерам, оцениваемые когорты",
    managerColumn: "Менеджер",
    noManager: "(без менеджера)",
    managersOmitted: "Не показано менеджеров: {count}",
    medianDays: "Медиана до второй покупки: {days} дн.",
    medianDaysNone: "Второй покупки пока не было ни у кого",
    repeatRevenue: "Повторные покупки дают {share} выручки",
    lostHeading: "Купили один раз и не вернулись за {days}+ дн.",
    lostSummary: "Клиентов: {count}",
    lostSummaryAmount: "Клиентов: {count}, первые покупки на {amount}",
    lostShown: "Самые ценные ({shown}):",
    lostMore: "Показать ещё {count}",
    trendLineLabel: "Линия тренда за {periods} {periods|полный период|полных периода|полных периодов}: от {from} до {to}",
    copyLapsed: "Скопировать ушедших клиентов на новый лист",
    copiedLapsed: "{count} {count|ушедший клиент скопирован|ушедших клиента скопированы|ушедших клиентов скопированы} на лист «{sheet}»",
    noLapsed: "Ушедших клиентов нет: копировать нечего",
    lapsedSheet: "Ушедшие клиенты",
    lostNone: "Все, у кого было {days} дн., чтобы вернуться, вернулись",
    lostCustomerLine: "{date} · {manager}",
    excludedDeals: "Строк не учтено как разовые сделки ({value}): {count}",
    skippedHeading: "Не удалось прочитать строк: {count}",
    skippedSummary: "Эти строки пропущены, остальные проанализированы.",
    skippedShown: "Первые {shown}:",
    rowsRead: "Заказов: {orders}, с {first} по {last}",
    version: `${PRODUCT_NAME} {version}`,
    errorPrefix: "Не удалось завершить: {message}",
    ordersStart: "Заказы ведутся с открытия бизнеса: оценивать и первый период",
    excludeLabel: "Не учитывать разовые сделки типа",
    excludeNothing: "— ничего не исключать —",
    targetError: "Введите процент от 1 до 100",
    withinDaysError: "Введите целое число дней, 0 или больше",
    fixFields: "Сначала исправьте поле, отмеченное красным",
    allTime: "за всё время {rate}",
    verdictSummary: "{returned} из {customers} новых клиентов вернулись в течение {days} дн., {notReturned} — нет",
    horizonWithinDays: "Вторая покупка засчитывается в течение {days} дн. (ваша настройка)",
    horizonReturns: "Вторая покупка засчитывается в течение {days} дн. (в этот срок укладываются 80 % вторых покупок)",
    horizonDefault: "Вторая покупка засчитывается в течение {days} дн. (никто ещё не вернулся, поэтому год)",
    cohortSpan: "когорты {from} – {to}",
    cohortSpanOne: "когорта {from}",
    tooEarlyToJudge: "Судить рано: заказы должны дойти до {date}",
    nothingToJudge: "В диапазоне нет когорт, которые можно оценить",
    leftOutPeriod:
      "{period}, первый период данных, не учтён: его клиенты могли покупать и до начала данных. Если заказы ведутся с открытия бизнеса, отметьте эту настройку.",
    outcomes:
      "Всего новых клиентов {total}: вернулись {returned}, не вернулись за {days} дн. — {notReturned}, ещё рано судить — {tooEarly}",
    columnsUsed: "Столбцы: {columns}",
    refunds: "Возвратов денег и отмен (отрицательных сумм) не засчитано как покупки: {count}",
    noOrdersRead:
      "В диапазоне не осталось заказов для анализа: все строки пропущены или не учтены — как разовые сделки или по статусу, который не считается покупкой.",
    cohortsNote:
      "«Верн.» — вернулись в течение {days} дн. Вердикт складывается из когорт, выделенных жирным (яркие столбики на графике); серые слишком свежие, чтобы судить.",
    fieldStatus: "Статус",
    countedStatusesLabel: "Покупками считаются статусы",
    countedStatusesError: "Отметьте хотя бы один статус",
    leftOutByStatus: "Не учтено по статусу ({column}): {counts}",
    leftOutByStatusNone: "Не учтено по статусу ({column}): ничего",
    statusCount: "{status} — {count}",
    doubtTieCustomer: "Клиентом может быть любой из столбцов: {columns}. Выберите один.",
    doubtTieDate: "Датой заказа может быть любой из столбцов: {columns}. Выберите один.",
    doubtGuessCustomer: "Заголовка «Клиент» не нашлось: клиенты в столбце {column}?",
    doubtGuessDate: "Заголовка «Дата» не нашлось: даты заказов в столбце {column}?",
    doubtGuessAmount: "Заголовка «Сумма» не нашлось: суммы в столбце {column}? Если сумм нет, выберите «—».",
    doubtNoneCustomer: "Заголовка «Клиент» не нашлось, и ни один столбец на него не похож: выберите столбец с клиентами.",
    doubtNoneDate: "Заголовка «Дата» не нашлось, и ни в одном столбце нет дат: выберите столбец с датами.",
    confirmColumns: "Использовать эти столбцы",
    confirmPrompt: "Не уверен, какие столбцы читать. Проверьте отмеченные в разделе «Столбцы» и нажмите «Использовать эти столбцы».",
    confirmFirst: "Сначала подтвердите столбцы, отмеченные в разделе «Столбцы»",
    countedHeading: "Как считали",
    actionsHeading: "Кому позвонить",
    copyNeverReturned: "Скопировать список обзвона на новый лист",
    copiedNeverReturned: "Не вернувшихся клиентов скопировано на лист «{sheet}»: {count}",
    noNeverReturned: "Все новые клиенты оцениваемых когорт вернулись вовремя: звонить некому",
    neverReturnedSheet: "Список обзвона",
    progressOpening: "Читаю выделенный диапазон…",
    progressAnalysing: "Анализирую заказы…",
    progressHighlighting: "Подсвечиваю строки…",
    progressClearing: "Снимаю подсветку…",
    progressCopying: "Создаю новый лист…",
    currency: "Валюта сумм",
    currencyHint: "Если формат столбца сумм её не показывает: код, например RUB, или знак, например ₽",
    currencyError: "Введите код валюты, например RUB, или знак, например ₽",
    trendThreshold: "Порог тренда, ±%",
    trendThresholdHint: "Проверка здоровья: изменение сильнее порога — рост или спад",
    trendThresholdError: "Введите процент больше 0 и меньше 100",
    lapsedFactor: "Ушёл, если пауза дольше (× обычных интервалов)",
    lapsedFactorHint: "Клиент ушёл, если его нет дольше, чем столько его обычных интервалов между покупками",
    lapsedFactorError: "Введите число больше 1 (2 — это два обычных интервала)",
    sqlHeading: "SQL для BigQuery",
    sqlIntro:
      "Запросы отчёта с этими настройками для тех же заказов в таблице BigQuery: все сразу — для консоли BigQuery или один — для подключённой таблицы (она принимает только один запрос).",
    sqlNote: "Текст читается по правилам надстройки — так, как лист пишет даты и суммы; числовой столбец сумм подойдёт как есть.",
    sqlDateType: "Тип столбца с датой заказа",
    sqlDateText: "STRING (текст, как при загрузке CSV)",
    sqlDateTimestamp: "TIMESTAMP (день по часовому поясу {zone})",
    sqlTable: "Таблица",
    sqlTableHint: "проект.набор_данных.таблица, например my-project.shop.orders",
    sqlTableError: "Введите таблицу в виде проект.набор_данных.таблица (или набор_данных.таблица), например my-project.shop.orders",
    sqlColumns: "Названия столбцов в BigQuery",
    sqlColumnsHint: "Так их назовёт загрузка CSV с заголовками этого листа; исправьте те, что в вашей таблице называются иначе.",
    sqlColumnError: "В названии столбца допустимы буквы, цифры, пробелы и _ - & % = + : ' < > # |, не больше 300 знаков",
    sqlWaiting: "Введите таблицу, и здесь появится SQL.",
    sqlNeedsReport: "SQL повторяет отчёт: он появится, когда заказы будут проанализированы.",
    sqlText: "SQL отчёта",
    copySql: "Копировать",
    sqlCopied: "Скопировано в буфер обмена",
    sqlCopyBlocked: "Текст выделен: нажмите Ctrl+C (⌘C), чтобы скопировать",
    sqlStatement: "Запрос",
    sqlStatementAll: "Все, одним скриптом (консоль BigQuery)",
    sqlQuerySummary: "Итоги: вердикт и общие цифры",
    sqlQueryCohorts: "Когорты",
    sqlQueryManagers: "Менеджеры",
    sqlQueryHealthPeriods: "Проверка здоровья по периодам",
    sqlQueryCohortGrid: "Тепловая карта когорт",
    sqlQueryStarted: "Вопрос 7: кто начинал продажи",
    sqlQueryWallet: "Вопрос 2: доля бюджетов клиентов",
    sqlQueryLapsedSummary: "Вопрос 5: ушедшие клиенты, итоги",
    sqlQueryLapsed: "Вопрос 5: ушедшие клиенты",
    sqlQueryLapsedContacts: "Вопрос 5: контакты ушедших клиентов",
    sqlQueryManagerRevenue: "Вопрос 4: выручка менеджеров",
    sqlQueryManagerLapsed: "Вопрос 4: ушедшие клиенты менеджеров",
    sqlQueryManagerWallet: "Вопрос 2 по менеджерам",
    sqlQueryManagerNames: "Имена менеджеров",
  },
};
