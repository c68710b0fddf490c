// Numbers, percentages and dates the way each language writes them: `57,1 %` and `05.03.2024` in
// Russian, `57.1%` and `5 Mar 2024` in English.

import type { Language } from "../i18n/language";

export interface Formats {
  /** 0.5714 → `57.1%` / `57,1 %`. */
  percent(fraction: number): string;
  /** Whole percent, for chart ticks and the target: 0.67 → `67%`. */
  wholePercent(fraction: number): string;
  count(value: number): string;
  amount(value: number): string;
  /** An ISO date `2024-03-05`. */
  date(iso: string): string;
}

const LOCALE_TAGS: Record<Language, string> = { en: "en-US", ru: "ru-RU" };

export function formatsFor(language: Language): Formats {
  const tag = LOCALE_TAGS[language];
  const percent = new Intl.NumberFormat(tag, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const wholePercent = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 });
  const count = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const amount = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const englishDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return {
    percent: (fraction) => percent.format(fraction),
    wholePercent: (fraction) => wholePercent.format(fraction),
    count: (value) => count.format(value),
    amount: (value) => amount.format(value),
    date: (iso) => {
      const [year, month, day] = iso.split("-");
      if (language === "ru") return `${day}.${month}.${year}`;
      return englishDate.format(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    },
  };
}
