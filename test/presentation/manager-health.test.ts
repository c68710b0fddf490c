// Question 4 per manager as every surface words it (src/presentation/manager-health.ts). The
// figures are worked out by hand in manager-log.ts.

import { describe, expect, it } from "vitest";
import type { ManagerHealth } from "../../src/core/health/health-check";
import { formatsFor } from "../../src/presentation/formats";
import { healthAnswers } from "../../src/presentation/health-check";
import { managerHealthTable } from "../../src/presentation/manager-health";
import { MARKUP_MANAGER, RUSSIAN_ROWS, managerReport } from "./manager-log";

const NBSP = "\u00a0";

function tableOf(report = managerReport(), language: "en" | "ru" = "en") {
  return managerHealthTable(report.healthCheck!, report, language, formatsFor(language));
}

describe("question 4's table of managers", () => {
  it("lists each manager's new customers, returns, rate, existing-revenue trend, lapsed, money at stake and share of wallet", () => {
    const table = tableOf()!;
    expect(table.title).toBe("By manager");
    expect(table.header).toEqual([
      "Manager",
      "New",
      "Back in 30 d",
      "Rate",
      "Existing revenue",
      "Lapsed",
      "At stake a year",
      "Share of wallet",
      "",
    ]);
    expect(table.rows).toEqual([
      {
        manager: "Bob",
        figures: ["3", "1", "33.3%", "falling, −100.0%", "1", "900.00", "—"],
        belowTarget: true,
        inTrouble: true,
        note: "below target on fewer than 10 new customers: judged by revenue only",
      },
      {
        manager: "Ann",
        figures: ["2", "2", "100.0%", "growing, +200.0%", "1", "400.00", "60.0%"],
        belowTarget: false,
        inTrouble: false,
        note: "",
      },
      {
        manager: MARKUP_MANAGER,
        figures: ["1", "0", "0.0%", "growing, up from nothing", "0", "0.00", "—"],
        belowTarget: true,
        inTrouble: false,
        note: "below target on fewer than 10 new customers: judged by revenue only",
      },
    ]);
    expect(table.omitted).toBeNull();
  });

  it("in Russian", () => {
    const table = tableOf(managerReport(), "ru")!;
    expect(table.header).toEqual([
      "Менеджер",
      "Новые",
      "Верн. за 30 дн.",
      "Доля",
      "Выручка текущих",
      "Ушедшие",
      "Под угрозой в год",
      "Доля бюджета",
      "",
    ]);
    expect(table.rows.map((row) => [row.manager, ...row.figures, row.note])).toEqual([
      [...RUSSIAN_ROWS.bob],
      ["Ann", "2", "2", `100,0${NBSP}%`, `растёт, +200,0${NBSP}%`, "1", "400,00", `60,0${NBSP}%`, ""],
      [...RUSSIAN_ROWS.markup],
    ]);
  });

  it("leaves out revenue's trend and money at stake without amounts, and the share of wallet without budgets", () => {
    // Without amounts there is no revenue to trend, and no money at stake; the counts stay. Bob and
    // the markup manager are below target on fewer than 10 new customers, and no revenue can judge them.
    const table = tableOf(managerReport({ columns: "noAmountNoBudget" }))!;
    expect(table.header).toEqual(["Manager", "New", "Back in 30 d", "Rate", "Lapsed", ""]);
    expect(table.rows.map((row) => [row.manager, ...row.figures, row.note])).toEqual([
      ["Bob", "3", "1", "33.3%", "1", "below target; not counted: fewer than 10 new customers"],
      ["Ann", "2", "2", "100.0%", "1", ""],
      [MARKUP_MANAGER, "1", "0", "0.0%", "0", "below target; not counted: fewer than 10 new customers"],
    ]);
    expect(tableOf(managerReport({ columns: "noAmountNoBudget" }), "ru")!.rows[0]!.note).toBe(
      "ниже цели; не учтён: меньше 10 новых клиентов",
    );
  });

  it("is absent without a manager column", () => {
    expect(tableOf(managerReport({ columns: "noManager" }))).toBeNull();
  });

  it("says how many managers are left out, in the language's plural", () => {
    const manager: ManagerHealth = {
      manager: "Ann",
      newCustomers: 0,
      returned: 0,
      retention: null,
      existingRevenueTrend: { direction: "needsData", periodsNeeded: 2 },
      lapsed: 0,
      // With amounts (nothing at stake, but a figure): the trend column is there.
      lapsedRevenueAtStake: 0,
      shareOfWallet: null,
      judged: false,
      inTrouble: false,
    };
    const report = { target: 0.67, verdict: { horizonDays: 30 } };
    const table = (omitted: number, language: "en" | "ru") =>
      managerHealthTable({ managers: [manager], managersOmitted: omitted }, report, language, formatsFor(language))!;
    expect(table(1, "en").omitted).toBe("1 more manager not shown");
    expect(table(3, "en").omitted).toBe("3 more managers not shown");
    expect(table(1, "ru").omitted).toBe("Ещё 1 менеджер не показан");
    expect(table(3, "ru").omitted).toBe("Ещё 3 менеджера не показаны");
    expect(table(5, "ru").omitted).toBe("Ещё 5 менеджеров не показаны");
    // A trend that needs history says how much more.
    expect(table(0, "en").rows[0]!.figures[3]).toBe("needs 2 more periods");
    expect(table(0, "ru").rows[0]!.figures[3]).toBe("нужно ещё 2 периода");
  });
});

