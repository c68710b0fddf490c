// The sheet's headers as BigQuery names the columns of a CSV load, and the table path the user
// types. Expected names follow BigQuery's published rules (src/sql/bigquery-names.ts cites them):
// flexible column names keep letters, marks and digits of any script, "_", dashes, spaces and
// & % = + : ' < > # |; every other character becomes "_"; names are compared without case.

import { describe, expect, it } from "vitest";
import { bigQueryColumnNames, bigQueryTable, isBigQueryColumnName } from "../../src/sql/bigquery-names";

describe("bigQueryColumnNames", () => {
  it("keeps Russian headers, spaces, dashes and a leading digit, which flexible column names allow", () => {
    expect(bigQueryColumnNames(["Клиент", "Дата заказа", "E-mail", "1C code", "Order #", "Cafe\u0301"])).toEqual([
      "Клиент",
      "Дата заказа",
      "E-mail",
      "1C code",
      "Order #",
      "Cafe\u0301",
    ]);
  });

  it("keeps the ampersand a V2 load keeps (googleapis' own load test: &ampersand stays &ampersand)", () => {
    expect(bigQueryColumnNames(["name", "&ampersand"])).toEqual(["name", "&ampersand"]);
  });

  it("writes each character no column name may hold as an underscore: punctuation, brackets, symbols, line breaks", () => {
    expect(bigQueryColumnNames(["Сумма, руб.", "Amount ($)", "№ заказа", "Статус!", "Сумма\nс НДС", "a/b;c@d"])).toEqual([
      "Сумма_ руб_",
      "Amount ___",
      "_ заказа",
      "Статус_",
      "Сумма_с НДС",
      "a_b_c_d",
    ]);
  });

  it("trims the header and names an empty one by its position, as a load names a column without a header", () => {
    expect(bigQueryColumnNames(["  Менеджер ", "", "Amount"])).toEqual(["Менеджер", "string_field_1", "Amount"]);
  });

  it("gives a repeated name the first free suffix, comparing without case as BigQuery does", () => {
    expect(bigQueryColumnNames(["Customer", "customer", "CUSTOMER"])).toEqual(["Customer", "customer_1", "CUSTOMER_2"]);
    expect(bigQueryColumnNames(["x", "x_1", "x"])).toEqual(["x", "x_1", "x_2"]);
    // Two headers that differ only in what gets replaced meet after replacing.
    expect(bigQueryColumnNames(["Сумма, руб.", "Сумма; руб?"])).toEqual(["Сумма_ руб_", "Сумма_ руб__1"]);
  });

  it("cuts a name to 300 characters, counting characters rather than UTF-16 units", () => {
    const [name] = bigQueryColumnNames(["Я".repeat(301)]);
    expect(name).toBe("Я".repeat(300));
  });
});

describe("isBigQueryColumnName", () => {
  it("accepts what a flexible column name may be and refuses the rest", () => {
    expect(["Клиент", "Order date", "1C", "a&b"].map(isBigQueryColumnName)).toEqual([true, true, true, true]);
    expect(["", " Клиент", "a.b", "a`b", "x".repeat(301)].map(isBigQueryColumnName)).toEqual([false, false, false, false, false]);
  });
});

describe("bigQueryTable", () => {
  it("takes project.dataset.table and dataset.table, with a domain-scoped project too", () => {
    expect(bigQueryTable("my-project.shop.orders")).toBe("my-project.shop.orders");
    expect(bigQueryTable("  shop.orders ")).toBe("shop.orders");
    expect(bigQueryTable("example.com:my-project.shop.orders")).toBe("example.com:my-project.shop.orders");
    // Table names may hold letters of any script and spaces.
    expect(bigQueryTable("my-project.shop.заказы 2024")).toBe("my-project.shop.заказы 2024");
    // The console copies a name with backticks.
    expect(bigQueryTable("`my-project.shop.orders`")).toBe("my-project.shop.orders");
  });

  it("refuses a bare table, a wrong project or dataset, extra parts and SQL", () => {
    for (const typed of [
      "",
      "orders",
      "My-Project.shop.orders", // project IDs are lower case
      "proj.shop.orders", // a project ID has 6 to 30 characters
      "my-project-.shop.orders", // … and does not end with a hyphen
      "my-project.shop-eu.orders", // datasets hold letters, digits and underscores
      "a.b.c.d",
      "my-project.shop.orders; DROP TABLE x",
      "my-project.shop.",
    ])
      expect([typed, bigQueryTable(typed)]).toEqual([typed, null]);
  });
});
