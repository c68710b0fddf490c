// `sheets-retention report orders.csv`: the only place that touches process, stdout and stderr.

import { writeFileSync } from "node:fs";
import { runCli } from "./cli";
import { progressBar } from "./progress";

const progress = progressBar(process.stderr);
const result = runCli(process.argv.slice(2), {
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  writeFile: (path, content) => writeFileSync(path, content, "utf8"),
  onProgress: progress.update,
});
progress.finish();
if (result.stderr) process.stderr.write(result.stderr);
if (result.stdout) process.stdout.write(result.stdout);
process.exitCode = result.exitCode;
