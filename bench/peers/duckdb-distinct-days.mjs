// DuckDB peer: distinct purchase days per customer, as a DuckDB user would write it.
// Usage: node duckdb-distinct-days.mjs FILE utf8|1251
import { DuckDBInstance } from "@duckdb/node-api";

const [file, kind] = process.argv.slice(2);
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
await connection.run("SET threads = 2");
const quoted = `'${file.replaceAll("'", "''")}'`;
// DuckDB reads no Windows-1251 without a downloaded extension; latin-1 maps bytes one to one, so
// distinct customers and days come out the same, only the names are garbled.
const source =
  kind === "1251"
    ? `read_csv(${quoted}, delim = ';', encoding = 'latin-1', header = true, names = ['customer', 'date', 'amount'], dateformat = '%d.%m.%Y')`
    : `read_csv(${quoted})`;
const reader = await connection.runAndReadAll(
  `SELECT count(*) AS customers, count(*) FILTER (WHERE days >= 2) AS returned
   FROM (SELECT customer, count(DISTINCT CAST(date AS DATE)) AS days FROM ${source} GROUP BY customer)`,
);
const [customers, returned] = reader.getRows()[0];
console.log(JSON.stringify({ customers: Number(customers), returned: Number(returned) }));
