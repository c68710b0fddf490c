// Order files as real platforms export them: their header names, in their order, and their value
// formats (dates, decimal separators, statuses), for the exports tests (test/cli/exports.test.ts).
// Each layout cites where its names and values come from. The columns a platform has beyond those
// the report could read are kept (a subset of them), since they are what detection must pass over.
//
// Every fixture holds the same four customers, so the figures are worked out once:
//   A buys on two days (kept statuses)           → a new customer who came back
//   B buys once (kept), and on a later day an order that is refunded / cancelled / lost
//   C buys once (kept), and on a later day one that failed / is still open
//   D has only orders that are no purchase (voided, failed, lost, unposted …), all on one day
//   (PayPal adds E, whose only payment was refunded, and the refund's own row: no purchase either.)
//   (A sheet of the owner's own making has no status: there B's later row is a refund, a negative
//   amount; C's second order is on the day of the first, one purchase; D has only a refund.)
// Counted right: customers 3 (A, B, C), first purchases 3, second purchases 1 (A).
// Counted with every status:  customers 4, first purchases 4, second purchases 3 (A, B, C).

import { encodeWindows1251 } from "../../bench/cp1251";

export interface ExportFixture {
  name: string;
  file: string;
  content: string | Buffer;
  /** Environment the owner would run the command in (a Russian 1C user has a Russian locale). */
  env?: Record<string, string>;
  columns: { customer: string; date: string; amount?: string };
  /** The status column; none in a sheet of the owner's own making. */
  status?: string;
  /** The line saying what was left out (by status, or as refunds), as the text report writes it. */
  leftOut: string;
}

