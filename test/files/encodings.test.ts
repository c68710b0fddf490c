// Encodings as people's files have them: UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's
// "Unicode text"), Windows-1251, decided by the first non-ASCII bytes however late they come, and
// bytes that contradict the choice stopping the reading at their line. The preview (readTable) and
// the command line (scanFile, here in chunks of 40 bytes) read each fixture alike. Fixtures are
// bytes made by hand; expected rows and lines are counted by hand.

import { describe, expect, it } from "vitest";
import { bothRead, bothRefuse, dir, report, scanned } from "./helpers";
import { cp1251, writeFixture } from "../cli/helpers";

const ascii = (text: string): Buffer => Buffer.from(text, "latin1");
/** "Анна" and "Олег" in Windows-1251: А C0 н ED н ED а E0, О CE л EB е E5 г E3. */
const ANNA_1251 = [0xc0, 0xed, 0xed, 0xe0];
const OLEG_1251 = [0xce, 0xeb, 0xe5, 0xe3];
/** "Анна" in UTF-8: А D0 90, н D0 BD, н D0 BD, а D0 B0. */
const ANNA_UTF8 = [0xd0, 0x90, 0xd0, 0xbd, 0xd0, 0xbd, 0xd0, 0xb0];

describe("UTF-16 with a byte order mark (Excel's Unicode text)", () => {
  // name<TAB>date<LF>Аня<TAB>1<LF>, by hand: each character two bytes, low byte first in LE.
  const le = Buffer.from([
    0xff, 0xfe, 0x6e, 0x00, 0x61, 0x00, 0x6d, 0x00, 0x65, 0x00, 0x09, 0x00, 0x64, 0x00, 0x61, 0x00, 0x74, 0x00, 0x65, 0x00, 0x0a, 0x00,
    0x10, 0x04, 0x3d, 0x04, 0x4f, 0x04, 0x09, 0x00, 0x31, 0x00, 0x0a, 0x00,
  ]);
  const expected = [
    ["name", "date"],
    ["Аня", "1"],
  ];

  it("reads little-endian as its columns, not as «яю»", async () => {
    expect(await bothRead("le.txt", le)).toEqual({ rows: expected, encoding: "utf-8" });
  });

  it("reads big-endian alike", async () => {
    const be = Buffer.from(le);
    be.swap16(); // FF FE becomes FE FF, and every character high byte first
    expect(await bothRead("be.txt", be)).toEqual({ rows: expected, encoding: "utf-8" });
  });

  it("refuses a lone surrogate, naming its line", async () => {
    // Line 2 holds 0xD800, half of a pair, alone.
    const bad = Buffer.concat([le.subarray(0, 22), Buffer.from([0x00, 0xd8, 0x31, 0x00, 0x0a, 0x00])]);
    expect(await bothRefuse("lone-surrogate.txt", bad)).toEqual({ problem: "invalidUtf16", line: 2 });
  });

  it("gives the command line a report of a tab-separated export, on one thread and on two", async () => {
    const text = "Customer\tDate\tAmount\nАнна\t2024-01-05\t10\nОлег\t2024-01-07\t5\nАнна\t2024-02-05\t10\n";
    const path = writeFixture(dir, "export.txt", Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(text, "utf16le")]));
    for (const threads of ["1", "2"]) {
      const result = await report(path, ["--threads", threads]);
      expect(result.stderr).toBe("");
      const parsed = JSON.parse(result.stdout);
      expect([parsed.columns.customer, parsed.customers, parsed.secondPurchases]).toEqual(["Customer", 2, 1]);
    }
  });
});

describe("the first non-ASCII bytes decide the encoding", () => {
  // Two header-and-ASCII lines of 21 bytes each, so that with 40-byte chunks the names come late.
  const prefix = "name,date\nJohn Smith,2024-01-01\nJohn Smith,2024-01-02\n";

  it("reads Windows-1251 names that come after chunks of ASCII, without merging names of one length", async () => {
    const bytes = Buffer.concat([ascii(prefix), Buffer.from(ANNA_1251), ascii(",1\n"), Buffer.from(OLEG_1251), ascii(",2\n")]);
    const { rows, encoding } = await bothRead("late-1251.csv", bytes);
    expect(encoding).toBe("windows-1251");
    expect(rows.slice(3)).toEqual([
      ["Анна", "1"],
      ["Олег", "2"],
    ]);
  });

  it("reads UTF-8 names that come late as UTF-8", async () => {
    const bytes = Buffer.concat([ascii(prefix), Buffer.from(ANNA_UTF8), ascii(",1\n")]);
    const { rows, encoding } = await bothRead("late-utf8.csv", bytes);
    expect([encoding, rows[3]]).toEqual(["utf-8", ["Анна", "1"]]);
  });

  it("counts the late Windows-1251 names as two customers on the command line", async () => {
    const rows = Array.from({ length: 28 }, (_, i) => `John Smith,2024-01-${String(i + 1).padStart(2, "0")},1\n`).join("");
    const bytes = Buffer.concat([
      ascii(`name,date,amount\n${rows}`),
      Buffer.from(ANNA_1251),
      ascii(",2024-02-01,1\n"),
      Buffer.from(OLEG_1251),
      ascii(",2024-02-01,1\n"),
    ]);
    const parsed = JSON.parse((await report(writeFixture(dir, "late-1251-report.csv", bytes))).stdout);
    expect([parsed.encoding, parsed.customers]).toEqual(["windows-1251", 3]);
  });

  it("keeps a UTF-8 byte order mark out of the first column's name", async () => {
    const { rows } = await bothRead("bom.csv", Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), Buffer.from("Клиент,x\n")]));
    expect(rows).toEqual([["Клиент", "x"]]);
  });
});

