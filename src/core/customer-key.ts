// A customer's identity: trimmed, inner whitespace collapsed, case ignored (Cyrillic too), ё read
// as е (Russian writes «Фёдоров» and «Федоров» for one name), quotation marks read as spaces (one
// company is ООО "Ромашка" in 1C, ООО «Ромашка» or ООО Ромашка where people type it), so that
// "ООО  Ромашка " and "ооо ромашка" are one customer and the number 12345 equals the text "12345".

const WHITESPACE_RUN = /\s+/g;
// Most names need no collapsing; testing first is much cheaper than always replacing.
const NEEDS_COLLAPSE = /\s\s|[^\S ]/;
/** Quotation marks and apostrophes of English and Russian typing, straight and curly. */
export const KEY_QUOTES = "\"'«»„“”‟‘’‚‛";
const QUOTE_MARKS = new RegExp(`[${KEY_QUOTES}]`, "g");
const NEEDS_TIDYING = new RegExp(`\\s\\s|[^\\S ]|[${KEY_QUOTES}]`);

/** Returns the comparison key, or "" for a blank cell. */
export function customerKey(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  const trimmed = text.trim();
  if (!NEEDS_TIDYING.test(trimmed)) return keyCase(trimmed);
  const unquoted = trimmed.replace(QUOTE_MARKS, " ").replace(WHITESPACE_RUN, " ").trim();
  // A name of nothing but quotation marks is still a name, not a blank cell.
  return keyCase(unquoted === "" ? trimmed.replace(WHITESPACE_RUN, " ") : unquoted);
}

/** Tidied text as a key: lower-cased, ё read as е. The one rule for customers', managers' and the CLI's byte-level keys. */
export function keyCase(tidied: string): string {
  const lower = tidied.toLowerCase();
  return lower.includes("ё") ? lower.replaceAll("ё", "е") : lower;
}

/** The customer as first spelled, tidied for display (trimmed, whitespace collapsed). */
export function customerDisplayName(value: unknown): string {
  if (value === null || value === undefined) return "";
  const trimmed = (typeof value === "string" ? value : String(value)).trim();
  return NEEDS_COLLAPSE.test(trimmed) ? trimmed.replace(WHITESPACE_RUN, " ") : trimmed;
}
