// Issue 13's values on the command line: decimal flags, malformed amounts and times skipped with the
// core's reasons, and `YYYYMMDD` dates read when the layout finds a column of them.
import { beforeAll, describe, expect, it } from "vitest";
import { inputLocale } from "../../src/core/cells";
import { KeyBytes } from "../../src/cli/counting/key-bytes";
import { RecordSink } from "../../src/cli/counting/record-sink";
import { fieldDecoder } from "../../src/files/fields";
import { runCli } from "../../src/cli/cli";
import { cli, json, queuedCounter, tempDir, writeFixture } from "./helpers";

let dir: string;
beforeAll(() => {
  dir = tempDir();
});

// Anna buys in January and again in February; Boris once in January: 1 of 2 new customers came back.
const ORDERS = "Customer,Date,Amount\nAnna,2024-01-05,10\nAnna,2024-02-05,20\nBoris,2024-01-07,5\n";

describe("numbers on the command line are decimal only", () => {
  it("refuses hexadecimal, binary and exponent forms, naming the flag and the value", async () => {
    const file = writeFixture(dir, "orders.csv", ORDERS);
    for (const [flag, value] of [
      ["--target", "0x40"],
      ["--target", "1e1"],
      ["--target", "0b1000000"],
      ["--target", "0o100"],
      ["--target", "Infinity"],
      ["--within-days", "0x10"],
      ["--within-days", "1e2"],
      ["--threads", "0b1"],
      ["--threads", "0x2"],
    ]) {
      const result = await cli(["report", file, flag!, value!]);
      expect(result.exitCode, `${flag} ${value}`).toBe(2);
      expect(result.stderr.split("\n")[0], `${flag} ${value}`).toMatch(new RegExp(`^sheets-retention: ${flag}: «?${value}»? `));
    }
  });

  it("still reads decimal targets as the sidebar writes them", async () => {
    const file = writeFixture(dir, "orders.csv", ORDERS);
    for (const [value, target] of [
      ["64", 0.64],
      ["64%", 0.64],
      ["64 %", 0.64],
      ["67,5", 0.675],
      ["67.5", 0.675],
      ["100", 1],
    ] as const) {
      expect((await json(["report", file, "--target", value])).target, value).toBeCloseTo(target, 12);
    }
  });
});

describe("malformed values are skipped rows with the core's reasons", () => {
  it("skips 1,2,3 and 1.2.3 amounts and a 99:99:99 time, and reads the rest", async () => {
    const file = writeFixture(
      dir,
      "malformed.csv",
      [
        "Customer,Date,Amount",
        "Anna,2024-01-05,10",
        'Anna,2024-02-05,"1,2,3"',
        "Anna,2024-02-06,1.2.3",
        "Anna,2024-03-05 99:99:99,7",
        'Boris,2024-01-07,"1,234.50"',
        "Boris,2024-01-08 24:00:00,1",
        "",
      ].join("\n"),
    );
    const report = await json(["report", file]);
    const text = JSON.stringify(report);
    for (const value of ["«1,2,3»", "«1.2.3»", "«2024-03-05 99:99:99»", "«2024-01-08 24:00:00»"]) expect(text).toContain(value);
    // Anna's only readable order is 2024-01-05, Boris's 2024-01-07: two new customers, no second purchase.
    expect(report).toMatchObject({ customers: 2, firstPurchases: 2, secondPurchases: 0, skippedRowCount: 4 });
  });
});

/** The orders of `ORDERS`-like rows with dates written by `date`, and one more customer per 1000 rows. */
function manyOrders(rows: number, date: (year: number, month: number, day: number) => string): string {
  const lines = ["customer,date,amount"];
  for (let row = 0; row < rows; row++) {
    const month = 1 + (row % 12);
    const day = 1 + ((row * 7) % 28);
    lines.push(`c${row % 997},${date(1997 + (row % 2), month, day)},${(row % 50) + 0.5}`);
  }
  return `${lines.join("\n")}\n`;
}

const pad = (n: number): string => String(n).padStart(2, "0");

