// Run by managers.test.ts in a child process, so that its peak memory is this check's alone:
//   tsx test/core/health/unique-managers-peak.ts <orders> <years>
// Builds a log of one order per row with a manager column of unique values, weekly over many
// years, and prints how far the health check raised the process's peak resident memory (MB).

import { readFileSync, writeFileSync } from "node:fs";
import { CustomerLedger, customerKey, dayFromCivil } from "../../../src/core";
import { healthCheck } from "../../../src/core/health/health-check";
import { PurchaseLog } from "../../../src/core/health/purchase-log";

const [orders = 60_000, years = 40] = process.argv.slice(2).map(Number);
const log = new PurchaseLog();
const ledger = new CustomerLedger({ purchaseLog: log });
const firstDay = dayFromCivil(1980, 1, 1);
const span = Math.floor(years * 365.25);
for (let row = 0; row < orders; row++) {
  // Customers buy about five times each, spread over the whole span; every row has its own manager.
  const customer = `Customer ${row % Math.max(1, Math.floor(orders / 5))}`;
  ledger.add(customerKey(customer), customer, firstDay + ((row * 7919) % span), 100 + (row % 50), `Manager ${row}`);
}

const kilobytes = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync("/proc/self/status", "utf8"))![1]);
// Writing 5 to clear_refs resets the peak (VmHWM) to the present resident size; where the system
// does not let it, there is no peak of the check alone to print.
try {
  writeFileSync("/proc/self/clear_refs", "5");
} catch {
  console.log(JSON.stringify({ peakMb: null }));
  process.exit(0);
}
const before = kilobytes("VmRSS");
const check = healthCheck(
  ledger,
  log,
  { period: "week", target: 0.67, hasAmounts: true, hasManagers: true, hasInitiatedBy: false, managerLimit: 5 },
  null,
);
const peakMb = (kilobytes("VmHWM") - before) / 1024;
console.log(JSON.stringify({ peakMb, periods: check.periods.length, managers: check.managers!.length + check.managersOmitted }));
