// The currency of the amounts, read from the number format Sheets shows them in, so the sidebar
// writes `1 234,50 ₽` where the sheet does. Pure: the server reads the pattern (one
// Range.getNumberFormat call), this finds the sign in it.
//
// Sheets' patterns put a currency in one of three ways (Sheets' "Custom number formats" help):
//   [$₽-419]#,##0.00   a bracketed sign with a locale code: the sign is before the "-"
//   "$"#,##0.00        a quoted literal
//   #,##0.00 ₽         a bare sign among the digits' placeholders
// Only the first section (positive numbers) is read.

import { parseCurrency } from "../presentation/formats";

const BRACKETED = /\[\$([^\]-]+)(?:-[0-9A-Fa-f]+)?\]/;
const QUOTED = /"([^"]+)"/;
/** Currency signs Sheets writes bare (Unicode's currency symbols block, and the common ones). */
const BARE_SIGN = /[$€£¥₽₴₸₹₩₺₪₫฿₱₦₡₲₵]|руб\.?|р\./;

/** The currency sign of a number format, or null when it shows none (`#,##0.00`, `0%`, a date). */
export function currencyOfPattern(pattern: string): string | null {
  const positive = pattern.split(";")[0] ?? "";
  const found = BRACKETED.exec(positive)?.[1] ?? QUOTED.exec(positive)?.[1] ?? BARE_SIGN.exec(positive)?.[0];
  if (found === undefined) return null;
  return parseCurrency(found.trim()) ?? null;
}
