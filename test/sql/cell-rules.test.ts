// The core's cell rules as SQL (src/sql/cell-rules.ts), run in DuckDB on random text against the
// core's own functions: customer keys, amounts, dates. And the differences SQL cannot avoid,
// pinned so that a change in either engine shows (docs/bigquery-duckdb.md lists them).

import fc from "fast-check";
import { expect, it } from "vitest";
import { isSheetError, parseAmount, parseDateText, SHEET_ERROR_VALUES, type SlashOrder } from "../../src/core/cells";
import { customerDisplayName, customerKey } from "../../src/core/customer-key";
import { INITIATOR_WORDS, initiatorOf } from "../../src/core/health/initiated-by";
import { CellRules, type Stage } from "../../src/sql/cell-rules";
import { initiatorStages } from "../../src/sql/started-query";
import { DUCKDB } from "../../src/sql/dialect";
import { describeDuckDb } from "./support";

const rules = new CellRules(DUCKDB);

/** Each text through the stages, in DuckDB; the last stage's first column per text, in order. */
async function evaluate(texts: readonly string[], stages: readonly Stage[]): Promise<unknown[]> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  const values = texts.map((text, at) => `(${at}, ${DUCKDB.text(text)})`).join(", ");
  let sql = `SELECT n, ${rules.trim("raw")} AS cell FROM (VALUES ${values}) AS t(n, raw)`;
  for (const stage of stages) sql = `SELECT *, ${stage.map(([alias, expr]) => `${expr} AS ${alias}`).join(", ")} FROM (${sql}) AS s`;
  const last = stages[stages.length - 1]![0]![0];
  const rows = (await connection.runAndReadAll(`SELECT ${last} AS result FROM (${sql}) AS s ORDER BY n`)).getRowObjectsJS();
  return rows.map((row) => row.result);
}

/** Text made of the characters these rules care about, runs of them as often as single ones. */
function texts(alphabet: readonly string[], seed: number, count = 3000): string[] {
  const piece = fc.oneof(
    fc.constantFrom(...alphabet),
    fc.constantFrom(...alphabet).map((c) => c.repeat(2)),
  );
  return fc.sample(
    fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join("")),
    { seed, numRuns: count },
  );
}

/** Text shaped like `pieces` mostly, every piece drawn from its own choices: half of it close to valid. */
function shaped(pieces: readonly (readonly string[])[], seed: number, count = 3000): string[] {
  return fc.sample(
    fc.tuple(...pieces.map((choices) => fc.constantFrom(...choices))).map((parts) => parts.join("")),
    { seed, numRuns: count },
  );
}

const DATE_SHAPE = [
  ["", " "],
  ["1", "05", "12", "31", "2024", "0001", "29"],
  ["-", ".", "/", "-", ""],
  ["1", "02", "12", "13", "2", "29"],
  ["-", ".", "/", ".", ""],
  ["2024", "2023", "05", "31", "1900", "24", "2100"],
  [
    "",
    "",
    " 10:00",
    "T23:59:59",
    " 24:00",
    " 7:05:60",
    "T10:00:00.5Z",
    " 10:00 +03:00",
    "T10:00-1459",
    " 10:00+15:00",
    " 10:00:00+00",
    "T10:00-14",
    " 10:00+15",
    " 10:00+1",
    " 10:00+123",
    " 10:00+03:0",
    "x",
  ],
];

const COMPACT_SHAPE = [
  ["", " "],
  ["1997", "2024", "0001", "1899"],
  ["01", "02", "12", "13", "1"],
  ["01", "29", "30", "31", "00"],
];

const AMOUNT_SHAPE = [
  ["", "", "-", "+", "\u2212", "$", "- "],
  ["1", "12", "123", "1234", "", "0"],
  ["", ",", ".", " ", "\u00a0", "'"],
  ["234", "23", "2345", "", "5"],
  ["", ",", ".", " "],
  ["567", "5", "", "56"],
  ["", "", "e3", "E-2", " руб", " €", "x"],
];

const SPACES = [" ", "\t", "\u00a0", "\u202f", "\u2009", "\u3000", "\ufeff", "\u2028", "\n"];

