// The health check as every surface words it: for each of the book's questions, the verdict and
// one sentence with the figure behind it, and the series its trend line draws. Pure.

import { MANAGER_MIN_NEW_CUSTOMERS, type HealthCheck } from "../core/health/health-check";
import type { HealthPeriod } from "../core/health/period-table";
import type { HealthQuestion, HealthVerdict, MissingData, ReportTrend } from "../core/health/questions";
import { HEALTH_TEXT, type HealthKey } from "../i18n/health";
import { fill, type Language } from "../i18n/language";
import { rowPlace } from "../i18n/problems";
import { formatsFor, type Formats } from "./formats";

export interface HealthAnswer {
  id: number;
  question: string;
  verdict: HealthVerdict;
  verdictLabel: string;
  sentence: string;
  /** The complete periods' values of the question's series, oldest first; empty without one. */
  series: number[];
}

type Text = (typeof HEALTH_TEXT)["en"];

/** What the answers read of a health check: its questions and periods. */
export type AnsweredCheck = Pick<HealthCheck, "questions" | "periods">;

/** `formats` carries a currency when the surface knows one (money at stake, the average order). */
export function healthAnswers(check: AnsweredCheck, language: Language, formats: Formats = formatsFor(language)): HealthAnswer[] {
  const text = HEALTH_TEXT[language];
  return check.questions.map((question) => ({
    id: question.id,
    question: text[`q${question.id}` as keyof Text],
    verdict: question.verdict,
    verdictLabel: text[question.verdict],
    sentence: withUnreadNote(sentenceOf(question, check, text, formats, language), question, text, formats, language),
    series: seriesOf(question, check.periods),
  }));
}

function seriesOf(question: HealthQuestion, periods: readonly HealthPeriod[]): number[] {
  const field = question.series as keyof HealthPeriod | undefined;
  if (field === undefined) return [];
  return periods.filter((p) => p.complete).map((p) => (typeof p[field] === "number" ? (p[field] as number) : 0));
}

/** The sentence, and after it the values of the question's column that could not be read. */
function withUnreadNote(sentence: string, question: HealthQuestion, text: Text, formats: Formats, language: Language): string {
  const { unread } = question;
  if (unread === undefined) return sentence;
  const template = unreadTemplate(question.id, unread.count, unread.row, text);
  const row = unread.file === undefined ? formats.count(unread.row) : rowPlace(unread.row, unread.file);
  const values = { count: formats.count(unread.count), value: unread.value, row };
  return `${sentence} ${fill(template, values, { language, of: { count: unread.count } })}`;
}

/** Row 0: not numbered (not found again under DuckDB), as the skipped rows' examples are. */
function unreadTemplate(id: number, count: number, row: number, text: Text): string {
  // One value is named outright; "such as" would promise more.
  const one = count === 1;
  if (id === 2 && row === 0) return one ? text.unreadBudgetNoRow : text.unreadBudgetsNoRow;
  if (id === 2) return one ? text.unreadBudget : text.unreadBudgets;
  if (row === 0) return one ? text.unknownInitiatorNoRow : text.unknownInitiatorsNoRow;
  return one ? text.unknownInitiator : text.unknownInitiators;
}

/** Question 4's sentence, and how many managers it leaves out and why, so that no row marked below target goes unexplained. */
function managersSentence(figures: HealthQuestion["figures"], text: Text, formats: Formats, language: Language): string {
  const inTrouble = figures.managersInTrouble as number;
  const judged = figures.managersJudged as number;
  const notJudged = figures.managersNotJudged as number;
  const byRevenue = figures.judgedOn !== "retention";
  const sentence = fill(
    byRevenue ? text.answer4 : text.answer4Retention,
    { inTrouble: formats.count(inTrouble), judged: formats.count(judged) },
    { language, of: { inTrouble, judged } },
  );
  if (notJudged === 0) return sentence;
  const values = { notJudged: formats.count(notJudged), least: formats.count(MANAGER_MIN_NEW_CUSTOMERS) };
  const why = byRevenue ? text.answer4NotJudged : text.answer4NotJudgedRetention;
  return `${sentence} ${fill(why, values, { language, of: { notJudged } })}`;
}

