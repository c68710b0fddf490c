// The sidebar's catalogue lookup for one language.

import { fill, type Language } from "../i18n/language";
import { SIDEBAR, type SidebarKey } from "../i18n/sidebar";

export type Text = (key: SidebarKey, values?: Record<string, string | number>) => string;

export function textFor(language: Language): Text {
  return (key, values = {}) => fill(SIDEBAR[language][key], values);
}
