// The Apps Script entry: it only declares what Sheets and google.script.run can call. The build
// turns every export below into a top-level `function NAME(...)` in dist/Code.js.

export {
  RETENTION_RATE,
  JUDGED_RETENTION,
  RETENTION_HORIZON,
  VERDICT_DETAILS,
  FIRST_PURCHASES,
  SECOND_PURCHASES,
  RETENTION_COHORTS,
  COHORT_MATRIX,
  REPEAT_REVENUE_SHARE,
  TIME_TO_SECOND_PURCHASE,
  CUSTOMER_SUMMARY,
  HEALTH_CHECK,
  REVENUE_SPLIT,
  ACTIVE_CUSTOMERS,
  LAPSED_CUSTOMERS,
  AVERAGE_ORDER,
  SHARE_OF_WALLET,
} from "./functions/custom-functions";
export { onOpen, onInstall, showRetentionReport, menuHighlightToWinBack, menuClearHighlighting } from "./addon/menu";
export {
  getSidebarState,
  analyzeSelection,
  highlightToWinBack,
  clearHighlighting,
  copyLapsedCustomers,
  copyNeverReturnedCustomers,
} from "./addon/server";
export { createTemplate, createTemplateWithSampleOrders } from "./addon/template";
