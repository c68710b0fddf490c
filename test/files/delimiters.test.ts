// Pipe-separated and space-aligned files, found by the sniffer or named with --delimiter.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CsvScanner } from "../../src/files/csv-scanner";
import { delimiterFromFlag, detectDelimiter } from "../../src/files/sniff";
import { DATASETS, describeDataset } from "../support/datasets";
import { writeFixture } from "../cli/helpers";
import { dir, report } from "./helpers";

const [PIPE, SPACE, COMMA, SEMICOLON] = [0x7c, 0x20, 0x2c, 0x3b];

/** Space-aligned records of `text` fed in two pieces cut at `cut`, as chunks are. */
function spaced(text: string, cut: number): string[][] {
  const rows: string[][] = [];
  const scanner = new CsvScanner(SPACE, (record) => {
    const fields: string[] = [];
    for (let k = 0; k < record.count; k++) fields.push(record.bytes.toString("latin1", record.starts[k], record.ends[k]));
    rows.push(fields);
  });
  const bytes = Buffer.from(text, "latin1");
  const rest = bytes.subarray(scanner.scan(bytes.subarray(0, cut), false), cut);
  scanner.scan(Buffer.concat([rest, bytes.subarray(cut)]), true);
  return rows;
}

describe("delimiters", () => {
  it("finds the delimiter of the longest run of lines split alike, past a title (1C, Excel)", () => {
    // A 1C report: a title, the organisation (with a comma), a blank line, then semicolons, with a
    // decimal comma in every amount. Semicolons split the header and both rows alike (3 lines of
    // 2); commas split the organisation line and the two rows once each, but not the header between.
    const export1c = (columns: string[]) =>
      [
        "Продажи за 2024 год",
        "Организация: ООО Ромашка, Москва",
        "",
        columns.join(";"),
        ["Анна", "05.03.2024", "1 234,56"].slice(-columns.length).join(";"),
        ["Борис", "06.03.2024", "99,90"].slice(-columns.length).join(";"),
      ].join("\r\n");
    expect(detectDelimiter(Buffer.from(export1c(["Контрагент", "Дата", "Сумма"])))).toBe(SEMICOLON);
    // Two columns: one semicolon and one comma a row; only the header tells them apart.
    expect(detectDelimiter(Buffer.from(export1c(["Дата", "Сумма"])))).toBe(SEMICOLON);
    expect(detectDelimiter(Buffer.from("Sales report\ncustomer,date,amount\nAnna,2024-01-01,5\n"))).toBe(COMMA);
  });

  it("finds a pipe, and reads --delimiter | and pipe", () => {
    expect(detectDelimiter(Buffer.from("customer|date|amount\nAnna|2024-01-01|1,5\nBoris|2024-01-02|2\n"))).toBe(PIPE);
    expect([delimiterFromFlag("|"), delimiterFromFlag("pipe"), delimiterFromFlag("PIPE")]).toEqual([PIPE, PIPE, PIPE]);
  });

  it("finds columns aligned with spaces only when no other delimiter splits every line alike", () => {
    const cdnow = " 00001 19970101  1  11.77\r\n 00002 19970112  1  12.00\r\n 00002 19970112  5  77.00\r\n";
    expect(detectDelimiter(Buffer.from(cdnow))).toBe(SPACE);
    // Spaces inside fields of a semicolon file: the semicolon splits every line alike.
    expect(detectDelimiter(Buffer.from("Клиент;Сумма\nИван Петров;1 234,56\nООО Ромашка;10 000\n"))).toBe(SEMICOLON);
    // One word a line: nothing to split; the comma stands, as before.
    expect(detectDelimiter(Buffer.from("Anna\nBoris\n"))).toBe(COMMA);
    expect([delimiterFromFlag(" "), delimiterFromFlag("space")]).toEqual([SPACE, SPACE]);
  });

  it("reads a run of spaces as one separator, leading and trailing spaces as none, wherever a chunk ends", () => {
    const text = "  a  b c \r\n\n   \nd    e\n f";
    // Line 2 is empty and line 3 only spaces: one empty field each, as a blank CSV line.
    const expected = [["a", "b", "c"], [""], [""], ["d", "e"], ["f"]];
    for (let cut = 0; cut <= text.length; cut++) expect(spaced(text, cut)).toEqual(expected);
  });

  it("reads a pipe-separated file on the command line", async () => {
    const path = writeFixture(dir, "orders.psv", "Customer|Date|Amount\nAnna|2024-01-01|10\nAnna|2024-02-01|5\nBoris|2024-01-03|7\n");
    const parsed = JSON.parse((await report(path)).stdout);
    // Anna bought on two days, Boris on one.
    expect(parsed).toMatchObject({ delimiter: "|", customers: 2, firstPurchases: 2, secondPurchases: 1 });
  });
});

describeDataset("CDNOW_master.txt", "space-aligned CDNOW log", () => {
  it("reads CDNOW's space-aligned master log with --delimiter ' ' and column numbers", async () => {
    // A separate, naive count: split each line at spaces, distinct days per customer.
    const lines = readFileSync(join(DATASETS, "CDNOW_master.txt"), "latin1").trim().split(/\r?\n/).slice(1);
    const days = new Map<string, Set<string>>();
    for (const line of lines) {
      const [customer, date] = line.trim().split(/ +/);
      if (!days.has(customer!)) days.set(customer!, new Set());
      days.get(customer!)!.add(date!);
    }
    const returned = [...days.values()].filter((set) => set.size >= 2).length;
    // The README: 69,659 rows by 23,570 customers.
    expect([lines.length, days.size]).toEqual([69_659, 23_570]);
    for (const flags of [["--delimiter", " "], []]) {
      const result = await report(join(DATASETS, "CDNOW_master.txt"), [...flags, "--customer", "1", "--date", "2", "--amount", "4"]);
      expect(result.stderr).toBe("");
      expect(JSON.parse(result.stdout)).toMatchObject({
        delimiter: " ",
        headerLine: 1,
        rows: 69_659,
        orders: 69_659,
        skippedRowCount: 0,
        customers: 23_570,
        firstPurchases: 23_570,
        secondPurchases: returned,
        firstDate: "1997-01-01",
        lastDate: "1998-06-30",
      });
    }
  });
});
