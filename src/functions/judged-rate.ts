// The judged verdict as one number for a custom function, or the reason there is none yet: the
// core's verdict says "no rate" with a date to wait for or an empty span; a cell needs an error
// that says which.

import { isoDate } from "../core/calendar";
import type { CustomerLedger } from "../core/ledger";
import { periodEnd, periodStart } from "../core/periods";
import { fail } from "../core/problems";
import { judgedVerdict, type Verdict, type VerdictSettings } from "../core/verdict";

/** The judged cohorts as the other functions describe a period: `2024-02-01 – 2025-01-31`. */
function describeSpan(span: Verdict["span"], settings: VerdictSettings): string {
  if (span === null) return "… – …";
  return `${isoDate(periodStart(span.first, settings.period))} – ${isoDate(periodEnd(span.last, settings.period))}`;
}

export function requireJudgedRate(ledger: CustomerLedger, settings: VerdictSettings): number {
  const verdict = judgedVerdict(ledger, settings);
  if (verdict.rate !== null) return verdict.rate;
  if (verdict.judgeableOn !== null) {
    fail({ code: "tooEarlyToJudge", value: isoDate(verdict.judgeableOn), otherValue: verdict.horizon.days });
  }
  return fail({ code: "noNewCustomers", value: describeSpan(verdict.span, settings) });
}