describe("YYYYMMDD dates", () => {
  it("are read when every date in the first rows is one (the CDNOW file's 19970101)", async () => {
    const file = writeFixture(dir, "cdnow.csv", "customer,date,amount\n00001,19970101,11.77\n00001,19970202,20.00\n00002,19970112,5\n");
    expect(await json(["report", file])).toMatchObject({ customers: 2, firstPurchases: 2, secondPurchases: 1, skippedRowCount: 0 });
  });

  it("give the report the same dates written YYYY-MM-DD give, on one thread and two", async () => {
    const compact = writeFixture(
      dir,
      "compact.csv",
      manyOrders(20_000, (y, m, d) => `${y}${pad(m)}${pad(d)}`),
    );
    const iso = writeFixture(
      dir,
      "iso.csv",
      manyOrders(20_000, (y, m, d) => `${y}-${pad(m)}-${pad(d)}`),
    );
    const expected = await json(["report", iso, "--threads", "1"]);
    expect(expected.skippedRowCount).toBe(0);
    const oneThread = await json(["report", compact, "--threads", "1"]);
    expect({ ...oneThread, file: undefined, files: undefined }).toEqual({ ...expected, file: undefined, files: undefined });
    // Two threads for real: a counting thread stand-in that takes the batches, as the worker does.
    const result = await runCli(["report", compact, "--json", "--threads", "2"], {
      env: { LANG: "C" },
      stdoutIsTTY: false,
      writeFile: () => undefined,
      ...queuedCounter(2, 4096).io,
    });
    expect({ ...JSON.parse(result.stdout), file: undefined, files: undefined }).toEqual({ ...expected, file: undefined, files: undefined });
  });

  it("make a later row with another shape a bad date", async () => {
    const rows = [
      "customer,date",
      ...Array.from({ length: 60 }, (_, n) => `c${n},199701${pad(1 + (n % 28))}`),
      "late,1997-02-01",
      "later,970201",
      "",
    ];
    const report = await json(["report", writeFixture(dir, "late.csv", rows.join("\n"))]);
    expect(report).toMatchObject({ customers: 60, skippedRowCount: 2 });
    expect(JSON.stringify(report)).toContain("«1997-02-01»");
  });

  it("are no dates when the first rows mix them with other dates", async () => {
    const file = writeFixture(dir, "mixed.csv", "customer,date\nAnna,2024-01-05\nAnna,20240205\nBoris,2024-01-07\n");
    const report = await json(["report", file]);
    expect(report).toMatchObject({ customers: 2, secondPurchases: 0, skippedRowCount: 1 });
    expect(JSON.stringify(report)).toContain("«20240205»");
  });
});

describe("the one-pass reader with YYYYMMDD dates", () => {
  /** A customer,date sink whose orders' days are collected; `compactDays` as the layout would set it. */
  const sinkOfDays = (compactDays: boolean, days: number[]): RecordSink =>
    new RecordSink(
      { key: new KeyBytes("utf-8"), add: (day) => void days.push(day) },
      {
        mapping: { customer: 0, date: 1 },
        columnNames: {},
        locale: { ...inputLocale("en_US", "UTC"), compactDays },
        delimiter: 0x2c,
        decode: fieldDecoder("utf-8"),
        onSkippedRow: () => undefined,
      },
    );

  it("takes a plain 8-digit day in one pass, and leaves any other shape to the core", () => {
    const days: number[] = [];
    const compact = sinkOfDays(true, days);
    const line = Buffer.from("c1,19970101\nc2,1997-01-01\n");
    // The first record ends at byte 12, where the second starts; 1997-01-01 is day 27 × 365 + 7.
    expect(compact.readSimpleRecord(line, 0, line.length, 1)).toBe(12);
    expect(days).toEqual([27 * 365 + 7]);
    expect(compact.readSimpleRecord(line, 12, line.length, 2)).toBe(-1);
    // Without compact days, 8 digits are no date of the one-pass reader's.
    expect(sinkOfDays(false, days).readSimpleRecord(line, 0, line.length, 1)).toBe(-1);
    expect(days).toHaveLength(1);
  });
});
