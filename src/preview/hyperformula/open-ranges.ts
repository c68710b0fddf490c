// Sheets reads `Orders!B2:B` as "from B2 to the sheet's last row"; HyperFormula cannot parse a
// range open at one end. Before loading a formula we close such ranges at the sheet's last row,
// which is exactly what Sheets passes to a function (blank rows included).

const STRING_LITERAL = /("(?:[^"]|"")*")/;
// An optional sheet prefix ('Orders 2'! or Orders!), a cell, a colon and a bare column.
const OPEN_RANGE =
  /(?<![\p{L}\p{N}_.$'])((?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?(\$?[A-Z]{1,3}\$?\d+):(\$?[A-Z]{1,3})(?![\p{L}\p{N}_$(!:])/gu;

function sheetNameOf(prefix: string | undefined): string | undefined {
  if (prefix === undefined) return undefined;
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/**
 * Closes every open-ended range (`B2:B`, `'Orders 2'!A2:A`) at the last row of its sheet.
 * `rowsOf(undefined)` is the formula's own sheet; an unknown sheet is left as written.
 */
export function boundOpenRanges(formula: string, rowsOf: (sheetName: string | undefined) => number | undefined): string {
  return formula
    .split(STRING_LITERAL)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(OPEN_RANGE, (whole, prefix: string | undefined, start: string, endColumn: string) => {
            const rows = rowsOf(sheetNameOf(prefix));
            return rows === undefined ? whole : `${prefix ?? ""}${start}:${endColumn}${rows}`;
          }),
    )
    .join("");
}
