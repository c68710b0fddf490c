// The cohort chart's model, which the sidebar and the HTML report both draw. Positions are worked
// out by hand: with 4 cohorts each slot is 1/4 of the plot, and a bar fills the middle 80 % of it.

import { describe, expect, it } from "vitest";
import type { CohortReportRow } from "../../src/core/report";
import { cohortChart, labelledBars } from "../../src/presentation/cohort-chart";
import { formatsFor } from "../../src/presentation/formats";

/** A cohort whose bar stands at `rateInTime`; its literal rate is another figure, which bars ignore. */
function cohort(period: string, rateInTime: number, state: Partial<CohortReportRow> = {}): CohortReportRow {
  const base = { start: `${period}-01`, end: `${period}-28`, newCustomers: 10, returned: 5, returnedInTime: 5, rate: 0.5 };
  return { period, rateInTime, tooEarly: false, judged: false, belowTarget: false, ...base, ...state };
}

const COHORTS = [
  cohort("2024-01", 0.8),
  cohort("2024-02", 0.5, { judged: true, belowTarget: true }),
  cohort("2024-03", 0.75, { judged: true }),
  cohort("2024-04", 0, { tooEarly: true }),
];

const english = cohortChart({ cohorts: COHORTS, target: 0.67 }, formatsFor("en"), {
  maxPeriodLabels: 12,
  targetText: (target) => `target ${target}`,
});

describe("cohortChart", () => {
  it("gives each cohort a bar: its standing, whether the verdict judged it, its place and height", () => {
    expect(english.bars.map(({ period, standing, judged }) => [period, standing, judged])).toEqual([
      ["2024-01", "met", false],
      ["2024-02", "below", true],
      ["2024-03", "met", true],
      ["2024-04", "tooEarly", false],
    ]);
    expect(english.bars[1]!.x).toBeCloseTo(0.25 + 0.025, 12);
    expect(english.bars[1]!.width).toBeCloseTo(0.2, 12);
    expect(english.bars.map((bar) => bar.height)).toEqual([0.8, 0.5, 0.75, 0]);
  });

  it("titles each bar with its period and rate, one decimal as everywhere", () => {
    expect(english.bars.map((bar) => bar.title)).toEqual(["2024-01: 80.0%", "2024-02: 50.0%", "2024-03: 75.0%", "2024-04: 0.0%"]);
  });

  it("labels the axis in whole percents and the target as chosen, in the surface's language", () => {
    expect(english.ticks).toEqual([
      { y: 0, text: "0%" },
      { y: 0.25, text: "25%" },
      { y: 0.5, text: "50%" },
      { y: 0.75, text: "75%" },
      { y: 1, text: "100%" },
    ]);
    expect(english.target).toEqual({ y: 0.67, text: "target 67%" });
    const russian = cohortChart({ cohorts: COHORTS, target: 0.675 }, formatsFor("ru"), {
      maxPeriodLabels: 2,
      targetText: (target) => `цель ${target}`,
    });
    expect(russian.target.text).toBe("цель 67,5\u00a0%");
    expect(russian.bars[1]!.title).toBe("2024-02: 50,0\u00a0%");
  });

  it("anchors the first period label at the plot's left, the last at its right, and centres the rest under their bars", () => {
    expect(english.periodLabels).toEqual([
      { text: "2024-01", x: 0, anchor: "start" },
      { text: "2024-02", x: 0.375, anchor: "middle" },
      { text: "2024-03", x: 0.625, anchor: "middle" },
      { text: "2024-04", x: 1, anchor: "end" },
    ]);
  });
});

describe("labelledBars", () => {
  it("labels the first and the last bar and evenly spaced ones between, none crowding the last", () => {
    // 36 bars, 12 labels: every 3rd; 33 is 2 bars from 35, closer than 3, so it is dropped.
    expect(labelledBars(36, 12)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 35]);
    expect(labelledBars(36, 2)).toEqual([0, 35]);
    expect(labelledBars(4, 12)).toEqual([0, 1, 2, 3]);
    expect(labelledBars(1, 2)).toEqual([0]);
    expect(labelledBars(0, 2)).toEqual([]);
  });
});
