// Everything the "Create template" command writes into cells: sheet names, headers, labels, the
// notes that explain each figure, and the sample orders' names.

import { PRODUCT_NAME } from "./product";
import type { Catalogue, Language } from "./language";

type TemplateKey =
  // Sheet names; a number is appended when one is taken ("Orders 2").
  | "ordersSheet"
  | "dashboardSheet"
  | "healthSheet"
  // Orders headers: the names src/core/columns.ts recognises.
  | "date"
  | "customer"
  | "amount"
  | "manager"
  | "dealType"
  | "budget"
  | "initiatedBy"
  | "regularDeal"
  | "projectDeal"
  | "outbound"
  | "inbound"
  | "dateHelp"
  | "dealTypeHelp"
  | "budgetHelp"
  | "initiatedByHelp"
  // Dashboard.
  | "title"
  | "rule"
  | "excludedDeal"
  | "excludedDealNote"
  | "target"
  | "targetNote"
  | "startsWithBusiness"
  | "startsWithBusinessNote"
  | "retention"
  | "retentionNote"
  | "horizon"
  | "detailsNote"
  | "horizonNote"
  | "retentionAllTime"
  | "retentionAllTimeNote"
  | "newCustomers"
  | "newCustomersNote"
  | "returned"
  | "returnedNote"
  | "latestOrder"
  | "latestOrderNote"
  | "repeatShare"
  | "repeatShareNote"
  | "medianDays"
  | "medianDaysNote"
  | "cohortsTitle"
  | "cohortsNote"
  | "onceTitle"
  | "onceNote"
  | "purchaseDate"
  | "daysSince"
  | "customersTitle"
  | "customersNote"
  | "matrixTitle"
  | "matrixNote"
  // Health check sheet (its title is the health check's own, in src/i18n/health.ts).
  | "healthRule"
  | "healthNote"
  | "trendThreshold"
  | "trendThresholdNote"
  | "lapsedFactor"
  | "lapsedFactorNote"
  | "trendTitle"
  | "trendNote"
  | "periodsTitle"
  | "periodsNote"
  | "lapsedTitle"
  | "lapsedNote"
  | "created";

