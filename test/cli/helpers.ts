import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli, type CliResult } from "../../src/cli/cli";

export const tempDir = (): string => mkdtempSync(join(tmpdir(), "sheets-retention-cli-"));

export function writeFixture(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
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
