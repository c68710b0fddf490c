// Text that a spreadsheet or a CSV reader could take for a formula (OWASP "CSV injection"):
// anything starting with = + - @, a tab or a carriage return. Prefixing an apostrophe keeps it
// plain text in Sheets and in Excel, and is what both show as a literal marker.

const FORMULA_START = /^[=+\-@\t\r]/;

export function formulaSafeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
