// Russian for Russian-locale spreadsheets and terminals, English everywhere else.

export type Language = "en" | "ru";

export function languageForLocale(locale: string | undefined): Language {
  return locale !== undefined && /^ru([_-]|$)/i.test(locale) ? "ru" : "en";
}

/** A catalogue section: the same keys in both languages, checked by the type system. */
export type Catalogue<Keys extends string> = Record<Language, Record<Keys, string>>;

/**
 * Fills `{name}` placeholders, and plural choices `{name|form|form…}` by the number `counts[name]`:
 * the forms in CLDR's order for the language (English: one|other; Russian: one|few|many, as in
 * «клиент|клиента|клиентов»). `values` hold the numbers as shown; `counts`, the numbers themselves.
 */
export function fill(
  template: string,
  values: Record<string, string | number>,
  counts?: { language: Language; of: Record<string, number> },
): string {
  const chosen =
    counts === undefined
      ? template
      : template.replace(PLURAL_CHOICE, (whole, name: string, forms: string) => {
          const count = counts.of[name];
          return count === undefined ? whole : pluralForm(counts.language, count, forms.slice(1).split("|"));
        });
  return chosen.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The values given as numbers, which choose plural forms as they are. */
export function numbersIn(values: Record<string, string | number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, number] => typeof entry[1] === "number"));
}

const PLURAL_CHOICE = /\{(\w+)((?:\|[^|{}]*)+)\}/g;

/** Where each CLDR plural category's form stands in a catalogue's list; Russian fractions take the "few" form (1,5 клиента). */
const FORM_OF_CATEGORY: Record<Language, Partial<Record<Intl.LDMLPluralRule, number>>> = {
  en: { one: 0, other: 1 },
  ru: { one: 0, few: 1, many: 2, other: 1 },
};

const pluralRules: Partial<Record<Language, Intl.PluralRules>> = {};

/** The form of a word for `count`: `forms` in the order above. */
export function pluralForm(language: Language, count: number, forms: readonly string[]): string {
  const rules = (pluralRules[language] ??= new Intl.PluralRules(language));
  return forms[FORM_OF_CATEGORY[language][rules.select(count)] ?? forms.length - 1] ?? forms.at(-1)!;
}
