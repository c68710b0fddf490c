// The reading room as the preview uses it (readTable, a small file at once) and as the command line
// uses it (scanFile, a file in chunks): the same file gives both the same rows. Expected rows are
// written out by hand.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fieldDecoder, recordTexts } from "../../src/files/fields";
import { readTable } from "../../src/files/read-table";
import { scanFile } from "../../src/files/scan-file";
import { detectDelimiter } from "../../src/files/sniff";
import { encodeWindows1251 } from "../../bench/cp1251";
import { json, tempDir, writeFixture } from "../cli/helpers";

describe("readTable", () => {
  it("reads quoted fields with delimiters, doubled quotes and CRLF, semicolon-separated", () => {
    const text = 'a;b\n"x;y";"he said ""hi"""\r\n1;\n';
    expect(readTable(Buffer.from(text))).toEqual([
      ["a", "b"],
      ["x;y", 'he said "hi"'],
      ["1", ""],
    ]);
  });

  it("keeps a line break inside quotes and needs no trailing newline", () => {
    expect(readTable(Buffer.from('name,note\nAcme,"two\nlines"'))).toEqual([
      ["name", "note"],
      ["Acme", "two\nlines"],
    ]);
  });

  it("picks the delimiter that splits the lines alike, ignoring quoted ones", () => {
    // The first line has two commas but they are quoted; semicolons split both lines in three.
    expect(readTable(Buffer.from('"a,b,c";d;e\n1;2;3\n'))).toEqual([
      ["a,b,c", "d", "e"],
      ["1", "2", "3"],
    ]);
  });

  it("decodes UTF-8 (dropping a BOM) and falls back to Windows-1251", () => {
    expect(readTable(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual([["a"]]);
    // "Клиент" in Windows-1251: К CA, л EB, и E8, е E5, н ED, т F2 — not valid UTF-8.
    expect(readTable(new Uint8Array([0xca, 0xeb, 0xe8, 0xe5, 0xed, 0xf2]))).toEqual([["Клиент"]]);
  });
});

/** The rows as the command line reads the file: sniffed from its first chunk, scanned in chunks of 40 bytes (the header line fits the first, as the sniffer needs). */
async function rowsInChunks(path: string): Promise<string[][]> {
  const rows: string[][] = [];
  await scanFile(
    path,
    (first) => {
      const decode = fieldDecoder(first.encoding);
      return { delimiter: detectDelimiter(first.bytes), onRecord: (record) => void rows.push(recordTexts(record, decode)) };
    },
    40,
  );
  return rows;
}

describe("the preview and the command line read a file alike", () => {
  const dir = tempDir();
  const expected = [
    ["Клиент", "Дата", "Сумма"],
    ["Анна", "05.03.2024", "100,50"],
    ['ООО "Вектор"', "06.03.2024", "7"],
    ["Анна", "01.04.2024", "3"],
  ];
  const files = {
    tab: writeFixture(
      dir,
      "orders.tsv",
      'Клиент\tДата\tСумма\nАнна\t05.03.2024\t100,50\n"ООО ""Вектор"""\t06.03.2024\t7\nАнна\t01.04.2024\t3\n',
    ),
    comma: writeFixture(
      dir,
      "orders.csv",
      'Клиент,Дата,Сумма\r\nАнна,05.03.2024,"100,50"\r\n"ООО ""Вектор""",06.03.2024,7\r\nАнна,01.04.2024,3\r\n',
    ),
    semicolon: writeFixture(
      dir,
      "orders-1251.csv",
      encodeWindows1251('Клиент;Дата;Сумма\nАнна;05.03.2024;100,50\n"ООО ""Вектор""";06.03.2024;7\nАнна;01.04.2024;3\n'),
    ),
  };
  for (const [kind, path] of Object.entries(files)) {
    it(`gives the same rows of a ${kind}-separated file to both`, async () => {
      expect(readTable(readFileSync(path))).toEqual(expected);
      expect(await rowsInChunks(path)).toEqual(expected);
    });
  }

  it("and the command line's report of each counts the same two customers, one of them back", async () => {
    for (const path of Object.values(files)) {
      const report = await json(["report", path, "--locale", "ru_RU"]);
      expect([report.customers, report.secondPurchases]).toEqual([2, 1]);
    }
  });
});
