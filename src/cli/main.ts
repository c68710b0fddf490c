// `sheets-retention report orders.csv`: the only place that touches process, stdout and stderr.
// The same bundle is also the entry of the thread that counts a big file's orders (counting-thread.ts).

import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { runCli } from "./cli";
import { progressBar } from "./progress";
import { countInWorker, isCountingThread, serveCounting } from "./counting-thread";

async function main(): Promise<void> {
  const progress = progressBar(process.stderr);
  const result = await runCli(process.argv.slice(2), {
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    writeFile: (path, content) => writeFileSync(path, content, "utf8"),
    onProgress: progress.update,
    countElsewhere: countInWorker(new URL(import.meta.url)),
    parallelism: availableParallelism(),
  });
  progress.finish();
  if (result.stderr) process.stderr.write(result.stderr);
  if (result.stdout) process.stdout.write(result.stdout);
  process.exitCode = result.exitCode;
}

if (isCountingThread()) serveCounting();
else void main();
