// One-off project deals, which the book leaves out of the customer base: every surface leaves out
// the deal types named here unless the user chooses otherwise, so that their defaults agree.

import { customerKey } from "./customer-key";

/** Deal types that mean a one-off project, in English and Russian (compared like customers). */
export const PROJECT_DEAL_TYPES: readonly string[] = ["Project", "Проект"];

const PROJECT_KEYS = new Set(PROJECT_DEAL_TYPES.map(customerKey));

export function isProjectDealType(value: unknown): boolean {
  return PROJECT_KEYS.has(customerKey(value));
}
