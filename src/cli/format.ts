// Numbers as the reader's language writes them: `58.3%` / `58,3 %`, `1,234.5` / `1 234,5`.

import type { Period } from "../core/periods";
import type { Language } from "../i18n/language";
import { text, type CliMessageKey } from "./errors";

const LOCALES: Record<Language, string> = { en: "en-US", ru: "ru-RU" };

export interface NumberFormats {
  percent(fraction: number | null): string;
  integer(value: number): string;
  money(value: number | null): string;
}

export function numberFormats(language: Language): NumberFormats {
  const percent = new Intl.NumberFormat(LOCALES[language], { style: "percent", maximumFractionDigits: 1 });
  const integer = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 });
  return {
    percent: (fraction) => (fraction === null ? "—" : percent.format(fraction)),
    integer: (value) => integer.format(value),
    money: (value) => (value === null ? "—" : money.format(value)),
  };
}

const PERIOD_KEYS: Record<Period, CliMessageKey> = { month: "monthly", week: "weekly", quarter: "quarterly", year: "yearly" };

export function periodName(language: Language, period: Period): string {
  return text(language, PERIOD_KEYS[period]);
}