describe("question 4's note on a rate below target", () => {
  const report = { target: 0.67, verdict: { horizonDays: 30 } };
  const trend = { direction: "needsData", periodsNeeded: 2 } as const;
  const manager = (newCustomers: number, judged: boolean): ManagerHealth => ({
    manager: "Ann",
    newCustomers,
    returned: Math.floor(newCustomers / 2),
    retention: Math.floor(newCustomers / 2) / newCustomers,
    existingRevenueTrend: trend,
    lapsed: 0,
    lapsedRevenueAtStake: 0,
    shareOfWallet: null,
    judged,
    inTrouble: newCustomers >= 10,
  });
  const note = (m: ManagerHealth, language: "en" | "ru" = "en") =>
    managerHealthTable({ managers: [m], managersOmitted: 0 }, report, language, formatsFor(language))!.rows[0]!.note;

  it("is plain with 10 new customers or more, which the verdict counts", () => {
    expect([note(manager(12, true)), note(manager(10, true), "ru")]).toEqual(["below target", "ниже цели"]);
  });

  it("says how the verdict counts a manager with fewer", () => {
    expect(note(manager(4, true))).toBe("below target on fewer than 10 new customers: judged by revenue only");
    expect(note(manager(4, false), "ru")).toBe("ниже цели; не учтён: меньше 10 новых клиентов и нет тренда выручки");
  });
});

describe("question 4 while no manager can be judged", () => {
  it("says what would let it judge, and how many managers wait for it", () => {
    const question = { id: 4, verdict: "needsData", needs: "judgedManagers", figures: { managersNotJudged: 3 } } as const;
    const sentence = (language: "en" | "ru") => healthAnswers({ questions: [question], periods: [] }, language)[0]!.sentence;
    expect(sentence("en")).toBe(
      "Needs data: no manager has 10 judged new customers or a revenue trend yet (3 managers with figures so far).",
    );
    expect(sentence("ru")).toBe(
      "Нужны данные: пока ни у одного менеджера нет 10 оценённых новых клиентов или тренда выручки (менеджеров, по которым уже есть цифры: 3).",
    );
  });

  it("speaks of no revenue trend when the managers are judged on retention alone", () => {
    const figures = { managersNotJudged: 3, judgedOn: "retention" };
    const question = { id: 4, verdict: "needsData", needs: "judgedManagers", figures } as const;
    const sentence = (language: "en" | "ru") => healthAnswers({ questions: [question], periods: [] }, language)[0]!.sentence;
    expect(sentence("en")).toBe("Needs data: no manager has 10 judged new customers yet (3 managers with figures so far).");
    expect(sentence("ru")).toBe(
      "Нужны данные: пока ни у одного менеджера нет 10 оценённых новых клиентов (менеджеров, по которым уже есть цифры: 3).",
    );
  });
});

describe("question 4's sentence", () => {
  const answer = (managersNotJudged: number, language: "en" | "ru") => {
    const figures = { managersInTrouble: 2, managersJudged: 2, managersNotJudged };
    return healthAnswers({ questions: [{ id: 4, verdict: "bad", figures }], periods: [] }, language)[0]!.sentence;
  };

  it("says how many managers it leaves out, and why, in either language", () => {
    expect(answer(1, "en")).toBe(
      "2 of 2 managers keep fewer new customers than the target or lose existing revenue. " +
        "1 more manager is not counted yet: fewer than 10 judged new customers and no revenue trend.",
    );
    expect(answer(3, "ru")).toBe(
      "Менеджеров, у которых новые клиенты возвращаются реже цели или падает выручка от текущих клиентов: 2 из 2. " +
        "Ещё 3 менеджера пока не учтены: меньше 10 оценённых новых клиентов и нет тренда выручки.",
    );
  });

  it("says nothing more when every manager is counted", () => {
    expect(answer(0, "en")).toBe("2 of 2 managers keep fewer new customers than the target or lose existing revenue.");
  });
});