/** Rows as a spreadsheet saves them: a cell quoted only when it holds the delimiter, a quote or a line break. */
function csv(rows: readonly (readonly string[])[], delimiter = ","): string {
  const quote = (cell: string): string => (cell.includes(delimiter) || /["\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return `${rows.map((row) => row.map(quote).join(delimiter)).join("\n")}\n`;
}

/** A row of `header.length` cells with `values` by header name, the rest blank. */
function row(header: readonly string[], values: Record<string, string>): string[] {
  for (const name of Object.keys(values)) if (!header.includes(name)) throw new Error(`no column ${name}`);
  return header.map((name) => values[name] ?? "");
}

// Shopify orders export. Columns: help.shopify.com "Exporting orders" (order CSV columns: Name,
// Email, Financial Status, Paid at, Fulfillment Status, … Created at, Lineitem …, Billing Name …);
// financial statuses as the Admin API names them (paid, partially_refunded, refunded, voided,
// pending: https://next.daff.io/docs/api/driver/shopify/ShopifyOrderFinancialStatus and
// https://gist.github.com/man-person/713e4356c3b390de118ea55cabda9118). One row per line item:
// the order's fields on its first row only; `Name` is the order number (#1001), not a customer.
const SHOPIFY_HEADER = [
  "Name",
  "Email",
  "Financial Status",
  "Paid at",
  "Fulfillment Status",
  "Fulfilled at",
  "Accepts Marketing",
  "Currency",
  "Subtotal",
  "Shipping",
  "Taxes",
  "Total",
  "Discount Code",
  "Discount Amount",
  "Shipping Method",
  "Created at",
  "Lineitem quantity",
  "Lineitem name",
  "Lineitem price",
  "Lineitem fulfillment status",
  "Billing Name",
  "Cancelled at",
  "Refunded Amount",
  "Id",
];

function shopify(): ExportFixture {
  const h = SHOPIFY_HEADER;
  const order = (name: string, email: string, status: string, total: string, created: string, item: string, billing: string) =>
    row(h, {
      Name: name,
      Email: email,
      "Financial Status": status,
      "Paid at": status === "paid" ? created : "",
      "Fulfillment Status": "fulfilled",
      "Accepts Marketing": "no",
      Currency: "USD",
      Subtotal: total,
      Shipping: "0.00",
      Taxes: "0.00",
      Total: total,
      "Created at": created,
      "Lineitem quantity": "1",
      "Lineitem name": item,
      "Lineitem price": total,
      "Billing Name": billing,
      Id: `45${name.slice(1)}`,
    });
  // A continuation row: the order number, the email and the line item; no status, no total.
  const item = (name: string, email: string, created: string, itemName: string) =>
    row(h, {
      Name: name,
      Email: email,
      "Created at": created,
      "Lineitem quantity": "2",
      "Lineitem name": itemName,
      "Lineitem price": "5.00",
    });
  const rows = [
    h,
    order("#1001", "ann@example.com", "paid", "30.00", "2024-01-05 10:15:00 +0100", "Mug", "Ann Lee"),
    item("#1001", "ann@example.com", "2024-01-05 10:15:00 +0100", "Spoon"),
    // Also a continuation row, with the date left blank as well: not a skipped row.
    item("#1001", "ann@example.com", "", "Saucer"),
    order("#1002", "bob@example.com", "partially_refunded", "20.00", "2024-01-08 09:00:00 +0100", "Tea", "Bob Ray"),
    order("#1003", "cat@example.com", "paid", "12.00", "2024-01-09 11:00:00 +0100", "Tea", "Cat Poe"),
    order("#1004", "ann@example.com", "paid", "18.00", "2024-02-10 12:00:00 +0100", "Mug", "Ann Lee"),
    order("#1005", "bob@example.com", "refunded", "25.00", "2024-02-12 12:00:00 +0100", "Pot", "Bob Ray"),
    item("#1005", "bob@example.com", "2024-02-12 12:00:00 +0100", "Lid"),
    order("#1006", "cat@example.com", "pending", "14.00", "2024-02-15 12:00:00 +0100", "Tea", "Cat Poe"),
    order("#1007", "dan@example.com", "voided", "40.00", "2024-02-20 12:00:00 +0100", "Pot", "Dan Fox"),
  ];
  return {
    name: "Shopify orders",
    file: "orders_export_1.csv",
    content: csv(rows),
    columns: { customer: "Email", date: "Created at", amount: "Total" },
    status: "Financial Status",
    leftOut: "Left out by status (Financial Status): 1 pending, 1 refunded, 1 voided",
  };
}

// WooCommerce "Customer/Order/Coupon Export" (woocommerce.com/document/ordercustomer-csv-exporter/,
// default order columns order_id, order_number, order_date, status, shipping_total, … order_total,
// refunded_total, customer_id, billing_first_name … billing_email); order statuses as WooCommerce
// stores them (completed, processing, on-hold, pending, cancelled, refunded, failed:
// https://pastebin.com/8JR3aXGB lists the same keys for another exporter).
function woocommerce(): ExportFixture {
  const h = [
    "order_id",
    "order_number",
    "order_date",
    "status",
    "shipping_total",
    "tax_total",
    "discount_total",
    "order_total",
    "refunded_total",
    "order_currency",
    "payment_method",
    "customer_id",
    "billing_first_name",
    "billing_last_name",
    "billing_company",
    "billing_email",
  ];
  const order = (id: string, date: string, status: string, total: string, customerId: string, first: string, email: string) =>
    row(h, {
      order_id: id,
      order_number: id,
      order_date: date,
      status,
      shipping_total: "5.00",
      tax_total: "1.00",
      discount_total: "0.00",
      order_total: total,
      refunded_total: status === "refunded" ? total : "0.00",
      order_currency: "EUR",
      payment_method: "stripe",
      customer_id: customerId,
      billing_first_name: first,
      billing_last_name: "Smith",
      billing_email: email,
    });
  const rows = [
    h,
    // customer_id is 0 for every guest: the email, not the customer ID, tells them apart.
    order("201", "2024-03-01 10:00:00", "completed", "50.00", "0", "Ann", "ann@example.org"),
    order("202", "2024-03-02 10:00:00", "processing", "30.00", "0", "Bob", "bob@example.org"),
    order("203", "2024-03-03 10:00:00", "completed", "20.00", "0", "Cat", "cat@example.org"),
    order("204", "2024-04-01 10:00:00", "completed", "60.00", "0", "Ann", "ann@example.org"),
    order("205", "2024-04-02 10:00:00", "cancelled", "35.00", "0", "Bob", "bob@example.org"),
    order("206", "2024-04-03 10:00:00", "failed", "25.00", "0", "Cat", "cat@example.org"),
    order("207", "2024-04-04 10:00:00", "refunded", "45.00", "0", "Dan", "dan@example.org"),
  ];
  return {
    name: "WooCommerce orders",
    file: "woocommerce-orders.csv",
    content: csv(rows),
    columns: { customer: "billing_email", date: "order_date", amount: "order_total" },
    status: "status",
    leftOut: "Left out by status (status): 1 cancelled, 1 failed, 1 refunded",
  };
}

// Stripe Dashboard payments export (Payments → Export; columns named in
// https://docs.cello.so/guides/attribution/stripe-reports: id, Description, Created (UTC), Amount,
// Currency, Converted Amount, Fee, Customer ID …); it includes failed payments
// (https://support.stripe.com/questions/exporting-a-report-of-all-transactions). Status is Paid,
// Refunded or Failed.
function stripe(): ExportFixture {
  const h = [
    "id",
    "Created (UTC)",
    "Amount",
    "Amount Refunded",
    "Currency",
    "Captured",
    "Converted Amount",
    "Converted Currency",
    "Decline Reason",
    "Description",
    "Fee",
    "Refunded date (UTC)",
    "Status",
    "Customer ID",
    "Customer Description",
    "Customer Email",
    "Invoice ID",
  ];
  const payment = (id: string, created: string, amount: string, status: string, customerId: string, email: string) =>
    row(h, {
      id,
      "Created (UTC)": created,
      Amount: amount,
      "Amount Refunded": status === "Refunded" ? amount : "0.00",
      Currency: "usd",
      Captured: status === "Failed" ? "false" : "true",
      "Converted Amount": amount,
      "Converted Currency": "usd",
      "Decline Reason": status === "Failed" ? "card_declined" : "",
      Description: "Subscription",
      Fee: "0.59",
      "Refunded date (UTC)": status === "Refunded" ? "2024-06-01 08:00:00" : "",
      Status: status,
      "Customer ID": customerId,
      "Customer Description": "",
      "Customer Email": email,
      "Invoice ID": `in_${id.slice(3)}`,
    });
  const rows = [
    h,
    payment("ch_001", "2024-05-01 08:00:00", "10.00", "Paid", "cus_A", "ann@mail.test"),
    payment("ch_002", "2024-05-02 08:00:00", "10.00", "Paid", "cus_B", "bob@mail.test"),
    payment("ch_003", "2024-05-03 08:00:00", "10.00", "Paid", "cus_C", "cat@mail.test"),
    payment("ch_004", "2024-06-01 08:00:00", "10.00", "Paid", "cus_A", "ann@mail.test"),
    payment("ch_005", "2024-06-02 08:00:00", "10.00", "Refunded", "cus_B", "bob@mail.test"),
    payment("ch_006", "2024-06-03 08:00:00", "10.00", "Failed", "cus_C", "cat@mail.test"),
    payment("ch_007", "2024-06-04 08:00:00", "10.00", "Failed", "cus_D", "dan@mail.test"),
  ];
  return {
    name: "Stripe payments",
    file: "unified_payments.csv",
    content: csv(rows),
    columns: { customer: "Customer Email", date: "Created (UTC)", amount: "Amount" },
    status: "Status",
    leftOut: "Left out by status (Status): 2 Failed, 1 Refunded",
  };
}

// PayPal Activity download (Activity → Download, CSV): Date (M/D/YYYY), Time, TimeZone, Name,
// Type, Status, Currency, Gross, Fee, Net, From Email Address, To Email Address, Transaction ID …
// (https://developer.paypal.com/api/nvp-soap/paypal-payments-standard/admin/download-history/ and
// https://www.manualshelf.com/manual/paypal/order-management-2005/integration-guide-english/page-59.html).
// For a payment received, From is the buyer and To the merchant; a refund is a row of its own
// (Type "Payment Refund", Status Completed, a negative Gross, From the merchant), and the refunded
// payment's status becomes Refunded.
function paypal(): ExportFixture {
  const h = [
    "Date",
    "Time",
    "TimeZone",
    "Name",
    "Type",
    "Status",
    "Currency",
    "Gross",
    "Fee",
    "Net",
    "From Email Address",
    "To Email Address",
    "Transaction ID",
    "Shipping Address",
    "Address Status",
    "Item Title",
    "Shipping and Handling Amount",
    "Sales Tax",
    "Reference Txn ID",
    "Balance Impact",
  ];
  const merchant = "shop@merchant.test";
  const payment = (date: string, name: string, status: string, gross: string, email: string, id: string) =>
    row(h, {
      Date: date,
      Time: "10:21:37",
      TimeZone: "PST",
      Name: name,
      Type: "Website Payment",
      Status: status,
      Currency: "USD",
      Gross: gross,
      Fee: "-0.59",
      Net: gross,
      "From Email Address": email,
      "To Email Address": merchant,
      "Transaction ID": id,
      "Address Status": "Confirmed",
      "Item Title": "Course",
      "Balance Impact": "Credit",
    });
  const rows = [
    h,
    payment("1/5/2024", "Ann Lee", "Completed", "30.00", "ann@buyer.test", "1AB"),
    payment("1/6/2024", "Bob Ray", "Completed", "30.00", "bob@buyer.test", "2AB"),
    payment("1/7/2024", "Cat Poe", "Completed", "30.00", "cat@buyer.test", "3AB"),
    payment("2/5/2024", "Ann Lee", "Completed", "30.00", "ann@buyer.test", "4AB"),
    payment("2/6/2024", "Bob Ray", "Denied", "30.00", "bob@buyer.test", "5AB"),
    payment("2/7/2024", "Cat Poe", "Pending", "30.00", "cat@buyer.test", "6AB"),
    payment("2/8/2024", "Dan Fox", "Reversed", "30.00", "dan@buyer.test", "7AB"),
    payment("2/9/2024", "Eve Kim", "Refunded", "30.00", "eve@buyer.test", "8AB"),
    // The refund of Eve's payment: from the merchant, a negative amount, no purchase of anyone.
    row(h, {
      Date: "2/10/2024",
      Time: "09:00:00",
      TimeZone: "PST",
      Name: "Eve Kim",
      Type: "Payment Refund",
      Status: "Completed",
      Currency: "USD",
      Gross: "-30.00",
      Fee: "0.59",
      Net: "-29.41",
      "From Email Address": merchant,
      "To Email Address": "eve@buyer.test",
      "Transaction ID": "9AB",
      "Reference Txn ID": "8AB",
      "Balance Impact": "Debit",
    }),
  ];
  return {
    name: "PayPal activity",
    file: "Download.CSV",
    content: csv(rows),
    columns: { customer: "From Email Address", date: "Date", amount: "Gross" },
    status: "Status",
    leftOut: "Left out by status (Status): 1 Denied, 1 Pending, 1 Refunded, 1 Reversed",
  };
}

// 1C sales documents («Реализация товаров и услуг»), the journal's list saved as CSV: Дата, Номер,
// Контрагент, Организация (the seller itself, never the customer), Сумма with a decimal comma and
// spaces between thousands, Проведен Да/Нет (an unposted document is no sale).
function oneC(): ExportFixture {
  const h = ["Дата", "Номер", "Контрагент", "Организация", "Сумма", "Валюта", "Ответственный", "Проведен"];
  const doc = (date: string, number: string, buyer: string, sum: string, posted: string) =>
    row(h, {
      Дата: date,
      Номер: number,
      Контрагент: buyer,
      Организация: "ООО «Наша фирма»",
      Сумма: sum,
      Валюта: "руб.",
      Ответственный: "Иванова",
      Проведен: posted,
    });
  const rows = [
    h,
    doc("10.01.2024 12:00:00", "00000000001", "ООО «Ромашка»", "1 250,00", "Да"),
    doc("11.01.2024 12:00:00", "00000000002", "ИП Петров", "800,00", "Да"),
    doc("12.01.2024 12:00:00", "00000000003", "АО «Вектор»", "2 000,50", "Да"),
    doc("12.02.2024 12:00:00", "00000000004", "ООО «Ромашка»", "990,00", "Да"),
    doc("13.02.2024 12:00:00", "00000000005", "ИП Петров", "500,00", "Нет"),
    doc("14.02.2024 12:00:00", "00000000006", "АО «Вектор»", "700,00", "Нет"),
    doc("15.02.2024 12:00:00", "00000000007", "ООО «Лютик»", "300,00", "Нет"),
  ];
  return {
    name: "1C sales documents",
    file: "realizacii.csv",
    content: csv(rows, ";"),
    env: { LANG: "ru_RU.UTF-8" },
    columns: { customer: "Контрагент", date: "Дата", amount: "Сумма" },
    status: "Проведен",
    leftOut: "Не учтено по статусу (Проведен): 3 Нет",
  };
}

// amoCRM deals export (Сделки → … → Экспорт): ID, Название сделки, Бюджет, Ответственный, Дата
// создания, Кем создана, Дата закрытия, Этап сделки, Воронка, Компания, Полное имя контакта; the
// fixed final stages «Успешно реализовано» (142) and «Закрыто и не реализовано» (143) named in
// https://app.good.bi/faq/ru/amocrm (status_id); open stages keep their pipeline names. That page
// backs the fields (a deal's id, name, responsible user, creator, stage, pipeline, main contact),
// not the export's Russian header texts: no page found shows those, so they are as amoCRM's deal
// card labels them, unconfirmed.
function amocrm(): ExportFixture {
  const h = [
    "ID",
    "Название сделки",
    "Бюджет",
    "Ответственный",
    "Дата создания",
    "Кем создана",
    "Дата закрытия",
    "Этап сделки",
    "Воронка",
    "Компания",
    "Полное имя контакта",
    "Теги",
  ];
  const deal = (id: string, created: string, stage: string, company: string, contact: string) =>
    row(h, {
      ID: id,
      "Название сделки": `Сделка #${id}`,
      Бюджет: "15000",
      Ответственный: "Анна Смирнова",
      "Дата создания": created,
      "Кем создана": "Анна Смирнова",
      "Дата закрытия": stage === "Успешно реализовано" || stage === "Закрыто и не реализовано" ? created : "",
      "Этап сделки": stage,
      Воронка: "Воронка",
      Компания: company,
      "Полное имя контакта": contact,
    });
  const rows = [
    h,
    deal("1001", "01.03.2024 10:00:00", "Успешно реализовано", "ООО Альфа", "Иван Иванов"),
    deal("1002", "02.03.2024 10:00:00", "Успешно реализовано", "ООО Бета", "Пётр Петров"),
    deal("1003", "03.03.2024 10:00:00", "Успешно реализовано", "ООО Гамма", "Иван Иванов"),
    deal("1004", "01.04.2024 10:00:00", "Успешно реализовано", "ООО Альфа", "Иван Иванов"),
    deal("1005", "02.04.2024 10:00:00", "Закрыто и не реализовано", "ООО Бета", "Пётр Петров"),
    deal("1006", "03.04.2024 10:00:00", "Переговоры", "ООО Гамма", "Иван Иванов"),
    deal("1007", "04.04.2024 10:00:00", "Первичный контакт", "ООО Дельта", "Сидор Сидоров"),
  ];
  return {
    name: "amoCRM deals",
    file: "amocrm_export_leads.csv",
    content: csv(rows, ";"),
    env: { LANG: "ru_RU.UTF-8" },
    columns: { customer: "Компания", date: "Дата создания", amount: "Бюджет" },
    status: "Этап сделки",
    leftOut: "Не учтено по статусу (Этап сделки): 1 Закрыто и не реализовано, 1 Первичный контакт, 1 Переговоры",
  };
}

// Bitrix24 deals export (CRM → Сделки → Экспорт в CSV): ID, Название, Стадия сделки, Сумма, Валюта,
// Ответственный, Компания, Контакт, Дата создания, Дата изменения, Предполагаемая дата закрытия; the
// final stages «Сделка успешна» and «Сделка провалена», open ones «Новая», «В работе» … (stages of a
// deal: https://helpdesk.bitrix24.ru/open/5493461/). The deal's standard fields (stage, amount and
// currency, client: a contact or a company, ID, responsible person) are in «Системные поля в CRM»,
// https://helpdesk.bitrix24.ru/open/18478840/ (in English https://helpdesk.bitrix24.com/open/18529390/),
// and as data set fields (ID, DATE_CREATE, DATE_MODIFY, ASSIGNED_BY, COMPANY, CONTACT, TITLE, STAGE)
// in https://helpdesk.bitrix24.ru/open/16398726; no page found shows the CSV export's own header
// texts, so those here are the card's labels, unconfirmed.
function bitrix24(): ExportFixture {
  const h = [
    "ID",
    "Название",
    "Стадия сделки",
    "Сумма",
    "Валюта",
    "Ответственный",
    "Компания",
    "Контакт",
    "Дата создания",
    "Дата изменения",
    "Предполагаемая дата закрытия",
    "Источник",
  ];
  const deal = (id: string, created: string, stage: string, sum: string, company: string) =>
    row(h, {
      ID: id,
      Название: `Сделка #${id}`,
      "Стадия сделки": stage,
      Сумма: sum,
      Валюта: "Российский рубль",
      Ответственный: "Олег Котов",
      Компания: company,
      Контакт: "Мария Орлова",
      "Дата создания": created,
      "Дата изменения": "30.06.2024 18:00:00",
      "Предполагаемая дата закрытия": "30.06.2024",
      Источник: "Звонок",
    });
  const rows = [
    h,
    deal("11", "05.02.2024 09:30:00", "Сделка успешна", "12000", "ООО Север"),
    deal("12", "06.02.2024 09:30:00", "Сделка успешна", "8000", "ООО Юг"),
    deal("13", "07.02.2024 09:30:00", "Сделка успешна", "5000", "ООО Восток"),
    deal("14", "05.03.2024 09:30:00", "Сделка успешна", "9000", "ООО Север"),
    deal("15", "06.03.2024 09:30:00", "Сделка провалена", "7000", "ООО Юг"),
    deal("16", "07.03.2024 09:30:00", "В работе", "6000", "ООО Восток"),
    deal("17", "08.03.2024 09:30:00", "Новая", "4000", "ООО Запад"),
  ];
  return {
    name: "Bitrix24 deals",
    file: "DEAL_20240630.csv",
    content: csv(rows, ";"),
    env: { LANG: "ru_RU.UTF-8" },
    columns: { customer: "Компания", date: "Дата создания", amount: "Сумма" },
    status: "Стадия сделки",
    leftOut: "Не учтено по статусу (Стадия сделки): 1 В работе, 1 Новая, 1 Сделка провалена",
  };
}

// МойСклад customer orders («Заказы покупателей»). No page found documents the headers of the
// list's UI export, so the columns are the customer order's fields as the JSON API names them
// (dev.moysklad.ru/doc/api/remap/1.2/documents/, «Заказ покупателя»: name, moment, agent,
// organization, sum, payedSum, shippedSum, state, applicable; the same names in the API clients
// github.com/cdekmarketteam/moysklad src/Entity/Document/CustomerOrder.php and
// github.com/dapi/moysklad lib/moysklad/entities/customer_order.rb): an export made through the
// API, with the agent (the buyer; the organization is the seller) and the state expanded to their
// names. moment is "YYYY-MM-DD HH:MM:SS.mmm"; sum is in kopecks. The state names are the
// account's own; these are the ones the issue names (not confirmed by a page found): «Отгружен»
// and «Доставлен» are sales made, «Новый», «Подтвержден», «Собран» orders still open, «Возврат» and
// «Отменен» none.
function moysklad(): ExportFixture {
  const h = ["name", "moment", "agent", "organization", "sum", "payedSum", "shippedSum", "state", "applicable", "description"];
  const order = (name: string, moment: string, agent: string, sum: string, state: string) =>
    row(h, {
      name,
      moment,
      agent,
      organization: "ООО «Наш склад»",
      sum,
      payedSum: state === "Отгружен" || state === "Доставлен" ? sum : "0",
      shippedSum: state === "Отгружен" || state === "Доставлен" ? sum : "0",
      state,
      applicable: state === "Новый" ? "false" : "true",
    });
  const rows = [
    h,
    order("00001", "2024-01-10 12:00:00.000", "ООО «Ромашка»", "125000", "Отгружен"),
    order("00002", "2024-01-11 12:30:00.000", "ИП Петров", "80000", "Доставлен"),
    order("00003", "2024-01-12 09:15:00.000", "АО «Вектор»", "200050", "Отгружен"),
    order("00004", "2024-02-12 12:00:00.000", "ООО «Ромашка»", "99000", "Доставлен"),
    order("00005", "2024-02-13 12:00:00.000", "ИП Петров", "50000", "Возврат"),
    order("00006", "2024-02-14 12:00:00.000", "АО «Вектор»", "70000", "Подтвержден"),
    order("00007", "2024-02-15 12:00:00.000", "ООО «Лютик»", "30000", "Отменен"),
    order("00008", "2024-02-15 16:00:00.000", "ООО «Лютик»", "30000", "Новый"),
  ];
  return {
    name: "МойСклад customer orders",
    file: "customerorder.csv",
    content: csv(rows, ";"),
    env: { LANG: "ru_RU.UTF-8" },
    columns: { customer: "agent", date: "moment", amount: "sum" },
    status: "state",
    leftOut: "Не учтено по статусу (state): 1 Возврат, 1 Новый, 1 Отменен, 1 Подтвержден",
  };
}

// retailCRM orders. No page found documents the headers of the order list's file export, so the
// columns are the order's fields as API v5 names them (docs.segmentstream.com/datasources/retailcrm
// lists the retailCRM orders table: number, createdAt, statusUpdatedAt, summ, totalSumm, prepaySum,
// status …; apimonster.ru/connector/service/retailcrm/ adds firstName, lastName, email, phone,
// managerId and says totalSumm is the total after discount, summ the goods' sum). createdAt is
// "YYYY-MM-DD HH:MM:SS" (github.com/retailcrm/api-client-ruby README). Status codes: "new" is the
// default new order's (gist.github.com/aboodma/278fa1eda986039f1dfb2bbbe6af6dba); the "Complete" and
// "Cancel" groups are the final ones (help.retailcrm.pro/Users/OrderStatuses, «Выполнен» and
// «Отменен» in docs.retailcrm.es/Users/Administration/OrderStatuses/StatusGroups); "complete" and
// "cancel-other" as the codes of their default statuses are the (not confirmed by a page found).
function retailcrm(): ExportFixture {
  const h = [
    "id",
    "number",
    "createdAt",
    "statusUpdatedAt",
    "status",
    "summ",
    "totalSumm",
    "prepaySum",
    "firstName",
    "lastName",
    "email",
    "phone",
    "managerId",
  ];
  const order = (id: string, created: string, status: string, total: string, first: string, email: string) =>
    row(h, {
      id,
      number: `${id}A`,
      createdAt: created,
      statusUpdatedAt: created,
      status,
      summ: total,
      totalSumm: total,
      prepaySum: status === "complete" ? total : "0",
      firstName: first,
      lastName: "Иванов",
      email,
      phone: "+79000000000",
      managerId: "7",
    });
  const rows = [
    h,
    order("101", "2024-04-01 10:00:00", "complete", "2500", "Анна", "anna@shop.test"),
    order("102", "2024-04-02 10:00:00", "complete", "1800", "Борис", "boris@shop.test"),
    order("103", "2024-04-03 10:00:00", "complete", "900", "Вера", "vera@shop.test"),
    order("104", "2024-05-01 10:00:00", "complete", "3100", "Анна", "anna@shop.test"),
    order("105", "2024-05-02 10:00:00", "cancel-other", "1200", "Борис", "boris@shop.test"),
    order("106", "2024-05-03 10:00:00", "new", "700", "Вера", "vera@shop.test"),
    order("107", "2024-05-04 10:00:00", "cancel-other", "400", "Гоша", "gosha@shop.test"),
  ];
  return {
    name: "retailCRM orders",
    file: "retailcrm-orders.csv",
    content: csv(rows),
    columns: { customer: "email", date: "createdAt", amount: "totalSumm" },
    status: "status",
    leftOut: "Left out by status (status): 2 cancel-other, 1 new",
  };
}

// A sheet of the owner's own making, saved from Russian Excel as "CSV (разделители — точки с
// запятой)": Windows-1251, semicolons, dates as Excel writes them in a Russian locale (05.03.2024),
// amounts with a decimal comma and a space between thousands (1 234,56); no status column.
// Refunds typed as negative amounts. The sums: B's refund -1 234,56 and D's -500,00 make -1 734,56.
function ownSheetRussian(): ExportFixture {
  const rows = [
    ["Дата", "Клиент", "Сумма", "Менеджер"],
    ["05.03.2024", "Анна Смирнова", "1 234,56", "Ольга"],
    ["06.03.2024", "ООО Берёза", "2 000,00", "Ольга"],
    ["07.03.2024", "Вера Лис", "850,00", "Игорь"],
    ["07.03.2024", "Вера Лис", "150,00", "Игорь"],
    ["05.04.2024", "Анна Смирнова", "990,00", "Ольга"],
    ["08.04.2024", "ООО Берёза", "-1 234,56", "Ольга"],
    ["09.04.2024", "Дмитрий Кот", "-500,00", "Игорь"],
  ];
  return {
    name: "A Russian sheet of the owner's own making",
    file: "продажи.csv",
    content: encodeWindows1251(csv(rows, ";")),
    env: { LANG: "ru_RU.UTF-8" },
    columns: { customer: "Клиент", date: "Дата", amount: "Сумма" },
    leftOut: "Возвраты денег и отмены (отрицательные суммы) не считаются покупками: строк 2, на сумму -1\u00a0734,56",
  };
}

// The same sheet in English, saved as "CSV UTF-8 (Comma delimited)": ISO dates, a decimal point and
// thousands commas (so the amount is quoted). The refunds: -1,234.56 - 500.00 = -1,734.56.
function ownSheetEnglish(): ExportFixture {
  const rows = [
    ["Date", "Customer", "Amount"],
    ["2024-03-05", "Ann Lee", "1,234.56"],
    ["2024-03-06", "Birch Ltd", "2,000.00"],
    ["2024-03-07", "Vera Fox", "850.00"],
    ["2024-03-07", "Vera Fox", "150.00"],
    ["2024-04-05", "Ann Lee", "990.00"],
    ["2024-04-08", "Birch Ltd", "-1,234.56"],
    ["2024-04-09", "Dan Cole", "-500.00"],
  ];
  return {
    name: "An English sheet of the owner's own making",
    file: "sales.csv",
    content: csv(rows),
    columns: { customer: "Customer", date: "Date", amount: "Amount" },
    leftOut: "Refund rows (negative amounts), not counted as purchases: 2, totalling -1,734.56",
  };
}

export const EXPORT_FIXTURES: readonly ExportFixture[] = [
  shopify(),
  woocommerce(),
  stripe(),
  paypal(),
  oneC(),
  amocrm(),
  bitrix24(),
  moysklad(),
  retailcrm(),
  ownSheetRussian(),
  ownSheetEnglish(),
];
