// How long a test waits for a command it runs. A synchronous spawn blocks the test's thread, so
// vitest's own timeout cannot stop it: without this a command that hangs would hang the whole run.

export const CHILD_TIMEOUT_MS = 120_000;
