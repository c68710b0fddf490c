// The health check's sentences as every surface words them (src/presentation/health-check.ts), on
// figures worked out by hand.

import { describe, expect, it } from "vitest";
import type { HealthQuestion, ReportTrend } from "../../src/core/health/questions";
import { healthAnswers } from "../../src/presentation/health-check";

const NBSP = "\u00a0";

describe("question 1's sentence", () => {
  // Existing customers brought 600 of 1,000 in April–June 2024: a share of 0.6. A year before, 0.5
  // of the revenue: (0.6 − 0.5) ÷ 0.5 = +20 %, beyond the ±10 % threshold, so the share is growing,
  // and the sentence gives the 50 % it was, not the relative +20 % (which would read as points).
  const growing: ReportTrend = {
    direction: "growing",
    change: 0.2,
    recent: { from: "2024-04", to: "2024-06", value: 0.6 },
    base: { from: "2023-04", to: "2023-06", value: 0.5 },
    basis: "yearBefore",
  };
  const question = (trend: ReportTrend): HealthQuestion => ({
    id: 1,
    verdict: "watch",
    figures: { existingShare: 0.6, existingRevenue: 600, newRevenue: 400, from: "2024-04", to: "2024-06" },
    trend,
  });
  const sentence = (trend: ReportTrend, language: "en" | "ru") =>
    healthAnswers({ questions: [question(trend)], periods: [] }, language)[0]!.sentence;

  it("says how the existing customers' share moved, in either language", () => {
    expect(sentence(growing, "en")).toBe(
      "Existing customers brought 60.0% of revenue in 2024-04 – 2024-06. Their share is growing: it was 50.0% in 2023-04 – 2023-06.",
    );
    expect(sentence(growing, "ru")).toBe(
      `Текущие клиенты принесли 60,0${NBSP}% выручки за 2024-04 – 2024-06. Их доля растёт: за 2023-04 – 2023-06 она была 50,0${NBSP}%.`,
    );
  });

  /** The answer to a question that needs data, in English and Russian. */
  const needsSentences = (question: Pick<HealthQuestion, "id" | "needs">): string[] =>
    (["en", "ru"] as const).map(
      (language) => healthAnswers({ questions: [{ ...question, verdict: "needsData", figures: {} }], periods: [] }, language)[0]!.sentence,
    );

  it("says that no revenue is no share, rather than asking for more history", () => {
    expect(needsSentences({ id: 1, needs: "revenue" })).toEqual([
      "Needs data: the periods judged have no revenue to split.",
      "Нужны данные: в оцениваемых периодах нет выручки, которую можно разделить.",
    ]);
  });

  it("names no revenue at stake among lapsed customers without an amount column", () => {
    const lapsed = (revenueAtStake: number | null): HealthQuestion => ({
      id: 5,
      verdict: "bad",
      figures: { lapsedShare: 1, lapsed: 2, repeatCustomers: 2, revenueAtStake },
    });
    const answer = (revenueAtStake: number | null, language: "en" | "ru") =>
      healthAnswers({ questions: [lapsed(revenueAtStake)], periods: [] }, language)[0]!.sentence;
    expect([answer(null, "en"), answer(null, "ru")]).toEqual([
      "2 of 2 repeat customers have lapsed.",
      "Ушедших: 2 из 2 клиентов с повторными покупками.",
    ]);
    expect(answer(300, "en")).toBe("2 of 2 repeat customers have lapsed; 300.00 a year at stake.");
  });

  it("says that a window with no purchase has no trend, rather than asking for more history", () => {
    expect(needsSentences({ id: 6, needs: "purchases" })).toEqual([
      "No trend: the last periods, or those they are compared with, have no purchase at all.",
      "Тренда нет: в последних периодах или в тех, с которыми они сравниваются, нет ни одной покупки.",
    ]);
  });

  it("gives the share it was even when that was nothing, where a change cannot be told", () => {
    // No existing revenue in April–June 2023 (a shop whose customers all bought once then): from 0 the change is undefined.
    const fromNothing: ReportTrend = { ...growing, change: null, base: { from: "2023-04", to: "2023-06", value: 0 } };
    expect(sentence(fromNothing, "en")).toMatch(/ Their share is growing: it was 0\.0% in 2023-04 – 2023-06\.$/);
  });

  it("says only the share while the periods are too few for a trend", () => {
    expect(sentence({ direction: "needsData", periodsNeeded: 2 }, "en")).toBe(
      "Existing customers brought 60.0% of revenue in 2024-04 – 2024-06.",
    );
  });
});

