// The health check's two settings on the command line, --trend-threshold and --lapsed-factor, on
// logs worked out by hand below; and the usage errors for values they cannot take.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeDuckDb } from "../sql/support";
import { cli, json, tempDir, writeFixture } from "./helpers";

const dir = tempDir();

// A bought first on 15 January 2024 (new revenue), then monthly. With the orders starting with the
// business every complete month is judged; the latest purchase, 31 July, completes July. Less than
// a year of months, so the last 3 (May–July: 108 × 3 = 324 from an existing customer) are compared
// with the 3 just before (February–April: 100 × 3 = 300): 324 ÷ 300 − 1 = +8 %. Within ±10 %
// that is flat; beyond ±5 % it is growth; +8 % exactly is not more than 8 %, so still flat.
const TREND_LOG = writeFixture(
  dir,
  "trend.csv",
  [
    "customer,date,amount",
    "A,2024-01-15,100",
    "A,2024-02-15,100",
    "A,2024-03-15,100",
    "A,2024-04-15,100",
    "A,2024-05-15,108",
    "A,2024-06-15,108",
    "A,2024-07-31,108",
  ].join("\n"),
);

// L buys on 1, 11 and 21 March 2024: usual gap (21 − 1) ÷ 2 = 10 days. M buys on 10 and 15 April,
// the latest day of the data. The gaps between purchases are 10, 10 and 5: median 10. By 15 April L
// has been gone 25 days: more than the median, more than 2 × 10 (lapsed at factor 2) but not more
// than 3 × 10, nor than 2.5 × 10 (25 is not more than 25). M has been gone 0 days.
const LAPSED_LOG = writeFixture(
  dir,
  "lapsed.csv",
  ["customer,date,amount", "L,2024-03-01,50", "L,2024-03-11,50", "L,2024-03-21,50", "M,2024-04-10,20", "M,2024-04-15,20"].join("\n"),
);

const question = (report: Record<string, any>, id: number): Record<string, any> =>
  report.healthCheck.questions.find((q: { id: number }) => q.id === id);

describe("--trend-threshold", () => {
  it("judges the same +8 % flat at ±10 % (the default) and at ±8 %, growing at ±5 %", async () => {
    const trend = async (...flags: string[]) =>
      question(await json(["report", TREND_LOG, "--orders-start-with-business", ...flags]), 3).trend;
    const byDefault = await trend();
    expect(byDefault.change).toBeCloseTo(0.08, 12);
    expect([byDefault.recent.value, byDefault.base.value, byDefault.basis]).toEqual([324, 300, "justBefore"]);
    expect(byDefault.direction).toBe("flat");
    expect((await trend("--trend-threshold", "8")).direction).toBe("flat");
    expect((await trend("--trend-threshold", "5")).direction).toBe("growing");
    expect((await trend("--trend-threshold", "7,5%")).direction).toBe("growing");
    // The report says which threshold it applied.
    const report = await json(["report", TREND_LOG, "--trend-threshold", "5%"]);
    expect(report.healthCheck.settings.trendThreshold).toBe(0.05);
  });

  it("rejects a threshold that is not above 0 and below 100, naming the flag and the value", async () => {
    for (const bad of ["0", "100", "150", "-5", "0x10", "five", "5%%", ""]) {
      // With "=", as a value starting with a dash must be given.
      const result = await cli(["report", TREND_LOG, `--trend-threshold=${bad}`]);
      expect(result.exitCode, bad).toBe(2);
      expect(result.stderr.split("\n")[0], bad).toBe(
        `sheets-retention: --trend-threshold: «${bad}» is not a percentage between 0 and 100 (10 means a change beyond ±10 % is growth or a fall)`,
      );
    }
    const russian = await cli(["report", TREND_LOG, "--trend-threshold", "0"], { LANG: "ru_RU.UTF-8" });
    expect(russian.stderr.split("\n")[0]).toBe(
      "sheets-retention: --trend-threshold: «0» не процент больше 0 и меньше 100 (10 значит: изменение больше чем на ±10 % — это рост или спад)",
    );
  });
});

describeDuckDb("--trend-threshold with --engine duckdb", () => {
  it("judges question 3 by it too", async () => {
    const direction = async (threshold: string) =>
      question(await json(["report", TREND_LOG, "--engine", "duckdb", "--orders-start-with-business", "--trend-threshold", threshold]), 3)
        .trend.direction;
    expect(await direction("10")).toBe("flat");
    expect(await direction("5")).toBe("growing");
  });
});

