// .xlsx files, written by hand (xlsx-fixtures.ts), read by the command line. Every expected figure
// is counted by hand from the rows written in each test.

import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { Workbook } from "../../src/files/read-workbook";
import { isDateFormatCode } from "../../src/files/xlsx-workbook";
import { columnOf, dateOfNumber } from "../../src/files/xlsx-sheet";
import { writeFixture } from "../cli/helpers";
import { dir, report } from "./helpers";
import { row, type WorkbookSpec, xlsxBytes } from "./xlsx-fixtures";

const fixture = (name: string, spec: WorkbookSpec): string => writeFixture(dir, name, Buffer.from(xlsxBytes(spec)));

// Shared strings 0–4; style 1 is built-in format 14 (a date).
const SHARED = ["Customer", "Date", "Amount", "Anna", "Boris"];
const HEADER = row(1, [
  ["A1", 't="s"', "<v>0</v>"],
  ["B1", 't="s"', "<v>1</v>"],
  ["C1", 't="s"', "<v>2</v>"],
]);
// Row 2: Anna, 45292 as a date (2024-01-01), 100.
// Row 3: Boris as an inline string, a t="d" date 2024-01-10, 50.
// Row 4: not in the XML (blank).
// Row 5: Anna, 45323 (2024-02-01), no amount cell (sparse: an empty amount is 0).
// Row 6: Boris, 45330 (2024-02-08), amount #N/A: skipped, a sheet error where a figure comes from.
// Row 7: Clara (a formula's string), date #DIV/0!: skipped.
const ORDERS = [
  HEADER,
  row(2, [
    ["A2", 't="s"', "<v>3</v>"],
    ["B2", 's="1"', "<v>45292</v>"],
    ["C2", "", "<v>100</v>"],
  ]),
  row(3, [
    ["A3", 't="inlineStr"', "<is><t>Boris</t></is>"],
    ["B3", 't="d"', "<v>2024-01-10T00:00:00</v>"],
    ["C3", "", "<v>50</v>"],
  ]),
  row(5, [
    ["A5", 't="s"', "<v>3</v>"],
    ["B5", 's="1"', "<v>45323</v>"],
  ]),
  row(6, [
    ["A6", 't="s"', "<v>4</v>"],
    ["B6", 's="1"', "<v>45330</v>"],
    ["C6", 't="e"', "<v>#N/A</v>"],
  ]),
  row(7, [
    ["A7", 't="str"', "<f>A1</f><v>Clara</v>"],
    ["B7", 't="e"', "<v>#DIV/0!</v>"],
  ]),
].join("");
// Anna bought on two days (a second purchase), Boris on one; rows 6 and 7 are skipped.
const ORDERS_FIGURES = {
  sheet: "Orders",
  delimiter: null,
  rows: 6,
  blankRows: 1,
  skippedRowCount: 2,
  orders: 3,
  customers: 2,
  firstPurchases: 2,
  secondPurchases: 1,
  firstDate: "2024-01-01",
  lastDate: "2024-02-01",
};
// A second sheet, for --sheet: Carl on 2023-05-01 and 2023-06-01 (45047, 45078), Dana on 2023-05-02.
const SECOND = [
  HEADER,
  row(2, [
    ["A2", 't="inlineStr"', "<is><t>Carl</t></is>"],
    ["B2", 's="1"', "<v>45047</v>"],
  ]),
  row(3, [
    ["A3", 't="inlineStr"', "<is><t>Carl</t></is>"],
    ["B3", 's="1"', "<v>45078</v>"],
  ]),
  row(4, [
    ["A4", 't="inlineStr"', "<is><r><t>Da</t></r><r><t>na</t></r></is>"],
    ["B4", 's="1"', "<v>45048</v>"],
  ]),
].join("");
const BOOK: WorkbookSpec = {
  shared: SHARED,
  sheets: [
    { name: "Orders", rows: ORDERS },
    { name: "Last year", rows: SECOND },
  ],
};

async function reportOf(path: string, extra: string[] = []): Promise<Record<string, unknown>> {
  const result = await report(path, extra);
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout);
}

