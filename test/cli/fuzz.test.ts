// The built command on damaged input: random bytes, real exports and generated logs with quotes,
// bytes and line breaks thrown in, and files cut short. Whatever the file, the command ends by
// itself with 0 (a report), 1 (the data cannot be read) or 2 (it asks for a column), never 3 (a
// bug of ours) and never with a stack trace; a report printed as JSON parses.
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateOrders } from "../../bench/generate";
import { civilFromDay } from "../../src/core/calendar";
import { builtCli } from "../support/built-cli";
import { EXPORT_FIXTURES } from "../support/exports";
import { tempDir, trickyOrderLog, writeFixture } from "./helpers";

const bin = builtCli();
const dir = tempDir();
/** A run that takes longer is a hang: these files are a few kilobytes. */
const RUN_TIMEOUT_MS = 10_000;
const SEED = 20_240_613;

/** Orders shaped as the bench writes them (customer,date,amount; names with quotes), small. */
function benchLikeLog(): string {
  const { orders, names } = generateOrders(400, 80, 5);
  const lines = orders.map(({ day, customer, cents }) => {
    const { year, month, day: date } = civilFromDay(day);
    const name = names[customer]!.includes('"') ? `"${names[customer]!.replaceAll('"', '""')}"` : names[customer]!;
    return `${name},${year}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")},${(cents / 100).toFixed(2)}`;
  });
  return `customer,date,amount\n${lines.join("\n")}\n`;
}

const BASES: readonly Buffer[] = [
  ...EXPORT_FIXTURES.map((fixture) => Buffer.from(fixture.content)),
  Buffer.from(trickyOrderLog(120, 3)),
  Buffer.from(benchLikeLog()),
];

/** A place in a file, whatever its length (taken modulo the length). */
const place = fc.nat({ max: 1_000_000 });

/** One damage done to a file. */
const damage = fc.record({
  at: place,
  // A stray quote usually makes the rest of the file one field (exit 1): rarer, so most damaged
  // files still reach a report.
  kind: fc.oneof(
    { arbitrary: fc.constantFrom("delete", "byte", "lineBreak", "delimiter"), weight: 4 },
    { arbitrary: fc.constant("quote"), weight: 1 },
  ),
  byte: fc.integer({ min: 0, max: 255 }),
});
type Damage = typeof damage extends fc.Arbitrary<infer T> ? T : never;

const INSERTED: Record<Exclude<Damage["kind"], "delete" | "byte">, readonly number[]> = {
  quote: [0x22],
  lineBreak: [0x0d, 0x0a],
  delimiter: [0x3b],
};

function damaged(base: Buffer, damages: readonly Damage[], cutAt: number | null): Buffer {
  let bytes = [...base];
  for (const { at, kind, byte } of damages) {
    const offset = at % (bytes.length + 1);
    if (kind === "delete") bytes.splice(offset, 1 + (byte % 16));
    else bytes.splice(offset, 0, ...(kind === "byte" ? [byte] : INSERTED[kind]));
  }
  if (cutAt !== null) bytes = bytes.slice(0, cutAt % (bytes.length + 1));
  return Buffer.from(bytes);
}

const options = fc.record({
  json: fc.boolean(),
  threads: fc.constantFrom("1", "2"),
  lang: fc.constantFrom("C", "ru_RU.UTF-8"),
});

let runs = 0;

/** Runs the built command on `content`; fails on exit 3, a hang, a stack trace or JSON that does not parse. */
function expectHandled(content: Buffer, { json, threads, lang }: { json: boolean; threads: string; lang: string }): void {
  const path = writeFixture(dir, `fuzz-${runs++}.csv`, content);
  const args = [bin, "report", path, "--threads", threads, ...(json ? ["--json"] : [])];
  const result = spawnSync(process.execPath, args, {
    encoding: "utf8",
    timeout: RUN_TIMEOUT_MS,
    env: { PATH: process.env.PATH, LANG: lang },
  });
  const seen = `exit ${result.status} (signal ${result.signal}) on ${path}: ${result.stderr.slice(0, 500)}`;
  expect([0, 1, 2], seen).toContain(result.status);
  expect(result.stderr, seen).not.toContain("    at ");
  if (json && result.status === 0) expect(() => JSON.parse(result.stdout), seen).not.toThrow();
}

describe("the built command on damaged files", () => {
  it("random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1500 }), options, (bytes, flags) => expectHandled(Buffer.from(bytes), flags)),
      { seed: SEED, numRuns: 40 },
    );
  }, 60_000);

  it("real exports and generated logs with quotes, bytes, line breaks and delimiters thrown in", () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(damage, { minLength: 1, maxLength: 4 }), options, (base, damages, flags) =>
        expectHandled(damaged(base, damages, null), flags),
      ),
      { seed: SEED, numRuns: 70 },
    );
  }, 60_000);

  it("the same files cut short anywhere, damaged or not", () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(damage, { maxLength: 3 }), place, options, (base, damages, cutAt, flags) =>
        expectHandled(damaged(base, damages, cutAt), flags),
      ),
      { seed: SEED, numRuns: 40 },
    );
  }, 60_000);
});
