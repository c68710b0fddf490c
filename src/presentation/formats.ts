// How every surface writes a figure: the sidebar, the text report and the HTML report all call
// formatsFor, so one report reads the same everywhere. Pure: no DOM, no Node, no Apps Script.
//
// The rules, in English and Russian:
// - A rate measured from the orders has exactly one decimal: `50.0%` / `50,0 %`, `62.9%` / `62,9 %`.
//   Never `50%` beside `62.9%`, nor `63%` for the same figure on another surface.
// - A percentage someone chose (the target) and the chart's axis ticks read as chosen, without a
//   trailing zero: `67%` / `67 %`, `67.5%` / `67,5 %`.
// - Counts are whole and grouped: `1,234` / `1 234`.
// - Money is a grouped number with two decimals, `1,234.50` / `1 234,50`, unless a currency is
//   given (the CLI's --currency): an ISO code is written as the locale writes it, `₽1,234.50` /
//   `1 234,50 ₽` (its own decimals: none for JPY), and a sign such as `руб.` or `₽` takes the place
//   the locale gives a currency sign.
// - Dates: ISO in English (`2024-03-05`: unambiguous to US and UK readers, the order of the cohort
//   labels `2024-03`, and as wide on every row of a column), `05.03.2024` in Russian.
// - A missing figure is `—`.
// Russian separates thousands with a no-break space (U+00A0) and puts one before `%`. Rounding is
// half away from zero on the number as written (1.005 → `1.01`).
//
// Intl.NumberFormat writes the numbers: Node 20 and Chromium give exactly these strings, no-break
// spaces included (test/presentation/formats.test.ts in Node, test/browser in Chromium, fail should
// an ICU update change them). Dates need no Intl: both forms are the ISO date's parts reordered.

import type { Language } from "../i18n/language";

export interface Formats {
  /** A measured rate, one decimal: 0.5 → `50.0%` / `50,0 %`; null → `—`. */
  rate(fraction: number | null): string;
  /** A chosen percentage or an axis tick, no trailing zero: 0.67 → `67%`, 0.675 → `67.5%`. */
  percent(fraction: number): string;
  /** 1234 → `1,234` / `1 234`. */
  count(value: number): string;
  /** 1234.5 → `1,234.50` / `1 234,50`, with the currency when one is set; null → `—`. */
  money(value: number | null): string;
  /** An ISO date `2024-03-05` → `2024-03-05` / `05.03.2024`; null → `—`. */
  date(iso: string | null): string;
  /**
   * A period's label as the report shows it: `2024-Q1` → `2024-Q1` / `1 кв. 2024`, `2024-W09` →
   * `2024-W09` / `нед. 9, 2024`; months (`2024-03`) and years as they are. The label itself stays
   * the key in JSON, sheets and data attributes.
   */
  period(label: string): string;
}

export const MISSING = "—";

export interface FormatOptions {
  /** The amounts' currency: an ISO 4217 code (`RUB`) or a sign (`₽`, `руб.`), as `parseCurrency` gives it. */
  currency?: string;
}

const LOCALE_TAGS: Record<Language, string> = { en: "en-US", ru: "ru-RU" };

/** The longest currency sign taken as typed (`руб.`): longer text is likelier a mistake than a sign. */
const MAX_SIGN_LENGTH = 5;

/**
 * A currency as typed (`rub`, `USD`, `₽`, `руб.`) made ready for `FormatOptions`: a known ISO
 * 4217 code in capitals, or a short sign without digits; undefined when it is neither (`US`, `12`,
 * `ABC`), so the caller can name the value it refuses.
 */
export function parseCurrency(text: string): string | undefined {
  const value = text.trim();
  if (/^[a-z]{3}$/i.test(value)) return isKnownCurrency(value.toUpperCase()) ? value.toUpperCase() : undefined;
  const fitsAsSign = value !== "" && [...value].length <= MAX_SIGN_LENGTH && !/[\d\s]/.test(value);
  return fitsAsSign && !/^[a-z]+$/i.test(value) ? value : undefined;
}

function isKnownCurrency(code: string): boolean {
  // Apps Script's older V8 may lack supportedValuesOf; there a well-formed code is taken as given.
  return typeof Intl.supportedValuesOf !== "function" || Intl.supportedValuesOf("currency").includes(code);
}

export function formatsFor(language: Language, options: FormatOptions = {}): Formats {
  const tag = LOCALE_TAGS[language];
  const rate = new Intl.NumberFormat(tag, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const money = moneyFormat(tag, options.currency);
  return {
    rate: (fraction) => (fraction === null ? MISSING : rate.format(fraction)),
    percent: (fraction) => percent.format(fraction),
    count: (value) => count.format(value),
    money: (value) => (value === null ? MISSING : money(value)),
    date: (iso) => (iso === null ? MISSING : language === "ru" ? iso.split("-").reverse().join(".") : iso),
    period: (label) => (language === "ru" ? russianPeriod(label) : label),
  };
}

/** Russian writes a quarter `1 кв. 2024` and an ISO week `нед. 9, 2024`, not with Latin Q and W. */
function russianPeriod(label: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) return `${quarter[2]} кв. ${quarter[1]}`;
  const week = /^(\d{4})-W(\d{2})$/.exec(label);
  return week ? `нед. ${Number(week[2])}, ${week[1]}` : label;
}

/** ISO codes Intl knows by name; a sign takes the place of a currency symbol in the locale's pattern. */
function moneyFormat(tag: string, currency: string | undefined): (value: number) => string {
  // "negative": a sum of refunds that rounds to nothing (float noise such as -1e-13) is `0.00`, not `-0.00`.
  // TypeScript's ES2022 lib predates the value; Node 20 and Chromium 106+ have it.
  const base = { signDisplay: "negative" } as unknown as Intl.NumberFormatOptions;
  const twoDecimals = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  if (currency === undefined) {
    const plain = new Intl.NumberFormat(tag, { ...base, ...twoDecimals });
    return (value) => plain.format(value);
  }
  if (/^[A-Z]{3}$/.test(currency)) {
    const coded = new Intl.NumberFormat(tag, { ...base, style: "currency", currency, currencyDisplay: "narrowSymbol" });
    return (value) => coded.format(value);
  }
  // A symbol currency's pattern (EUR as `€`), not XXX's: Chromium's ICU writes XXX as letters, and
  // currency spacing then puts a space after it in English (`XXX 1,234.50`), where Node writes `¤1,234.50`.
  const signed = new Intl.NumberFormat(tag, {
    ...base,
    ...twoDecimals,
    style: "currency",
    currency: "EUR",
    currencyDisplay: "narrowSymbol",
  });
  return (value) =>
    signed
      .formatToParts(value)
      .map((part) => (part.type === "currency" ? currency : part.value))
      .join("");
}
