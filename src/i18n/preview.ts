// The local preview page's own words (the sidebar inside it uses ./sidebar.ts).

import type { Catalogue } from "./language";
import { PRODUCT_NAME } from "./product";

export type PreviewKey =
  | "title"
  | "selection"
  | "select"
  | "selectHint"
  | "createTemplate"
  | "createTemplateWithSample"
  | "templateCreated"
  | "rowsNotShown"
  | "sidebarTitle"
  | "otherLanguage"
  | "failed";

export const PREVIEW: Catalogue<PreviewKey> = {
  en: {
    title: `${PRODUCT_NAME} — local preview`,
    selection: "Selection",
    select: "Select",
    selectHint: "Drag over row numbers to select rows, or type a range such as A1:F200",
    createTemplate: "Create template",
    createTemplateWithSample: "Template with sample orders",
    templateCreated: "Template created: {sheets}",
    rowsNotShown: "{count} more {count|row is|rows are} not drawn here (the add-on still reads them)",
    sidebarTitle: PRODUCT_NAME,
    otherLanguage: "Русский",
    failed: "Failed: {message}",
  },
  ru: {
    title: `${PRODUCT_NAME} — локальный просмотр`,
    selection: "Выделение",
    select: "Выделить",
    selectHint: "Протяните по номерам строк, чтобы выделить строки, или введите диапазон, например A1:F200",
    createTemplate: "Создать шаблон",
    createTemplateWithSample: "Шаблон с примером заказов",
    templateCreated: "Шаблон создан: {sheets}",
    rowsNotShown: "Ещё строк не показано: {count} (надстройка их всё равно читает)",
    sidebarTitle: PRODUCT_NAME,
    otherLanguage: "English",
    failed: "Ошибка: {message}",
  },
};
