import { describe, expect, it } from "vitest";
import { inputLocale } from "../../src/core/cells";
import { detectLayout, detectTextLayout } from "../../src/core/columns";

const en = inputLocale("en_US", "UTC");
const ru = inputLocale("ru_RU", "Europe/Moscow");
const rowsOf = (lines: string, delimiter = ","): string[][] =>
  lines
    .trim()
    .split("\n")
    .map((line) => line.split(delimiter));

describe("columns proposed from the contents of a file without a header", () => {
  it("CDNOW's lines: two zero-padded ids, a YYYYMMDD day, a quantity, an amount", () => {
    // ../shared/datasets/CDNOW_sample.txt, its first lines with the spaces made commas.
    const rows = rowsOf(`
00004,0001,19970101,2,29.33
00004,0001,19970118,2,29.73
00004,0001,19970802,1,14.96
00018,0002,19970101,1,11.77
00021,0003,19970101,1,10.99`);
    const layout = detectTextLayout(rows, en);
    expect(layout.headerRow).toBe(-1);
    // Ids with leading zeros are text; the fractions column comes before the whole numbers.
    expect(layout.candidates).toEqual({ customer: [0, 1], date: [2], amount: [4, 3] });
    expect(layout.mapping).toEqual({ customer: 0, date: 2, amount: 4 });
  });

  it("a YYYYMMDD number in a sheet is no date: only a text file's 8 digits are", () => {
    const sheet = [
      ["Ann", 19970101, 5.5],
      ["Bob", 19970102, 7.25],
    ];
    expect(detectLayout(sheet, en).candidates).toEqual({ customer: [0], amount: [2, 1] });
  });

  it("dates as the locale writes them, amounts with a decimal comma, names as text", () => {
    const rows = rowsOf(
      `
05.03.2024;Анна;1 234,56;12
06.03.2024;Борис;800,00;3`,
      ";",
    );
    expect(detectTextLayout(rows, ru).candidates).toEqual({ date: [0], customer: [1], amount: [2, 3] });
  });

  it("a column is proposed when 4 of 5 sampled cells fit, not 3", () => {
    const fourOfFive = rowsOf("a,2024-01-01\nb,2024-01-02\nc,2024-01-03\nd,2024-01-04\ne,soon");
    expect(detectTextLayout(fourOfFive, en).candidates?.date).toEqual([1]);
    const threeOfFive = rowsOf("a,2024-01-01\nb,2024-01-02\nc,2024-01-03\nd,later\ne,soon");
    expect(detectTextLayout(threeOfFive, en).candidates).toEqual({ customer: [0, 1] });
  });

  it("a header naming the customer and the date proposes nothing", () => {
    const layout = detectTextLayout(rowsOf("Customer,Date,Amount\n00004,2024-01-01,5"), en);
    expect(layout).toMatchObject({ headerRow: 0, mapping: { customer: 0, date: 1, amount: 2 } });
    expect(layout.candidates).toBeUndefined();
  });
});

describe("a plain Name column", () => {
  it("is the customer of a hand-made sheet, but never a product's name, and an email outweighs it", () => {
    expect(detectTextLayout(rowsOf("name,date,amount\nAnna,2024-01-01,1"), en)).toMatchObject({
      headerRow: 0,
      mapping: { customer: 0, date: 1 },
    });
    expect(detectTextLayout(rowsOf("Имя;Дата\nАнна;01.01.2024", ";"), ru)).toMatchObject({
      headerRow: 0,
      mapping: { customer: 0, date: 1 },
    });
    // No column names a customer: "Product name" is not taken as one.
    expect(detectTextLayout(rowsOf("Product name,Date\nPen,2024-01-01"), en).headerRow).toBe(-1);
    expect(detectTextLayout(rowsOf("Name,Email,Created at\n#1001,a@example.com,2024-01-01"), en).mapping.customer).toBe(1);
  });
});

describe("an email column beside a customer's name", () => {
  const header = "Клиент;Дата;Сумма;Почта";

  it("is the customer when it names one on every order, as a unique identifier", () => {
    const rows = rowsOf(`${header}\nАнна;01.01.2024;10;anna@example.com\nАнна;02.02.2024;10;anna@example.com`, ";");
    expect(detectTextLayout(rows, ru).mapping).toEqual({ customer: 3, date: 1, amount: 2 });
  });

  it("leaves the customer to the name when it is typed on some orders only", () => {
    // The email on each customer's first order only: as the customer it would leave 2 of 4 orders
    // with none, where «Клиент» names one on all 4.
    const rows = rowsOf(
      `${header}\nАнна;01.01.2024;10;anna@example.com\nАнна;02.02.2024;10;\nБорис;03.01.2024;5;boris@example.com\nБорис;04.02.2024;5;`,
      ";",
    );
    expect(detectTextLayout(rows, ru).mapping).toEqual({ customer: 0, date: 1, amount: 2 });
  });
});
