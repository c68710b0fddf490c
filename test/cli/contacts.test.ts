// The call list's contacts on the command line: a plain contact cell is kept as its place in the
// file and tidied only for the customers a report shows; any other is tidied as the row is read.
// Either way a customer's contact is the latest non-blank one by day, then by row order, in one
// thread or two, in UTF-8 or Windows-1251, and the same as the sidebar's (analyzeTable).

import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeTable } from "../../src/core/analyze-table";
import type { HealthCheck } from "../../src/core/health/health-check";
import { parseInvocation } from "../../src/cli/options";
import { runReport, Tally, type ReportIo } from "../../src/cli/report-command";
import { CsvScanner } from "../../src/files/csv-scanner";
import { fieldDecoder, recordTexts } from "../../src/files/fields";
import { seededRandom } from "../../src/lib/seeded-random";
import { cp1251, queuedCounter, tempDir, writeFixture } from "./helpers";

const HEADER = "customer,date,amount,phone";

// Worked by hand. The latest day is 2024-12-01 (Vera's one purchase). Each of the others bought
// on two days 60 days apart and last in March or April: gone 230 days or more, over twice their
// gap and over the median gap (60), so all five are lapsed. Rows are in no date order.
//   Anna:  2024-03-10 «first@x.ru», then (earlier day, later row) 2024-01-10 «old@example.com»,
//          then 2024-03-10 «second@x.ru» (same day, later row: wins), «#N/A», spaces, a blank.
//   Boris: 2024-02-01 «Boris "B" <b@x.ru>» quoted with doubled quotes; 2024-04-01 a blank, «#REF!».
//   Gleb:  2024-02-05 «+7 900  доб. 5» (two spaces: tidied to one); 2024-04-05 spaces only.
//   Dina:  2024-04-10 «Дина@почта.рф», then 2024-02-10 «dina@old.ru» (earlier day: loses).
//   Egor:  2024-04-15 «  +7 900 111  » (tidied), then the same day a no-break space alone.
const ROWS = [
  "Anna,2024-03-10,10,first@x.ru",
  "Vera,2024-12-01,70,vera@x.ru",
  "Anna,2024-01-10,10,old@example.com",
  "Boris,2024-04-01,20,",
  "Anna,2024-03-10,10,second@x.ru",
  'Boris,2024-02-01,20,"Boris ""B"" <b@x.ru>"',
  "Anna,2024-03-10,10,#N/A",
  "Gleb,2024-02-05,30,+7 900  доб. 5",
  "Dina,2024-04-10,40,Дина@почта.рф",
  "Anna,2024-03-10,10,   ",
  "Boris,2024-04-01,20,#REF!",
  "Gleb,2024-04-05,30,   ",
  "Dina,2024-02-10,40,dina@old.ru",
  "Egor,2024-04-15,50,  +7 900 111  ",
  "Anna,2024-01-10,10,",
  "Egor,2024-02-15,50,",
  "Egor,2024-04-15,50,\u00a0",
];
const EXPECTED = [
  ["Anna", "second@x.ru"],
  ["Boris", 'Boris "B" <b@x.ru>'],
  ["Dina", "Дина@почта.рф"],
  ["Egor", "+7 900 111"],
  ["Gleb", "+7 900 доб. 5"],
];
const csv = (rows: readonly string[]): string => `${[HEADER, ...rows].join("\n")}\n`;

async function report(content: Buffer, threads: 1 | 2, io: ReportIo = {}) {
  const file = writeFixture(tempDir(), "orders.csv", content);
  const invocation = parseInvocation(["report", file, "--threads", String(threads)], {});
  if (invocation.kind !== "report") throw new Error("not a report");
  return (await runReport(invocation.options, io)).report;
}

const callList = (check: HealthCheck | undefined): string[][] =>
  check!.lapsed.customers.map((c) => [c.name, c.contact]).sort(([a], [b]) => a!.localeCompare(b!));

/** The sidebar's call list from the same rows. */
function sidebarCallList(text: string): string[][] {
  const rows: string[][] = [];
  const decode = fieldDecoder("utf-8");
  new CsvScanner(",".charCodeAt(0), (record) => void rows.push(recordTexts(record, decode))).scan(Buffer.from(text), true);
  const { report } = analyzeTable(rows, {
    mapping: { customer: 0, date: 1, amount: 2 },
    headers: rows[0]!,
    headerRow: 0,
    firstRowNumber: 1,
    health: { columns: { contact: 3 } },
    locale: ruOrEnLocale(),
    settings: { target: 0.67, period: "month", withinDays: undefined, window: undefined, columns: {} },
  });
  return callList(report.healthCheck);
}

