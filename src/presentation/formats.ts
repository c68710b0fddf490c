// How every surface writes a figure: the sidebar, the text report and the HTML report all call
// formatsFor, so one report reads the same everywhere. Pure: no DOM, no Node, no Apps Script.
//
// The rules, in English and Russian:
// - A rate measured from the orders has exactly one decimal: `50.0%` / `50,0 %`, `62.9%` / `62,9 %`.
//   Never `50%` beside `62.9%`, nor `63%` for the same figure on another surface.
// - A percentage someone chose (the target) and the chart's axis ticks read as chosen, without a
//   trailing zero: `67%` / `67 %`, `67.5%` / `67,5 %`.
// - Counts are whole and grouped: `1,234` / `1 234`.
// - Money has no known currency, so it is a plain grouped number with two decimals: `1,234.50` /
//   `1 234,50`.
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
  /** 1234.5 → `1,234.50` / `1 234,50`; null → `—`. */
  money(value: number | null): string;
  /** An ISO date `2024-03-05` → `2024-03-05` / `05.03.2024`; null → `—`. */
  date(iso: string | null): string;
}

export const MISSING = "—";

const LOCALE_TAGS: Record<Language, string> = { en: "en-US", ru: "ru-RU" };

export function formatsFor(language: Language): Formats {
  const tag = LOCALE_TAGS[language];
  const rate = new Intl.NumberFormat(tag, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  // "negative": a sum of refunds that rounds to nothing (float noise such as -1e-13) is `0.00`, not `-0.00`.
  // TypeScript's ES2022 lib predates the value; Node 20 and Chromium 106+ have it.
  const moneyOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "negative" };
  const money = new Intl.NumberFormat(tag, moneyOptions as Intl.NumberFormatOptions);
  return {
    rate: (fraction) => (fraction === null ? MISSING : rate.format(fraction)),
    percent: (fraction) => percent.format(fraction),
    count: (value) => count.format(value),
    money: (value) => (value === null ? MISSING : money.format(value)),
    date: (iso) => (iso === null ? MISSING : language === "ru" ? iso.split("-").reverse().join(".") : iso),
  };
}
