// The built bin as a user runs it: `node build/cli.cjs`, real exit codes and streams.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { builtCli } from "../support/built-cli";
import { CHILD_TIMEOUT_MS } from "../support/child-timeout";
import { tempDir, writeFixture } from "./helpers";

const bin = builtCli();

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, LANG: "en_US.UTF-8" },
    timeout: CHILD_TIMEOUT_MS,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("node build/cli.cjs", () => {
  it("prints JSON and exits 0; piped output has no colour", () => {
    // Two customers; only A comes back, after 31 days (29 in February 2024, then 2): 1 of 2 = 50 %
    // all time. H = 31; B (2024-02-02) is too recent to tell, as 02-02 + 31 is after 03-03. The
    // latest month old enough is January; February, the data's first, is left out; March can be
    // judged once the orders reach 2024-03-31 + 31 days = 2024-05-01.
    const file = writeFixture(tempDir(), "o.csv", "customer;date\nA;01.02.2024\nB;02.02.2024\nA;03.03.2024\n");
    const json = run(["report", file, "--json"]);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ firstPurchases: 2, secondPurchases: 1, retentionRate: 0.5 });
    const text = run(["report", file]);
    expect(text.stdout).toContain("\nRetention of new customers: too early to judge: the orders must reach 2024-05-01\n");
    expect(text.stdout).toContain("\nAll time: 50.0%; of the 2 new customers 1 came back, 0 did not, 1 too recent to tell\n");
    expect(text.stdout).not.toContain("\u001b[");
  });

  it("exits 2 on a bad flag and 1 on a missing file", () => {
    const bad = run(["report", "x.csv", "--nope"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Usage:");
    const missing = run(["report", "/nonexistent/orders.csv"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("cannot read /nonexistent/orders.csv: no such file or folder (ENOENT)");
  });
});
