// The judged verdict as one number for a custom function, or the reason there is none: no orders,
// too early (with the date to wait for), or no new customers in the judged cohorts.

import { isoDate } from "../core/calendar";
import type { CustomerLedger } from "../core/ledger";
import { periodEnd, periodStart } from "../core/periods";
import { fail } from "../core/problems";
import { judgedVerdict, type VerdictSettings } from "../core/verdict";

export function requireJudgedRate(ledger: CustomerLedger, settings: VerdictSettings): number {
  if (ledger.isEmpty) fail({ code: "noData" });
  const verdict = judgedVerdict(ledger, settings);
  if (verdict.rate !== null) return verdict.rate;
  const { span, judgeableOn } = verdict;
  // Without a window, orders always have a period that can be judged once old enough.
  if (span === null) return fail({ code: "tooEarlyToJudge", value: isoDate(judgeableOn!), otherValue: verdict.horizon.days });
  // The judged cohorts as the other functions describe a period: `2024-02-01 – 2025-01-31`.
  const described = `${isoDate(periodStart(span.first, settings.period))} – ${isoDate(periodEnd(span.last, settings.period))}`;
  return fail({ code: "noNewCustomers", value: described });
}
