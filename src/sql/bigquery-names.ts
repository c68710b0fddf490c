// Names as BigQuery knows them, for the sidebar's "SQL for BigQuery": a sheet's headers turned into
// the column names a CSV load gives them, and the check of a typed table name. Pure.
//
// Column names (BigQuery, "Specify a schema" → Column names and Flexible column names; the load
// job's columnNameCharacterMap):
// - flexible column names allow letters, marks and digits of any script, connector punctuation
//   (the underscore), dashes, spaces, and & % = + : ' < > # |; a name may start with a digit;
// - a load that normalises names (character map V2) replaces every other character with "_";
//   a STRICT load refuses such a header instead, so the user must rename it either way;
// - at most 300 characters; names that differ only in case are the same column.
// What the documents leave open is settled here and said in docs/sidebar.md: the header is
// trimmed; an empty header is named `string_field_N` (N from 0), as a load names a column it
// has no header for; a repeated name gets `_1`, `_2` … (the first free one).

/** Characters a flexible column name may hold; anything else becomes "_". */
const FLEXIBLE = /[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}&%=+:'<>#|]/u;
const MAX_COLUMN_NAME = 300;

function flexibleName(header: string, column: number): string {
  const trimmed = header.trim();
  if (trimmed === "") return `string_field_${column}`;
  const replaced = Array.from(trimmed, (character) => (FLEXIBLE.test(character) ? character : "_")).join("");
  return Array.from(replaced).slice(0, MAX_COLUMN_NAME).join("");
}

/** The column names a BigQuery CSV load gives these headers, one per header, in order. */
export function bigQueryColumnNames(headers: readonly string[]): string[] {
  const taken = new Set<string>();
  return headers.map((header, column) => {
    const base = flexibleName(header, column);
    let name = base;
    for (let suffix = 1; taken.has(name.toLowerCase()); suffix++) name = `${base}_${suffix}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** Whether a typed column name is one BigQuery can hold: non-empty, flexible characters only, 300 at most. */
export function isBigQueryColumnName(name: string): boolean {
  const characters = Array.from(name);
  return name.trim() === name && characters.length > 0 && characters.length <= MAX_COLUMN_NAME && characters.every((c) => FLEXIBLE.test(c));
}

// Table names (BigQuery, "Naming and identifiers"): `project.dataset.table`, or `dataset.table`
// in the query's own project. A project ID is 6–30 lower-case letters, digits and hyphens,
// starting with a letter and not ending with a hyphen, optionally after a domain (`example.com:`);
// a dataset is letters, digits and underscores, up to 1,024; a table is letters, marks, digits,
// connectors, dashes and spaces, up to 1,024.
const TABLE_PATH =
  /^(?:(?:[a-z][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]\.)?[A-Za-z0-9_]{1,1024}\.[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}]{1,1024}$/u;

/**
 * The table path typed, or null when it is not `project.dataset.table` or `dataset.table`. Spaces
 * around it and one pair of backticks (as the console copies a name) are taken off.
 */
export function bigQueryTable(typed: string): string | null {
  const path = typed.trim().replace(/^`(.*)`$/s, "$1");
  return TABLE_PATH.test(path) ? path : null;
}
