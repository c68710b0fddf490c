// `sheets-retention report orders.csv`: the only place that touches process, stdout and stderr.
// The same bundle is also the entry of the thread that reads a big file (reader-worker.ts).

import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { runCli } from "./cli";
import { progressBar } from "./progress";
import { isReaderWorker, readInWorker, serveReading } from "./reader-worker";

async function main(): Promise<void> {
  const progress = progressBar(process.stderr);
  const result = await runCli(process.argv.slice(2), {
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    writeFile: (path, content) => writeFileSync(path, content, "utf8"),
    onProgress: progress.update,
    readElsewhere: readInWorker(new URL(import.meta.url)),
    parallelism: availableParallelism(),
  });
  progress.finish();
  if (result.stderr) process.stderr.write(result.stderr);
  if (result.stdout) process.stdout.write(result.stdout);
  process.exitCode = result.exitCode;
}

if (isReaderWorker()) serveReading();
else void main();
