// What the preview (readTable) and the command line (scanFile in small chunks, or the whole
// command in-process) make of a fixture's bytes, for the reading room's tests.

import { expect } from "vitest";
import { runCli } from "../../src/cli/cli";
import { FileError } from "../../src/files/file-error";
import { fieldDecoder, recordTexts } from "../../src/files/fields";
import { readTable } from "../../src/files/read-table";
import { scanFile } from "../../src/files/scan-file";
import { detectDelimiter } from "../../src/files/sniff";
import { queuedCounter, tempDir, writeFixture } from "../cli/helpers";

export const dir = tempDir();

/** The rows as the command line reads the file, in chunks of `chunkBytes`, and the encoding it chose. */
/** `delimiter` stands for the one found in the first chunk, when chunks are made too small to find it in. */
export async function scanned(
  path: string,
  chunkBytes = 40,
  delimiter?: number,
): Promise<{ rows: string[][]; encoding: string; delimiter: number }> {
  const rows: string[][] = [];
  let encoding = "";
  let used = 0;
  await scanFile(
    path,
    (first) => {
      encoding = first.encoding;
      used = delimiter ?? detectDelimiter(first.bytes);
      const decode = fieldDecoder(first.encoding);
      return { delimiter: used, onRecord: (record) => void rows.push(recordTexts(record, decode)) };
    },
    chunkBytes,
  );
  return { rows, encoding, delimiter: used };
}

/** What both readers make of `bytes`: their rows, which must be the same, or the error each throws. */
export async function bothRead(name: string, bytes: Buffer): Promise<{ rows: string[][]; encoding: string }> {
  const path = writeFixture(dir, name, bytes);
  const { rows, encoding } = await scanned(path);
  expect(readTable(bytes)).toEqual(rows);
  return { rows, encoding };
}

/** The error both readers throw for `bytes`: the same problem and line, naming the path. */
export async function bothRefuse(name: string, bytes: Buffer): Promise<{ problem: string; line: number }> {
  const path = writeFixture(dir, name, bytes);
  let preview: unknown;
  try {
    readTable(bytes, path);
  } catch (error) {
    preview = error;
  }
  const command = await scanned(path).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(preview).toBeInstanceOf(FileError);
  expect(command).toBeInstanceOf(FileError);
  const [p, c] = [preview as FileError, command as FileError];
  expect([c.problem, c.line, c.path]).toEqual([p.problem, p.line, p.path]);
  expect(c.path).toBe(path);
  return { problem: c.problem, line: c.line };
}

/** The command in-process, reading 256 bytes at a time; with `--threads 2`, the counting thread played in-process. */
export async function report(path: string, extra: string[] = []): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const io = extra.includes("2") ? queuedCounter(2, 256).io : { chunkBytes: 256 };
  return runCli(["report", path, "--json", ...extra], { env: { LANG: "C" }, stdoutIsTTY: false, writeFile: () => undefined, ...io });
}
