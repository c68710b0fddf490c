// The sidebar's catalogue lookup for one language.

import { fill, numbersIn, type Language } from "../i18n/language";
import { SIDEBAR, type SidebarKey } from "../i18n/sidebar";

/** `counts`: the numbers behind values given formatted, which choose plural forms (numbers given as values do). */
export type Text = (key: SidebarKey, values?: Record<string, string | number>, counts?: Record<string, number>) => string;

export function textFor(language: Language): Text {
  return (key, values = {}, counts = {}) => fill(SIDEBAR[language][key], values, { language, of: { ...numbersIn(values), ...counts } });
}
