// A small order log whose answers are worked out by hand in the tests that use it.
//
//   A: 2024-01-05 100, 2024-01-05 50 (same day: one purchase), 2024-02-10 30   → second after 36 days
//   B: 2024-01-20 200                                                             → never returned
//   C: 2024-02-01 10, 2024-02-03 20                                               → second after 2 days
//   D: 2024-03-15 40, 2024-06-01 60                                               → second after 78 days
//   E: 2024-03-20 5                                                               → never returned

import { CustomerLedger, customerKey, dayFromCivil, type LedgerOptions } from "../../src/core";

export const HAND_LOG: readonly [customer: string, date: string, amount: number][] = [
  ["A", "2024-01-05", 100],
  ["B", "2024-01-20", 200],
  ["A", "2024-01-05", 50],
  ["C", "2024-02-01", 10],
  ["A", "2024-02-10", 30],
  ["C", "2024-02-03", 20],
  ["D", "2024-03-15", 40],
  ["E", "2024-03-20", 5],
  ["D", "2024-06-01", 60],
];

export function day(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return dayFromCivil(y!, m!, d!);
}

export function ledgerOf(log: readonly (readonly [string, string, number])[], options: LedgerOptions = {}): CustomerLedger {
  const ledger = new CustomerLedger(options);
  for (const [customer, date, amount] of log) ledger.add(customerKey(customer), customer, day(date), amount);
  return ledger;
}
