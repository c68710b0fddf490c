// Each custom function's arguments, written once: the build writes Sheets' help cards in
// dist/Code.js from this table (help-cards.ts), the preview's HyperFormula plugin registers its
// parameters from it, and a test holds the functions in custom-functions.ts to it.

export interface ParameterSignature {
  /** As the function in custom-functions.ts names it. */
  name: string;
  /** The help card's type: `string[][]` for a column range, `Date`, `number`, `string`, `boolean`. */
  type: string;
  optional: boolean;
  description: string;
}

export interface FunctionSignature {
  /** What the function answers, as the help card's first paragraph. */
  summary: string;
  parameters: readonly ParameterSignature[];
  /** A number, or a table that spills into the cells below and to the right. */
  returns: { kind: "number" | "table"; description: string };
  example: string;
}

const required = (name: string, type: string, description: string): ParameterSignature => ({ name, type, optional: false, description });
const optional = (name: string, type: string, description: string): ParameterSignature => ({ name, type, optional: true, description });

const CUSTOMERS = required("customers", "string[][]", "Customer of each order, one column.");
const ORDER_DATES = required("order_dates", "Date[][]", "Date of each order, one column of the same length.");
const WITHIN_DAYS = optional("within_days", "number", "Count a return only within this many days of the first purchase.");
/** The window of first purchases: which new customers are counted. */
const FIRST_PURCHASE_WINDOW = [
  optional("start_date", "Date", "First day of the period (of first purchases)."),
  optional("end_date", "Date", "Last day of the period (of first purchases)."),
];
const PERIOD = optional("period", "string", '"month" (default), "week", "quarter" or "year".');

/** What JUDGED_RETENTION and VERDICT_DETAILS take: the orders as the sidebar reads them, and the verdict's settings. */
const JUDGED_PARAMETERS = [
  CUSTOMERS,
  ORDER_DATES,
  optional("amounts", "number[][]", "Amount of each order: a negative one (a refund) is no purchase."),
  optional("deal_types", "string[][]", "Deal type of each order, one column of the same length."),
  optional("excluded_deal_type", "string", 'Leave out the rows of this deal type; omitted: "Project" and "Проект"; blank: none.'),
  optional("period", "string", 'Cohorts by "month" (default), "week", "quarter" or "year"; the verdict judges a year of them.'),
  optional("within_days", "number", "H: count a return only within this many days of the first purchase."),
  optional("orders_start_with_business", "boolean", "TRUE if the orders go back to the first sale: the first period is judged too."),
];

