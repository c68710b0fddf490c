// The add-on menu (Extensions → Sheets Retention) and the messages its server side shows in
// alerts or hands to the sidebar as errors.

import type { Catalogue } from "./language";
import { PRODUCT_NAME } from "./product";

type MenuKey = "openReport" | "highlight" | "clear" | "createTemplate" | "createTemplateWithSample";

export const MENU: Catalogue<MenuKey> = {
  en: {
    openReport: "Open retention report",
    highlight: "Highlight customers to win back",
    clear: "Clear highlighting",
    createTemplate: "Create order log template",
    createTemplateWithSample: "Create template with sample orders",
  },
  ru: {
    openReport: "Открыть отчёт об удержании",
    highlight: "Подсветить клиентов, которых стоит вернуть",
    clear: "Снять подсветку",
    createTemplate: "Создать шаблон журнала заказов",
    createTemplateWithSample: "Создать шаблон с примером заказов",
  },
};

type AddonMessageKey =
  | "highlighted"
  | "nobodyToWinBack"
  | "cleared"
  | "nothingToClear"
  | "badTarget"
  | "badColumn"
  | "missingColumn"
  | "sameColumn"
  | "notDates"
  | "emptyRange"
  | "noOrders"
  | "doubtfulColumns"
  | "failed";

export const ADDON_MESSAGES: Catalogue<AddonMessageKey> = {
  en: {
    highlighted:
      "Highlighted {rows} order {rows|row|rows} of {customers} {customers|customer|customers} to win back in {range}: new customers of the judged cohorts who never came back in time, and regular customers who have lapsed. Values and formatting are untouched; “Clear highlighting” removes it.",
    nobodyToWinBack:
      "Nobody in {range} needs winning back: every judged new customer came back in time and nobody has lapsed. Nothing was highlighted.",
    cleared: "Highlighting removed.",
    nothingToClear: "There was no highlighting to remove.",
    badTarget: "target: {value} is not a percentage from 1 to 100",
    badColumn: "column for “{field}”: column {column} is not in the selected range {range}",
    missingColumn:
      "No “{field}” column in {range}: choose it under Columns in the sidebar, or select the table together with its header row.",
    sameColumn: "“{field}” and “{otherField}” are both the column “{column}”: choose a different column for each.",
    notDates:
      "“{column}” is not a date column: {count} of the first {total} values are not dates, such as «{example}». Choose the date column under Columns.",
    emptyRange: "{range} is empty: click inside your order table.",
    noOrders: "{range} holds only a header row: select the orders under it too.",
    doubtfulColumns:
      "The columns of {range} are not certain (no header names them, or two fit one role): open the retention report and confirm them under Columns.",
    failed: `${PRODUCT_NAME} could not finish: {message}`,
  },
  ru: {
    highlighted:
      "В {range} подсвечены заказы клиентов, которых стоит вернуть (строк: {rows}, клиентов: {customers}): новые клиенты оцениваемых когорт, не вернувшиеся вовремя, и постоянные клиенты, которые пропали. Значения и форматирование не изменены; «Снять подсветку» убирает её.",
    nobodyToWinBack:
      "В {range} возвращать некого: все новые клиенты оцениваемых когорт вернулись вовремя, и никто не пропал. Ничего не подсвечено.",
    cleared: "Подсветка снята.",
    nothingToClear: "Подсветки не было.",
    badTarget: "цель: {value} не процент от 1 до 100",
    badColumn: "столбец для поля «{field}»: столбец {column} не входит в выделенный диапазон {range}",
    missingColumn:
      "В {range} нет столбца «{field}»: выберите его в разделе «Столбцы» боковой панели или выделите таблицу вместе со строкой заголовков.",
    sameColumn: "Для полей «{field}» и «{otherField}» выбран один и тот же столбец «{column}»: выберите для каждого свой.",
    notDates:
      "«{column}» — не столбец дат: из первых {total} значений {count} не даты, например «{example}». Выберите столбец с датами в разделе «Столбцы».",
    emptyRange: "Диапазон {range} пуст: щёлкните внутри таблицы заказов.",
    noOrders: "В {range} только строка заголовков: выделите и заказы под ней.",
    doubtfulColumns:
      "Непонятно, какие столбцы {range} читать (заголовки их не называют или на одну роль подходят два): откройте отчёт об удержании и подтвердите столбцы в разделе «Столбцы».",
    failed: `${PRODUCT_NAME} не удалось завершить работу: {message}`,
  },
};
