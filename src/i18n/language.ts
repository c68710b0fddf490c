// Russian for Russian-locale spreadsheets and terminals, English everywhere else.

export type Language = "en" | "ru";

export function languageForLocale(locale: string | undefined): Language {
  return locale !== undefined && /^ru([_-]|$)/i.test(locale) ? "ru" : "en";
}

/** A catalogue section: the same keys in both languages, checked by the type system. */
export type Catalogue<Keys extends string> = Record<Language, Record<Keys, string>>;

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