export const SIGNATURES = {
  RETENTION_RATE: {
    summary:
      "Retention of new customers, literally: second purchases ÷ first purchases over the whole range, returns counted at any time (below 67 %, a hole in the pocket). Recent customers, who have had no time to come back, pull it down and old ones push it up: JUDGED_RETENTION is the verdict.",
    parameters: [
      required("customers", "string[][]", "Customer of each order (names or ids), one column."),
      ORDER_DATES,
      optional("start_date", "Date", "Count customers whose first purchase is on or after this date."),
      optional("end_date", "Date", "Count customers whose first purchase is on or before this date."),
      WITHIN_DAYS,
    ],
    returns: { kind: "number", description: "Share of new customers who came back, from 0 to 1." },
    example: "=RETENTION_RATE(B2:B, A2:A)",
  },
  JUDGED_RETENTION: {
    summary:
      "The verdict on retention of new customers, as the sidebar shows it: the new customers of the latest year of cohorts old enough to judge, and the share of them who bought again within H days of their first purchase. H is within_days, else the span within which 80% of second purchases fall (365 days while nobody came back). A cohort is old enough when its period ended H days before the latest order. The data's first period is left out: its customers may have bought before the data starts.",
    parameters: JUDGED_PARAMETERS,
    returns: { kind: "number", description: "Share of the judged new customers who came back within H days, from 0 to 1." },
    example: '=JUDGED_RETENTION(B2:B, A2:A, C2:C, E2:E, "project")',
  },
  VERDICT_DETAILS: {
    summary:
      "What stands behind JUDGED_RETENTION, as label and value rows: the cohorts judged (or until when it is too early), H, the judged new customers who came back within H and who did not, all new customers split into came back, did not and too recent to tell, and the rows left out as one-off deals or refunds.",
    parameters: JUDGED_PARAMETERS,
    returns: { kind: "table", description: "Eleven rows of a label and a value." },
    example: '=VERDICT_DETAILS(B2:B, A2:A, C2:C, E2:E, "project")',
  },
  RETENTION_HORIZON: {
    summary:
      "The horizon H of JUDGED_RETENTION, in days: the span within which 80% of second purchases came (or within_days when given; 365 when nobody has come back yet). The verdict counts a return only within H days of the first purchase, and judges a cohort once H days have passed since its end.",
    // The orders as JUDGED_RETENTION reads them (refunds and one-off deals are no purchases), and H.
    parameters: [...JUDGED_PARAMETERS.slice(0, 5), optional("within_days", "number", "The horizon to use instead of the data's.")],
    returns: { kind: "number", description: "Days." },
    example: '=RETENTION_HORIZON(B2:B, A2:A, C2:C, E2:E, "project")',
  },
  FIRST_PURCHASES: {
    summary: "Number of new customers: those whose first purchase falls in the period.",
    parameters: [
      CUSTOMERS,
      ORDER_DATES,
      optional("start_date", "Date", "First day of the period."),
      optional("end_date", "Date", "Last day of the period."),
    ],
    returns: { kind: "number", description: "How many customers made their first purchase in the period." },
    example: "=FIRST_PURCHASES(B2:B, A2:A, DATE(2024,1,1), DATE(2024,12,31))",
  },
  SECOND_PURCHASES: {
    summary: "Number of the period's new customers who made a second purchase.",
    parameters: [CUSTOMERS, ORDER_DATES, ...FIRST_PURCHASE_WINDOW, WITHIN_DAYS],
    returns: { kind: "number", description: "How many of the period's new customers came back." },
    example: "=SECOND_PURCHASES(B2:B, A2:A, , , 90)",
  },
  RETENTION_COHORTS: {
    summary: "Retention by cohort: one row per period with new customers, oldest first.",
    parameters: [
      CUSTOMERS,
      ORDER_DATES,
      optional("period", "string", '"month" (default), "week", "quarter" or "year" (or месяц, неделя, квартал, год).'),
      WITHIN_DAYS,
    ],
    returns: { kind: "table", description: "A table: period start, new customers, returned, retention rate." },
    example: '=RETENTION_COHORTS(B2:B, A2:A, "quarter")',
  },
  COHORT_MATRIX: {
    summary:
      "The cohort triangle: for each cohort of new customers, the share (or number) who bought again 0, 1, 2 … periods after their first purchase.",
    parameters: [
      CUSTOMERS,
      ORDER_DATES,
      PERIOD,
      optional("measure", "string", '"rate" (default): share of the cohort; "count": number of customers.'),
    ],
    returns: { kind: "table", description: "A table: cohort start, cohort size, then one column per period offset." },
    example: '=COHORT_MATRIX(B2:B, A2:A, "month", "rate")',
  },
  REPEAT_REVENUE_SHARE: {
    summary:
      "Share of revenue that came from repeat purchases: orders dated after the customer's first purchase day (taken from the whole range).",
    parameters: [
      CUSTOMERS,
      ORDER_DATES,
      required("amounts", "number[][]", "Amount of each order, one column of the same length."),
      optional("start_date", "Date", "Count orders dated on or after this date."),
      optional("end_date", "Date", "Count orders dated on or before this date."),
    ],
    returns: { kind: "number", description: "Repeat revenue ÷ all revenue of the period's orders, from 0 to 1." },
    example: "=REPEAT_REVENUE_SHARE(B2:B, A2:A, C2:C)",
  },
  TIME_TO_SECOND_PURCHASE: {
    summary: "Median number of days from the first to the second purchase, among the period's new customers who came back.",
    parameters: [CUSTOMERS, ORDER_DATES, ...FIRST_PURCHASE_WINDOW],
    returns: { kind: "number", description: "Median days to the second purchase." },
    example: "=TIME_TO_SECOND_PURCHASE(B2:B, A2:A)",
  },
  CUSTOMER_SUMMARY: {
    summary:
      "One row per customer: first and last purchase, number of purchases, total amount and days since the last purchase (counted to the latest order date in the data).",
    parameters: [CUSTOMERS, ORDER_DATES, optional("amounts", "number[][]", "Amount of each order, one column of the same length.")],
    returns: { kind: "table", description: "A table ordered by first purchase, then by name." },
    example: "=CUSTOMER_SUMMARY(B2:B, A2:A, C2:C)",
  },
  HEALTH_CHECK: {
    summary:
      "The book's eight questions about the customer base, answered from the orders: one row per question with its verdict (good, needs attention, bad, or needs data) and a sentence with the figure behind it. The rules are in the documentation's health-check page.",
    parameters: [
      CUSTOMERS,
      ORDER_DATES,
      required("amounts", "number[][]", "Amount of each order: a negative one (a refund) is no purchase."),
      optional("managers", "string[][]", "Manager of each order (question 4)."),
      optional("deal_types", "string[][]", "Deal type of each order, one column of the same length."),
      optional("excluded_deal_type", "string", 'Leave out the rows of this deal type; omitted: "Project" and "Проект"; blank: none.'),
      optional("budgets", "number[][]", "The customer's yearly budget (question 2); the latest non-blank one counts."),
      optional("initiated_by", "string[][]", "Who started each sale: inbound or outbound, входящий or исходящий (question 7)."),
      PERIOD,
      optional("orders_start_with_business", "boolean", "TRUE if the orders go back to the first sale: every period is judged."),
      optional("target", "number", "Target retention of new customers, for question 4; default 67%."),
      optional("lapsed_factor", "number", "Question 5: lapsed when gone more than this many usual gaps (above 1); default 2."),
      optional("trend_threshold", "number", "The trends: a change beyond ± this is growth or a fall (15%, 0.15 or 15); default 10%."),
    ],
    returns: { kind: "table", description: "Nine rows: a header, then question, verdict and answer for each of the eight." },
    example: '=HEALTH_CHECK(B2:B, A2:A, C2:C, D2:D, E2:E, "project", F2:F, G2:G)',
  },
  REVENUE_SPLIT: {
    summary:
      "The health check's periods: per period, customers who bought (new ones, whose first purchase is in the period, and existing ones), their revenue (refunds lower it), purchases (customer-days), the average order, and the active base: customers with a purchase in the 12 months ending with the period.",
    parameters: [
      CUSTOMERS,
      ORDER_DATES,
      required("amounts", "number[][]", "Amount of each order: a negative one (a refund) lowers revenue and is no purchase."),
      PERIOD,
      optional("deal_types", "string[][]", "Deal type of each order, one column of the same length."),
      optional("excluded_deal_type", "string", 'Leave out the rows of this deal type; omitted: "Project" and "Проект"; blank: none.'),
    ],
    returns: { kind: "table", description: "A table: period start, then the period's figures, oldest first." },
    example: '=REVENUE_SPLIT(B2:B, A2:A, C2:C, "quarter")',
  },
  ACTIVE_CUSTOMERS: {
    summary: "The active customer base: customers with a purchase in the 12 months ending on a date (the latest order's by default).",
    parameters: [
      CUSTOMERS,
      ORDER_DATES,
      optional("as_of", "Date", "The last day of the 12 months."),
      optional("amounts", "number[][]", "Amount of each order: a negative one is a refund, no purchase (as in REVENUE_SPLIT)."),
    ],
    returns: { kind: "number", description: "How many customers bought in those 12 months." },
    example: "=ACTIVE_CUSTOMERS(B2:B, A2:A)",
  },
  LAPSED_CUSTOMERS: {
    summary:
      "Customers who left: they bought on two days or more, and have now been gone more than factor times their own usual gap and more than the business's median gap between purchases. Most revenue at stake (their last 12 months before leaving, less refunds since) first.",
    parameters: [
      CUSTOMERS,
      ORDER_DATES,
      optional("amounts", "number[][]", "Amount of each order, one column of the same length."),
      optional("managers", "string[][]", "Manager of each order: the list names the manager of the last purchase."),
      optional("contacts", "string[][]", "Email or phone of each order's customer: the latest one is listed."),
      optional("factor", "number", "Gone more than this many usual gaps (above 1); default 2, as HEALTH_CHECK's lapsed_factor."),
    ],
    returns: {
      kind: "table",
      description: "A call list: customer, manager, last purchase, usual gap, days since, revenue at stake, contact.",
    },
    example: "=LAPSED_CUSTOMERS(B2:B, A2:A, C2:C, D2:D)",
  },
  AVERAGE_ORDER: {
    summary:
      "The average order: revenue ÷ purchases of the orders dated in the period, where a purchase is one customer's orders of one day.",
    parameters: [
      CUSTOMERS,
      ORDER_DATES,
      required("amounts", "number[][]", "Amount of each order: refunds lower the revenue."),
      optional("start_date", "Date", "Count orders dated on or after this date."),
      optional("end_date", "Date", "Count orders dated on or before this date."),
    ],
    returns: { kind: "number", description: "Revenue per purchase." },
    example: "=AVERAGE_ORDER(B2:B, A2:A, C2:C, DATE(2024,1,1), DATE(2024,12,31))",
  },
  SHARE_OF_WALLET: {
    summary:
      "Share of wallet: sales in the 12 months ending with the latest order ÷ the customers' yearly budgets, over the customers with a budget. Where one customer's rows disagree, the latest non-blank budget counts.",
    parameters: [
      CUSTOMERS,
      ORDER_DATES,
      required("amounts", "number[][]", "Amount of each order, one column of the same length."),
      required("budgets", "number[][]", "The customer's yearly budget or potential, typed by the team; blank where unknown."),
    ],
    returns: { kind: "number", description: "Sales ÷ budgets; below 1, part of the customers' budget goes elsewhere." },
    example: "=SHARE_OF_WALLET(B2:B, A2:A, C2:C, F2:F)",
  },
} as const satisfies Record<string, FunctionSignature>;

export type CustomFunctionName = keyof typeof SIGNATURES;

export const CUSTOM_FUNCTION_NAMES = Object.keys(SIGNATURES) as CustomFunctionName[];
