// The in-memory SpreadsheetApp behaves like Sheets where the add-on and the template rely on it.

import { describe, expect, it } from "vitest";
import vm from "node:vm";
import { createFakeSheets, formatA1, installFakeGlobals, parseA1 } from "../../src/fake-sheets";

describe("A1 notation", () => {
  it("parses cells, ranges, open-ended ranges and quoted sheet names", () => {
    expect(parseA1("B3", 1000, 26).bounds).toEqual({ row: 3, column: 2, numRows: 1, numColumns: 1 });
    expect(parseA1("A1:C10", 1000, 26).bounds).toEqual({ row: 1, column: 1, numRows: 10, numColumns: 3 });
    // "A:C" runs to the last row of the grid (1000 here); "2:5" to the last column (26 = Z).
    expect(parseA1("A:C", 1000, 26).bounds).toEqual({ row: 1, column: 1, numRows: 1000, numColumns: 3 });
    expect(parseA1("2:5", 1000, 26).bounds).toEqual({ row: 2, column: 1, numRows: 4, numColumns: 26 });
    // AA is column 27.
    expect(parseA1("'My ''data'''!$AA$2", 1000, 30)).toEqual({
      sheetName: "My 'data'",
      bounds: { row: 2, column: 27, numRows: 1, numColumns: 1 },
    });
    expect(() => parseA1("nonsense!", 1000, 26)).toThrow(/Range not found/);
  });

  it("formats bounds back", () => {
    expect(formatA1({ row: 2, column: 1, numRows: 1, numColumns: 1 })).toBe("A2");
    expect(formatA1({ row: 2, column: 26, numRows: 3, numColumns: 2 })).toBe("Z2:AA4");
  });
});

describe("ranges", () => {
  it("reads and writes values, formulas and formats; '=' makes a formula and a leading ' forces text", () => {
    const fake = createFakeSheets({ sheets: { Data: [["a", 1]] } });
    const sheet = fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Data")!;
    sheet.getRange(2, 1, 1, 3).setValues([["=SUM(B1)", "'=not a formula", 5]]);
    expect(sheet.getRange("A1:C2").getValues()).toEqual([
      ["a", 1, ""],
      ["", "=not a formula", 5],
    ]);
    expect(sheet.getRange("A2:C2").getFormulas()).toEqual([["=SUM(B1)", "", ""]]);
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:C2");
    expect(() => sheet.getRange("A1:B1").setValues([[1, 2, 3]])).toThrow(/number of columns/);
    expect(() => sheet.getRange(1001, 1)).toThrow(/outside the dimensions/);
  });

  it("shows dates in the spreadsheet's time zone with the number format", () => {
    const fake = createFakeSheets({ timeZone: "Europe/Moscow", sheets: { S: [[new Date("2024-03-04T22:30:00Z"), 0.675]] } });
    const range = fake.globals.SpreadsheetApp.getActiveSheet().getRange("A1:B1");
    range.setNumberFormats([["dd.MM.yyyy", "0.0%"]]);
    // 22:30 UTC is 01:30 on 5 March in Moscow (UTC+3); 0.675 is 67.5 %.
    expect(range.getDisplayValues()).toEqual([["05.03.2024", "67.5%"]]);
  });

  it("finds the data region around a cell like Ctrl+A, diagonals included", () => {
    const rows = [
      ["Name", "Date", ""],
      ["a", 1, ""],
      ["", "", 7], // touches B2 diagonally, so it joins the block
      ["", "", ""],
      ["x", "", ""], // separated by an empty row
    ];
    const fake = createFakeSheets({ sheets: { S: rows } });
    const sheet = fake.globals.SpreadsheetApp.getActiveSheet();
    expect(sheet.getRange("A2").getDataRegion().getA1Notation()).toBe("A1:C3");
    expect(sheet.getRange("A5").getDataRegion().getA1Notation()).toBe("A5");
    expect(sheet.getRange("B1").getDataRegion(fake.globals.SpreadsheetApp.Dimension.ROWS).getA1Notation()).toBe("B1:B3");
  });
});

