// The action line under the verdict (issue 15): the largest group of customers to act on, and the
// manager whose judged new customers come back least. One rule for every surface:
// - the group: the new customers of the judged cohorts who did not come back within H
//   (verdict.notReturned), or the health check's lapsed customers when they are more;
// - the manager: the lowest judged retention among the named managers with at least
//   MANAGER_MIN_NEW_CUSTOMERS judged new customers (fewer say little); ties go to the one with
//   more new customers, then by name, so the row order does not choose.
// Names stay data (`data: true`), so each surface shows them its safe way. Pure.

import { type HealthCheck, MANAGER_MIN_NEW_CUSTOMERS } from "../core/health/health-check";
import type { ManagerReportRow, RetentionReport } from "../core/report";
import { ACTION_TEXT } from "../i18n/action";
import { fill, type Language } from "../i18n/language";
import type { Formats } from "./formats";

export interface ActionLine {
  /** Whom to win back: null when nobody (every judged new customer came back, none lapsed). */
  group: { kind: "neverReturned" | "lapsed"; count: number } | null;
  weakestManager: { name: string; rate: number; newCustomers: number } | null;
}

/** A piece of a sentence: our words, or text from the data. */
export interface TextPart {
  text: string;
  data?: true;
}

/** Null while no cohort is judged and nobody has lapsed: there is nothing to act on yet. */
export function actionLine(
  report: Pick<RetentionReport, "verdict" | "managers"> & { healthCheck?: Pick<HealthCheck, "lapsed"> },
): ActionLine | null {
  const judged = report.verdict.rate !== null;
  const neverReturned = judged ? report.verdict.notReturned : 0;
  const lapsed = report.healthCheck?.lapsed.count ?? 0;
  const group =
    Math.max(neverReturned, lapsed) === 0
      ? null
      : lapsed > neverReturned
        ? { kind: "lapsed" as const, count: lapsed }
        : { kind: "neverReturned" as const, count: neverReturned };
  if (!judged && group === null) return null;
  return { group, weakestManager: weakestManager(report.managers ?? []) };
}

function weakestManager(rows: readonly ManagerReportRow[]): ActionLine["weakestManager"] {
  const judged = rows.filter((row) => row.manager !== "" && row.rate !== null && row.newCustomers >= MANAGER_MIN_NEW_CUSTOMERS);
  if (judged.length === 0) return null;
  const weakest = judged.reduce((a, b) => (isWeaker(b, a) ? b : a));
  return { name: weakest.manager, rate: weakest.rate!, newCustomers: weakest.newCustomers };
}

function isWeaker(a: ManagerReportRow, b: ManagerReportRow): boolean {
  if (a.rate! !== b.rate!) return a.rate! < b.rate!;
  if (a.newCustomers !== b.newCustomers) return a.newCustomers > b.newCustomers;
  return a.manager < b.manager;
}

/** The line in words: `To win back: 489 new customers …; lowest retention: Anna, 38.0% of 25 …`. */
export function actionParts(action: ActionLine, horizonDays: number, formats: Formats, language: Language): TextPart[] {
  const text = ACTION_TEXT[language];
  const parts: TextPart[] = [];
  const { group, weakestManager: manager } = action;
  if (group === null) parts.push({ text: text.nothingToDo });
  else {
    const values = { count: formats.count(group.count), days: formats.count(horizonDays) };
    parts.push({ text: fill(text[group.kind], values, { language, of: { count: group.count, days: horizonDays } }) });
  }
  if (manager !== null) {
    // `fill` leaves `{manager}` in place: the name goes in as data.
    const [before, after] = fill(
      text.weakestManager,
      { rate: formats.rate(manager.rate), newCustomers: formats.count(manager.newCustomers) },
      { language, of: { newCustomers: manager.newCustomers } },
    ).split("{manager}");
    parts.push({ text: `; ${before}` }, { text: manager.name, data: true }, { text: after ?? "" });
  }
  parts.push({ text: "." });
  return parts;
}
