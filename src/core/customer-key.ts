// A customer's identity: trimmed, inner whitespace collapsed, case ignored (Cyrillic too), so that
// "ООО  Ромашка " and "ооо ромашка" are one customer and the number 12345 equals the text "12345".

const WHITESPACE_RUN = /\s+/g;

/** Returns the comparison key, or "" for a blank cell. */
export function customerKey(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  return text.trim().replace(WHITESPACE_RUN, " ").toLowerCase();
}

/** The customer as first spelled, tidied for display (trimmed, whitespace collapsed). */
export function customerDisplayName(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).trim().replace(WHITESPACE_RUN, " ");
}
