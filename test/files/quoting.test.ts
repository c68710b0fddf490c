// Quoting as spreadsheets write and read it: text after a closing quote belongs to the field, and a
// quote never swallows lines silently. Both readers (the preview's readTable, the command line's
// scanFile in 40-byte chunks) read each fixture alike, and the scanner does wherever a chunk ends.
// Expected fields and lines are worked out by hand.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvScanner } from "../../src/files/csv-scanner";
import { FileError } from "../../src/files/file-error";
import { fieldDecoder, recordTexts } from "../../src/files/fields";
import { readTable } from "../../src/files/read-table";
import { scanFile } from "../../src/files/scan-file";
import { writeFixture } from "../cli/helpers";
import { bothRead, bothRefuse, dir, report, scanned } from "./helpers";

/** The records of `text` scanned in two pieces cut at `cut`, or the error. */
function cutAt(text: string, cut: number): string[][] | { problem: string; line: number } {
  const rows: string[][] = [];
  const decode = fieldDecoder("utf-8");
  const scanner = new CsvScanner(0x2c, (record) => void rows.push(recordTexts(record, decode)));
  const bytes = Buffer.from(text);
  try {
    const consumed = scanner.scan(bytes.subarray(0, cut), false);
    scanner.scan(bytes.subarray(consumed), true);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    return { problem: error.problem, line: error.line };
  }
  return rows;
}

/** Every cut gives `expected`. */
function everyCut(text: string, expected: ReturnType<typeof cutAt>): void {
  for (let cut = 0; cut <= Buffer.byteLength(text); cut++) expect(cutAt(text, cut), `cut at ${cut}`).toEqual(expected);
}

describe("text after a closing quote", () => {
  const text = 'customer,date\n"Romashka" LLC,2024-01-05\n"Romashka" Inc,2024-01-06\n"say ""hi""" there,x\n"a"b"c",y\n';
  const expected = [
    ["customer", "date"],
    ["Romashka LLC", "2024-01-05"],
    ["Romashka Inc", "2024-01-06"],
    ['say "hi" there', "x"], // doubled quotes inside, then the text after
    ['ab"c"', "y"], // after the closing quote, quotes are text
  ];

  it("belongs to the field, as spreadsheets read it", async () => {
    expect((await bothRead("after-quote.csv", Buffer.from(text))).rows).toEqual(expected);
    everyCut(text, expected);
  });

  it('makes `"Romashka" LLC` and `"Romashka" Inc` two customers on the command line', async () => {
    // The third row spells the first customer without quotes: the same customer, back.
    const file = 'customer,date,amount\n"Romashka" LLC,2024-01-05,10\n"Romashka" Inc,2024-01-06,10\nRomashka LLC,2024-02-05,10\n';
    const parsed = JSON.parse((await report(writeFixture(dir, "romashka.csv", file))).stdout);
    expect([parsed.customers, parsed.firstPurchases, parsed.secondPurchases]).toEqual([2, 2, 1]);
  });
});

describe("a quote never swallows lines silently", () => {
  it("a quote that never closes stops the reading, naming the line it opened on", async () => {
    // Line 3 opens a quote before the date; nothing closes it.
    const text = 'customer,date\nAnna,2024-01-05\nOleg,"2024-01-06\nAnna,2024-02-05\nIra,2024-02-06\n';
    expect(await bothRefuse("unclosed.csv", Buffer.from(text))).toEqual({ problem: "unclosedQuote", line: 3 });
    everyCut(text, { problem: "unclosedQuote", line: 3 });
  });

  it("a quoted field that spans lines into a row of another width stops the reading, naming where it opened", async () => {
    // Line 3's stray quote runs to the one that opens "Vector" on line 5, whose row then has 4
    // fields, not 3: Oleg | 2024-01-06,2⏎Anna,2024-02-05,3⏎Vector | 2024-02-06 | 4.
    const text = 'customer,date,amount\nAnna,2024-01-05,1\nOleg,"2024-01-06,2\nAnna,2024-02-05,3\n"Vector",2024-02-06,4\n';
    expect(await bothRefuse("swallowing.csv", Buffer.from(text))).toEqual({ problem: "quotedRowWidth", line: 3 });
    everyCut(text, { problem: "quotedRowWidth", line: 3 });
  });

  it("measures a row's width by the data rows, whichever path reads them, not by the header", async () => {
    // Data rows end with a delimiter, so they have 5 fields where the header has 4; line 4's quoted
    // comment spans two lines in a row of 5 fields, like the rows before it: no stray quote. The
    // command line reads the simple rows on its one-pass path, which must still count their fields.
    const text = 'Customer;Date;Amount;Comment\nA;05.01.2024;10;x;\nB;06.01.2024;10;y;\nA;05.03.2024;10;"two\nlines";\nC;07.01.2024;5;z;\n';
    const path = writeFixture(dir, "trailing-delimiter.csv", text);
    expect(readTable(Buffer.from(text))).toHaveLength(5);
    for (const threads of [[], ["--threads", "2"]]) {
      const result = await report(path, threads);
      expect(result.exitCode, result.stderr).toBe(0);
      // A, B and C are new; A came back on 5 March.
      expect(JSON.parse(result.stdout)).toMatchObject({ rows: 4, firstPurchases: 3, secondPurchases: 1 });
    }
  });

  it("a quoted field over lines in a row of the right width is read", () => {
    const text = 'customer,note,amount\nAnna,"call\nafter 5",1\nOleg,,2\n';
    everyCut(text, [
      ["customer", "note", "amount"],
      ["Anna", "call\nafter 5", "1"],
      ["Oleg", "", "2"],
    ]);
  });

  it("the command line exits 1 naming the file and the line, instead of reporting 0 %", async () => {
    const file = 'customer,date,amount\nAnna,2024-01-05,1\nOleg,"2024-01-06,2\nAnna,2024-02-05,3\nOleg,2024-02-06,4\n';
    const path = writeFixture(dir, "stray-quote.csv", file);
    const result = await report(path);
    expect([result.exitCode, result.stdout]).toEqual([1, ""]);
    expect(result.stderr).toContain(`${path}, line 3`);
  });
});