describe("bytes that contradict the encoding stop the reading at their line", () => {
  it("a Windows-1251 line after UTF-8 ones", async () => {
    // Line 1 header, line 2 UTF-8 (decides), line 3 ASCII, line 4 Windows-1251.
    const bytes = Buffer.concat([ascii("name,n\n"), Buffer.from(ANNA_UTF8), ascii(",1\nJohn,2\n"), Buffer.from(ANNA_1251), ascii(",3\n")]);
    expect(await bothRefuse("utf8-then-1251.csv", bytes)).toEqual({ problem: "invalidUtf8", line: 4 });
  });

  it("a UTF-8 line after Windows-1251 ones", async () => {
    const bytes = Buffer.concat([ascii("name,n\n"), Buffer.from(OLEG_1251), ascii(",1\nJohn,2\n"), Buffer.from(ANNA_UTF8), ascii(",3\n")]);
    expect(await bothRefuse("1251-then-utf8.csv", bytes)).toEqual({ problem: "utf8InWindows1251", line: 4 });
  });

  it("exit 1 on the command line, naming the file and the line, instead of a wrong report", async () => {
    const rows = Array.from({ length: 28 }, (_, i) => `Анна,2024-01-${String(i + 1).padStart(2, "0")},1\n`).join("");
    const bytes = Buffer.concat([Buffer.from(`name,date,amount\n${rows}`), Buffer.from(OLEG_1251), ascii(",2024-02-01,1\n")]);
    const path = writeFixture(dir, "mixed-report.csv", bytes);
    const result = await report(path);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`${path}, line 30`);
    expect(result.stdout).toBe("");
  });
});

describe("the encoding reported is the file's own", () => {
  it("says utf-16le or utf-16be for a UTF-16 file, not the UTF-8 it was read as", async () => {
    const text = "Customer,Date\nAnna,2024-01-05\n";
    const le = Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    for (const [name, bytes, encoding] of [
      ["le.csv", le, "utf-16le"],
      ["be.csv", be, "utf-16be"],
    ] as const) {
      const result = await report(writeFixture(dir, `reported-${name}`, bytes));
      expect(JSON.parse(result.stdout).encoding).toBe(encoding);
    }
  });
});

describe("a UTF-8 line in a Windows-1251 file", () => {
  // In Windows-1251 these begin D1 B8 (Сё), D1 A8 (СЁ), end D1 BB (С»), hold D0 A8 (РЁ): bytes
  // that also begin Cyrillic letters in UTF-8, and must not be taken for UTF-8.
  const real = "Клиент;Дата\nСёмин;01.01.2024\nООО «ВЕС»;02.01.2024\nСЁМИН;03.01.2024\nТОРЁ;04.01.2024\n";

  it("is not seen in real Windows-1251 text whose bytes look like UTF-8 Cyrillic in places", async () => {
    const { rows, encoding } = await bothRead("1251-lookalikes.csv", cp1251(real));
    expect(encoding).toBe("windows-1251");
    expect(rows.map((row) => row[0])).toEqual(["Клиент", "Сёмин", "ООО «ВЕС»", "СЁМИН", "ТОРЁ"]);
  });

  it("is caught when it has none of о, е, а, и (Крутых), naming its line", async () => {
    const bytes = Buffer.concat([cp1251(real), Buffer.from("Крутых;05.01.2024\n", "utf8")]);
    expect(await bothRefuse("1251-then-utf8.csv", bytes)).toEqual({ problem: "utf8InWindows1251", line: 6 });
  });
});

describe("a UTF-8 character cut by the end of the first chunk", () => {
  // Ж is D0 96 and 葉 E8 91 89 in UTF-8: with chunks of 1 to 4 bytes and 0 to 3 ASCII bytes before
  // it, the chunk's end falls inside the character every way it can.
  for (const prefix of ["", "a", "ab", "abc"]) {
    it(`still reads as UTF-8, after «${prefix}», with chunks of 1 to 4 bytes`, async () => {
      const text = `${prefix}Ж葉,1\nx,2\n`;
      for (let chunk = 1; chunk <= 4; chunk++) {
        const path = writeFixture(dir, `cut-${prefix.length}-${chunk}.csv`, Buffer.from(text, "utf8"));
        const read = await scanned(path, chunk, 0x2c);
        expect([read.encoding, read.rows]).toEqual([
          "utf-8",
          [
            [`${prefix}Ж葉`, "1"],
            ["x", "2"],
          ],
        ]);
      }
    });
  }

  it("still reads Windows-1251 as Windows-1251 with chunks of 1 byte", async () => {
    const path = writeFixture(dir, "cut-1251.csv", Buffer.from([...ANNA_1251, 0x2c, 0x31, 0x0a]));
    expect(await scanned(path, 1, 0x2c)).toMatchObject({ encoding: "windows-1251", rows: [["Анна", "1"]] });
  });
});
