// "Customer = Email, Date = Created at, Budget = Потенциал": the columns a report read, as every
// surface lists them, so that a wrongly guessed column shows at once. Pure.

import type { Field } from "../core/columns";
import type { HealthColumnNames } from "../core/health/health-columns";
import type { RetentionReport } from "../core/report";

export type ColumnRole = Field | keyof HealthColumnNames;

/** In the order they are listed. */
const ROLES: readonly ColumnRole[] = ["customer", "date", "amount", "manager", "dealType", "budget", "initiatedBy", "contact"];

/** The columns read, each as `label(role) = its name`, comma-separated. */
export function columnsRead(report: Pick<RetentionReport, "columns" | "healthCheck">, label: (role: ColumnRole) => string): string {
  const names: Partial<Record<ColumnRole, string>> = { ...report.columns, ...report.healthCheck?.columns };
  return ROLES.filter((role) => names[role] !== undefined)
    .map((role) => `${label(role)} = ${names[role]}`)
    .join(", ");
}
