// The add-on menu and its items, against the in-memory SpreadsheetApp.

import { describe, expect, it } from "vitest";
import { menuClearHighlighting, menuHighlightToWinBack, onInstall, onOpen, showRetentionReport } from "../../src/addon/menu";
import * as main from "../../src/main";
import { moscowDate, ORDER_LOG, useFake } from "./helpers";

describe("onOpen", () => {
  it("builds the add-on menu in the spreadsheet's language, every item calling an exported function", () => {
    const fake = useFake({ locale: "ru_RU", sheets: { S: ORDER_LOG } });
    onOpen({ authMode: fake.globals.ScriptApp.AuthMode.LIMITED });
    expect(fake.ui.menus).toEqual([
      {
        caption: null,
        items: [
          { caption: "Открыть отчёт об удержании", functionName: "showRetentionReport" },
          "separator",
          { caption: "Подсветить клиентов, которых стоит вернуть", functionName: "menuHighlightToWinBack" },
          { caption: "Снять подсветку", functionName: "menuClearHighlighting" },
          "separator",
          { caption: "Создать шаблон журнала заказов", functionName: "createTemplate" },
          { caption: "Создать шаблон с примером заказов", functionName: "createTemplateWithSampleOrders" },
        ],
      },
    ]);
    for (const item of fake.ui.menus[0]!.items) {
      if (item !== "separator") expect(typeof (main as Record<string, unknown>)[item.functionName]).toBe("function");
    }
  });

  it("does not touch the spreadsheet in AuthMode.NONE: the user's locale picks the language", () => {
    const fake = useFake({ locale: "en_US", userLocale: "ru", sheets: { S: ORDER_LOG } });
    fake.authMode = "NONE";
    onInstall({ authMode: fake.globals.ScriptApp.AuthMode.NONE });
    expect(fake.calls.get("SpreadsheetApp.getActiveSpreadsheet")).toBe(0);
    expect(fake.ui.menus[0]!.items[0]).toEqual({ caption: "Открыть отчёт об удержании", functionName: "showRetentionReport" });
  });

  it("falls back to English when no locale can be read", () => {
    const fake = useFake({ userLocale: "", sheets: { S: [] } });
    fake.authMode = "NONE";
    onOpen({ authMode: fake.globals.ScriptApp.AuthMode.NONE });
    expect(fake.ui.menus[0]!.items[0]).toEqual({ caption: "Open retention report", functionName: "showRetentionReport" });
  });
});

describe("menu items", () => {
  it("opens the sidebar from the Sidebar file with a title in the spreadsheet's language", () => {
    const fake = useFake({ locale: "ru_RU", sheets: { S: [] }, readHtmlFile: (name) => `<p>${name}</p>` });
    showRetentionReport();
    const [sidebar] = fake.ui.sidebars;
    expect([sidebar!.fileName, sidebar!.getContent(), sidebar!.getTitle(), sidebar!.getWidth()]).toEqual([
      "Sidebar",
      "<p>Sidebar</p>",
      "Sheets Retention",
      300,
    ]);
  });

  it("highlights with the detected columns and says how many rows it marked", () => {
    const fake = useFake({ sheets: { Orders: ORDER_LOG } }, "Orders!A1");
    menuHighlightToWinBack();
    // Erin, February's new customer who never came back (January, the data's first month, is not
    // judged), and the lapsed Alice and Dan: see server.test.ts.
    expect(fake.sheet("Orders").describeRules()[0]!.ranges).toEqual(["A2:D2", "A6:D8", "A10:D10"]);
    expect(fake.ui.alerts).toEqual([
      "Highlighted 5 order rows of 3 customers to win back in A1:D10: new customers of the judged cohorts who never came back in time, and regular customers who have lapsed. Values and formatting are untouched; “Clear highlighting” removes it.",
    ]);
    menuClearHighlighting();
    menuClearHighlighting();
    expect(fake.ui.alerts.slice(1)).toEqual(["Highlighting removed.", "There was no highlighting to remove."]);
    expect(fake.sheet("Orders").describeRules()).toEqual([]);
  });

  it("says so when nobody is to be won back, and explains a failure instead of throwing", () => {
    // One customer, back after a day: nothing old enough to judge yet, and nobody lapsed.
    const fake = useFake(
      {
        locale: "ru_RU",
        sheets: {
          S: [
            ["Дата", "Клиент"],
            [moscowDate(2024, 1, 1), "Аня"],
            [moscowDate(2024, 1, 2), "Аня"],
          ],
        },
      },
      "S!A1",
    );
    menuHighlightToWinBack();
    expect(fake.ui.alerts[0]).toBe(
      "В A1:B3 возвращать некого: все новые клиенты оцениваемых когорт вернулись вовремя, и никто не пропал. Ничего не подсвечено.",
    );
    fake.select("S!A5"); // an empty cell
    menuHighlightToWinBack();
    expect(fake.ui.alerts[1]).toBe("Sheets Retention не удалось завершить работу: Диапазон A5 пуст: щёлкните внутри таблицы заказов.");
  });

  it("highlights nothing from columns it would only guess, and says to confirm them in the sidebar", () => {
    // "Customer" and "Client" name the customer equally well: which one is the user's to say.
    const tie = ORDER_LOG.map(([date, customer, amount], index) => [date, customer, index === 0 ? "Client" : "Shop", amount]);
    const fake = useFake({ sheets: { Orders: tie } }, "Orders!A1");
    menuHighlightToWinBack();
    expect(fake.ui.alerts).toEqual([
      "Sheets Retention could not finish: The columns of A1:D10 are not certain (no header names them, or two fit one role): open the retention report and confirm them under Columns.",
    ]);
    expect(fake.sheet("Orders").describeRules()).toEqual([]);
  });
});
