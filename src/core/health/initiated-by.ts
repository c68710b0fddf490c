// Question 7 reads an optional "initiated by" column: who started the sale. The values teams type
// name a direction (inbound/outbound, входящий/исходящий) or a side (клиент/менеджер). A value
// that names neither counts as not started by the company (HealthOrders counts such values).

import { customerKey } from "../customer-key";

const BY_COMPANY = new Set([
  "outbound",
  "outgoing",
  "company",
  "manager",
  "sales",
  "us",
  "we",
  "исходящий",
  "исходящая",
  "исходящее",
  "исходящие",
  "компания",
  "менеджер",
  "продавец",
  "мы",
]);

const BY_CUSTOMER = new Set([
  "inbound",
  "incoming",
  "customer",
  "client",
  "входящий",
  "входящая",
  "входящее",
  "входящие",
  "клиент",
  "покупатель",
]);

export type Initiator = "company" | "customer" | "unknown" | "blank";

/** CRMs write the direction first and the channel after it: «Исходящий звонок», "Outbound email". */
export function initiatorOf(cell: unknown): Initiator {
  const key = customerKey(cell);
  if (key === "") return "blank";
  const firstWord = key.split(/[\s,.;:()-]+/)[0]!;
  if (BY_COMPANY.has(key) || BY_COMPANY.has(firstWord)) return "company";
  if (BY_CUSTOMER.has(key) || BY_CUSTOMER.has(firstWord)) return "customer";
  return "unknown";
}