describe("--lapsed-factor", () => {
  const lapsed = async (...flags: string[]) => (await json(["report", LAPSED_LOG, ...flags])).healthCheck;

  it("lists L at factor 2 (the default) and 2.4, not at 2.5 or 3; question 5 counts the same", async () => {
    const byDefault = await lapsed();
    expect(byDefault.lapsed).toEqual([
      {
        name: "L",
        manager: "",
        lastPurchase: "2024-03-21",
        purchases: 3,
        usualGapDays: 10,
        daysSinceLast: 25,
        revenueAtStake: 150,
        contact: "",
      },
    ]);
    expect(byDefault.lapsedTotals).toMatchObject({ count: 1, repeatCustomers: 2, medianGapDays: 10, factor: 2 });
    expect(question({ healthCheck: byDefault }, 5).figures).toMatchObject({ lapsed: 1, repeatCustomers: 2 });
    expect((await lapsed("--lapsed-factor", "2.4")).lapsed).toHaveLength(1);
    for (const factor of ["2,5", "3"]) {
      const check = await lapsed("--lapsed-factor", factor);
      expect(check.lapsed, factor).toEqual([]);
      expect(question({ healthCheck: check }, 5).figures, factor).toMatchObject({ lapsed: 0, repeatCustomers: 2 });
    }
    expect((await lapsed("--lapsed-factor", "3")).settings.lapsedFactor).toBe(3);
  });

  it("sets the call list of --lapsed-csv too", async () => {
    const path = join(dir, "call-list.csv");
    const result = await cli(["report", LAPSED_LOG, "--lapsed-factor", "3", "--lapsed-csv", path]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(`Lapsed customers (0) written to ${path}`);
    expect(readFileSync(path, "utf8").trim().split("\n")).toHaveLength(1);
  });

  it("rejects a factor that is not above 1, naming the flag and the value", async () => {
    for (const bad of ["1", "0,5", "0", "-2", "two", "1e1", "2.5.1"]) {
      const result = await cli(["report", LAPSED_LOG, `--lapsed-factor=${bad}`]);
      expect(result.exitCode, bad).toBe(2);
      expect(result.stderr.split("\n")[0], bad).toBe(
        `sheets-retention: --lapsed-factor: «${bad}» is not a factor above 1 (2 means gone more than twice their usual gap)`,
      );
    }
    const russian = await cli(["report", LAPSED_LOG, "--lapsed-factor", "1"], { LANG: "ru_RU.UTF-8" });
    expect(russian.stderr.split("\n")[0]).toBe(
      "sheets-retention: --lapsed-factor: «1» не множитель больше 1 (2 значит: клиента нет дольше двух его обычных интервалов)",
    );
  });
});

describeDuckDb("--lapsed-factor with --engine duckdb", () => {
  it("lists L at factor 2.4, not at 2.5, as the streaming command does", async () => {
    const lapsed = async (factor: string) =>
      (await json(["report", LAPSED_LOG, "--engine", "duckdb", "--lapsed-factor", factor])).healthCheck;
    const listed = await lapsed("2.4");
    expect(listed.lapsed.map((customer: { name: string }) => customer.name)).toEqual(["L"]);
    expect(listed.settings.lapsedFactor).toBe(2.4);
    const none = await lapsed("2,5");
    expect(none.lapsed).toEqual([]);
    expect(question({ healthCheck: none }, 5).figures).toMatchObject({ lapsed: 0, repeatCustomers: 2 });
  });
});

describe("the health check's settings where nothing would apply them", () => {
  it("refuses them with --no-health", async () => {
    for (const flag of ["--trend-threshold", "--lapsed-factor"]) {
      const result = await cli(["report", LAPSED_LOG, flag, "3", "--no-health"]);
      expect(result.exitCode, flag).toBe(2);
      expect(result.stderr.split("\n")[0]).toBe(
        `sheets-retention: ${flag} is a setting of the health check, which --no-health leaves out; give one of them`,
      );
    }
  });

  it("lists both flags in --help, in English and in Russian", async () => {
    const english = (await cli(["--help"])).stdout;
    expect(english).toMatch(/--trend-threshold PERCENT\s+health check: a change beyond ±PERCENT is growth or a fall, default 10/);
    expect(english).toMatch(/--lapsed-factor N\s+health check: a customer gone more than N times their usual gap/);
    const russian = (await cli(["--help"], { LANG: "ru_RU.UTF-8" })).stdout;
    expect(russian).toMatch(/--trend-threshold ПРОЦЕНТ\s+проверка здоровья: изменение больше чем на ±ПРОЦЕНТ — рост или спад/);
    expect(russian).toMatch(/--lapsed-factor N\s+проверка здоровья: клиент ушёл, если его нет дольше N его обычных/);
  });
});
