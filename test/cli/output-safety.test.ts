// Output that is safe: the report never overwrites the orders, ends quietly on a closed pipe, says
// "cannot write" when it cannot, shows no control character from the data raw, and groups the
// rows it skipped by reason.
import { spawnSync } from "node:child_process";
import { closeSync, linkSync, openSync, readFileSync, symlinkSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { builtCli } from "../support/built-cli";
import { CHILD_TIMEOUT_MS } from "../support/child-timeout";
import { cli, json, tempDir, writeFixture } from "./helpers";

const bin = builtCli();
const dir = tempDir();

/** Anything a terminal would act on: C0 and C1 controls, DEL, bidi marks, overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

const ORDERS = "customer,date,amount\nA,2024-01-05,10\nA,2024-02-05,10\nB,2024-01-06,10\n";

describe("the report is never written over the orders", () => {
  const orders = writeFixture(dir, "orders.csv", ORDERS);
  symlinkSync(orders, join(dir, "link.csv"));
  linkSync(orders, join(dir, "hard.csv"));

  it.each([
    ["the same path", orders],
    ["the path spelled another way", join(dir, ".", "..", relative(join(dir, ".."), orders))],
    ["a symbolic link to it", join(dir, "link.csv")],
    ["a hard link to it", join(dir, "hard.csv")],
  ])("--html onto the input (%s) exits 2 and leaves the file as it was", async (_case, html) => {
    const result = await cli(["report", orders, "--html", html]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`--html ${html} is the orders file being read (${orders})`);
    expect(readFileSync(orders, "utf8")).toBe(ORDERS);
  });

  it("says so in Russian", async () => {
    const result = await cli(["report", orders, "--html", orders, "--locale", "ru_RU"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`--html ${orders} — это читаемый файл с заказами`);
  });

  it("writes a new file beside the input", async () => {
    const html = join(dir, "report.html");
    const result = await cli(["report", orders, "--html", html]);
    expect(result.exitCode).toBe(0);
    expect(readFileSync(html, "utf8")).toContain("<!doctype html>");
  });
});

describe("a write that fails says 'cannot write', exit 1", () => {
  const orders = writeFixture(dir, "write.csv", ORDERS);

  it("on a full device", async () => {
    const result = await cli(["report", orders, "--html", "/dev/full"]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^sheets-retention: cannot write \/dev\/full: no space left on the device \(ENOSPC\)/);
    expect(result.stderr).not.toContain("cannot read");
  });

  it("in a folder that does not exist, in Russian", async () => {
    const html = join(dir, "no-such-folder", "report.html");
    const result = await cli(["report", orders, "--html", html, "--locale", "ru_RU"]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`не удалось записать ${html}: нет такого файла или папки (ENOENT)`);
    expect(result.stderr).not.toContain("прочитать");
  });
});

describe("names cannot drive the terminal", () => {
  // Eve and Mallory bought once in January and never again; A came back in June, and Z's order
  // on 2024-12-30 puts Eve and Mallory 360 and 359 days past their first purchase.
  const names = writeFixture(
    dir,
    "names.csv",
    'customer,date,amount,manager\n"\u001b[2JEve",2024-01-05,10,"Bob\u001b[31m"\n"Mal\u202elory",2024-01-06,10,"\u2066Ann\u0085"\n' +
      "A,2024-01-10,10,Ann\nA,2024-06-10,10,Ann\nZ,2024-12-30,10,Ann\n",
  );
  const argv = ["report", names, "--orders-start-with-business"];

  it("the text report shows ESC, C1 controls and bidi overrides escaped", async () => {
    const { stdout, exitCode } = await cli(argv);
    expect(exitCode).toBe(0);
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(stdout).toContain("\n\\u001b[2JEve  ");
    expect(stdout).toContain("\nMal\\u202elory  ");
    expect(stdout).toContain("\nBob\\u001b[31m  ");
    expect(stdout).toContain("\n\\u2066Ann\\u0085  ");
  });

  it("a column name is data too", async () => {
    const file = writeFixture(dir, "header.csv", "customer,\u001b]0;title\u0007date\nA,2024-01-05\nA,2024-02-05\n");
    const { stdout } = await cli(["report", file]);
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(stdout).toContain("Date = \\u001b]0;title\\u0007date");
  });

  it("the JSON escapes what JSON.stringify leaves raw, and reads back as the same names", async () => {
    const result = await cli([...argv, "--json"]);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stdout).toContain('"Mal\\u202elory"');
    const lost = JSON.parse(result.stdout).lost.customers.map((c: { name: string }) => c.name);
    expect(lost).toEqual(["\u001b[2JEve", "Mal\u202elory"]);
  });

  it("the HTML sets each name in <bdi>, so an override reorders nothing around it", async () => {
    const html = join(dir, "names.html");
    expect((await cli([...argv, "--html", html])).exitCode).toBe(0);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("<td><bdi>Mal\u202elory</bdi></td>");
    expect(page).toContain("<td><bdi>Bob\u001b[31m</bdi></td>");
  });
});

describe("skipped rows are grouped by reason", () => {
  const lines = (count: number, line: (k: number) => string): string => Array.from({ length: count }, (_, k) => `${line(k)}\n`).join("");
  // Lines 2 … 2501: the same unreadable amount; 2502 … 2504: three different bad dates; 2505: a
  // lone bad date in another column's sense is not possible here, so one more amount «?» would
  // join the amount group: instead, 2505 and 2506 are good orders of one customer.
  const file = writeFixture(
    dir,
    "skipped.csv",
    `customer,date,amount\n${lines(2500, (k) => `c${k},2024-01-05,x`)}${lines(3, (k) => `d${k},${["soon", "later", "never"][k]},5`)}` +
      "A,2024-01-05,10\nA,2024-02-05,10\n",
  );

  it("2,500 identical bad rows, more than are kept, make one line with the first 3 rows", async () => {
    const { stdout } = await cli(["report", file]);
    const section = stdout.slice(stdout.indexOf("Skipped rows: 2,503\n"));
    expect(section).toBe(
      "Skipped rows: 2,503\n" +
        "2,500 rows: amount: cannot read «x» as an amount (lines 2, 3, 4 …)\n" +
        "3 rows: date: cannot read «soon», «later», «never» as a date (use 2024-03-05 or 05.03.2024) (lines 2502, 2503, 2504)\n",
    );
  });

  it("in Russian", async () => {
    const { stdout } = await cli(["report", file, "--locale", "ru_RU"]);
    expect(stdout).toContain("\nстрок: 2\u00a0500 — amount: не удалось прочитать сумму «x» (строки 2, 3, 4 …)\n");
  });

  it("a reason with one row names its line", async () => {
    const one = writeFixture(dir, "one.csv", "customer,date,amount\nA,2024-01-05,10\nB,2024-01-06,1.2.3\nA,2024-02-05,10\n");
    const { stdout } = await cli(["report", one]);
    expect(stdout).toContain("\nSkipped rows: 1\nline 3: amount: cannot read «1.2.3» as an amount\n");
  });

  it("different values show the first few, and … when there are more", async () => {
    const mixed = writeFixture(dir, "mixed.csv", `customer,date,amount\n${lines(5, (k) => `c${k},2024-01-05,x${k}`)}A,2024-01-05,10\n`);
    const { stdout } = await cli(["report", mixed]);
    expect(stdout).toContain("\n5 rows: amount: cannot read «x0», «x1», «x2» … as an amount (lines 2, 3, 4 …)\n");
  });

  it("the HTML lists one item per reason", async () => {
    const html = join(dir, "skipped.html");
    await cli(["report", file, "--html", html]);
    const list = readFileSync(html, "utf8").match(/<ul>(.*)<\/ul>/)![1]!;
    expect(list.match(/<li>/g)).toHaveLength(2);
    expect(list).toContain("<li>2,500 rows: <bdi>amount</bdi>: cannot read <bdi>«x»</bdi> as an amount (lines 2, 3, 4 …)</li>");
  });

  it("the JSON gives skippedByReason", async () => {
    const report = await json(["report", file]);
    expect(report.skippedRowCount).toBe(2503);
    expect(report.skippedByReason).toEqual([
      { reason: "amount: cannot read «x» as an amount", count: 2500, rows: [2, 3, 4] },
      {
        reason: "date: cannot read «soon», «later», «never» as a date (use 2024-03-05 or 05.03.2024)",
        count: 3,
        rows: [2502, 2503, 2504],
      },
    ]);
  });
});

describe("node build/cli.cjs and its streams", () => {
  // A customer a week for 13 years (more than 600 weekly cohorts), each back a week later: the
  // JSON is well over a pipe's 64 KB, so the command is still writing when the reader goes.
  const weekly = writeFixture(
    dir,
    "weekly.csv",
    `customer,date\n${Array.from({ length: 680 }, (_, k) => {
      const day = (offset: number): string => new Date(Date.UTC(2010, 0, 4 + 7 * k + offset)).toISOString().slice(0, 10);
      return `c${k},${day(0)}\nc${k},${day(7)}\n`;
    }).join("")}`,
  );

  it("a reader that closes the pipe after the first line (| head -1) ends it quietly, exit 0", () => {
    // A shell pipe, as a user has it: an OS pipe holds 64 KB, so the command is still writing when
    // head goes (Node's own child pipes are sockets, which may hold the whole report).
    const command = `"${process.execPath}" "${bin}" report "${weekly}" --json --period week | head -1; exit \${PIPESTATUS[0]}`;
    const result = spawnSync("bash", ["--norc", "--noprofile", "-c", command], {
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
      env: { PATH: process.env.PATH },
      timeout: CHILD_TIMEOUT_MS,
    });
    expect(result.stdout).toBe("{\n");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("a full device as stdout (> /dev/full) says 'cannot write the standard output', exit 1", () => {
    const full = openSync("/dev/full", "w");
    try {
      const result = spawnSync(process.execPath, [bin, "report", weekly], {
        stdio: ["ignore", full, "pipe"],
        encoding: "utf8",
        timeout: CHILD_TIMEOUT_MS,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe("sheets-retention: cannot write the standard output: no space left on the device (ENOSPC)\n");
    } finally {
      closeSync(full);
    }
  });

  it("two threads group all the skipped rows too", () => {
    const file = writeFixture(dir, "two.csv", `customer,date,amount\n${"c,2024-01-05,x\n".repeat(1500)}A,2024-01-05,10\n`);
    const result = spawnSync(process.execPath, [bin, "report", file, "--threads", "2", "--json"], {
      encoding: "utf8",
      timeout: CHILD_TIMEOUT_MS,
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).skippedByReason).toEqual([
      { reason: "amount: cannot read «x» as an amount", count: 1500, rows: [2, 3, 4] },
    ]);
  });
});
