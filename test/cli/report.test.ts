// The report command on small files whose figures are worked out by hand below.
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { encodeWindows1251 } from "../../bench/cp1251";
import { runCli } from "../../src/cli/cli";
import { cli, json, tempDir, writeFixture } from "./helpers";

// Eleven lines: a header and ten rows.
//   line 6: no customer → skipped; line 7: "not a date" → skipped; line 9: "abc" amount → skipped.
//   Alice: 2024-01-05, back 2024-02-01 ("alice " is the same customer) → returned after 27 days.
//   Bob:   2024-01-10, back 2024-03-15 (quoted "1,000.25") → returned after 21 + 29 + 15 = 65 days.
//   Carol: 2024-02-03 twice (the same day is no return) → not returned. Frank: 2024-06-30 only.
// All time: new customers 4, returned 2 → 50 %. Median days to the second purchase: (27 + 65) / 2 = 46.
// The verdict's horizon H: the nearest-rank 80th percentile of {27, 65}: rank ⌈0.8 × 2⌉ = 2 → 65 days.
// The last order is 2024-06-30; 65 days before it is 2024-04-26 (30 in June, 31 in May, 4 in April),
// so March, whose last day is on or before that, is the latest cohort old enough; April is not.
// The data's first month, 2024-01, is left out: the verdict judges 2024-02 … 2024-03.
//   2024-01: 2 of 2 back within 65 days (27 and 65 ≤ 65) = 100 %, old enough, not judged;
//   2024-02: 0 of 1 (Carol), judged, below 67 %; 2024-06: 0 of 1 (Frank), too early.
// Verdict: 0 of 1 = 0 %, below target. Outcomes of all 4: 2 came back; Carol did not (2024-02-03 +
// 65 ≤ 2024-06-30); Frank is too recent (2024-06-30 + 65 is after the last order): 2 + 1 + 1 = 4.
// Managers count the judged cohorts only: Olga has Carol, who did not come back.
// Lost: Carol only, 20 + 5 spent.
const ENGLISH = `Customer,Order date,Amount,Manager
Alice,2024-01-05,100,Ivan
Bob,2024-01-10,50.5,Olga
alice ,2024-02-01,30,Ivan
Carol,2024-02-03,20,Olga
,2024-02-04,10,Olga
Dave,not a date,10,Ivan
Bob,2024-03-15,"1,000.25",Olga
Erin,2024-03-20,abc,Ivan
Carol,2024-02-03,5,Olga
Frank,2024-06-30,10,Ivan
`;

// The same orders as a Russian Excel export: semicolons, dotted dates, decimal commas, CRLF.
const RUSSIAN = `Клиент;Дата заказа;Сумма;Менеджер
Алиса;05.01.2024;100;Иван
Борис;10.01.2024;50,5;Ольга
алиса ;01.02.2024;30;Иван
Вера;03.02.2024;20;Ольга
;04.02.2024;10;Ольга
Дмитрий;не дата;10;Иван
Борис;15.03.2024;1 000,25;Ольга
Елена;20.03.2024;абв;Иван
Вера;03.02.2024;5;Ольга
Фёдор;30.06.2024;10;Иван
`.replaceAll("\n", "\r\n");

const EXPECTED_COHORTS = [
  { period: "2024-01", newCustomers: 2, returned: 2, returnedInTime: 2, rate: 1, judged: false, tooEarly: false, belowTarget: false },
  { period: "2024-02", newCustomers: 1, returned: 0, returnedInTime: 0, rate: 0, judged: true, tooEarly: false, belowTarget: true },
  { period: "2024-06", newCustomers: 1, returned: 0, returnedInTime: 0, rate: 0, judged: false, tooEarly: true, belowTarget: false },
];

function expectHandFigures(report: Record<string, any>): void {
  expect(report).toMatchObject({
    rows: 10,
    orders: 7,
    skippedRowCount: 3,
    customers: 4,
    firstPurchases: 4,
    secondPurchases: 2,
    retentionRate: 0.5,
    target: 0.67,
    belowTarget: true,
    medianDaysToSecond: 46,
    firstDate: "2024-01-05",
    lastDate: "2024-06-30",
    outcomes: { returned: 2, notReturned: 1, tooEarly: 1 },
  });
  expect(report.verdict).toEqual({
    rate: 0,
    firstPurchases: 1,
    secondPurchases: 0,
    notReturned: 1,
    belowTarget: true,
    horizonDays: 65,
    horizonSource: "returns",
    fromPeriod: "2024-02",
    toPeriod: "2024-03",
    from: "2024-02-01",
    to: "2024-03-31",
    leftOutPeriod: "2024-01",
    judgeableOn: null,
  });
  expect(report.skippedRows.map((skip: { row: number }) => skip.row)).toEqual([6, 7, 9]);
  expect(report.cohorts).toEqual(EXPECTED_COHORTS.map((c) => expect.objectContaining(c)));
  expect(report.managers.map((m: any) => [m.newCustomers, m.returned, m.rate])).toEqual([[1, 0, 0]]);
  expect(report.lost.count).toBe(1);
  expect(report.lost.customers[0].amount).toBe(25);
  // Amounts: 100 + 50.5 + 30 + 20 + 1000.25 + 5 + 10 = 1215.75, of which repeats 30 + 1000.25.
  expect(report.repeatRevenueShare).toBeCloseTo(1030.25 / 1215.75, 12);
}

