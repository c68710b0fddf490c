// The columns a report read, as the sidebar and the text report list them.

import { describe, expect, it } from "vitest";
import { columnsRead } from "../../src/presentation/columns-read";
import type { RetentionReport } from "../../src/core/report";
import type { HealthCheck } from "../../src/core/health/health-check";

describe("the columns read", () => {
  it("lists the report's columns, then the health check's own, in a fixed order", () => {
    const report = {
      columns: { date: "Создан", customer: "Email", manager: "Ответственный" },
      healthCheck: { columns: { contact: "Телефон", budget: "Потенциал" } } as unknown as HealthCheck,
    } satisfies Pick<RetentionReport, "columns" | "healthCheck">;
    expect(columnsRead(report, (role) => role.toUpperCase())).toBe(
      "CUSTOMER = Email, DATE = Создан, MANAGER = Ответственный, BUDGET = Потенциал, CONTACT = Телефон",
    );
  });

  it("lists only the report's columns without a health check", () => {
    expect(columnsRead({ columns: { customer: "Client", date: "Date" }, healthCheck: undefined }, (role) => role)).toBe(
      "customer = Client, date = Date",
    );
  });
});
