// Parquet files for `report --engine duckdb`, one or many: their schemas read first, the columns
// the report reads checked to be in every file and stored alike, then one DuckDB relation over them.

import { accessSync, constants } from "node:fs";
import { LAYOUT_SAMPLE_ROWS } from "../../core/columns";
import { DUCKDB } from "../../sql/dialect";
import type { ColumnType, QueryColumns } from "../../sql/report-query";
import { type Connection, type Row, rows } from "./connection";
import { fileList, queryColumns, type Source } from "./sources";
import { dataError } from "../errors";
import { fileLayout, type SampleRows } from "../file-layout";
import type { CliOptions } from "../options";

/**
 * Parquet files, one or many. Many are read by their columns' names (DuckDB matches them with
 * Latin letters in either case, `Amount` and `AMOUNT`, but not Cyrillic ones, `Сумма` and `СУММА`,
 * unlike a header's names), so a file may order its columns otherwise or add some. A column the
 * report reads must be in every file, and stored alike (readableTogether): a file that lacks it
 * would read as blanks there (amounts as 0), and some mixes would change values without a word (a
 * DATE read with a TIMESTAMP becomes midnight UTC, another day west of it), so both are refused by
 * name. The query reads each column as its own rules say (text as VARCHAR, a number as DOUBLE, a
 * timestamp as TIMESTAMPTZ), so each file's rows meet the same rules alone as together.
 */
export async function parquetSource(connection: Connection, files: readonly string[], options: CliOptions): Promise<Source> {
  const schemas = await fileSchemas(connection, files);
  // By name only where the files differ: matching every file's columns costs each statement's binding a read of every footer.
  const alike = schemas.every((schema) => sameColumns(schema, schemas[0]!));
  const relation = alike ? `read_parquet(${fileList(files)})` : `read_parquet(${fileList(files)}, union_by_name = true)`;
  const { names, types } = await columnsOf(connection, relation);
  const asText = names.map((name) => `CAST(${DUCKDB.identifier(name)} AS VARCHAR) AS ${DUCKDB.identifier(name)}`).join(", ");
  const first = await rows(connection, `SELECT ${asText} FROM ${relation} LIMIT ${LAYOUT_SAMPLE_ROWS - 1}`);
  const sampleRows = [names, ...first.map((row) => names.map((name) => (row[name] === null ? "" : String(row[name]))))];
  const sample: SampleRows = { rows: sampleRows, lines: sampleRows.map((_, at) => at + 1) };
  const { layout } = fileLayout(sample, options, { encoding: "utf-8", delimiter: "" });
  const columns = queryColumns(
    layout,
    options,
    (column) => names[column]!,
    (column) => columnType(types[column]!),
  );
  for (const [name, fields] of fieldsByColumn(columns)) sameColumnEverywhere(name, fields, schemas);
  return {
    relation,
    layout,
    numbered: files.map((file) => ({
      file,
      relation: `read_parquet(${fileList([file])}, file_row_number = true)`,
      rowNumber: "file_row_number + 1",
      // A Parquet file keeps its rows' positions, read in parallel: the rows are sorted by them.
      inOrder: false,
      rowsOf: async (ordinals) => new Map(ordinals.map((ordinal) => [ordinal, ordinal])),
    })),
    columns,
  };
}

/** One Parquet file's columns, by the name DuckDB matches them on (latinLowerCase). */
interface FileSchema {
  file: string;
  names: string[];
  columns: Map<string, { name: string; type: string }>;
}

/**
 * The files' schemas, read from their footers, many files a statement (a glob of hundreds of
 * partitions would otherwise wait on a round trip each); a file that is missing or is no Parquet
 * file is refused by name.
 */
async function fileSchemas(connection: Connection, files: readonly string[]): Promise<FileSchema[]> {
  for (const file of files) {
    try {
      accessSync(file, constants.R_OK);
    } catch (error) {
      throw dataError({ key: "cannotRead", values: { path: file, reason: (error as Error).message } });
    }
  }
  const schemas: FileSchema[] = [];
  for (let start = 0; start < files.length; start += FILES_A_STATEMENT) {
    const batch = files.slice(start, start + FILES_A_STATEMENT);
    const described = batch.map(
      (file, at) => `SELECT ${at} AS file, column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${fileList([file])}))`,
    );
    const found = await rows(connection, described.join("\nUNION ALL\n")).catch(async (error: unknown) => {
      // DuckDB's error names no file of the batch: each is read alone to find the one at fault.
      await refuseNotParquet(connection, batch);
      throw error;
    });
    schemas.push(
      ...batch.map((file, at) =>
        schemaOf(
          file,
          found.filter((row) => Number(row.file) === at),
        ),
      ),
    );
  }
  return schemas;
}

const FILES_A_STATEMENT = 256;

/** Refuses the first of the files DuckDB cannot read as Parquet, with its reason. */
async function refuseNotParquet(connection: Connection, files: readonly string[]): Promise<void> {
  for (const file of files) {
    try {
      await columnsOf(connection, `read_parquet(${fileList([file])})`);
    } catch (error) {
      throw dataError({ key: "duckdbNotParquet", values: { path: file, reason: String((error as Error).message).split("\n")[0]! } });
    }
  }
}