let dir: string;
beforeAll(() => {
  dir = tempDir();
});

describe("report --json", () => {
  it("keeps apart two customers whose keys have the same length and hash", async () => {
    // "c0010009" and "c0060004" hash alike (KeyBytes.hash, 9166395): only their bytes differ.
    const file = writeFixture(tempDir(), "same-hash.csv", "Customer,Date\nc0010009,2024-01-05\nc0060004,2024-02-05\n");
    expect(await json(["report", file])).toMatchObject({ customers: 2, firstPurchases: 2, secondPurchases: 0 });
  });

  it("reads an English comma CSV in UTF-8", async () => {
    const report = await json(["report", writeFixture(dir, "en.csv", ENGLISH)]);
    expectHandFigures(report);
    expect(report).toMatchObject({ encoding: "utf-8", delimiter: ",", headerLine: 1 });
    expect(report.managers.map((m: any) => m.manager)).toEqual(["Olga"]);
    expect(report.lost.customers[0].name).toBe("Carol");
    expect(report.skippedRows[0].reason).toContain("row 6");
    expect(report.skippedRows[1].reason).toContain("«not a date»");
  });

  it("reads a Russian semicolon CSV in Windows-1251 and answers in Russian", async () => {
    const path = writeFixture(dir, "ru-1251.csv", encodeWindows1251(RUSSIAN));
    const report = await json(["report", path], { LANG: "ru_RU.UTF-8" });
    expectHandFigures(report);
    expect(report).toMatchObject({ encoding: "windows-1251", delimiter: ";" });
    expect(report.managers.map((m: any) => m.manager)).toEqual(["Ольга"]);
    expect(report.lost.customers[0].name).toBe("Вера");
    expect(report.skippedRows[1].reason).toBe(
      "Дата заказа, строка 7: не удалось прочитать дату «не дата» (нужна ячейка с датой, 2024-03-05 или 05.03.2024)",
    );
  });

  it("reads the Russian file as UTF-8 with a BOM, with --locale instead of LANG", async () => {
    const path = writeFixture(dir, "ru-bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RUSSIAN)]));
    const report = await json(["report", path, "--locale", "ru_RU"]);
    expectHandFigures(report);
    expect(report.columns.customer).toBe("Клиент");
  });

  it("reads a tab-separated file and the same file forced to a delimiter and encoding", async () => {
    const tabbed = ENGLISH.replaceAll(",", "\t").replace('"1\t000.25"', "1000.25");
    const path = writeFixture(dir, "en.tsv", tabbed);
    expectHandFigures(await json(["report", path]));
    expectHandFigures(await json(["report", path, "--delimiter", "tab", "--encoding", "utf-8"]));
  });

  it("takes columns by number in a file without a header", async () => {
    const headerless = ENGLISH.split("\n").slice(1).join("\n");
    const report = await json([
      "report",
      writeFixture(dir, "nohead.csv", headerless),
      "--customer",
      "1",
      "--date",
      "2",
      "--amount",
      "3",
      "--manager",
      "4",
    ]);
    expect(report.headerLine).toBeNull();
    // Lines move up by one: the skipped rows are now lines 5, 6 and 8.
    expect(report.skippedRows.map((s: any) => s.row)).toEqual([5, 6, 8]);
    expect(report.secondPurchases).toBe(2);
    expect(report.columns.customer).toBe("column 1");
  });

  it("asks which columns a file without a header has, then reads it with the columns named", async () => {
    // Text, dates, numbers: customer, date, amount proposed, not taken. Bob returns, Ann does not: 1 of 2.
    const path = writeFixture(dir, "guess.csv", "Ann,2024-01-05,10\nBob,2024-01-06,20\nBob,2024-02-01,30\n");
    const result = await cli(["report", path]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("e.g. --customer 1 --date 2 --amount 3");
    const report = await json(["report", path, "--customer", "1", "--date", "2", "--amount", "3"]);
    expect(report).toMatchObject({ headerLine: null, rows: 3, firstPurchases: 2, secondPurchases: 1 });
    expect(report.lost.amount).toBe(10);
  });

  it("counts file lines across a quoted field that spans lines", async () => {
    // The note on line 2 runs to line 3, so the row without a customer starts on line 4.
    const csv = 'Customer,Date,Note\nAnn,2024-01-05,"two\nlines, and a comma"\n,2024-01-06,x\n';
    const report = await json(["report", writeFixture(dir, "multiline.csv", csv)]);
    expect(report.skippedRows.map((s: any) => s.row)).toEqual([4]);
    expect(report.orders).toBe(1);
  });

  it("takes columns by header name, overriding detection", async () => {
    const report = await json(["report", writeFixture(dir, "en2.csv", ENGLISH), "--amount", "amount", "--customer", "Manager"]);
    // Customers are now the managers: Ivan first buys 2024-01-05 and returns 2024-02-01; Olga 01-10 → 02-03.
    expect([report.firstPurchases, report.secondPurchases]).toEqual([2, 2]);
  });

  it("leaves out one-off deals with --exclude", async () => {
    const withType = ENGLISH.split("\n")
      .map((line, k) => (line === "" ? line : `${line},${k === 0 ? "Deal type" : k === 3 ? "Project" : "Regular"}`))
      .join("\n");
    // Line 4 (alice's return) is a project deal: Alice no longer returns; 1 of 4 new customers did.
    const report = await json(["report", writeFixture(dir, "deals.csv", withType), "--exclude", "Deal type=project"]);
    expect(report).toMatchObject({ excludedRows: 1, firstPurchases: 4, secondPurchases: 1 });
  });

  it("applies --target, --period, --within-days, --from and --to", async () => {
    const path = writeFixture(dir, "en3.csv", ENGLISH);
    // Within 30 days only Alice (27 days) counts; Bob took 65.
    expect((await json(["report", path, "--within-days", "30"])).secondPurchases).toBe(1);
    // Window of first purchases in January: Alice and Bob, both back. January is the data's first
    // month, left out of the verdict, which then has nothing to judge, and no date could change that.
    const window = ["--from", "2024-01-01", "--to", "31.01.2024", "--target", "40"];
    const january = await json(["report", path, ...window]);
    expect(january).toMatchObject({ firstPurchases: 2, secondPurchases: 2, target: 0.4, belowTarget: false });
    expect(january.verdict).toMatchObject({ rate: null, leftOutPeriod: "2024-01", judgeableOn: null, fromPeriod: null });
    // Counted in: 2 of 2 back within 65 days, 100 % ≥ 40 %.
    const counted = await json(["report", path, ...window, "--orders-start-with-business"]);
    expect(counted.verdict).toMatchObject({ rate: 1, firstPurchases: 2, secondPurchases: 2, leftOutPeriod: null, belowTarget: false });
    expect(counted.ordersStartWithBusiness).toBe(true);
    expect((await json(["report", path, "--period", "квартал"])).cohorts.map((c: any) => c.period)).toEqual(["2024-Q1", "2024-Q2"]);
  });

  it("writes quarters and weeks in Russian as Russian writes them, keeping the JSON's labels", async () => {
    const path = writeFixture(dir, "en4.csv", ENGLISH);
    const text = (period: string) => cli(["report", path, "--period", period, "--locale", "ru_RU", "--no-health"]);
    // The same cohorts as the JSON's 2024-Q1 and 2024-Q2 above.
    const quarters = (await text("quarter")).stdout;
    expect(quarters).toContain("Первый период данных (1 кв. 2024) не учтён");
    expect(quarters).toMatch(/^1 кв\. 2024 +\d/m);
    expect(quarters).toMatch(/^2 кв\. 2024 +\d/m);
    expect(quarters).not.toContain("-Q");
    // The first order, 2024-01-05, falls in ISO week 1 of 2024 (Monday 1 to Sunday 7 January).
    const weeks = (await text("week")).stdout;
    expect(weeks).toContain("Первый период данных (нед. 1, 2024) не учтён");
    expect(weeks).not.toContain("-W");
  });
});

describe("exit codes", () => {
  it("0 with a text report, plain when not a terminal", async () => {
    const result = await cli(["report", writeFixture(dir, "ok.csv", ENGLISH)]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("Retention of new customers: 0.0% (target 67%) — below target\n");
    expect(result.stdout).toContain("All time: 50.0%; of the 4 new customers 2 came back, 1 did not, 1 too recent to tell\n");
    expect(result.stdout).toContain("line 9: Amount: cannot read «abc» as an amount");
    expect(result.stdout).not.toContain("\u001b[");
  });

  it("colours a terminal, unless NO_COLOR is set", async () => {
    const path = writeFixture(dir, "tty.csv", ENGLISH);
    const io = (env: Record<string, string>) => ({ env: { LANG: "C", ...env }, stdoutIsTTY: true, writeFile: () => {} });
    expect((await runCli(["report", path], io({}))).stdout).toContain("\u001b[31m");
    expect((await runCli(["report", path], io({ NO_COLOR: "1" }))).stdout).not.toContain("\u001b[");
  });

  it("2 for wrong usage, with the usage text", async () => {
    for (const argv of [
      ["report"],
      ["report", "a.csv", "--bogus"],
      ["report", "a.csv", "--target", "150"],
      ["report", "a.csv", "--period", "decade"],
      ["report", "a.csv", "--from", "2024-05-01", "--to", "2024-01-01"],
      ["report", "a.csv", "--threads", "3"],
    ]) {
      const result = await cli(argv);
      expect(result.exitCode, argv.join(" ")).toBe(2);
      expect(result.stderr).toContain("Usage: sheets-retention report");
    }
    expect((await cli(["report", "a.csv", "--period", "decade"])).stderr).toContain("--period: unknown period «decade»");
    expect((await cli(["report", "a.csv", "--threads", "3"])).stderr).toContain("--threads: 3 is not 1 or 2");
  });

  it("names a misspelt flag and a flag without its value in the user's language, not in Node's English", async () => {
    const firstLine = async (argv: string[]) => (await cli(argv)).stderr.split("\n")[0];
    expect(await firstLine(["report", "a.csv", "--bogus"])).toBe(
      "sheets-retention: unknown option --bogus (sheets-retention --help lists them)",
    );
    expect(await firstLine(["report", "a.csv", "--locale", "ru_RU", "--bogus"])).toBe(
      "sheets-retention: неизвестный флаг --bogus (все флаги: sheets-retention --help)",
    );
    // A negative number after a flag reads as another flag: Node calls it ambiguous, over three lines.
    expect(await firstLine(["report", "a.csv", "--locale", "ru_RU", "--within-days", "-5"])).toBe(
      "sheets-retention: флагу --within-days нужно значение; значение с минусом пишется через знак равенства: --within-days=-5",
    );
    expect(await firstLine(["report", "a.csv", "--target"])).toBe(
      "sheets-retention: --target needs a value; one that starts with a minus goes after an equals sign: --target=-5",
    );
  });

  it("1 for data that cannot be read: no file, no date column, no readable order", async () => {
    expect(await cli(["report", join(dir, "missing.csv")])).toMatchObject({ exitCode: 1 });
    const noDate = await cli(["report", writeFixture(dir, "nodate.csv", "Customer,Note\nAlice,hello\n")]);
    expect(noDate.exitCode).toBe(1);
    expect(noDate.stderr).toContain("no date column found");
    const allBad = await cli(["report", writeFixture(dir, "allbad.csv", "Customer,Date\nAlice,someday\n")]);
    expect(allBad.exitCode).toBe(1);
    expect(allBad.stderr).toContain("Date, row 2: cannot read «someday» as a date");
    expect((await cli(["report", writeFixture(dir, "x.csv", ENGLISH), "--customer", "Client"])).stderr).toContain(
      "--customer: no column «Client»",
    );
  });

  it("1 with a plain message when memory runs out, 3 for any other failure of ours", async () => {
    const path = writeFixture(dir, "memory.csv", ENGLISH);
    const failingWith = (error: Error) =>
      runCli(["report", path, "--threads", "2"], {
        env: { LANG: "C" },
        stdoutIsTTY: false,
        writeFile: () => undefined,
        countElsewhere: () => {
          throw error;
        },
      });
    expect(await failingWith(new RangeError("Array buffer allocation failed"))).toMatchObject({
      exitCode: 1,
      stderr: `sheets-retention: not enough memory to read ${path}: the memory needed grows with the number of customers (about 200 bytes each), not of rows\n`,
    });
    expect(await failingWith(new TypeError("x is undefined"))).toMatchObject({
      exitCode: 3,
      stderr: expect.stringContaining("internal error"),
    });
  });

  it("3 for the counting thread's own failure while the file is read, not 'cannot read' the file", async () => {
    const path = writeFixture(dir, "worker-fails.csv", ENGLISH);
    const outOfHeap = Object.assign(new Error("Worker terminated due to reaching memory limit: JS heap out of memory"), {
      code: "ERR_WORKER_OUT_OF_MEMORY",
    });
    const result = await runCli(["report", path, "--threads", "2"], {
      env: { LANG: "C" },
      stdoutIsTTY: false,
      writeFile: () => undefined,
      countElsewhere: () => ({
        add: () => Promise.reject(outOfHeap),
        reuse: () => undefined,
        finish: () => Promise.reject(new Error("not reached")),
        cancel: () => undefined,
      }),
    });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain("JS heap out of memory");
    expect(result.stderr).not.toContain("cannot read");
  });

  it("1 for a file that changes while it is read, instead of figures from two versions of it", async () => {
    const path = writeFixture(dir, "growing.csv", ENGLISH);
    let chunks = 0;
    const result = await runCli(["report", path, "--threads", "1"], {
      env: { LANG: "C" },
      stdoutIsTTY: false,
      writeFile: () => undefined,
      chunkBytes: 64,
      // Another program appends an order after the first chunk has been read.
      onProgress: () => void (chunks++ === 0 && appendFileSync(path, "Zed,2024-03-01,5\n")),
    });
    expect(chunks).toBeGreaterThan(1);
    expect(result).toMatchObject({
      exitCode: 1,
      stderr: expect.stringContaining(`${path} changed while it was being read; run the report again`),
    });
  });
});

describe("--html", () => {
  it("writes a standalone page where names that look like formulas or markup stay text", async () => {
    // Four one-time buyers in January (so old enough to be "lost") and one returning customer who
    // makes the median 10 days; the last order, 2024-03-01, makes the January cohort mature.
    const csv = [
      "Customer,Date,Amount",
      '"=HYPERLINK(""http://evil.example"",""x"")",2024-01-02,1',
      "+1 555,2024-01-03,1",
      "-2,2024-01-04,1",
      "@SUM(A1),2024-01-05,1",
      '"<script>alert(1)</script>",2024-01-06,1',
      "Zoe,2024-01-07,1",
      "Zoe,2024-01-17,1",
      "Zoe,2024-03-01,1",
    ].join("\n");
    const page = join(dir, "report.html");
    const result = await cli(["report", writeFixture(dir, "evil.csv", csv), "--html", page]);
    expect(result.exitCode).toBe(0);
    const html = readFileSync(page, "utf8");
    expect(html).toContain("<td><bdi>&#39;=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)</bdi></td>");
    expect(html).toContain("<td><bdi>&#39;+1 555</bdi></td>");
    expect(html).toContain("<td><bdi>&#39;-2</bdi></td>");
    expect(html).toContain("<td><bdi>&#39;@SUM(A1)</bdi></td>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toMatch(/<script|\b(?:src|href)=|@import|url\(/i);
    expect(html).toContain("<svg");
  });
});

describe("the Russian report's words and numbers, and --currency", () => {
  const NBSP = "\u00a0";

  it("writes dates as dd.mm.yyyy, rates with one decimal and a comma, amounts in the currency given", async () => {
    const path = writeFixture(dir, "ru-currency.csv", RUSSIAN);
    const { exitCode, stdout } = await cli(["report", path, "--locale", "ru_RU", "--currency", "rub"]);
    expect(exitCode).toBe(0);
    expect(stdout).toContain("\nКлиентов: 4, заказы с 05.01.2024 по 30.06.2024\n");
    expect(stdout).toContain(`\nУдержание новых клиентов: 0,0${NBSP}% (цель 67${NBSP}%) — ниже цели\n`);
    expect(stdout).toContain(`\nЗа всё время: 50,0${NBSP}%;`);
    // Вера, the one lost customer, spent 20 + 5.
    expect(stdout).toContain(`всего они потратили 25,00${NBSP}₽\n`);
    expect(stdout).toMatch(new RegExp(`\\nВера +03\\.02\\.2024 +25,00${NBSP}₽ +\\d+\\n`));
    // Carol's cohort is the judged one; Olga has 1 judged new customer, too few to name.
    expect(stdout).toContain("\nСтоит вернуть новых клиентов, которые не вернулись за 65 дн.: 1.\n");
  });

  it("puts a code's sign before the amount in English", async () => {
    const { stdout } = await cli(["report", writeFixture(dir, "en-currency.csv", ENGLISH), "--currency", "USD"]);
    expect(stdout).toContain("they spent $25.00 in total\n");
  });

  it("refuses what is no currency, naming the flag and the value", async () => {
    const result = await cli(["report", writeFixture(dir, "bad-currency.csv", ENGLISH), "--currency", "XYZ"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("--currency: XYZ is not a currency; give a code such as RUB, USD or EUR, or a sign such as ₽ or $");
  });
});
