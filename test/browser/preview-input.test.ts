// The preview's CSV reader and how it turns CSV text into sheet cells (no browser needed).
// Expected values are worked out by hand in the comments.

import { describe, expect, it } from "vitest";
import { inputLocale } from "../../src/core/cells";
import { decodeCsvBytes, parseCsv, sniffDelimiter } from "../../src/preview/csv";
import { sheetCell } from "../../src/preview/sheet-cells";

describe("preview CSV reader", () => {
  it("reads quoted fields with delimiters, doubled quotes and CRLF, semicolon-separated", () => {
    const text = 'a;b\n"x;y";"he said ""hi"""\r\n1;\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b"],
      ["x;y", 'he said "hi"'],
      ["1", ""],
    ]);
  });

  it("keeps a line break inside quotes and needs no trailing newline", () => {
    expect(parseCsv('name,note\nAcme,"two\nlines"', ",")).toEqual([
      ["name", "note"],
      ["Acme", "two\nlines"],
    ]);
  });

  it("picks the delimiter the header line uses more, ignoring quoted ones", () => {
    expect(sniffDelimiter("a,b;c,d\n1;2")).toBe(","); // two commas, one semicolon
    expect(sniffDelimiter('"a,b,c";d;e\n')).toBe(";"); // the commas are quoted
  });

  it("decodes UTF-8 (dropping a BOM) and falls back to Windows-1251", () => {
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe("a");
    // "Клиент" in Windows-1251: К CA, л EB, и E8, е E5, н ED, т F2 — not valid UTF-8.
    expect(decodeCsvBytes(new Uint8Array([0xca, 0xeb, 0xe8, 0xe5, 0xed, 0xf2]))).toBe("Клиент");
  });
});

describe("preview CSV text → sheet cells", () => {
  const moscow = inputLocale("ru_RU", "Europe/Moscow");
  const newYork = inputLocale("en_US", "America/New_York");

  it("makes dates Date cells at local midnight in the spreadsheet's zone", () => {
    // Moscow is UTC+3 all year since 2014: 5 March 2024 00:00 there is 4 March 21:00 UTC.
    expect(sheetCell("05.03.2024", moscow)).toEqual({ value: new Date("2024-03-04T21:00:00Z"), numberFormat: "dd.MM.yyyy" });
    // New York is on EST (UTC−5) on 5 March 2024 (DST starts 10 March): midnight is 05:00 UTC.
    expect(sheetCell("2024-03-05", newYork)).toEqual({ value: new Date("2024-03-05T05:00:00Z"), numberFormat: "yyyy-MM-dd" });
  });

  it("leaves impossible dates and IDs as text", () => {
    expect(sheetCell("31.02.2023", moscow)).toEqual({ value: "31.02.2023" });
    expect(sheetCell("A-00001", moscow)).toEqual({ value: "A-00001" });
  });

  it("reads numbers the way the locale does", () => {
    expect(sheetCell("1 234,56", newYork).value).toBe(1234.56); // a space groups, so the comma is decimal
    expect(sheetCell("1,234", newYork).value).toBe(1234); // English: a thousands comma
    expect(sheetCell("1,234", moscow).value).toBe(1.234); // Russian: a decimal comma
    expect(sheetCell("990000.00", moscow)).toEqual({ value: 990000, numberFormat: "0" });
  });
});
