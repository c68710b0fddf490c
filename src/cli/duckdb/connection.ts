// DuckDB, an optional dependency: loaded only when asked for, with a usage error saying how to
// install it when it is missing.

import { usageError } from "../errors";

type DuckDb = typeof import("@duckdb/node-api");
export type Connection = Awaited<ReturnType<Awaited<ReturnType<DuckDb["DuckDBInstance"]["create"]>>["connect"]>>;
/** A row of a query's result, as DuckDB gives it. */
export type Row = Record<string, unknown>;

/**
 * DuckDB, or a usage error (exit 2) saying how to install it; when it is installed but cannot be
 * loaded (a native part missing or built for another system), saying why.
 */
export async function loadDuckDb(): Promise<DuckDb> {
  try {
    return await import("@duckdb/node-api");
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    const missing = (code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND") && String(message).includes("'@duckdb/node-api'");
    if (missing) throw usageError({ key: "duckdbMissing" });
    throw usageError({ key: "duckdbUnloadable", values: { reason: String(message ?? error).split("\n")[0]! } });
  }
}

/** Whether DuckDB can be loaded, without saying anything: for the hint. */
export async function duckDbInstalled(): Promise<boolean> {
  return loadDuckDb().then(
    () => true,
    () => false,
  );
}

/** A query's rows, read whole. */
export async function rows(connection: Connection, sql: string): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Row[];
}