function ruOrEnLocale() {
  const invocation = parseInvocation(["report", "orders.csv"], {});
  if (invocation.kind !== "report") throw new Error("not a report");
  return invocation.options.locale;
}

/** Two threads, played in-process, with chunks small enough to split the rows into many batches. */
const twoThreads = (): ReportIo => queuedCounter(2, 64).io;

describe("the call list's contacts", () => {
  it("the sidebar gives the hand-worked call list", () => {
    expect(sidebarCallList(csv(ROWS))).toEqual(EXPECTED);
  });

  it.each([
    ["one thread", 1, () => ({})],
    ["two threads", 2, twoThreads],
  ] as const)("the latest by day, then by row, in UTF-8 with %s", async (_, threads, io) => {
    expect(callList((await report(Buffer.from(csv(ROWS)), threads, io())).healthCheck)).toEqual(EXPECTED);
  });

  // Windows-1251 has a no-break space (A0) that the helper does not write: Egor's last row is an error value instead.
  const rows1251 = ROWS.map((row) => row.replace("\u00a0", "#DIV/0!"));
  const text1251 = csv([...rows1251, 'Anna,2024-03-10,10,"+7 ""Ромашка"" анна@x.ru"']);
  const expected1251 = [["Anna", '+7 "Ромашка" анна@x.ru'], ...EXPECTED.slice(1)];

  it.each([
    ["one thread", 1, () => ({})],
    ["two threads", 2, twoThreads],
  ] as const)("the same in Windows-1251 with %s, Cyrillic and doubled quotes in a cell kept as a place", async (_, threads, io) => {
    expect(sidebarCallList(text1251)).toEqual(expected1251);
    expect(callList((await report(cp1251(text1251), threads, io())).healthCheck)).toEqual(expected1251);
  });

  it("reads no contact back from a file changed after it was read, with two threads", async () => {
    const file = writeFixture(tempDir(), "orders.csv", Buffer.from(csv(ROWS)));
    const invocation = parseInvocation(["report", file, "--threads", "2"], {});
    if (invocation.kind !== "report") throw new Error("not a report");
    // The counting thread as queuedCounter plays it, but the file is rewritten before the report is made.
    const io: ReportIo = {
      parallelism: 2,
      chunkBytes: 64,
      countElsewhere: (options, capacity) => {
        const tally = new Tally(options, capacity);
        return {
          add: async (batch, encoding) => tally.add(batch, encoding),
          reuse: () => undefined,
          finish: async (read) => {
            writeFileSync(file, csv(ROWS.map((row) => row.replace("@", "#"))));
            return tally.report(read);
          },
          cancel: () => undefined,
        };
      },
    };
    await expect(runReport(invocation.options, io)).rejects.toMatchObject({ problem: "fileChangedAfterRead" });
  });
});

/** Rows whose contacts change over time, in every form: plain, quoted, tidied, blank, error values, non-ASCII. */
function changingContacts(rows: number, seed: number): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) {
    const n = Math.floor(random() * rows * 0.05);
    const v = Math.floor(random() * 1000);
    const date = `2024-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
    const contact = pick([
      "",
      "",
      `+7 900 ${v}`,
      `c${n}.${v}@x.ru`,
      `"""Q"" ${v}"`,
      `  +7  900 ${v} `,
      `имя${v}@почта.рф`,
      `+7 доб. ${v}`,
      "#N/A",
      " #REF! ",
      "   ",
      "\u00a0",
      `\u00a0${v}`,
    ]);
    lines.push(`Client ${n},${date},${v},${contact}`);
  }
  return csv(lines);
}

describe("the call list's contacts against the sidebar's, on rows in no order", () => {
  const text = changingContacts(4_000, 7);
  const expected = sidebarCallList(text);

  it("the sidebar's list is worth comparing: many lapsed customers, most with a contact", () => {
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.filter(([, contact]) => contact !== "").length).toBeGreaterThan(expected.length / 2);
  });

  it.each([
    ["one thread", 1, () => ({})],
    ["two threads", 2, twoThreads],
  ] as const)("gives the sidebar's contacts with %s", async (_, threads, io) => {
    expect(callList((await report(Buffer.from(text), threads, io())).healthCheck)).toEqual(expected);
  });
});