describe("any bytes", () => {
  // Pieces of CSV, quotes, UTF-8 and Windows-1251 letters (Ан), a BOM's bytes and stray high bytes.
  const piece = fc.constantFrom(
    "a",
    "1",
    ",",
    ";",
    "\t",
    '"',
    '""',
    "\n",
    "\r\n",
    "Ан",
    "\xc0\xed",
    "\xff\xfe",
    "\xef\xbb\xbf",
    "\x98",
    " ",
  );
  const file = fc.array(piece, { maxLength: 40 }).map((pieces) => Buffer.from(pieces.join(""), "latin1"));
  const path = join(dir, "fuzz.csv");

  it("are read alike when a chunk ends inside bytes that start no character", async () => {
    // The 16-byte chunk ends after EF BB BF FF: FF starts no UTF-8 character, so the run is no UTF-8
    // (Windows-1251), as the whole file is; taking FF for a character cut in two made it UTF-8,
    // and the next chunk's FE was refused.
    const bytes = Buffer.from([97, 97, 34, 34, 16, 61, 16, 61, 97, 97, 16, 61, 0xef, 0xbb, 0xbf, 0xff, 0xfe]);
    writeFileSync(path, bytes);
    const whole = await scanned(path, 1 << 22);
    expect((await scanned(path, 16, whole.delimiter)).rows).toEqual(readTable(bytes));
  });

  it("are read alike by both readers, or refused by both with a FileError", async () => {
    await fc.assert(
      fc.asyncProperty(file, async (bytes) => {
        writeFileSync(path, bytes);
        const preview = outcome(() => readTable(bytes));
        // Chunks of 16 bytes, with the delimiter found as the first 4 MB chunk would: in the whole
        // file, after its byte order mark and any conversion from UTF-16.
        const whole = await scanned(path, 1 << 22).catch(() => undefined);
        const command = await scanned(path, 16, whole?.delimiter).then(
          (read) => read.rows,
          (error: unknown) => error,
        );
        if (Array.isArray(preview)) expect(command).toEqual(preview);
        else {
          expect(preview).toBeInstanceOf(FileError);
          expect(command).toBeInstanceOf(FileError);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

function outcome<T>(read: () => T): T | unknown {
  try {
    return read();
  } catch (error) {
    return error;
  }
}

describe("a handler that says stop", () => {
  it("is given no more records, and the file is read no further than the chunk it stopped in", async () => {
    // 40 records of 10 bytes in 40-byte chunks: the first chunk holds 4 records, the file 10 chunks.
    const path = join(dir, "stop.csv");
    writeFileSync(path, Array.from({ length: 40 }, (_, i) => `r${String(i).padStart(3, "0")},x,yy\n`).join(""));
    let records = 0;
    let chunks = 0;
    await scanFile(path, () => ({ delimiter: 0x2c, onRecord: () => ++records < 2, afterChunk: () => void chunks++ }), 40);
    expect({ records, chunks }).toEqual({ records: 2, chunks: 1 });
  });
});