describe("spreadsheet, sheets and rules", () => {
  it("inserts sheets, refusing a duplicate name like Sheets", () => {
    const fake = createFakeSheets({ sheets: { Orders: [] } });
    const spreadsheet = fake.globals.SpreadsheetApp.getActive();
    const template = spreadsheet.insertSheet("Template");
    expect(spreadsheet.getActiveSheet().getName()).toBe("Template");
    expect(spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual(["Orders", "Template"]);
    expect(() => spreadsheet.insertSheet("Template")).toThrow(/already exists/);
    template.setFrozenRows(1);
    expect(template.getFrozenRows()).toBe(1);
  });

  it("builds conditional format rules and describes them as plain data", () => {
    const fake = createFakeSheets({ sheets: { S: [] } });
    const app = fake.globals.SpreadsheetApp;
    const sheet = app.getActiveSheet();
    const boolean = app
      .newConditionalFormatRule()
      .whenNumberLessThan(0.67)
      .setBackground("#f4c7c3")
      .setRanges(sheet.getRangeList(["A2:A5", "C7"]).getRanges())
      .build();
    const gradient = app
      .newConditionalFormatRule()
      .setGradientMinpointWithValue("#ff0000", app.InterpolationType.NUMBER, "0")
      .setGradientMaxpointWithValue("#00ff00", app.InterpolationType.NUMBER, "1")
      .setRanges([sheet.getRange("B2:B9")])
      .build();
    sheet.setConditionalFormatRules([boolean, gradient]);
    expect(sheet.getConditionalFormatRules()[0]!.getBooleanCondition()!.getCriteriaValues()).toEqual([0.67]);
    expect(fake.sheet("S").describeRules()).toEqual([
      {
        criteria: "NUMBER_LESS_THAN",
        criteriaValues: [0.67],
        background: "#f4c7c3",
        fontColor: null,
        bold: null,
        gradient: null,
        ranges: ["A2:A5", "C7"],
      },
      {
        criteria: null,
        criteriaValues: [],
        background: null,
        fontColor: null,
        bold: null,
        gradient: {
          min: { color: "#ff0000", type: app.InterpolationType.NUMBER, value: "0" },
          max: { color: "#00ff00", type: app.InterpolationType.NUMBER, value: "1" },
        },
        ranges: ["B2:B9"],
      },
    ]);
    expect(() => app.newConditionalFormatRule().setBackground("#fff").build()).toThrow(/condition/);
  });

  it("keeps data validation and developer metadata", () => {
    const fake = createFakeSheets({ sheets: { S: [] } });
    const app = fake.globals.SpreadsheetApp;
    const sheet = app.getActiveSheet();
    const rule = app.newDataValidation().requireDate().setAllowInvalid(false).setHelpText("A date").build();
    sheet.getRange("A2:A3").setDataValidation(rule);
    expect(sheet.getRange("A3").getDataValidations()[0]![0]!.getHelpText()).toBe("A date");
    sheet.addDeveloperMetadata("k", "v");
    const [metadata] = sheet.getDeveloperMetadata();
    expect([metadata!.getKey(), metadata!.getValue()]).toEqual(["k", "v"]);
    metadata!.remove();
    expect(sheet.getDeveloperMetadata()).toEqual([]);
  });
});

describe("call counting", () => {
  it("counts each method call by type, chained calls included, and not the fake's own calls", () => {
    const fake = createFakeSheets({
      sheets: {
        S: [
          [1, 2],
          [3, 4],
        ],
      },
    });
    const app = fake.globals.SpreadsheetApp;
    app.getUi().createAddonMenu().addItem("x", "f").addSeparator().addToUi();
    app.getActiveSheet().getDataRange().getValues();
    expect(fake.calls.snapshot()).toEqual({
      "Menu.addItem": 1,
      "Menu.addSeparator": 1,
      "Menu.addToUi": 1,
      "Range.getValues": 1,
      "Sheet.getDataRange": 1, // calls lastRow/lastColumn internally: not counted
      "SpreadsheetApp.getActiveSheet": 1,
      "SpreadsheetApp.getUi": 1,
      "Ui.createAddonMenu": 1,
    });
    expect(fake.ui.menus).toEqual([{ caption: null, items: [{ caption: "x", functionName: "f" }, "separator"] }]);
  });
});

describe("inside a node:vm context", () => {
  it("serves code from another realm, storing its Dates as they are", () => {
    const context = vm.createContext({});
    const fake = installFakeGlobals(context, createFakeSheets({ sheets: { S: [] } }));
    const result = vm.runInContext(
      `const range = SpreadsheetApp.getActiveSheet().getRange("A1:B1");
       range.setValues([[new Date(Date.UTC(2024, 0, 2)), "x"]]);
       const values = range.getValues();
       [Array.isArray(values), values[0][0] instanceof Date, values[0][1]]`,
      context,
    ) as unknown[];
    // The Date was made by the vm's Date constructor, so `instanceof Date` holds there.
    expect(result).toEqual([true, true, "x"]);
    expect(fake.sheet("S").grid.value(1, 1)).not.toBeInstanceOf(Date);
    expect(fake.calls.get("Range.setValues")).toBe(1);
  });

  it("refuses spreadsheet access in AuthMode.NONE but still offers the UI", () => {
    const fake = createFakeSheets();
    fake.authMode = "NONE";
    expect(() => fake.globals.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/permission/);
    expect(() => fake.globals.SpreadsheetApp.getUi().createAddonMenu()).not.toThrow();
  });
});
