// The line a CSV record starts on, for the record ordinals DuckDB gives (duckdb-row-numbers.ts):
// worked out by hand on files with a preamble, empty lines, quoted line breaks and CRLF endings.

import { describe, expect, it } from "vitest";
import { firstRowsOfGroups, recordLines, type ProblemRow } from "../../src/cli/duckdb-row-numbers";
import type { SkippedGroup } from "../../src/cli/report-command";
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
  const group = (count: number): SkippedGroup => ({ problem: { code: "badDate", value: "" }, count, examples: [], sameValue: true });

  it("keeps each group's first three rows and stops reading once every group has them", async () => {
    const groups = new Map([
      ["badDate|date", group(5)],
      ["badAmount|amount", group(1)],
    ]);
    const row = (ordinal: number, key: string): ProblemRow => ({ ordinal, key, value: ordinal });
    let chunksRead = 0;
    async function* chunks(): AsyncGenerator<ProblemRow[]> {
      const all = [
        [row(2, "badDate|date"), row(4, "badDate|date")],
        [row(7, "badAmount|amount"), row(9, "badDate|date")],
        [row(11, "badDate|date")], // every group is full before this chunk
      ];
      for (const chunk of all) {
        chunksRead++;
        yield chunk;
      }
    }
    const first = await firstRowsOfGroups(groups, chunks());
    expect(first.get("badDate|date")!.map((each) => each.ordinal)).toEqual([2, 4, 9]);
    expect(first.get("badAmount|amount")!.map((each) => each.ordinal)).toEqual([7]);
    expect(chunksRead).toBe(2);
  });
});