describe("an .xlsx file", () => {
  it("is read from its first sheet: shared and inline strings, date cells, sparse rows, error values", async () => {
    const path = fixture("orders.xlsx", BOOK);
    expect(await reportOf(path)).toMatchObject(ORDERS_FIGURES);
    // The same on two threads.
    expect(await reportOf(path, ["--threads", "2"])).toMatchObject(ORDERS_FIGURES);
  });

  it("gives the error cells' rows as skipped, with the sheet's row numbers and the error text", async () => {
    const parsed = (await reportOf(fixture("errors.xlsx", BOOK))) as { skippedRows: { row: number; reason: string }[] };
    expect(parsed.skippedRows.map((skipped) => skipped.row)).toEqual([6, 7]);
    expect(parsed.skippedRows[0]!.reason).toContain("#N/A");
    expect(parsed.skippedRows[1]!.reason).toContain("#DIV/0!");
  });

  it("reads the sheet --sheet names, whatever the file is called", async () => {
    const path = writeFixture(dir, "orders-renamed.dat", Buffer.from(xlsxBytes(BOOK)));
    // Carl came back (two days), Dana did not.
    expect(await reportOf(path, ["--sheet", "Last year"])).toMatchObject({
      sheet: "Last year",
      rows: 3,
      customers: 2,
      firstPurchases: 2,
      secondPurchases: 1,
      firstDate: "2023-05-01",
      lastDate: "2023-06-01",
    });
  });

  it("refuses an unknown --sheet with exit 2, listing the sheets; --sheet on a CSV file too", async () => {
    const unknown = await report(fixture("sheets.xlsx", BOOK), ["--sheet", "Nope"]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain("no sheet «Nope»; its sheets are «Orders», «Last year»");
    const csv = await report(writeFixture(dir, "plain.csv", "Customer,Date\nAnna,2024-01-01\n"), ["--sheet", "Orders"]);
    expect(csv.exitCode).toBe(2);
    expect(csv.stderr).toContain("--sheet is for .xlsx files");
  });

  it("counts dates from 1904 in a 1904 workbook", async () => {
    // 43830 days after 1904-01-01 is 2024-01-01 (1462 days fewer than the 1900 count, 45292); 43861 is 2024-02-01.
    const rows = [
      HEADER,
      row(2, [
        ["A2", 't="s"', "<v>3</v>"],
        ["B2", 's="1"', "<v>43830</v>"],
      ]),
      row(3, [
        ["A3", 't="s"', "<v>3</v>"],
        ["B3", 's="1"', "<v>43861</v>"],
      ]),
    ].join("");
    const path = fixture("1904.xlsx", { shared: SHARED, date1904: true, sheets: [{ name: "S", rows }] });
    expect(await reportOf(path)).toMatchObject({ customers: 1, secondPurchases: 1, firstDate: "2024-01-01", lastDate: "2024-02-01" });
  });

  it("takes a custom date format for a date, and a number with another format for a number", async () => {
    // Style 1: custom 164 `dd.mm.yyyy`; style 2: custom 165 `0.00" d"` (a number). 45292 is 2024-01-01.
    const rows = [
      HEADER,
      row(2, [
        ["A2", 't="s"', "<v>3</v>"],
        ["B2", 's="1"', "<v>45292</v>"],
        ["C2", 's="2"', "<v>45292</v>"],
      ]),
    ].join("");
    const path = fixture("custom.xlsx", {
      shared: SHARED,
      styles: [0, 164, 165],
      formats: { 164: "dd.mm.yyyy", 165: '0.00" d"' },
      sheets: [{ name: "S", rows }],
    });
    expect(await reportOf(path)).toMatchObject({ firstDate: "2024-01-01", customers: 1, repeatRevenueShare: 0 });
  });

  it("reads elements with a namespace prefix (x:row, x:c) as others", async () => {
    expect(await reportOf(fixture("prefixed.xlsx", { ...BOOK, prefixed: true }))).toMatchObject(ORDERS_FIGURES);
  });

  it("exits 1 for a zip that is no workbook and for a damaged one, never 3", async () => {
    const zip = writeFixture(dir, "archive.xlsx", Buffer.from(zipSync({ "orders.csv": strToU8("Customer,Date\n") })));
    const notXlsx = await report(zip);
    expect([notXlsx.exitCode, notXlsx.stderr]).toEqual([1, expect.stringContaining("is a zip file but not an .xlsx workbook")]);
    const whole = xlsxBytes(BOOK);
    // Cut anywhere: the central directory is lost, or an entry's compressed data ends early.
    for (const keep of [0.3, 0.6, 0.9, 0.99]) {
      const cut = writeFixture(dir, `cut-${keep}.xlsx`, Buffer.from(whole.subarray(0, Math.floor(whole.length * keep))));
      const result = await report(cut);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/looks damaged|is a zip file but not|cannot read/);
    }
    // Bytes changed inside the sheet's compressed data: inflating or parsing it fails.
    const spoiled = Buffer.from(whole);
    const at = spoiled.indexOf("xl/worksheets/sheet1.xml") + 60;
    for (let i = at; i < at + 40; i++) spoiled[i] = spoiled[i]! ^ 0x5a;
    const result = await report(writeFixture(dir, "spoiled.xlsx", spoiled));
    expect(result.exitCode).toBe(1);
  });
});