function sentenceOf(question: HealthQuestion, check: AnsweredCheck, text: Text, formats: Formats, language: Language): string {
  if (question.verdict === "needsData") return needsText(question, text, formats, language);
  const f = question.figures;
  const counted = (of: Record<string, number>) => ({ language, of });
  const share = (name: string): string => formats.rate(f[name] as number);
  const trend = question.trend;
  switch (question.id) {
    case 1:
      return withShareTrend(
        fill(text.answer1, { share: share("existingShare"), from: String(f.from), to: String(f.to) }),
        trend,
        text,
        formats,
      );
    case 2:
      return fill(
        text.answer2,
        { share: share("shareOfWallet"), customers: formats.count(f.customers as number) },
        counted({ customers: f.customers as number }),
      );
    case 3:
      return fill(text.answer3, trendValues(trend, text, formats));
    case 4:
      return managersSentence(f, text, formats, language);
    case 5:
      // Without amounts there is nothing at stake to name.
      return fill(
        f.revenueAtStake === null ? text.answer5NoAmounts : text.answer5,
        {
          lapsed: formats.count(f.lapsed as number),
          repeat: formats.count(f.repeatCustomers as number),
          atStake: formats.money(f.revenueAtStake as number | null),
        },
        counted({ lapsed: f.lapsed as number, repeat: f.repeatCustomers as number }),
      );
    case 6:
      return fill(text.answer6, { ...trendValues(trend, text, formats), value: formats.money(f.averageOrder as number) });
    case 7:
      return fill(text.answer7, { share: share("startedShare") });
    case 8: {
      const lastComplete = check.periods.filter((p) => p.complete).at(-1);
      return fill(
        text.answer8,
        {
          ...trendValues(trend, text, formats),
          base: formats.count(f.activeBase as number),
          date: formats.date(lastComplete?.end ?? null),
        },
        counted({ base: f.activeBase as number }),
      );
    }
  }
}

/**
 * Question 1's sentence, then how the share moved: the share it was in the window compared with,
 * since a relative change next to a share ("+16.1%" from 45.0 % to 52.2 %) reads as points.
 */
function withShareTrend(sentence: string, trend: ReportTrend | undefined, text: Text, formats: Formats): string {
  if (trend === undefined || trend.direction === "needsData") return sentence;
  const values = { trend: text[trend.direction], before: formats.rate(trend.base.value), base: windowLabel(trend.base) };
  return `${sentence} ${fill(text.answer1Trend, values)}`;
}

function trendValues(trend: ReportTrend | undefined, text: Text, formats: Formats): Record<string, string> {
  if (trend === undefined || trend.direction === "needsData") return {};
  return {
    trend: text[trend.direction],
    change: changeText(trend, text, formats),
    recent: windowLabel(trend.recent),
    base: windowLabel(trend.base),
  };
}

function windowLabel(window: { from: string; to: string }): string {
  return window.from === window.to ? window.from : `${window.from} – ${window.to}`;
}

/** The change as a signed share (+12.5% / −3.0%: a minus sign rather than a hyphen), or in words when the base was nothing. */
export function changeText(trend: Exclude<ReportTrend, { direction: "needsData" }>, text: Text, formats: Formats): string {
  if (trend.change !== null) return signedChange(trend.change, formats);
  return trend.direction === "flat" ? text.noneInEither : text.fromNothing;
}

function signedChange(change: number, formats: Formats): string {
  const magnitude = formats.rate(Math.abs(change));
  return change > 0 ? `+${magnitude}` : change < 0 ? `−${magnitude}` : magnitude;
}

/** What a question needs, in one sentence that takes no figures. */
const NEEDS_SENTENCE: Record<Exclude<MissingData, "judgedManagers" | "history">, HealthKey> = {
  amount: "needsAmount",
  budget: "needsBudget",
  positiveBudget: "needsPositiveBudget",
  initiatedBy: "needsInitiatedBy",
  initiatorSides: "needsInitiatorSides",
  manager: "needsManager",
  revenue: "needsRevenue",
  purchases: "needsPurchases",
  repeatCustomers: "needsRepeatCustomers",
};

function needsText(question: HealthQuestion, text: Text, formats: Formats, language: Language): string {
  const { needs, periodsNeeded } = question;
  if (needs === "judgedManagers") {
    const count = question.figures.managersNotJudged as number;
    const values = { count: formats.count(count), least: formats.count(MANAGER_MIN_NEW_CUSTOMERS) };
    const template = question.figures.judgedOn === "retention" ? text.needsJudgedManagersRetention : text.needsJudgedManagers;
    return fill(template, values, { language, of: { count } });
  }
  if (needs !== undefined && needs !== "history") return text[NEEDS_SENTENCE[needs]];
  return periodsNeeded !== undefined && periodsNeeded > 0
    ? fill(text.needsHistoryCount, { count: periodsNeeded }, { language, of: { count: periodsNeeded } })
    : text.needsHistory;
}
