// Question 7 reads an optional "initiated by" column: who started the sale. The values teams type
// name a direction (inbound/outbound, входящий/исходящий, often cut to «Исх.» and «Вх.»), a
// side (клиент/менеджер) or the kind of contact that tells it (a cold call, a customer's request:
// «Холодный звонок», «Заявка с сайта»). A value that names neither counts as not started by the
// company (HealthOrders counts such values).

import { customerKey } from "../customer-key";

/**
 * The words that name each side, as keys (src/core/customer-key.ts). Exported for the SQL
 * generator (src/sql/started-query.ts), which writes them into its queries: one list for both.
 */
export const INITIATOR_WORDS: { readonly company: readonly string[]; readonly customer: readonly string[] } = {
  company: [
    "outbound",
    "outgoing",
    "cold",
    "company",
    "manager",
    "sales",
    "us",
    "we",
    "исходящий",
    "исходящая",
    "исходящее",
    "исходящие",
    "исх",
    "холодный",
    "холодная",
    "холодное",
    "холодные",
    "компания",
    "менеджер",
    "продавец",
    "мы",
  ],
  customer: [
    "inbound",
    "incoming",
    "request",
    "customer",
    "client",
    "входящий",
    "входящая",
    "входящее",
    "входящие",
    "вх",
    "заявка",
    "заявки",
    "клиент",
    "покупатель",
  ],
};

/** What ends a value's first word besides whitespace: «Исходящий звонок», "Outbound, email". */
export const INITIATOR_WORD_ENDS = ",.;:()-";

const BY_COMPANY = new Set(INITIATOR_WORDS.company);
const BY_CUSTOMER = new Set(INITIATOR_WORDS.customer);
const WORD_BREAK = new RegExp(`[\\s${INITIATOR_WORD_ENDS}]+`);

export type Initiator = "company" | "customer" | "unknown" | "blank";

/** CRMs write the direction first and the channel after it: «Исходящий звонок», "Outbound email". */
export function initiatorOf(cell: unknown): Initiator {
  const key = customerKey(cell);
  if (key === "") return "blank";
  const firstWord = key.split(WORD_BREAK)[0]!;
  if (BY_COMPANY.has(key) || BY_COMPANY.has(firstWord)) return "company";
  if (BY_CUSTOMER.has(key) || BY_CUSTOMER.has(firstWord)) return "customer";
  return "unknown";
}
