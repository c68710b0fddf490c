// The line a CSV record starts on, for the record ordinals DuckDB gives (src/cli/duckdb/row-numbers.ts):
// worked out by hand on files with a preamble, empty lines, quoted line breaks and CRLF endings.

import { describe, expect, it } from "vitest";
import { firstRowsOfGroups, recordLines, type ProblemRow } from "../../src/cli/duckdb/row-numbers";
import { tempDir, writeFixture } from "../cli/helpers";

describe("recordLines", () => {
  it("counts records as DuckDB does: after the skipped lines, empty lines passed over, a quoted break kept in its record", async () => {
    const text = [
      "Exported 2024-03-05", // 1: preamble
      "a;b", // 2: header (DuckDB skips lines 1–2)
      "x;1", // 3: record 1
      "", // 4: empty, not a record
      'y;"two', // 5: record 2 starts here…
      'lines"', // 6: … and ends here
      "z;3", // 7: record 3
      "", // 8
      "", // 9
      "w;4", // 10: record 4
    ].join("\r\n");
    const file = writeFixture(tempDir(), "lines.csv", `${text}\r\n`);
    const lines = await recordLines(file, 0x3b, 2, [4, 1, 3, 2]);
    expect([...lines].sort(([a], [b]) => a - b)).toEqual([
      [1, 3],
      [2, 5],
      [3, 7],
      [4, 10],
    ]);
  });

  it("names nothing for an ordinal past the file's end", async () => {
    const file = writeFixture(tempDir(), "short.csv", "a,b\nx,1\n");
    expect(await recordLines(file, 0x2c, 1, [1, 5])).toEqual(new Map([[1, 2]]));
  });
});

describe("firstRowsOfGroups", () => {
  it("keeps as many first rows of each group as wanted and stops reading once every group has them", async () => {
    // Three rows of a reason with five (the report shows three), one of a reason with one, the
    // first order whose initiator names neither side (question 7 shows one).
    const wanted = new Map([
      ["badDate|date", 3],
      ["badAmount|amount", 1],
      ["unknownInitiator|initiatedBy", 1],
    ]);
    const row = (ordinal: number, key: string): ProblemRow => ({ file: 0, ordinal, key, value: ordinal });
    let chunksRead = 0;
    async function* chunks(): AsyncGenerator<ProblemRow[]> {
      const all = [
        [row(2, "badDate|date"), row(3, "unknownInitiator|initiatedBy"), row(4, "badDate|date")],
        [row(5, "unknownInitiator|initiatedBy"), row(7, "badAmount|amount"), row(9, "badDate|date")],
        [row(11, "badDate|date")], // every group is full before this chunk
      ];
      for (const chunk of all) {
        chunksRead++;
        yield chunk;
      }
    }
    const { first } = await firstRowsOfGroups(wanted, [chunks]);
    expect(first.get("badDate|date")!.map((each) => each.ordinal)).toEqual([2, 4, 9]);
    expect(first.get("badAmount|amount")!.map((each) => each.ordinal)).toEqual([7]);
    expect(first.get("unknownInitiator|initiatedBy")!.map((each) => each.ordinal)).toEqual([3]);
    expect(chunksRead).toBe(2);
  });

  it("lists the first rows of the keys asked for, up to a limit, reading on a bounded way past the groups' rows", async () => {
    const wanted = new Map([["badDate|date", 1]]);
    const row = (ordinal: number, key: string): ProblemRow => ({ file: 0, ordinal, key, value: ordinal });
    const all = [
      [row(2, "badAmount|amount"), row(3, "unknownInitiator|initiatedBy"), row(4, "badAmount|amount")],
      [row(5, "badDate|date"), row(7, "badAmount|amount")], // the group is full at ordinal 5
      [row(9, "badDate|date")],
    ];
    async function* chunks(): AsyncGenerator<ProblemRow[]> {
      yield* all;
    }
    const skipped = (key: string): boolean => key !== "unknownInitiator|initiatedBy";
    const ordinals = async (limit: number, readOn: number): Promise<number[]> =>
      (await firstRowsOfGroups(wanted, [chunks], { accepts: skipped, limit, readOn })).list.map((each) => each.ordinal);
    expect(await ordinals(3, 0)).toEqual([2, 4, 5]);
    // Not full: on up to ordinal 5 + readOn, and no further.
    expect(await ordinals(10, 0)).toEqual([2, 4, 5]);
    expect(await ordinals(10, 2)).toEqual([2, 4, 5, 7]);
    expect(await ordinals(10, 10)).toEqual([2, 4, 5, 7, 9]);
  });

  it("with several files, finds a group's rows in the next file, and reads on for the list only in the file the groups filled in", async () => {
    // Each file is numbered from its start, so ordinal 1 of the second file comes after ordinal 8 of the first.
    const wanted = new Map([
      ["badDate|date", 2],
      ["badAmount|amount", 1],
    ]);
    const row = (file: number, ordinal: number, key: string): ProblemRow => ({ file, ordinal, key, value: `${file}:${ordinal}` });
    const opened: number[] = [];
    const closed: number[] = [];
    const files = (contents: ProblemRow[][][]) =>
      contents.map((chunks, file) => {
        return async function* (): AsyncGenerator<ProblemRow[]> {
          opened.push(file);
          try {
            yield* chunks;
          } finally {
            // Where the engine's generator stops reading: told to return, or at its end.
            closed.push(file);
          }
        };
      });
    const read = async (contents: ProblemRow[][][], readOn: number) => {
      opened.length = 0;
      closed.length = 0;
      const { first, list } = await firstRowsOfGroups(wanted, files(contents), { accepts: () => true, limit: 10, readOn });
      return { first, list: list.map((each) => each.value), opened: [...opened], closed: [...closed] };
    };

    // Full at the second file's first row: on to its ordinal 11, so not its 40th (its reading told to
    // stop there, before its last chunk ends), and the third file is never opened.
    const across = await read(
      [
        [[row(0, 3, "badDate|date"), row(0, 8, "badAmount|amount")]],
        [[row(1, 1, "badDate|date"), row(1, 2, "badAmount|amount")], [row(1, 40, "badAmount|amount")]],
        [[row(2, 1, "badAmount|amount")]],
      ],
      10,
    );
    expect(across.first.get("badDate|date")!.map((each) => each.value)).toEqual(["0:3", "1:1"]);
    expect(across.first.get("badAmount|amount")!.map((each) => each.value)).toEqual(["0:8"]);
    expect(across.list).toEqual(["0:3", "0:8", "1:1", "1:2"]);
    expect(across.opened).toEqual([0, 1]);
    expect(across.closed).toEqual([0, 1]);

    // Full in the first file at ordinal 8: the second file, whose ordinal 1 is below 8 + 10, is not opened for the list.
    const within = await read(
      [[[row(0, 3, "badDate|date"), row(0, 5, "badDate|date"), row(0, 8, "badAmount|amount")]], [[row(1, 1, "badAmount|amount")]]],
      10,
    );
    expect(within.list).toEqual(["0:3", "0:5", "0:8"]);
    expect(within.opened).toEqual([0]);
  });
});
