import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli, type CliResult } from "../../src/cli/cli";
import { Tally, type ReportIo } from "../../src/cli/report-command";
import { seededRandom } from "../../src/lib/seeded-random";

export const tempDir = (): string => mkdtempSync(join(tmpdir(), "sheets-retention-cli-"));

export function writeFixture(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Windows-1251 bytes by hand: А–я are C0–FF in order, Ё A8, ё B8, « AB, » BB. */
export function cp1251(text: string): Buffer {
  const other: Record<string, number> = { Ё: 0xa8, ё: 0xb8, "«": 0xab, "»": 0xbb };
  const bytes = [...text].map((c) => {
    const code = c.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (other[c] === undefined) throw new Error(`no byte for ${c}`);
    return other[c];
  });
  return Buffer.from(bytes);
}

/** The command in-process, as a non-TTY with an English C locale unless `env` says otherwise. */
export function cli(argv: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(argv, {
    env: { LANG: "C", ...env },
    stdoutIsTTY: false,
    writeFile: (path, content) => writeFileSync(path, content, "utf8"),
  });
}

export async function json(argv: string[], env: Record<string, string> = {}): Promise<Record<string, any>> {
  const result = await cli([...argv, "--json"], env);
  if (result.exitCode !== 0) throw new Error(`exit ${result.exitCode}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/**
 * An order log that exercises every way a row can be read: one customer spelled in several cases
 * and spacings (with ё or е, with quotation marks of any kind or none), quoted names with doubled quotes, names the byte-level key leaves to the core
 * (a no-break space, the Kelvin sign), blank customers, unreadable dates and amounts, a deal type
 * to leave out, managers in several cases and spacings, and quoted comments that span lines; refunds (negative amounts), sheet
 * error values and dates of the year 0001, which the core reads its own way. Rows are in no date order, so any
 * split of the file cuts through customers.
 */
export function trickyOrderLog(rows: number, seed: number, lineBreak = "\n"): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const spellings = (n: number): string[] => [
    `Анна Иванова ${n}`,
    `  АННА  иванова ${n} `,
    `"ООО ""Вектор ${n}"""`,
    `ООО «Вектор ${n}»`,
    `ООО Вектор ${n}`,
    `Kate\u00a0${n}`,
    `\u212Aate\u00a0${n}`,
    `kate\u00a0${n}`,
    `=HYPERLINK(${n})`,
    `Пётр Фёдоров ${n}`,
    `ПЕТР ФЕДОРОВ ${n}`,
  ];
  const lines = ["Клиент;Дата;Сумма;Менеджер;Тип сделки;Комментарий"];
  for (let row = 0; row < rows; row++) {
    const n = Math.floor(random() * rows * 0.2);
    const customer = random() < 0.01 ? pick(["", "#N/A"]) : pick(spellings(n));
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    const date =
      random() < 0.01 ? pick(["когда-то", "01.01.0001"]) : `${String(day).padStart(2, "0")}.${String(month).padStart(2, "0")}.2024`;
    const sign = random() < 0.03 ? "-" : "";
    const amount = random() < 0.01 ? "много" : `${sign}${Math.floor(random() * 100_000)},${Math.floor(random() * 100)}`;
    const comment = random() < 0.02 ? `"позвонить${lineBreak}""после 5"";${lineBreak}не раньше"` : "";
    lines.push(
      [
        customer,
        date,
        amount,
        pick(["Ира", "ира", " ИРА ", "«Ира»", "Алёна", "Алена", "Олег", "", `Менеджер ${n % 50}`, `менеджер  ${n % 50}`]),
        random() < 0.05 ? pick(["проект", "«Проект»"]) : "розница",
        comment,
      ].join(";"),
    );
  }
  return `${lines.join(lineBreak)}${lineBreak}`;
}

/**
 * The counting thread, played in-process: it counts each batch as it is handed over and makes the
 * report at the end; `batches()` says how many batches with orders it was given (-1: never asked).
 */
export function queuedCounter(parallelism = 2, chunkBytes?: number): { io: ReportIo; batches: () => number } {
  let batches = -1;
  const countElsewhere: ReportIo["countElsewhere"] = (options, capacity) => {
    const tally = new Tally(options, capacity);
    batches = 0;
    return {
      add: async (batch, encoding) => {
        if (batch.count > 0) batches++;
        tally.add(batch, encoding);
      },
      reuse: () => undefined,
      finish: async (read) => tally.report(read),
      cancel: () => undefined,
    };
  };
  return { io: { countElsewhere, parallelism, chunkBytes }, batches: () => batches };
}
