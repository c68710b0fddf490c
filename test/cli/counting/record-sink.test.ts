import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { inputLocale, isSheetError } from "../../../src/core/cells";
import { CsvScanner } from "../../../src/files/csv-scanner";
import { KeyBytes } from "../../../src/cli/counting/key-bytes";
import { RecordSink } from "../../../src/cli/counting/record-sink";
import type { NameSource } from "../../../src/cli/counting/order-writer";
import { FileError } from "../../../src/files/file-error";
import { fieldDecoder } from "../../../src/files/fields";

const COMMA = 0x2c;

/** A sink for customer, date, whose orders go nowhere. */
function sinkOfOrders(): RecordSink {
  return new RecordSink(
    { key: new KeyBytes("utf-8"), add: () => undefined },
    {
      mapping: { customer: 0, date: 1 },
      columnNames: {},
      locale: inputLocale("en_US", "UTC"),
      delimiter: COMMA,
      decode: fieldDecoder("utf-8"),
      onSkippedRow: () => undefined,
    },
  );
}

/**
 * Where the scanner starts each record of `bytes`, and the end; none when the scanner refuses
 * them (a quoted field over lines in a row of another width than the one before).
 */
function recordStarts(bytes: Buffer): number[] {
  const starts: number[] = [];
  try {
    new CsvScanner(COMMA, (record) => void starts.push(record.start)).scan(bytes, true);
  } catch (error) {
    if (error instanceof FileError) return [];
    throw error;
  }
  return [...starts, bytes.length];
}

const field = fc.constantFrom("", "Ann", "b c", "2024-03-05", "05.03.2024", '"Ann"', '"a""b"', 'x"y', '"a,b"', '"a\nb"');
const lineBreak = fc.constantFrom("\n", "\r\n", "\r");
const plainFields = fc.tuple(
  fc.constantFrom("Ann", "b  C"),
  fc.constantFrom("2024-03-05", "05.03.2024"),
  fc.array(field, { maxLength: 2 }),
);
const fields = fc.oneof(
  plainFields.map(([name, date, more]) => [name, date, ...more]),
  fc.array(field, { minLength: 1, maxLength: 4 }),
);
const csv = fc
  .array(fc.tuple(fields, lineBreak), { maxLength: 8 })
  .map((records) => records.map(([fields, end]) => fields.join(",") + end).join(""));

describe("the one-pass reader of simple records", () => {
  it("takes a record whole, ending where the scanner's record ends, or leaves it to the scanner", () => {
    let taken = 0;
    fc.assert(
      fc.property(csv, fc.nat(200), (text, cut) => {
        const bytes = Buffer.from(text);
        const limit = Math.min(cut, bytes.length);
        const starts = recordStarts(bytes);
        const sink = sinkOfOrders();
        for (let k = 0; k + 1 < starts.length; k++) {
          const next = sink.readSimpleRecord(bytes, starts[k]!, limit, k + 1);
          // Taken only when it ends where the scanner says, before what was read runs out.
          if (next >= 0) expect([next, next <= limit]).toEqual([starts[k + 1], true]);
          if (next >= 0) taken++;
        }
      }),
      { numRuns: 3000 },
    );
    expect(taken).toBeGreaterThan(1000);
  });
});

describe("the manager column", () => {
  it("gives each order its own row's manager, however many managers take turns in the recent slots", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(40), fc.constantFrom("\n", "\r\n")), { minLength: 1, maxLength: 200 }),
        fc.array(fc.string({ unit: fc.constantFrom("a", "B", "Ж", " ", "#", "/"), maxLength: 7 }), { minLength: 1, maxLength: 40 }),
        (rows, names) => {
          // Managers as exports write them: plain, quoted, sheet error values, blank, long.
          const pool = [...names, "#N/A", '"Anna ""B"""', "", "x".repeat(70)];
          const cell = (k: number): string => pool[k % pool.length]!;
          const text = rows.map(([k, end]) => `Ann,2024-03-05,1.5,${cell(k)}${end}`).join("");
          const managers: (string | undefined)[] = [];
          const sink = new RecordSink(
            { key: new KeyBytes("utf-8"), add: (_day, _amount, manager) => void managers.push(manager) },
            {
              mapping: { customer: 0, date: 1, amount: 2, manager: 3 },
              columnNames: {},
              locale: inputLocale("en_US", "UTC"),
              delimiter: COMMA,
              decode: fieldDecoder("utf-8"),
              onSkippedRow: () => undefined,
            },
          );
          new CsvScanner(COMMA, sink.onRecord, sink.readSimpleRecord, () => sink.simpleFields).scan(Buffer.from(text), true);
          // The cell's text (a quoted one unquoted), or none for an error value: the core's way.
          const expected = rows.map(([k]) => {
            const raw = cell(k);
            const unquoted = raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw;
            return isSheetError(unquoted) ? undefined : unquoted;
          });
          expect(managers).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("rows with the health check's own columns", () => {
  // Line 1: a quoted comment over two lines (the scanner's); lines 3–5 plain (the one-pass reader's).
  // Line 4's budget «lots» and line 5's initiator «partner» cannot be read: each is named by its line.
  const text = [
    'Ann,2024-03-05,10,100,outbound,+7 900,"call\nafter 5"',
    "Bob,2024-03-06,5,,inbound,,",
    "Ann,2024-03-07,7,lots,outbound,,",
    "Cid,2024-03-08,1,3,partner,x@y.z,",
    "",
  ].join("\n");

  function read(sink: RecordSink): number {
    let taken = 0;
    const readSimple = (bytes: Buffer, pos: number, end: number, line: number): number => {
      const next = sink.readSimpleRecord(bytes, pos, end, line);
      if (next >= 0) taken++;
      return next;
    };
    new CsvScanner(COMMA, sink.onRecord, readSimple, () => sink.simpleFields).scan(Buffer.from(text), true);
    return taken;
  }

  /** A contact the sink left as a cell: its bytes as they are. */
  const cellOf = ({ record, column }: NameSource): string =>
    Buffer.from(record!.bytes.subarray(record!.starts[column], record!.ends[column])).toString();

  it("take the one-pass reader, with their details and their file lines", () => {
    const details: unknown[] = [];
    const sink = new RecordSink(
      {
        key: new KeyBytes("utf-8"),
        add: (_day, _amount, _manager, _name, cells, contactCell) =>
          void details.push({ ...cells, ...(contactCell && { contact: `cell ${cellOf(contactCell)}` }) }),
      },
      {
        mapping: { customer: 0, date: 1, amount: 2 },
        columnNames: {},
        locale: inputLocale("en_US", "UTC"),
        delimiter: COMMA,
        decode: fieldDecoder("utf-8"),
        onSkippedRow: () => undefined,
        healthColumns: { budget: 3, initiatedBy: 4, contact: 5 },
      },
    );
    expect(read(sink)).toBe(3);
    expect(details).toEqual([
      { startedByCompany: true, budget: 100, contact: "cell +7 900" },
      { startedByCompany: false, budget: undefined, contact: undefined },
      { startedByCompany: true, budget: undefined, contact: undefined },
      { startedByCompany: false, budget: 3, contact: "cell x@y.z" },
    ]);
    expect(sink.detailProblems).toEqual({
      unreadableBudgets: 1,
      firstUnreadableBudget: { row: 4, value: "lots" },
      unknownInitiators: 1,
      firstUnknownInitiator: { row: 5, value: "partner" },
      // outbound, inbound, outbound: the initiators that name a side.
      knownInitiators: 3,
    });
  });
});
