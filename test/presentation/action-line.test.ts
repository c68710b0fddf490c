// The action line's rule on hand-made reports: the larger group to win back, the weakest judged
// manager, and the words in English and Russian with the manager's name kept as data.

import { describe, expect, it } from "vitest";
import type { ManagerReportRow, RetentionReport } from "../../src/core/report";
import { actionLine, actionParts } from "../../src/presentation/action-line";
import { formatsFor } from "../../src/presentation/formats";

const NBSP = "\u00a0";

type ActionReport = Parameters<typeof actionLine>[0];

function report(notReturned: number, lapsed: number | null, managers: ManagerReportRow[] | null = null): ActionReport {
  return {
    verdict: { rate: 0.5, notReturned } as RetentionReport["verdict"],
    managers,
    healthCheck: lapsed === null ? undefined : ({ lapsed: { count: lapsed } } as RetentionReport["healthCheck"]),
  };
}

const manager = (name: string, rate: number | null, newCustomers: number): ManagerReportRow => ({
  manager: name,
  rate,
  newCustomers,
  returned: rate === null ? 0 : Math.round(rate * newCustomers),
  belowTarget: false,
});

describe("the group to win back", () => {
  it("is the judged new customers who did not come back, unless more have lapsed", () => {
    expect(actionLine(report(168, 540))?.group).toEqual({ kind: "lapsed", count: 540 });
    expect(actionLine(report(168, 100))?.group).toEqual({ kind: "neverReturned", count: 168 });
    expect(actionLine(report(168, 168))?.group).toEqual({ kind: "neverReturned", count: 168 });
    expect(actionLine(report(7, null))?.group).toEqual({ kind: "neverReturned", count: 7 });
  });

  it("is nobody when every judged customer came back and nobody lapsed", () => {
    expect(actionLine(report(0, 0))?.group).toBeNull();
  });

  it("with no cohort judged yet, is the lapsed customers, and there is no line when none has lapsed", () => {
    const unjudged = (lapsed: number): ActionReport => ({
      ...report(0, lapsed),
      verdict: { rate: null, notReturned: 0 } as RetentionReport["verdict"],
    });
    expect(actionLine(unjudged(3))?.group).toEqual({ kind: "lapsed", count: 3 });
    expect(actionLine(unjudged(0))).toBeNull();
  });
});

describe("the weakest manager", () => {
  it("is the lowest rate among named managers with 10 or more judged new customers; a tie goes to the larger book", () => {
    const rows = [
      manager("Ann", 0.5, 20),
      manager("Bob", 0.1, 9), // too few to judge
      manager("", 0.05, 50), // orders with no manager
      manager("Cy", 0.3, 10),
      manager("Dan", 0.3, 12),
      manager("Eve", null, 0),
    ];
    expect(actionLine(report(1, 0, rows))?.weakestManager).toEqual({ name: "Dan", rate: 0.3, newCustomers: 12 });
  });

  it("is nobody when no manager has 10 judged new customers", () => {
    expect(actionLine(report(1, 0, [manager("Bob", 0.1, 9)]))?.weakestManager).toBeNull();
  });
});

describe("the words", () => {
  const line = actionLine(report(489, 12, [manager("=Игорь <b>", 0.38, 25)]))!;

  it("in English, the name as data", () => {
    const parts = actionParts(line, 90, formatsFor("en"), "en");
    expect(parts.map((part) => part.text).join("")).toBe(
      "To win back: 489 new customers who did not come back within 90 days; lowest retention: =Игорь <b>, 38.0% of 25 new customers came back.",
    );
    expect(parts.filter((part) => part.data)).toEqual([{ text: "=Игорь <b>", data: true }]);
  });

  it("in Russian, counts after a colon so no numeral has to agree", () => {
    const parts = actionParts(line, 90, formatsFor("ru"), "ru");
    expect(parts.map((part) => part.text).join("")).toBe(
      `Стоит вернуть новых клиентов, которые не вернулись за 90 дн.: 489; хуже всех удерживает =Игорь <b>: вернулись 38,0${NBSP}% новых клиентов (из 25).`,
    );
  });

  it("says so when there is nobody to win back", () => {
    const parts = actionParts(actionLine(report(0, 0))!, 90, formatsFor("en"), "en");
    expect(parts.map((part) => part.text).join("")).toBe("Nobody to win back: every judged new customer came back.");
  });
});
