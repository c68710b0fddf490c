import { describe, expect, it } from "vitest";
import { afterLineBreak, CsvScanner, unquotedFieldEnd } from "../../src/files/csv-scanner";

/** Scans `text` fed in pieces cut at `cuts`, the way the reader feeds chunks. */
function records(text: string, cuts: number[] = []): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  const scanner = new CsvScanner(0x2c, (r) => {
    const fields: string[] = [];
    for (let k = 0; k < r.count; k++) {
      const raw = r.bytes.toString("utf8", r.starts[k], r.ends[k]);
      fields.push(r.escaped[k] ? raw.replaceAll('""', '"') : raw);
    }
    out.push({ line: r.line, fields });
  });
  const bytes = Buffer.from(text, "utf8");
  let pending = Buffer.alloc(0);
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    pending = Buffer.concat([pending, bytes.subarray(from, cut)]);
    from = cut;
    const final = cut === bytes.length;
    pending = pending.subarray(scanner.scan(pending, final));
  }
  return out;
}

// RFC 4180 §2: quoted fields may hold commas, line breaks and doubled quotes.
const SAMPLE = 'a,b,c\r\n"x, y","say ""hi""",3\n"two\nlines",,\nlast,row,"end"';
const EXPECTED = [
  { line: 1, fields: ["a", "b", "c"] },
  { line: 2, fields: ["x, y", 'say "hi"', "3"] },
  { line: 3, fields: ["two\nlines", "", ""] },
  { line: 5, fields: ["last", "row", "end"] }, // the quoted line break makes the record after it line 5
];

describe("CsvScanner", () => {
  it("reads quoted fields, doubled quotes, CRLF and line breaks inside quotes", () => {
    expect(records(SAMPLE)).toEqual(EXPECTED);
  });

  it("gives the same records wherever the chunks are cut", () => {
    for (let cut = 1; cut < Buffer.byteLength(SAMPLE); cut++) expect(records(SAMPLE, [cut])).toEqual(EXPECTED);
  });

  it("reads an empty line as one empty field and a missing final newline as the end", () => {
    expect(records("a\n\nb")).toEqual([
      { line: 1, fields: ["a"] },
      { line: 2, fields: [""] },
      { line: 3, fields: ["b"] },
    ]);
  });
});

describe("simple records", () => {
  it("find their fields' and lines' ends", () => {
    const bytes = Buffer.from("ab;c\r\nd\re\r");
    expect(unquotedFieldEnd(bytes, 0, bytes.length, 0x3b)).toBe(2);
    expect(unquotedFieldEnd(bytes, 3, bytes.length, 0x3b)).toBe(4);
    expect(unquotedFieldEnd(bytes, 3, 4, 0x3b)).toBe(-1);
    expect(afterLineBreak(bytes, 4, bytes.length)).toBe(6);
    expect(afterLineBreak(bytes, 7, bytes.length)).toBe(-1); // a lone CR
    expect(afterLineBreak(bytes, 9, bytes.length)).toBe(-1); // a CR at the end of what was read
  });
});