export const TEMPLATE: Catalogue<TemplateKey> = {
  en: {
    ordersSheet: "Orders",
    dashboardSheet: "Dashboard",
    healthSheet: "Health check",
    date: "Date",
    customer: "Customer",
    amount: "Amount",
    manager: "Manager",
    dealType: "Deal type",
    budget: "Budget",
    initiatedBy: "Initiated by",
    regularDeal: "regular",
    projectDeal: "project",
    outbound: "outbound",
    inbound: "inbound",
    dateHelp: "Enter the order date, e.g. 05/03/2024. A row without a readable date would stop the dashboard formulas.",
    dealTypeHelp: "regular, or project for a one-off deal: the dashboard leaves project deals out of retention.",
    budgetHelp:
      "The customer's yearly budget for what you sell, a number: on any one of their rows (the latest one counts). " +
      "Leave it blank where you do not know it.",
    initiatedByHelp: "outbound if your company started this sale (a call, an offer), inbound if the customer came with a request.",
    title: `${PRODUCT_NAME}: retention of new customers`,
    rule:
      "Retention of new customers = customers who made a second purchase ÷ customers who made a first one. " +
      "Below the target (67 % in «Управление клиентской базой») the business has a hole in its pocket: " +
      "it pays to win customers who do not come back. One-off project deals are left out; refunds are no purchases.",
    excludedDeal: "Left out: deal type",
    excludedDealNote:
      "One-off project deals are left out of retention, as the book says: orders whose deal type equals this cell " +
      "(capital letters do not matter) count in no figure or table on this sheet. " +
      "Type another deal type to leave that one out instead; clear this cell to count every row.",
    target: "Target retention",
    targetNote: "The book's rule is 67 %. Type your own target here: every red mark on this sheet compares with this cell.",
    startsWithBusiness: "Orders start with the business",
    startsWithBusinessNote:
      'FALSE: the first month of the orders is left out of the verdict in B6, because its "new" customers may have ' +
      "bought before the orders begin. Type TRUE if the orders go back to the business's very first sale.",
    retention: "Retention of new customers: the verdict",
    retentionNote:
      "The figure the sidebar gives: of the new customers of the latest 12 months old enough to judge, the share who " +
      "bought again within H days of their first purchase. H is the span within which 80% of second purchases fall " +
      "(365 days while nobody has come back); a month is old enough once H days have passed since its end, up to the " +
      "latest order. The first month of the orders is left out unless B5 is TRUE. Refunds (negative amounts) are no " +
      "purchases, and the deal type in B3 is left out. Red when below the target.",
    horizon: "Returns counted within, days",
    detailsNote:
      "What stands behind the verdict in B6 (VERDICT_DETAILS): the months judged, H, their new customers who came back " +
      "within H and who did not; all new customers, split into came back, did not though they had H days, and too " +
      "recent to tell; and the rows left out as one-off deals (B3) or as refunds.",
    horizonNote:
      "H, the verdict's horizon: 80% of second purchases came within this many days of the first. The verdict counts a " +
      "return only within H days, and judges a month once H days have passed since its end.",
    retentionAllTime: "Retention, all time",
    retentionAllTimeNote:
      "Second purchases ÷ first purchases over all the orders, returns counted at any time. Recent customers, who have " +
      "had no time to come back, pull it down and old ones push it up; the verdict above gives everyone the same time.",
    newCustomers: "New customers, all time",
    newCustomersNote:
      "Customers with a first purchase in the orders sheet (a customer is the name; case, extra spaces, ё or е and quotation marks ignored).",
    returned: "Of them came back",
    returnedNote: "New customers who bought again on a later day, however much later.",
    latestOrder: "Latest order",
    latestOrderNote:
      "The latest order date counted (not a refund, not the deal type in B3). Time to come back is counted up to it, " +
      "not to today, so the figures change only when the orders do.",
    repeatShare: "Repeat revenue share",
    repeatShareNote: "Share of revenue from repeat purchases: orders dated after the customer's first purchase day.",
    medianDays: "Median days to a second purchase",
    medianDaysNote: "Half of the customers who came back did so within this many days of their first purchase.",
    cohortsTitle: "Retention by month of first purchase (red: below target)",
    cohortsNote:
      "One row per month: new customers that month, how many came back within H days (B7), and the share. Months that " +
      "ended less than H days before the latest order are too early to judge and are never red.",
    onceTitle: "Bought once, never came back",
    onceNote:
      "Customers with a single purchase day who have had H days (B7) to come back, from the customer table on the right. " +
      "Call them before they forget you.",
    purchaseDate: "Purchase date",
    daysSince: "Days since",
    customersTitle: "Customers",
    customersNote: "One row per customer. Days since the last purchase are counted to the latest order date, not to today.",
    matrixTitle: "Cohorts: share of each month's new customers buying again N months later",
    matrixNote: "+0 is the month of the first purchase (always 100 %); +1 the next month, and so on. Darker green: more came back.",
    healthRule:
      "The book's eight questions about the customer base, answered live from the orders with the Dashboard's settings " +
      "(there: B3 the deal type left out, B4 the target, B5 whether the orders start with the business) and this sheet's two " +
      "settings in row 3. Only whole months are judged; the month in progress is shown but never judged.",
    healthNote:
      "HEALTH_CHECK: each question's verdict (good, needs attention, bad, or needs data) and the figure behind it. Trends compare " +
      "the last 3 complete months with the same months a year before (with less history, with the 3 months before them); " +
      "a change beyond the trend threshold (B3) up is growing, down is falling. Fill in the Budget and Initiated by columns of the orders to answer questions 2 and 7.",
    trendThreshold: "Trend threshold (±)",
    trendThresholdNote:
      "A change beyond this, up or down, is a trend (questions 1, 3, 4, 6 and 8); within it the figure is flat. Above 0 % and " +
      "below 100 %: type it as 15%. 10 % by default, as in the sidebar and --trend-threshold; the sidebar keeps its own setting, " +
      "so set both alike for the same answers.",
    lapsedFactor: "Lapsed after × usual gap",
    lapsedFactorNote:
      "A regular customer has lapsed once gone this many times their own usual gap between purchases (and longer than the " +
      "business's median gap): question 5 and the list below. Above 1; 2 by default, as --lapsed-factor; the sidebar keeps " +
      "its own setting, so set both alike for the same answers.",
    trendTitle: "Trend",
    trendNote:
      "For the questions judged by a trend: the monthly figure it rests on (revenue from existing customers, the average " +
      "order, the active base), over the complete months of the table below.",
    periodsTitle: "Month by month: new and existing customers",
    periodsNote:
      "REVENUE_SPLIT: per month, the customers who bought (new ones, whose first purchase is that month, and existing " +
      "ones), their revenue (refunds lower it), purchases (a customer's orders of one day), the average order, and the " +
      "active base: customers with a purchase in the 12 months up to the month's end. The last month may be in progress.",
    lapsedTitle: "Lapsed customers: call them",
    lapsedNote:
      "LAPSED_CUSTOMERS: customers who bought on two days or more and have now been gone longer than the lapsed factor (D3) " +
      "times their usual gap, and longer than the business's median gap. Most revenue at stake first: what they spent in the 12 months before leaving, less what they sent back since.",
    created: "Created the sheets «{orders}», «{dashboard}» and «{health}».",
  },
  ru: {
    ordersSheet: "Заказы",
    dashboardSheet: "Дашборд",
    healthSheet: "Здоровье",
    date: "Дата",
    customer: "Клиент",
    amount: "Сумма",
    manager: "Менеджер",
    dealType: "Тип сделки",
    budget: "Бюджет",
    initiatedBy: "Инициатор",
    regularDeal: "обычная",
    projectDeal: "проект",
    outbound: "исходящий",
    inbound: "входящий",
    dateHelp: "Введите дату заказа, например 05.03.2024. Строка без даты остановит формулы дашборда.",
    dealTypeHelp: "обычная, или проект для разовой сделки: дашборд не учитывает проекты в удержании.",
    budgetHelp:
      "Годовой бюджет клиента на то, что вы продаёте, числом: в любой из его строк (учитывается последний). " +
      "Оставьте пустым, если он неизвестен.",
    initiatedByHelp: "исходящий, если продажу начала ваша компания (звонок, предложение), входящий, если клиент пришёл с запросом сам.",
    title: `${PRODUCT_NAME}: удержание новых клиентов`,
    rule:
      "Удержание новых клиентов = клиенты со второй покупкой ÷ клиенты с первой покупкой. " +
      "Ниже цели (67 % в книге «Управление клиентской базой») у бизнеса дыра в кармане: " +
      "он платит за привлечение клиентов, которые не возвращаются. Разовые проектные сделки не учитываются, возвраты — не покупки.",
    excludedDeal: "Не учитывать тип сделки",
    excludedDealNote:
      "Разовые проектные сделки не учитываются в удержании, как сказано в книге: заказы с таким типом сделки " +
      "(регистр букв не важен) не входят ни в одну цифру и таблицу на этом листе. " +
      "Впишите другой тип, чтобы не учитывать его; очистите ячейку, чтобы учитывать все строки.",
    target: "Цель по удержанию",
    targetNote: "Правило книги — 67 %. Впишите свою цель: все красные отметки на листе сравниваются с этой ячейкой.",
    startsWithBusiness: "Заказы с самого начала бизнеса",
    startsWithBusinessNote:
      "ЛОЖЬ: первый месяц заказов не входит в вердикт в B6 — его «новые» клиенты могли покупать и раньше, " +
      "до начала записей. Впишите ИСТИНА, если заказы записаны с самой первой продажи.",
    retention: "Удержание новых клиентов: вердикт",
    retentionNote:
      "Та же цифра, что в боковой панели: из новых клиентов последних 12 месяцев, о которых уже можно судить, доля " +
      "купивших снова в течение H дней после первой покупки. H — срок, за который проходят 80 % вторых покупок " +
      "(365 дней, пока никто не вернулся); о месяце можно судить, когда с его конца до последнего заказа прошло H дней. " +
      "Первый месяц заказов не учитывается, если в B5 не ИСТИНА. Возвраты денег и отмены (отрицательные суммы) — не покупки, " +
      "тип сделки из B3 не учитывается. Красным — ниже цели.",
    horizon: "Вторая покупка засчитывается в течение, дн.",
    detailsNote:
      "Что стоит за вердиктом в B6 (VERDICT_DETAILS): оценённые месяцы, H, их новые клиенты, вернувшиеся в течение H и " +
      "не вернувшиеся; все новые клиенты — вернулись, не вернулись за H дней, рано судить; и строки, не учтённые как " +
      "разовые сделки (B3) или как возвраты денег.",
    horizonNote:
      "H, срок вердикта: 80 % вторых покупок случились не позже, чем через столько дней после первой. Вердикт засчитывает " +
      "вторую покупку только в течение H дней и судит месяц, когда с его конца прошло H дней.",
    retentionAllTime: "Удержание за всё время",
    retentionAllTimeNote:
      "Вторые покупки ÷ первые покупки по всем заказам; вернувшимся считается клиент, купивший снова когда угодно. " +
      "Недавние клиенты, которые ещё не успели вернуться, тянут эту долю вниз, а давние — вверх; вердикт выше даёт всем одинаковый срок.",
    newCustomers: "Новые клиенты, всего",
    newCustomersNote: "Клиенты с первой покупкой на листе заказов (клиент — это имя; регистр, лишние пробелы, ё или е и кавычки не важны).",
    returned: "Из них вернулись",
    returnedNote: "Новые клиенты, купившие снова в другой день, когда угодно позже.",
    latestOrder: "Последний заказ",
    latestOrderNote:
      "Дата последнего учтённого заказа (не возврата денег и не сделки типа из B3). Срок до второй покупки отсчитывается до неё, " +
      "а не до сегодня, поэтому цифры меняются только вместе с заказами.",
    repeatShare: "Доля повторной выручки",
    repeatShareNote: "Доля выручки от повторных покупок: заказов позже дня первой покупки клиента.",
    medianDays: "Медиана дней до второй покупки",
    medianDaysNote: "Половина вернувшихся клиентов вернулась не позже, чем через столько дней после первой покупки.",
    cohortsTitle: "Удержание по месяцу первой покупки (красным — ниже цели)",
    cohortsNote:
      "Строка на месяц: новые клиенты месяца, сколько из них вернулись в течение H дней (B7) и их доля. Месяцы, " +
      "закончившиеся меньше чем за H дней до последнего заказа, судить рано: они не бывают красными.",
    onceTitle: "Купили один раз и не вернулись",
    onceNote:
      "Клиенты с одним днём покупок, у которых было H дней (B7), чтобы вернуться, из таблицы клиентов справа. " +
      "Позвоните им, пока они вас помнят.",
    purchaseDate: "Дата покупки",
    daysSince: "Дней прошло",
    customersTitle: "Клиенты",
    customersNote: "Строка на клиента. Дни с последней покупки считаются до даты последнего заказа, а не до сегодня.",
    matrixTitle: "Когорты: доля новых клиентов месяца, купивших снова через N месяцев",
    matrixNote: "+0 — месяц первой покупки (всегда 100 %), +1 — следующий месяц и так далее. Темнее зелёный — больше вернулись.",
    healthRule:
      "Восемь вопросов книги о клиентской базе. Ответы считаются по заказам с настройками дашборда (там B3 — какой тип " +
      "сделки не учитывать, B4 — цель, B5 — записаны ли заказы с самого начала бизнеса) и с двумя настройками этого листа " +
      "в строке 3. Оцениваются только полные месяцы; текущий месяц виден в таблице, но в оценку не входит.",
    healthNote:
      "HEALTH_CHECK: оценка по каждому вопросу (хорошо, требует внимания, плохо или нужны данные) и цифра, на которой она " +
      "основана. Тренды сравнивают последние 3 полных месяца с теми же месяцами год назад (пока истории меньше — " +
      "с 3 месяцами перед ними); изменение больше порога тренда (B3) вверх — растёт, вниз — снижается. Заполните в заказах столбцы «Бюджет» и «Инициатор», чтобы " +
      "получить ответы на вопросы 2 и 7.",
    trendThreshold: "Порог тренда (±)",
    trendThresholdNote:
      "Изменение больше этого, вверх или вниз, — тренд (вопросы 1, 3, 4, 6 и 8); в его пределах цифра стоит на месте. " +
      "Больше 0 % и меньше 100 %: введите, например, 15%. По умолчанию 10 %, как в боковой панели и --trend-threshold; у " +
      "боковой панели своя настройка, поэтому для одинаковых ответов задайте обе одинаково.",
    lapsedFactor: "Ушедший: дольше × обычных интервалов",
    lapsedFactorNote:
      "Постоянный клиент считается ушедшим, если его нет во столько раз дольше его обычного интервала между покупками (и дольше " +
      "медианного интервала по бизнесу): вопрос 5 и список ниже. Больше 1; по умолчанию 2, как --lapsed-factor; у боковой " +
      "панели своя настройка, поэтому для одинаковых ответов задайте обе одинаково.",
    trendTitle: "Тренд",
    trendNote:
      "Для вопросов, которые оцениваются по тренду: помесячная цифра, на которой он основан (выручка от существующих " +
      "клиентов, средний чек, активная база), за полные месяцы из таблицы ниже.",
    periodsTitle: "По месяцам: новые и существующие клиенты",
    periodsNote:
      "REVENUE_SPLIT: по каждому месяцу — клиенты с покупками (новые, чья первая покупка в этом месяце, и существующие), " +
      "их выручка (возвраты денег её уменьшают), покупки (заказы клиента за один день), средний чек и активная база: " +
      "клиенты с покупкой за 12 месяцев до конца месяца. Последний месяц может быть ещё не закончен.",
    lapsedTitle: "Ушедшие клиенты: позвоните им",
    lapsedNote:
      "LAPSED_CUSTOMERS: клиенты, которые покупали хотя бы в два разных дня и пропали дольше, чем на столько своих обычных " +
      "интервалов между покупками, сколько задано в D3, и дольше медианного интервала по бизнесу. Сначала те, с кем под угрозой больше " +
      "выручки: сколько они потратили за 12 месяцев до ухода, за вычетом возвратов после.",
    created: "Созданы листы «{orders}», «{dashboard}» и «{health}».",
  },
};

