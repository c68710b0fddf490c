// Question 4 per manager, as every surface words it: new customers and how many came back within
// H, the judged rate, the trend of revenue from existing customers, the lapsed customers and, where
// the orders have them, the money at stake and the share of wallet. Pure: the names stay as the
// data writes them, and each surface makes them safe its own way.

import { MANAGER_MIN_NEW_CUSTOMERS, type ManagerHealth } from "../core/health/health-check";
import type { ReportTrend } from "../core/health/questions";
import { HEALTH_TEXT } from "../i18n/health";
import { fill, type Language } from "../i18n/language";
import type { Formats } from "./formats";
import { changeText } from "./health-check";

export interface ManagerHealthTable {
  title: string;
  /** The manager, then one header per figure, then an empty one over the note. */
  header: string[];
  rows: ManagerHealthRow[];
  /** "3 more managers not shown", or null when every manager is listed. */
  omitted: string | null;
}

export interface ManagerHealthRow {
  /** As the data writes it. */
  manager: string;
  /** The figures in the header's order, formatted. */
  figures: string[];
  /** The rate is below the target. */
  belowTarget: boolean;
  /** Counted as in trouble by question 4's verdict (enough new customers below target, or falling revenue). */
  inTrouble: boolean;
  /** "below target" (with how question 4 counts the manager when their new customers are too few), or "". */
  note: string;
}

type Text = (typeof HEALTH_TEXT)["en"];

/** A row every surface shows in the bad colour: in trouble, or with a rate below target. */
export function isAlarming(row: ManagerHealthRow): boolean {
  return row.inTrouble || row.belowTarget;
}

/** The first figures of a row: new customers, back within H and the rate, as the verdict's manager table has them. */
export const RETENTION_FIGURES = 3;

/** The figures of each manager the check lists (capped as the other lists are); null without managers to show. */
export function managerHealthTable(
  check: { managers: readonly ManagerHealth[] | null; managersOmitted: number },
  report: { target: number; verdict: { horizonDays: number } },
  language: Language,
  formats: Formats,
): ManagerHealthTable | null {
  const managers = check.managers;
  if (managers === null || managers.length === 0) return null;
  const text = HEALTH_TEXT[language];
  // Revenue's trend and money at stake need amounts (without them no manager has money at stake),
  // and a share of wallet needs budgets: a column of dashes says nothing.
  const withAmounts = managers.some((manager) => manager.lapsedRevenueAtStake !== null);
  const withWallet = managers.some((manager) => manager.shareOfWallet !== null);
  const header = [
    text.managerColumn,
    text.managerNew,
    fill(text.managerBack, { days: formats.count(report.verdict.horizonDays) }),
    text.managerRate,
    ...(withAmounts ? [text.managerTrend] : []),
    text.managerLapsed,
    ...(withAmounts ? [text.managerAtStake] : []),
    ...(withWallet ? [text.managerWallet] : []),
    "",
  ];
  const rows = managers.map((manager): ManagerHealthRow => {
    const belowTarget = manager.retention !== null && manager.retention < report.target;
    return {
      manager: manager.manager,
      figures: [
        formats.count(manager.newCustomers),
        formats.count(manager.returned),
        formats.rate(manager.retention),
        ...(withAmounts ? [trendCell(manager.existingRevenueTrend, text, formats, language)] : []),
        formats.count(manager.lapsed),
        ...(withAmounts ? [formats.money(manager.lapsedRevenueAtStake)] : []),
        ...(withWallet ? [formats.rate(manager.shareOfWallet)] : []),
      ],
      belowTarget,
      inTrouble: manager.inTrouble,
      note: belowTarget ? belowTargetNote(manager, withAmounts, text, formats) : "",
    };
  });
  const omitted = check.managersOmitted;
  return {
    title: text.managersTitle,
    header,
    rows,
    omitted: omitted === 0 ? null : fill(text.managersOmitted, { count: formats.count(omitted) }, { language, of: { count: omitted } }),
  };
}

/** Why a rate below target does or does not count in question 4's verdict, where it does not on its own. */
function belowTargetNote(manager: ManagerHealth, withAmounts: boolean, text: Text, formats: Formats): string {
  if (manager.newCustomers >= MANAGER_MIN_NEW_CUSTOMERS) return text.belowTarget;
  const least = { least: formats.count(MANAGER_MIN_NEW_CUSTOMERS) };
  if (manager.judged) return fill(text.belowTargetByRevenue, least);
  return fill(withAmounts ? text.belowTargetNotJudged : text.belowTargetNotJudgedRetention, least);
}

/** "growing, +12.5%"; "needs 2 more periods"; a dash when there is no trend to tell (no amounts, no existing revenue). */
function trendCell(trend: ReportTrend, text: Text, formats: Formats, language: Language): string {
  if (trend.direction === "needsData") {
    const count = trend.periodsNeeded;
    return count > 0 ? fill(text.trendCellNeeds, { count: formats.count(count) }, { language, of: { count } }) : formats.rate(null);
  }
  return fill(text.trendCell, { trend: text[trend.direction], change: changeText(trend, text, formats) });
}
