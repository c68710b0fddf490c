import { describe, expect, it } from "vitest";
import { mapHeader, mapHeaderWithDoubts } from "../../src/core/columns";
import { countLeftOutStatus, ingestOrders } from "../../src/core/ingest";
import { inputLocale } from "../../src/core/cells";
import { findStatusColumn, statusLabel, statusRule, statusVerdict } from "../../src/core/statuses";

describe("statusVerdict", () => {
  const completed = statusRule();

  it("keeps paid, partially refunded, completed and won, in any spelling", () => {
    for (const value of [
      "paid",
      "Partially refunded",
      "partially_refunded",
      "Completed",
      "Успешно реализовано",
      "Сделка успешна",
      "Да",
      "Оплачен",
      "Выполнен",
    ]) {
      expect(statusVerdict(value, completed), value).toBe("purchase");
    }
  });

  it("leaves out refunded, voided, failed, cancelled, lost and open deals", () => {
    for (const value of [
      "refunded",
      "Voided",
      "Failed",
      "cancelled",
      "Закрыто и не реализовано",
      "Сделка провалена",
      "Нет",
      "Переговоры",
      "В работе",
      "pending",
    ]) {
      expect(statusVerdict(value, completed), value).toBe("leftOut");
    }
  });

  it("МойСклад: shipped and delivered orders are sales; new, confirmed, picked, returned and cancelled ones are not", () => {
    for (const value of ["Отгружен", "Доставлен"]) expect(statusVerdict(value, completed), value).toBe("purchase");
    for (const value of ["Новый", "Подтвержден", "Подтверждён", "Собран", "Возврат", "Отменен", "Отменён"]) {
      expect(statusVerdict(value, completed), value).toBe("leftOut");
    }
  });

  it("retailCRM: complete (Выполнен) is a sale; new and cancel-other (Отменён) are not", () => {
    expect(statusVerdict("complete", completed)).toBe("purchase");
    expect(statusVerdict("Выполнен", completed)).toBe("purchase");
    for (const value of ["new", "cancel-other", "Отменён"]) expect(statusVerdict(value, completed), value).toBe("leftOut");
  });

  it("a blank status is a continuation row; --count-status values replace the completed ones", () => {
    expect(statusVerdict("  ", completed)).toBe("continuation");
    const named = statusRule(["Refunded"]);
    expect(statusVerdict("refunded", named)).toBe("purchase");
    expect(statusVerdict("paid", named)).toBe("leftOut");
  });
});

describe("findStatusColumn", () => {
  it("prefers Shopify's Financial Status to its Fulfillment Status", () => {
    const header = ["Name", "Fulfillment Status", "Financial Status"];
    expect(findStatusColumn(header, [["#1", "fulfilled", "paid"]])).toBe(2);
  });

  it("takes МойСклад's state column and retailCRM's status column by their values", () => {
    const moysklad = ["name", "moment", "agent", "sum", "state", "applicable"];
    expect(
      findStatusColumn(moysklad, [
        ["00001", "", "", "", "Отгружен", "true"],
        ["00002", "", "", "", "Подтвержден", "true"],
      ]),
    ).toBe(4);
    expect(
      findStatusColumn(
        ["number", "status"],
        [
          ["1A", "complete"],
          ["2A", "cancel-other"],
          ["3A", "new"],
        ],
      ),
    ).toBe(1);
    // A US shop's State column holds states, not statuses.
    expect(findStatusColumn(["State"], [["CA"], ["NY"]])).toBe(-1);
  });

  it("takes no Status column whose values are mostly not statuses", () => {
    expect(findStatusColumn(["Status"], [["VIP"], ["Regular"], ["paid"]])).toBe(-1);
    expect(findStatusColumn(["Status"], [["paid"], ["refunded"], [""]])).toBe(0);
  });
});

