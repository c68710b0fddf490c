// The pure core: orders in, metrics out. No Apps Script, DOM or Node globals below this folder.

export * from "./a1";
export * from "./calendar";
export * from "./cells";
export * from "./cohorts";
export * from "./columns";
export * from "./customer-key";
export * from "./customer-summary";
export * from "./deal-types";
export * from "./formula-safe";
export * from "./ingest";
export * from "./ledger";
export * from "./periods";
export * from "./problems";
export * from "./report";
export * from "./retention";
export * from "./statistics";
export * from "./time-zone";
export * from "./verdict";
export * from "./analyze-table";