describeDuckDb("the core's cell rules in SQL", () => {
  it("make the core's customer keys and display names, no-break spaces and all", async () => {
    const sample = texts([...SPACES, "a", "B", "ж", "Ё", "1", "-", "K", "\u212a", "é", '"', "«", "’", "'"], 1);
    const stage: Stage = [["result", rules.key("cell")]];
    expect(await evaluate(sample, [stage])).toEqual(sample.map(customerKey));
    const names: Stage = [["result", rules.tidy("cell")]];
    expect(await evaluate(sample, [names])).toEqual(sample.map(customerDisplayName));
  });

  it("read amounts as parseAmount does, with a decimal comma and without", async () => {
    const alphabet = ["1", "2", "34", "567", ",", ".", " ", "\u00a0", "'", "-", "+", "e", "E", "€", "руб", "$", "\u2212", "x"];
    for (const decimalComma of [true, false]) {
      const sample = [...texts(alphabet, decimalComma ? 2 : 3), ...shaped(AMOUNT_SHAPE, decimalComma ? 4 : 5)];
      const stages = [...rules.amountStages("cell", decimalComma), [["result", DUCKDB.tryDouble("NULLIF(amount_number, '')")]] as Stage];
      const expected = sample.map((text) => parseAmount(text, decimalComma) ?? null);
      expect(expected.filter((amount) => amount !== null).length).toBeGreaterThan(600);
      const actual = (await evaluate(sample, stages)).map((value) => (value === null || !Number.isFinite(value as number) ? null : value));
      expect(actual).toEqual(expected);
    }
  });

  it("read dates as parseDateText does, in every slashed order and as YYYYMMDD", async () => {
    const alphabet = [
      "2024",
      "1",
      "0",
      "3",
      "12",
      "31",
      "29",
      "02",
      "-",
      ".",
      "/",
      " ",
      "T",
      ":",
      "59",
      "60",
      "23",
      "24",
      "Z",
      "+",
      "14",
      "15",
    ];
    const orders: [SlashOrder, boolean][] = [
      ["DMY", false],
      ["MDY", false],
      ["YMD", false],
      ["DMY", true],
    ];
    for (const [at, [slashOrder, compact]] of orders.entries()) {
      const sample = [...texts(alphabet, 10 + at), ...shaped(DATE_SHAPE, 20 + at, 15000), ...shaped(COMPACT_SHAPE, 30 + at, 500)];
      const stages = rules.dateStages("cell", slashOrder, compact);
      const integers: Stage = stages[stages.length - 1]!.map(([alias, expr]) => [alias, `CAST(NULLIF(${expr}, '') AS BIGINT)`]);
      const valid = rules.validCivil("date_year", "date_month", "date_day");
      const day: Stage = [["result", `CASE WHEN ${valid} THEN ${DUCKDB.epochDay("make_date(date_year, date_month, date_day)")} END`]];
      const expected = sample.map((text) => parseDateText(text, slashOrder, compact) ?? null);
      expect(expected.filter((day) => day !== null).length).toBeGreaterThan(compact ? 100 : 200);
      expect(
        (await evaluate(sample, [...stages.slice(0, -1), integers, day])).map((value) => (value === null ? null : Number(value))),
      ).toEqual(expected);
    }
  });

  it("read who started the sale as initiatorOf does: the whole value or its first word", async () => {
    const words = [...INITIATOR_WORDS.company, ...INITIATOR_WORDS.customer];
    const sample = shaped(
      [
        ["", " ", "\u00a0", "(", "-"],
        [...words, ...words.map((word) => word.toUpperCase()), "usa", "partner", "сайт", "", "Исходящий звонок"],
        ["", "", " ", "  ", ",", ".", ";", ":", "(", ")", "-", "\u00a0", "\t", "/", "_"],
        ["", "call", "звонок", "email", "outbound", "клиент", "x"],
      ],
      6,
    );
    // Blank cells, which the draws above reach only by chance.
    sample.push("", " \u00a0\t");
    const stages: Stage[] = [[["initiatedBy_text", "cell"]], ...initiatorStages(rules, DUCKDB)];
    const initiators = await evaluate(sample, stages);
    expect(initiators).toEqual(sample.map(initiatorOf));
    // Each side, the blank and the unknown all drawn.
    expect(new Set(initiators)).toEqual(new Set(["company", "customer", "unknown", "blank"]));
  });

  it("know the sheet error values the core knows", async () => {
    const candidates = [
      ...SHEET_ERROR_VALUES,
      ...SHEET_ERROR_VALUES.map((value) => ` ${value.toLowerCase()}\u00a0`),
      "#N/A!",
      "#",
      "N/A",
      "#н/д",
      "#REF",
    ];
    expect(await evaluate(candidates, [[["result", rules.isSheetError("cell")]]])).toEqual(candidates.map(isSheetError));
  });

  it("differ from JavaScript where Unicode case mapping does: İ lower-cases to i̇ in JavaScript, to i in DuckDB", async () => {
    // A customer "İLKER" and "ilker" are one customer in DuckDB's key, two in the core's.
    const [duck] = await evaluate(["İlker"], [[["result", rules.key("cell")]]]);
    expect(customerKey("İlker")).toBe("i\u0307lker");
    expect(duck).toBe("ilker");
  });

  it("need JavaScript's whitespace written out: RE2's \\s misses the no-break space", async () => {
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const connection = await (await DuckDBInstance.create(":memory:")).connect();
    const rows = (
      await connection.runAndReadAll("SELECT regexp_matches(chr(160), '\\s') AS re2, regexp_matches(chr(160), '[\\x{a0}]') AS listed")
    ).getRowObjectsJS();
    expect(rows[0]).toEqual({ re2: false, listed: true });
    expect(/\s/.test("\u00a0")).toBe(true);
  });
});
