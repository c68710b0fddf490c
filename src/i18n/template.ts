// Everything the "Create template" command writes into cells: sheet names, headers, labels, the
// notes that explain each figure, and the sample orders' names.

import type { Catalogue, Language } from "./language";

type TemplateKey =
  // Sheet names; a number is appended when one is taken ("Orders 2").
  | "ordersSheet"
  | "dashboardSheet"
  // Orders headers: the names src/core/columns.ts recognises.
  | "date"
  | "customer"
  | "amount"
  | "manager"
  | "dealType"
  | "regularDeal"
  | "projectDeal"
  | "dateHelp"
  | "dealTypeHelp"
  // Dashboard.
  | "title"
  | "rule"
  | "excludedDeal"
  | "excludedDealNote"
  | "target"
  | "targetNote"
  | "retention"
  | "retentionNote"
  | "newCustomers"
  | "newCustomersNote"
  | "returned"
  | "returnedNote"
  | "windowStart"
  | "windowStartNote"
  | "windowEnd"
  | "windowEndNote"
  | "newCustomers12"
  | "returned12"
  | "last12Note"
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
  | "created";

export const TEMPLATE: Catalogue<TemplateKey> = {
  en: {
    ordersSheet: "Orders",
    dashboardSheet: "Dashboard",
    date: "Date",
    customer: "Customer",
    amount: "Amount",
    manager: "Manager",
    dealType: "Deal type",
    regularDeal: "regular",
    projectDeal: "project",
    dateHelp: "Enter the order date, e.g. 05/03/2024. A row without a readable date would stop the dashboard formulas.",
    dealTypeHelp: "regular, or project for a one-off deal: the dashboard leaves project deals out of retention.",
    title: "Customer retention",
    rule:
      "Retention of new customers = customers who made a second purchase ÷ customers who made a first one. " +
      "Below the target (67 % in «Управление клиентской базой») the business has a hole in its pocket: " +
      "it pays to win customers who do not come back. One-off project deals are left out.",
    excludedDeal: "Left out: deal type",
    excludedDealNote:
      "One-off project deals are left out of retention, as the book says: orders whose deal type equals this cell " +
      "(capital letters do not matter) count in no figure or table on this sheet. " +
      "Type another deal type to leave that one out instead; clear this cell to count every row.",
    target: "Target retention",
    targetNote: "The book's rule is 67 %. Type your own target here: every red mark on this sheet compares with this cell.",
    retention: "Retention of new customers",
    retentionNote:
      "Second purchases ÷ first purchases, over all orders except the deal type in B3 (one-off project deals). " +
      "Red when below the target.",
    newCustomers: "New customers, all time",
    newCustomersNote: "Customers with a first purchase in the orders sheet (a customer is the name, case and extra spaces ignored).",
    returned: "Of them came back",
    returnedNote: "New customers who bought again on a later day.",
    windowStart: "Last 12 months: from",
    windowStartNote: "Twelve months back from the latest order date, so the figures do not change from one day to the next.",
    windowEnd: "to (latest order)",
    windowEndNote: "The latest order date in the orders sheet.",
    newCustomers12: "New customers, last 12 months",
    returned12: "Of them came back",
    last12Note:
      "Customers whose first purchase falls in the last 12 months. The most recent ones have had little time to come back yet.",
    repeatShare: "Repeat revenue share",
    repeatShareNote: "Share of revenue from repeat purchases: orders dated after the customer's first purchase day.",
    medianDays: "Median days to a second purchase",
    medianDaysNote: "Half of the customers who came back did so within this many days of their first purchase.",
    cohortsTitle: "Retention by month of first purchase (red: below target)",
    cohortsNote: "One row per month: new customers that month, how many came back, and the share. Recent months are still filling in.",
    onceTitle: "Bought once, never came back",
    onceNote: "Customers with a single purchase day, from the customer table on the right. Call the recent ones before they forget you.",
    purchaseDate: "Purchase date",
    daysSince: "Days since",
    customersTitle: "Customers",
    customersNote: "One row per customer. Days since the last purchase are counted to the latest order date, not to today.",
    matrixTitle: "Cohorts: share of each month's new customers buying again N months later",
    matrixNote: "+0 is the month of the first purchase (always 100 %); +1 the next month, and so on. Darker green: more came back.",
    created: "Created the sheets «{orders}» and «{dashboard}».",
  },
  ru: {
    ordersSheet: "Заказы",
    dashboardSheet: "Дашборд",
    date: "Дата",
    customer: "Клиент",
    amount: "Сумма",
    manager: "Менеджер",
    dealType: "Тип сделки",
    regularDeal: "обычная",
    projectDeal: "проект",
    dateHelp: "Введите дату заказа, например 05.03.2024. Строка без даты остановит формулы дашборда.",
    dealTypeHelp: "обычная, или проект для разовой сделки: дашборд не учитывает проекты в удержании.",
    title: "Удержание клиентов",
    rule:
      "Удержание новых клиентов = клиенты со второй покупкой ÷ клиенты с первой покупкой. " +
      "Ниже цели (67 % в книге «Управление клиентской базой») у бизнеса дыра в кармане: " +
      "он платит за привлечение клиентов, которые не возвращаются. Разовые проектные сделки не учитываются.",
    excludedDeal: "Не учитывать тип сделки",
    excludedDealNote:
      "Разовые проектные сделки не учитываются в удержании, как сказано в книге: заказы с таким типом сделки " +
      "(регистр букв не важен) не входят ни в одну цифру и таблицу на этом листе. " +
      "Впишите другой тип, чтобы не учитывать его; очистите ячейку, чтобы учитывать все строки.",
    target: "Цель по удержанию",
    targetNote: "Правило книги — 67 %. Впишите свою цель: все красные отметки на листе сравниваются с этой ячейкой.",
    retention: "Удержание новых клиентов",
    retentionNote:
      "Вторые покупки ÷ первые покупки по всем заказам, кроме типа сделки из B3 (разовых проектов). " +
      "Красным — ниже цели.",
    newCustomers: "Новые клиенты, всего",
    newCustomersNote: "Клиенты с первой покупкой на листе заказов (клиент — это имя, регистр и лишние пробелы не важны).",
    returned: "Из них вернулись",
    returnedNote: "Новые клиенты, купившие снова в другой день.",
    windowStart: "Последние 12 месяцев: с",
    windowStartNote: "Двенадцать месяцев назад от даты последнего заказа, поэтому цифры не меняются день ото дня.",
    windowEnd: "по (последний заказ)",
    windowEndNote: "Дата последнего заказа на листе заказов.",
    newCustomers12: "Новые клиенты за 12 месяцев",
    returned12: "Из них вернулись",
    last12Note: "Клиенты, чья первая покупка пришлась на последние 12 месяцев. У самых свежих ещё не было времени вернуться.",
    repeatShare: "Доля повторной выручки",
    repeatShareNote: "Доля выручки от повторных покупок: заказов позже дня первой покупки клиента.",
    medianDays: "Медиана дней до второй покупки",
    medianDaysNote: "Половина вернувшихся клиентов вернулась не позже, чем через столько дней после первой покупки.",
    cohortsTitle: "Удержание по месяцу первой покупки (красным — ниже цели)",
    cohortsNote: "Строка на месяц: новые клиенты месяца, сколько вернулись и их доля. Последние месяцы ещё набираются.",
    onceTitle: "Купили один раз и не вернулись",
    onceNote: "Клиенты с одним днём покупок, из таблицы клиентов справа. Позвоните недавним, пока они вас помнят.",
    purchaseDate: "Дата покупки",
    daysSince: "Дней прошло",
    customersTitle: "Клиенты",
    customersNote: "Строка на клиента. Дни с последней покупки считаются до даты последнего заказа, а не до сегодня.",
    matrixTitle: "Когорты: доля новых клиентов месяца, купивших снова через N месяцев",
    matrixNote: "+0 — месяц первой покупки (всегда 100 %), +1 — следующий месяц и так далее. Темнее зелёный — больше вернулись.",
    created: "Созданы листы «{orders}» и «{dashboard}».",
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
      "Maple", "Harbor", "Summit", "Bluebird", "Copper", "Oakwood", "Riverside", "Northwind", "Juniper", "Granite",
      "Lighthouse", "Silverline", "Brightside", "Evergreen", "Redwood", "Cobalt", "Meadow", "Pinecrest", "Stonebridge", "Westfield",
    ],
    companyForms: ["{stem} Bakery", "{stem} Dental", "{stem} Consulting", "{stem} Fitness", "{stem} Print Shop", "{stem} Cafe", "{stem} Ltd"],
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
      "Ромашка", "Вектор", "Север", "Альфа", "Радуга", "Гранит", "Восход", "Меридиан", "Сфера", "Орион",
      "Березка", "Спектр", "Импульс", "Магистраль", "Кедр", "Заря", "Лидер", "Монолит", "Горизонт", "Рассвет",
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