describe("mapHeader on real exports", () => {
  it("Shopify: the customer is the Email, never the order number Name; Created at is the date, Total the amount", () => {
    const header = [
      "Name",
      "Email",
      "Financial Status",
      "Paid at",
      "Subtotal",
      "Total",
      "Discount Amount",
      "Created at",
      "Billing Name",
      "Cancelled at",
    ];
    expect(mapHeader(header)).toEqual({ customer: 1, date: 7, amount: 5 });
  });

  it("1C: the Контрагент, not the Организация (the seller); amoCRM: Дата создания, not Дата закрытия", () => {
    expect(mapHeader(["Дата", "Номер", "Контрагент", "Организация", "Сумма"])).toEqual({ date: 0, customer: 2, amount: 4 });
    expect(mapHeader(["Бюджет", "Дата закрытия", "Дата создания", "Компания", "Полное имя контакта"])).toEqual({
      amount: 0,
      date: 2,
      customer: 3,
    });
    // Beside an amount, a Бюджет is the customer's yearly budget, whichever comes first; but it is
    // still amoCRM's amount beside a field that only mentions a sum.
    expect(mapHeader(["Клиент", "Дата", "Бюджет", "Сумма"])).toEqual({ customer: 0, date: 1, amount: 3 });
    expect(mapHeader(["Клиент", "Дата", "Бюджет", "Выручка"])).toEqual({ customer: 0, date: 1, amount: 3 });
    expect(mapHeader(["ID", "Название сделки", "Бюджет", "Ответственный", "Дата создания", "Компания", "Сумма предоплаты"])).toEqual({
      amount: 2,
      manager: 3,
      date: 4,
      customer: 5,
    });
    // 1C's amount with or without VAT is the amount; VAT alone is only the tax.
    expect(mapHeader(["Контрагент", "Дата", "НДС", "Сумма с НДС"])).toEqual({ customer: 0, date: 1, amount: 3 });
    expect(mapHeader(["Контрагент", "Дата", "Сумма НДС", "Сумма без НДС"])).toEqual({ customer: 0, date: 1, amount: 3 });
    expect(mapHeader(["Контрагент", "Дата", "в т.ч. НДС", "Выручка, включая НДС"])).toEqual({ customer: 0, date: 1, amount: 3 });
    expect(mapHeader(["Customer", "Date", "VAT", "Amount incl. VAT"])).toEqual({ customer: 0, date: 1, amount: 3 });
    expect(mapHeader(["Контрагент", "Дата", "НДС"])).toEqual({ customer: 0, date: 1 });
    // A manager's email is the seller's, never the customer column.
    expect(mapHeader(["Date", "Customer", "Amount", "Manager email"])).toEqual({ date: 0, customer: 1, amount: 2 });
    expect(mapHeader(["Дата", "Клиент", "Сумма", "Менеджер", "Email менеджера"])).toEqual({ date: 0, customer: 1, amount: 2, manager: 3 });
  });

  it("МойСклад's API fields: agent is the customer (organization the seller), moment the date, sum the amount", () => {
    const header = ["name", "moment", "deliveryPlannedMoment", "agent", "agentAccount", "organization", "sum", "payedSum", "state"];
    expect(mapHeader(header)).toEqual({ date: 1, customer: 3, amount: 6 });
  });

  it("retailCRM's API fields: email, createdAt (not statusUpdatedAt), totalSumm (not summ), managerId", () => {
    const header = ["number", "createdAt", "statusUpdatedAt", "status", "summ", "totalSumm", "prepaySum", "email", "managerId"];
    expect(mapHeader(header)).toEqual({ date: 1, amount: 5, customer: 7, manager: 8 });
  });

  it("a User Agent column is no customer", () => {
    expect(mapHeader(["Date", "User Agent"])).toEqual({ date: 0 });
  });

  it("two columns equally plausible for the customer are a doubt", () => {
    expect(mapHeaderWithDoubts(["Email", "E-mail", "Date"]).doubts).toEqual({ customer: [0, 1] });
    expect(mapHeaderWithDoubts(["Email", "Customer", "Date"]).doubts).toEqual({});
  });
});

describe("ingestOrders with a status column", () => {
  it("leaves out rows by status before reading them, counts them per status, and adds nothing for continuation rows", () => {
    const values = [
      ["ann", "2024-01-05", "30", "paid"],
      ["ann", "", "", ""], // a line item of the same order: neither skipped nor an order
      ["bob", "", "25", "Refunded"], // left out before its missing date is a problem
      ["bob", "2024-01-07", "25", "refunded"],
    ];
    const ref = (argument: string, column: number) => ({ argument, values, column });
    const added: string[] = [];
    const stats = ingestOrders(
      { customer: ref("Email", 0), date: ref("Date", 1), amount: ref("Total", 2), status: ref("Financial Status", 3) },
      { add: (key) => added.push(key) },
      { locale: inputLocale("en_US", "UTC"), statusRule: statusRule(), onSkippedRow: () => undefined },
    );
    expect(added).toEqual(["ann"]);
    // "Refunded" and "refunded" are one status, counted under the spelling that sorts first.
    expect(stats).toMatchObject({ rows: 4, orders: 1, skippedRows: 0, blankRows: 0, leftOutByStatus: { Refunded: 2 } });
    expect(Object.keys(stats.leftOutByStatus!)).toEqual(["Refunded"]);
  });

  it("counts one status under the same spelling whatever the row order", () => {
    const spellings = ["refunded", "Refunded", " REFUNDED "];
    for (const order of [spellings, [...spellings].reverse()]) {
      const stats = { rows: 0, blankRows: 0, excludedRows: 0, skippedRows: 0, orders: 0 };
      for (const spelling of order) countLeftOutStatus(stats, statusLabel(spelling));
      // "REFUNDED" < "Refunded" < "refunded" in code-unit order.
      expect(stats).toMatchObject({ leftOutByStatus: { REFUNDED: 3 } });
    }
  });
});