function schemaOf(file: string, described: readonly Row[]): FileSchema {
  const names = described.map((row) => String(row.column_name));
  const columns = new Map(
    described.map((row) => [latinLowerCase(String(row.column_name)), { name: String(row.column_name), type: String(row.column_type) }]),
  );
  return { file, names, columns };
}

/** Whether two files have the same columns, in the same order, of the same types. */
function sameColumns(one: FileSchema, other: FileSchema): boolean {
  return (
    one.names.length === other.names.length &&
    one.names.every(
      (name, at) =>
        name === other.names[at] && one.columns.get(latinLowerCase(name))!.type === other.columns.get(latinLowerCase(name))?.type,
    )
  );
}

/** A relation's column names and DuckDB types. */
async function columnsOf(connection: Connection, relation: string): Promise<{ names: string[]; types: string[] }> {
  const described = await rows(connection, `DESCRIBE SELECT * FROM ${relation}`);
  return { names: described.map((row) => String(row.column_name)), types: described.map((row) => String(row.column_type)) };
}

/** The columns the query reads, each with the fields it is read as (one column may be two, a manager who is the initiator). */
function fieldsByColumn(columns: QueryColumns): Map<string, (keyof QueryColumns)[]> {
  const fields = new Map<string, (keyof QueryColumns)[]>();
  for (const [field, column] of Object.entries(columns) as [keyof QueryColumns, QueryColumns["customer"]][]) {
    if (column !== undefined) fields.set(column.name, [...(fields.get(column.name) ?? []), field]);
  }
  return fields;
}

const HEALTH_FIELDS: ReadonlySet<keyof QueryColumns> = new Set(["initiatedBy", "budget", "contact"]);

/**
 * DuckDB's types by what a value of each means to the report; a type of no family is its own
 * (BOOLEAN with BOOLEAN, not with BLOB).
 */
const TYPE_FAMILIES: readonly [family: string, test: RegExp][] = [
  ["text", /^VARCHAR$/],
  ["date", /^DATE$/],
  ["timestamp", /^TIMESTAMP/],
  ["number", /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/],
];

const familyOf = (type: string): string => TYPE_FAMILIES.find(([, test]) => test.test(type))?.[0] ?? type;

/**
 * Whether files storing a column read as these fields in these type families can be read together
 * without changing a value. One family always (numbers of several widths, timestamps with and
 * without a zone: instants both). Text beside numbers only for amounts and budgets, beside dates
 * only for the date, read as text by the core's rules: a customer's number 123 as a DOUBLE would
 * be the text `123.0`, another customer than the text 123.
 */
function readableTogether(families: ReadonlySet<string>, fields: readonly (keyof QueryColumns)[]): boolean {
  if (families.size === 1) return true;
  if (families.size > 2 || !families.has("text")) return false;
  if (families.has("number")) return fields.every((field) => field === "amount" || field === "budget");
  return families.has("date") && fields.every((field) => field === "date");
}

/** Refuses the files unless each has the column, stored as types they can be read together as. */
function sameColumnEverywhere(name: string, fields: readonly (keyof QueryColumns)[], schemas: readonly FileSchema[]): void {
  const key = latinLowerCase(name);
  const lacking = schemas.find((schema) => !schema.columns.has(key));
  if (lacking !== undefined) {
    const holder = schemas.find((schema) => schema.columns.has(key))!;
    const values = { path: lacking.file, column: name, holder: holder.file, columns: lacking.names.join(", ") };
    const healthOnly = fields.every((field) => HEALTH_FIELDS.has(field));
    throw dataError({ key: healthOnly ? "duckdbParquetLacksHealthColumn" : "duckdbParquetLacksColumn", values });
  }
  // The first file of each family stands for it: two of them that cannot be read together are named.
  const byFamily = new Map<string, { file: string; type: string }>();
  for (const schema of schemas) {
    const { type } = schema.columns.get(key)!;
    if (!byFamily.has(familyOf(type))) byFamily.set(familyOf(type), { file: schema.file, type });
  }
  if (readableTogether(new Set(byFamily.keys()), fields)) return;
  // Some two clash: any two families other than text do, and three families hold two such.
  const stored = [...byFamily.values()];
  const [one, other] = stored
    .flatMap((a, at) => stored.slice(at + 1).map((b) => [a, b] as const))
    .find(([a, b]) => !readableTogether(new Set([familyOf(a.type), familyOf(b.type)]), fields))!;
  throw dataError({
    key: "duckdbParquetTypesDiffer",
    values: { column: name, path: one.file, type: one.type, other: other.file, otherType: other.type },
  });
}

/** A column name as DuckDB compares it: Latin capitals lowered, no other letter. */
const latinLowerCase = (name: string): string => name.replace(/[A-Z]+/g, (capitals) => capitals.toLowerCase());

function columnType(duckType: string): ColumnType {
  const family = familyOf(duckType);
  return family === "date" || family === "timestamp" || family === "number" ? family : "text";
}
