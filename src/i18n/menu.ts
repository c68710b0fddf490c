// The add-on menu (Extensions → Sheets Retention) and the messages its server side shows in
// alerts or hands to the sidebar as errors.

import type { Catalogue } from "./language";

type MenuKey = "openReport" | "highlight" | "clear" | "createTemplate" | "createTemplateWithSample";

export const MENU: Catalogue<MenuKey> = {
  en: {
    openReport: "Open retention report",
    highlight: "Highlight customers below target",
    clear: "Clear highlighting",
    createTemplate: "Create order log template",
    createTemplateWithSample: "Create template with sample orders",
  },
  ru: {
    openReport: "Открыть отчёт об удержании",
    highlight: "Подсветить клиентов ниже цели",
    clear: "Снять подсветку",
    createTemplate: "Создать шаблон журнала заказов",
    createTemplateWithSample: "Создать шаблон с примером заказов",
  },
};

type AddonMessageKey =
  | "highlighted"
  | "nothingBelowTarget"
  | "cleared"
  | "nothingToClear"
  | "badTarget"
  | "badColumn"
  | "missingColumn"
  | "failed";

export const ADDON_MESSAGES: Catalogue<AddonMessageKey> = {
  en: {
    highlighted:
      "Highlighted {count} order rows in {range}: customers whose first-purchase cohort kept fewer than {target} of its new customers. Values and formatting are untouched; “Clear highlighting” removes it.",
    nothingBelowTarget: "No order rows in {range} belong to a cohort below the {target} target. Nothing was highlighted.",
    cleared: "Highlighting removed.",
    nothingToClear: "There was no highlighting to remove.",
    badTarget: "target: {value} is not a percentage from 0 to 100",
    badColumn: "column for “{field}”: {value} is not a column of the selected range {range}",
    missingColumn:
      "No “{field}” column in {range}: choose it under Columns in the sidebar, or select the table together with its header row.",
    failed: "Sheets Retention could not finish: {message}",
  },
  ru: {
    highlighted:
      "Подсвечено строк с заказами в {range}: {count}. Это клиенты когорт, в которых вернулось меньше {target} новых клиентов. Значения и форматирование не изменены; «Снять подсветку» убирает её.",
    nothingBelowTarget: "В {range} нет заказов клиентов из когорт ниже цели {target}. Ничего не подсвечено.",
    cleared: "Подсветка снята.",
    nothingToClear: "Подсветки не было.",
    badTarget: "цель: {value} не процент от 0 до 100",
    badColumn: "столбец для поля «{field}»: {value} не входит в выделенный диапазон {range}",
    missingColumn:
      "В {range} нет столбца «{field}»: выберите его в разделе «Столбцы» боковой панели или выделите таблицу вместе со строкой заголовков.",
    failed: "Sheets Retention не смог завершить работу: {message}",
  },
};

/** A target such as 0.67 as people write it: "67%" in English, "67 %" in Russian. */
export function targetText(target: number, language: keyof typeof MENU): string {
  const percent = Math.round(target * 1000) / 10;
  return language === "ru" ? `${String(percent).replace(".", ",")} %` : `${percent}%`;
}
