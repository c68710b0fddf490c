// The preview's --data file may be a workbook: its first sheet, read by the CLI's reader, becomes
// the cells Sheets would have after opening the .xlsx.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inputLocale } from "../../src/core/cells";
import { readFirstSheet } from "../../src/files/read-workbook";
import { workbookCell } from "../../src/preview/sheet-cells";
import { tempDir } from "../cli/helpers";
import { row, xlsxBytes } from "./xlsx-fixtures";

describe("a workbook in the preview", () => {
  it("reads the first sheet's rows at their sheet rows, empty ones kept", async () => {
    // Row 3 is missing from the XML; 45352 is 2024-03-01 as a date number, styled as a date (s="1").
    const bytes = xlsxBytes({
      shared: ["Date", "Customer"],
      sheets: [
        {
          name: "Orders",
          rows:
            row(1, [
              ["A1", 't="s"', "<v>0</v>"],
              ["B1", 't="s"', "<v>1</v>"],
            ]) +
            row(2, [
              ["A2", 's="1"', "<v>45352</v>"],
              ["B2", 't="inlineStr"', "<is><t>05.03.2024</t></is>"],
            ]) +
            row(4, [["B4", "", "<v>7</v>"]]),
        },
        { name: "Other", rows: row(1, [["A1", "", "<v>1</v>"]]) },
      ],
    });
    const path = join(tempDir(), "orders.xlsx");
    writeFileSync(path, bytes);
    const rows = await readFirstSheet(path);
    expect(rows.map((cells) => cells.map((cell) => (cell instanceof Date ? cell.toISOString() : cell)))).toEqual([
      ["Date", "Customer"],
      ["2024-03-01T00:00:00.000Z", "05.03.2024"],
      [],
      [undefined, 7],
    ]);
  });

  it("keeps text as text and puts dates at midnight in the spreadsheet's zone", () => {
    const moscow = inputLocale("ru_RU", "Europe/Moscow");
    // A workbook's date carries its day in UTC fields; Moscow's midnight of 1 March is 21:00 UTC the day before.
    expect(workbookCell(new Date("2024-03-01T00:00:00Z"), moscow)).toEqual({
      value: new Date("2024-02-29T21:00:00Z"),
      numberFormat: "dd.MM.yyyy",
    });
    // Text in a workbook is not parsed, as Sheets does not parse it when it opens the file.
    expect(workbookCell("05.03.2024", moscow)).toEqual({ value: "05.03.2024" });
    expect(workbookCell(1234.5, moscow)).toEqual({ value: 1234.5, numberFormat: "#,##0.00" });
    expect(workbookCell(undefined, moscow)).toEqual({ value: "" });
  });
});
