// The health check's settings in the sidebar's server: the trend threshold and the lapsed factor
// reach the analysis, the call list and the remembered settings, and bad values are refused with
// a message in the spreadsheet's language. The logs are those of test/cli/health-settings.test.ts,
// worked out there; here they are date cells in Moscow.

import { describe, expect, it } from "vitest";
import { analyzeSelection, copyLapsedCustomers, getSidebarState } from "../../src/addon/server";
import { checkSettings, DEFAULT_SETTINGS, parseRemembered } from "../../src/addon/settings";
import type { AnalysisRequest, AnalysisSettings } from "../../src/addon/sidebar-api";
import { analyzed, moscowDate, useFake } from "./helpers";

const MAPPING = { customer: 0, date: 1, amount: 2 };
const HEADER = ["Customer", "Date", "Amount"];

// Existing revenue, May–July 324 against February–April 300: +8 % (every month judged).
const TREND_LOG = [
  HEADER,
  ["A", moscowDate(2024, 1, 15), 100],
  ["A", moscowDate(2024, 2, 15), 100],
  ["A", moscowDate(2024, 3, 15), 100],
  ["A", moscowDate(2024, 4, 15), 100],
  ["A", moscowDate(2024, 5, 15), 108],
  ["A", moscowDate(2024, 6, 15), 108],
  ["A", moscowDate(2024, 7, 31), 108],
];

// L's usual gap is 10 days, gone 25 by 15 April; the median gap is 10: lapsed at factor 2, not at 3.
const LAPSED_LOG = [
  HEADER,
  ["L", moscowDate(2024, 3, 1), 50],
  ["L", moscowDate(2024, 3, 11), 50],
  ["L", moscowDate(2024, 3, 21), 50],
  ["M", moscowDate(2024, 4, 10), 20],
  ["M", moscowDate(2024, 4, 15), 20],
];

const request = (settings: Partial<AnalysisSettings>): AnalysisRequest => ({
  mapping: MAPPING,
  settings: { ...DEFAULT_SETTINGS, ordersStartWithBusiness: true, ...settings },
});

const question = (settings: Partial<AnalysisSettings>, id: number) =>
  analyzed(request(settings)).report.healthCheck!.questions.find((q) => q.id === id)!;

describe("the trend threshold in the sidebar", () => {
  it("judges +8 % flat at ±10 % (the default) and growing at ±5 %", () => {
    useFake({ sheets: { Orders: TREND_LOG } }, "Orders!A1");
    const byDefault = question({}, 3);
    expect(byDefault.trend).toMatchObject({ direction: "flat", recent: { value: 324 }, base: { value: 300 } });
    expect(question({ trendThresholdPercent: 10 }, 3).trend!.direction).toBe("flat");
    expect(question({ trendThresholdPercent: 5 }, 3).trend!.direction).toBe("growing");
    expect(question({ trendThresholdPercent: 7.5 }, 3).trend!.direction).toBe("growing");
  });
});

describe("the lapsed factor in the sidebar", () => {
  it("lists L at factor 2, and nobody at 3, in the report and in the call list", () => {
    const fake = useFake({ sheets: { Orders: LAPSED_LOG } }, "Orders!A1");
    const lapsed = (factor: number) => analyzed(request({ lapsedFactor: factor })).report.healthCheck!.lapsed;
    expect(lapsed(2).customers.map((c) => [c.name, c.usualGapDays, c.daysSinceLast])).toEqual([["L", 10, 25]]);
    expect(lapsed(2.4).count).toBe(1);
    expect(lapsed(2.5).count).toBe(0);
    expect(lapsed(3).count).toBe(0);
    expect(copyLapsedCustomers(request({ lapsedFactor: 3 }))).toEqual({ sheetName: null, customers: 0 });
    expect(copyLapsedCustomers(request({ lapsedFactor: 2 })).customers).toBe(1);
    expect(fake.spreadsheet.getSheets()).toHaveLength(2);
  });

  it("is remembered for the sheet with the other settings", () => {
    useFake({ sheets: { Orders: LAPSED_LOG } }, "Orders!A1");
    analyzed(request({ lapsedFactor: 2.5, trendThresholdPercent: 15 }));
    expect(getSidebarState().settings).toMatchObject({ lapsedFactor: 2.5, trendThresholdPercent: 15 });
  });
});

describe("checking the settings", () => {
  it("gives settings remembered before these two existed their defaults, 10 % and 2", () => {
    const older = JSON.stringify({ format: 2, columns: { customer: 1, date: 2 }, settings: { targetPercent: 70, period: "month" } });
    expect(parseRemembered(older)!.settings).toMatchObject({ targetPercent: 70, trendThresholdPercent: 10, lapsedFactor: 2 });
    expect(checkSettings({ ...DEFAULT_SETTINGS, trendThresholdPercent: undefined, lapsedFactor: undefined })).toMatchObject({
      trendThresholdPercent: 10,
      lapsedFactor: 2,
    });
  });

  it("accepts a threshold above 0 and below 100 and a factor above 1, and nothing else", () => {
    for (const good of [0.5, 5, 99.9])
      expect(checkSettings({ ...DEFAULT_SETTINGS, trendThresholdPercent: good }).trendThresholdPercent).toBe(good);
    for (const bad of [0, 100, -5, Number.NaN, "10" as never, null as never]) {
      expect(() => checkSettings({ ...DEFAULT_SETTINGS, trendThresholdPercent: bad }), String(bad)).toThrow("badTrendThreshold");
    }
    for (const good of [1.01, 2, 10]) expect(checkSettings({ ...DEFAULT_SETTINGS, lapsedFactor: good }).lapsedFactor).toBe(good);
    for (const bad of [1, 0.5, 0, -2, Number.POSITIVE_INFINITY, "2" as never]) {
      expect(() => checkSettings({ ...DEFAULT_SETTINGS, lapsedFactor: bad }), String(bad)).toThrow("badFactor");
    }
  });

  it("refuses a bad value sent to the server with a message in the spreadsheet's language", () => {
    useFake({ sheets: { Orders: LAPSED_LOG } }, "Orders!A1");
    expect(() => analyzeSelection(request({ lapsedFactor: 1 }))).toThrow(
      "lapsed_factor: «1» is not a factor above 1 (2 means gone more than twice their usual gap)",
    );
    expect(() => analyzeSelection(request({ trendThresholdPercent: 0 }))).toThrow(
      "trend_threshold: «0» is not a percentage between 0 and 100 (10 means a change beyond ±10 % is growth or a fall)",
    );
    useFake({ locale: "ru_RU", sheets: { Заказы: LAPSED_LOG } }, "Заказы!A1");
    expect(() => analyzeSelection(request({ lapsedFactor: 1 }))).toThrow(
      "lapsed_factor: «1» не множитель больше 1 (2 значит: клиента нет дольше двух его обычных интервалов)",
    );
  });
});