describe("the workbook's parts", () => {
  it("lists the worksheets and streams a sheet's rows with cells placed by their letters", async () => {
    const workbook = await Workbook.open(fixture("parts.xlsx", BOOK));
    try {
      expect(workbook.sheets).toEqual(["Orders", "Last year"]);
      const rows = [];
      for await (const batch of workbook.rows("Orders")) rows.push(...batch.rows);
      expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 5, 6, 7]);
      // Row 5 has no amount cell; row 3's inline string and ISO date.
      expect(rows[3]!.cells).toEqual(["Anna", new Date(Date.UTC(2024, 1, 1))]);
      expect(rows[2]!.cells).toEqual(["Boris", new Date(Date.UTC(2024, 0, 10)), 50]);
      expect(rows[4]!.cells[2]).toBe("#N/A");
    } finally {
      workbook.close();
    }
  });

  it("turns date numbers into the days Excel shows, 1900's false leap day aside", () => {
    const day = (value: number, date1904 = false): string => dateOfNumber(value, date1904).toISOString();
    expect(day(1)).toBe("1900-01-01T00:00:00.000Z");
    expect(day(59)).toBe("1900-02-28T00:00:00.000Z");
    expect(day(61)).toBe("1900-03-01T00:00:00.000Z");
    expect(day(45356.5)).toBe("2024-03-05T12:00:00.000Z");
    expect(day(0, true)).toBe("1904-01-01T00:00:00.000Z");
    // 1904, 1905, 1906, 1907: 366 + 3 × 365 = 1461 days to 1908-01-01.
    expect(day(1462, true)).toBe("1908-01-02T00:00:00.000Z");
  });

  it("reads column letters", () => {
    expect(["A1", "Z9", "AA10", "AB12", "XFD1048576"].map(columnOf)).toEqual([0, 25, 26, 27, 16383]);
  });

  it("tells date formats from others by their tokens outside quotes and brackets", () => {
    const dates = ["dd.mm.yyyy", "[$-419]d mmmm yyyy", "mmm", "yyyy-mm-dd h:mm", "d/m/yy;@"];
    const others = ["General", '0.00" d"', "[h]:mm", "h:mm:ss", "#,##0.00 [$₽-419]", '#,##0 "y"', "0.00_);[Red](0.00)", "\\d0"];
    expect(dates.map(isDateFormatCode)).toEqual(dates.map(() => true));
    expect(others.map(isDateFormatCode)).toEqual(others.map(() => false));
  });
});

describe("the health check's own columns in a workbook", () => {
  // Typed cells: a number budget, a text one Excel left unparsed, and a phone stored as a number.
  // Row 2: Anna, 2024-01-01, 100, budget 1000, «Исходящий», phone 79000000001.
  // Row 3: Anna, 2024-03-01, 200, budget «много» (not read: 1000 stays), «партнер» (unknown).
  // Row 4: Boris, 2024-12-01, 50, inbound.
  // Q7: the company started 1 of 3 purchases; Q2: Anna's 300 of 1000 = 30 %.
  const shared = [
    "Customer",
    "Date",
    "Amount",
    "Budget",
    "Initiated by",
    "Phone",
    "Anna",
    "Boris",
    "Исходящий",
    "много",
    "партнер",
    "inbound",
  ];
  const cell = (ref: string, index: number): [string, string, string] => [ref, 't="s"', `<v>${index}</v>`];
  const rows = [
    row(1, [cell("A1", 0), cell("B1", 1), cell("C1", 2), cell("D1", 3), cell("E1", 4), cell("F1", 5)]),
    row(2, [
      cell("A2", 6),
      ["B2", 's="1"', "<v>45292</v>"],
      ["C2", "", "<v>100</v>"],
      ["D2", "", "<v>1000</v>"],
      cell("E2", 8),
      ["F2", "", "<v>79000000001</v>"],
    ]),
    row(3, [cell("A3", 6), ["B3", 's="1"', "<v>45352</v>"], ["C3", "", "<v>200</v>"], cell("D3", 9), cell("E3", 10)]),
    row(4, [cell("A4", 7), ["B4", 's="1"', "<v>45627</v>"], ["C4", "", "<v>50</v>"], cell("E4", 11)]),
  ].join("");

  it.each([
    ["one thread", []],
    ["two threads", ["--threads", "2"]],
  ])("answers questions 2 and 7, %s", async (_name, extra) => {
    const path = fixture("health-columns.xlsx", { sheets: [{ name: "Orders", rows }], shared });
    const { exitCode, stdout } = await report(path, extra);
    expect(exitCode).toBe(0);
    const questions = JSON.parse(stdout).healthCheck.questions as { id: number; figures: Record<string, number>; unread?: object }[];
    const q = (id: number) => questions.find((question) => question.id === id)!;
    expect(q(7).figures).toMatchObject({ startedShare: 1 / 3, startedByCompany: 1, purchases: 3 });
    expect(q(7).unread).toEqual({ count: 1, row: 3, value: "партнер" });
    expect(q(2).figures).toMatchObject({ shareOfWallet: 0.3, customers: 1 });
    expect(q(2).unread).toEqual({ count: 1, row: 3, value: "много" });
    expect(JSON.parse(stdout).healthCheck.columns).toEqual({ budget: "Budget", initiatedBy: "Initiated by", contact: "Phone" });
    const lapsed = JSON.parse(stdout).healthCheck.lapsed as { name: string; contact?: string }[];
    expect(lapsed.map((c) => [c.name, c.contact])).toEqual([["Anna", "79000000001"]]);
  });
});