/** Sample customers and managers: companies and people as a small business would write them. */
export interface SampleNames {
  companyStems: readonly string[];
  /** "{stem}" is replaced with a stem. */
  companyForms: readonly string[];
  /** People as "{family} {given}" (ru) or "{given} {family}" (en); groups keep Russian genders apart. */
  people: readonly { given: readonly string[]; family: readonly string[] }[];
  personPattern: string;
  /** Names a careless export might start with = + - @: they must stay text. */
  oddNames: readonly string[];
  managers: readonly string[];
}

export const SAMPLE_NAMES: Record<Language, SampleNames> = {
  en: {
    companyStems: [
      "Maple",
      "Harbor",
      "Summit",
      "Bluebird",
      "Copper",
      "Oakwood",
      "Riverside",
      "Northwind",
      "Juniper",
      "Granite",
      "Lighthouse",
      "Silverline",
      "Brightside",
      "Evergreen",
      "Redwood",
      "Cobalt",
      "Meadow",
      "Pinecrest",
      "Stonebridge",
      "Westfield",
    ],
    companyForms: [
      "{stem} Bakery",
      "{stem} Dental",
      "{stem} Consulting",
      "{stem} Fitness",
      "{stem} Print Shop",
      "{stem} Cafe",
      "{stem} Ltd",
    ],
    people: [
      {
        given: ["Emily", "James", "Olivia", "Daniel", "Sophie", "Michael", "Grace", "Henry", "Chloe", "Samuel", "Lucy", "Thomas"],
        family: ["Carter", "Walker", "Bennett", "Hughes", "Turner", "Reed", "Collins", "Ward", "Parker", "Brooks", "Morgan", "Price"],
      },
    ],
    personPattern: "{given} {family}",
    oddNames: ["@home studio", "+1 Design", "-=Pixel=-"],
    managers: ["Anna Smith", "Ben Jones", "Carla Diaz"],
  },
  ru: {
    companyStems: [
      "Ромашка",
      "Вектор",
      "Север",
      "Альфа",
      "Радуга",
      "Гранит",
      "Восход",
      "Меридиан",
      "Сфера",
      "Орион",
      "Березка",
      "Спектр",
      "Импульс",
      "Магистраль",
      "Кедр",
      "Заря",
      "Лидер",
      "Монолит",
      "Горизонт",
      "Рассвет",
    ],
    companyForms: ["ООО «{stem}»", "ИП {stem}", "АО «{stem}»", "Кафе «{stem}»", "Студия «{stem}»", "Типография «{stem}»"],
    people: [
      {
        given: ["Пётр", "Алексей", "Дмитрий", "Сергей", "Андрей", "Игорь", "Николай", "Михаил"],
        family: ["Иванов", "Кузнецов", "Соколов", "Новиков", "Волков", "Орлов", "Павлов", "Смирнов"],
      },
      {
        given: ["Анна", "Мария", "Ольга", "Елена", "Наталья", "Татьяна", "Ирина", "Светлана"],
        family: ["Смирнова", "Попова", "Лебедева", "Морозова", "Фёдорова", "Зайцева", "Семёнова", "Козлова"],
      },
    ],
    personPattern: "{family} {given}",
    oddNames: ["=Сервис+", "+7 Мебель", "@дом"],
    managers: ["Алексеева Ирина", "Борисов Олег", "Васильева Дарья"],
  },
};
