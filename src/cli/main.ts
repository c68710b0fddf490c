// `sheets-retention report orders.csv`: the only place that touches process, stdout and stderr.
// The same bundle is also the entry of the thread that counts a big file's orders (counting-thread.ts).

import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { runCli } from "./cli";
import { EXIT_DATA, EXIT_OK, renderMessage, text } from "./errors";
import { languageOfArguments } from "./options";
import { progressBar } from "./progress";
import { countInWorker, isCountingThread, serveCounting } from "./counting-thread";

async function main(): Promise<void> {
  watchOutput();
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

/**
 * A reader that stops reading (`| head -1`) closes the pipe: the report ends there, quietly and
 * done. Any other failure to write (a full disk) is said on stderr, with exit 1.
 */
function watchOutput(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(EXIT_OK);
    const language = languageOfArguments(process.argv.slice(2), process.env);
    const path = text(language, "standardOutput");
    process.stderr.write(`sheets-retention: ${renderMessage({ key: "cannotWrite", values: { path, reason: error.message } }, language)}\n`);
    process.exit(EXIT_DATA);
  });
  // Nowhere left to say anything.
  process.stderr.on("error", () => process.exit(EXIT_DATA));
}

if (isCountingThread()) serveCounting();
else void main();
