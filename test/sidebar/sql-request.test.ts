// The sidebar's settings as the SQL generator's request: what "SQL for BigQuery" sends to
// orderTableSql. Each expected request is written from the settings' meaning in
// src/addon/sidebar-api.ts, not from the code.

import { describe, expect, it } from "vitest";
import type { AnalysisSettings, RangeState } from "../../src/addon/sidebar-api";
import { sidebarSqlRequest } from "../../src/sidebar/sql-panel";

const RANGE: RangeState = {
  sheetName: "Сделки",
  rangeA1: "A1:F500",
  headers: ["Дата", "Клиент", "Сумма, руб.", "Менеджер", "Тип сделки", "Этап сделки"],
  mapping: { date: 0, customer: 1, amount: 2, manager: 3, dealType: 4 },
  dealTypes: ["Разовая", "Проект"],
  defaultDealType: "Проект",
  statusColumn: 5,
  statuses: [],
  doubts: [],
};

const SETTINGS: AnalysisSettings = {
  targetPercent: 60,
  period: "quarter",
  withinDays: null,
  ordersStartWithBusiness: true,
  excludeDealType: null,
  countedStatuses: null,
};

const NAMES = new Map([
  ["customer", "Клиент"],
  ["date", "Дата"],
  ["amount", "Сумма_ руб_"],
  ["manager", "Менеджер"],
  ["dealType", "Тип сделки"],
  ["status", "Этап сделки"],
] as const);

const TEXT_TABLE = { table: "shop.deals", names: NAMES, dateType: "text" } as const;

const MOSCOW = { timeZone: "Europe/Moscow", cellLocale: { slashOrder: "DMY", decimalComma: true } } as const;

describe("sidebarSqlRequest", () => {
  it("leaves out the column's project deal type by default, counts the completed statuses, and takes the sheet's zone and locale", () => {
    // A TIMESTAMP date column: its day is taken in the spreadsheet's zone.
    expect(
      sidebarSqlRequest({ settings: SETTINGS, range: RANGE }, MOSCOW, { table: "shop.deals", names: NAMES, dateType: "timestamp" }),
    ).toEqual({
      dialect: "bigquery",
      table: "shop.deals",
      columns: {
        customer: "Клиент",
        date: "Дата",
        amount: "Сумма_ руб_",
        manager: "Менеджер",
        dealType: "Тип сделки",
        status: "Этап сделки",
      },
      dateType: "timestamp",
      amountType: "text",
      excludeDealTypes: ["Проект"],
      countedStatuses: undefined,
      target: 0.6,
      period: "quarter",
      withinDays: undefined,
      ordersStartWithBusiness: true,
      timeZone: "Europe/Moscow",
      locale: { slashOrder: "DMY", decimalComma: true },
    });
  });

  it("passes the statuses ticked, the days typed, and leaves nothing out when the user chose so", () => {
    const settings: AnalysisSettings = {
      ...SETTINGS,
      withinDays: 45,
      excludeDealType: "",
      countedStatuses: ["Успешно реализовано", "Оплачено"],
    };
    expect(sidebarSqlRequest({ settings, range: RANGE }, MOSCOW, TEXT_TABLE)).toMatchObject({
      excludeDealTypes: [],
      countedStatuses: ["Успешно реализовано", "Оплачено"],
      withinDays: 45,
    });
    // A deal type the user picked is left out instead of the default.
    expect(sidebarSqlRequest({ settings: { ...SETTINGS, excludeDealType: "Разовая" }, range: RANGE }, MOSCOW, TEXT_TABLE)).toMatchObject({
      excludeDealTypes: ["Разовая"],
    });
  });

  it("writes question 5's statements with the lapsed factor of the settings, the default 2 without one", () => {
    expect(sidebarSqlRequest({ settings: { ...SETTINGS, lapsedFactor: 3 }, range: RANGE }, MOSCOW, TEXT_TABLE).lapsedFactor).toBe(3);
    expect(sidebarSqlRequest({ settings: SETTINGS, range: RANGE }, MOSCOW, TEXT_TABLE).lapsedFactor).toBeUndefined();
  });
});