describe("question 2's note on budgets it leaves out", () => {
  // Two budgets are left out: "−5 000" (an amount, but below 0) in row 7 first, then "lots".
  const question: HealthQuestion = {
    id: 2,
    verdict: "watch",
    figures: { shareOfWallet: 0.6, customers: 3 },
    unread: { count: 2, row: 7, value: "−5 000" },
  };
  const sentence = (language: "en" | "ru", count = 2, row = 7) =>
    healthAnswers({ questions: [{ ...question, unread: { ...question.unread!, count, row } }], periods: [] }, language)[0]!.sentence;

  it("says why, so that a negative budget is not called unreadable", () => {
    expect(sentence("en")).toBe(
      "Sales of the last 12 months are 60.0% of the yearly budgets of 3 customers. " +
        "2 budgets are not amounts of 0 or more and are left out, such as “−5 000” in row 7.",
    );
    expect(sentence("en", 1)).toMatch(/ The budget in row 7 \(“−5 000”\) is not an amount of 0 or more and is left out\.$/);
    expect(sentence("ru", 5)).toMatch(/ 5 бюджетов — не числа или отрицательные числа, они не учтены; например, «−5 000» в строке 7\.$/);
  });

  it("names no row where the row was not found again (row 0), in either language", () => {
    expect(sentence("en", 2, 0)).toMatch(/ 2 budgets are not amounts of 0 or more and are left out, such as “−5 000”\.$/);
    expect(sentence("en", 1, 0)).toMatch(/ The budget “−5 000” is not an amount of 0 or more and is left out\.$/);
    expect(sentence("ru", 1, 0)).toMatch(/ Бюджет «−5 000» — не число или отрицательное число, он не учтён\.$/);
    expect(sentence("ru", 5, 0)).toMatch(/ 5 бюджетов — не числа или отрицательные числа, они не учтены; например, «−5 000»\.$/);
  });
});

describe("question 7's note on values that name neither side", () => {
  // 1 purchase of 4 started by the company: 25 %. One value unknown, found in row 12 of one file,
  // or in no numbered row (row 0: under --engine duckdb, one not found again).
  const sentence = (row: number, language: "en" | "ru", file?: string) =>
    healthAnswers(
      {
        questions: [
          {
            id: 7,
            verdict: "bad",
            figures: { startedShare: 0.25, startedByCompany: 1, purchases: 4 },
            unread: { count: 1, row, value: "partner", ...(file === undefined ? {} : { file }) },
          },
        ],
        periods: [],
      },
      language,
    )[0]!.sentence;

  it("names the row where there is one", () => {
    expect(sentence(12, "en")).toBe(
      "The company started 25.0% of the purchases of the last 12 months. The Initiated by value “partner” in row 12 is not recognised, so its purchase counts as not started by the company.",
    );
  });

  it("names the file and the row where several files are read, in either language", () => {
    expect(sentence(1234, "en", "part-2.csv")).toBe(
      "The company started 25.0% of the purchases of the last 12 months. The Initiated by value “partner” in row part-2.csv:1234 is not recognised, so its purchase counts as not started by the company.",
    );
    expect(sentence(1234, "ru", "part-2.csv")).toBe(
      `25,0${NBSP}% покупок за последние 12 месяцев — по инициативе компании. Значение «partner» в строке part-2.csv:1234 столбца «Инициатор» не распознано, поэтому покупка не отнесена к инициативе компании.`,
    );
  });

  it("names no row where the row was not found again, in either language", () => {
    expect(sentence(0, "en")).toBe(
      "The company started 25.0% of the purchases of the last 12 months. The Initiated by value “partner” is not recognised, so its purchase counts as not started by the company.",
    );
    expect(sentence(0, "ru")).toBe(
      `25,0${NBSP}% покупок за последние 12 месяцев — по инициативе компании. Значение «partner» столбца «Инициатор» не распознано, поэтому покупка не отнесена к инициативе компании.`,
    );
  });
});
