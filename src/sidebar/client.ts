// A typed promise client over google.script.run. Apps Script passes plain data both ways; the
// types come from the shared contract, so the sidebar cannot call a server function wrongly.

import type { SidebarApi } from "../addon/sidebar-api";

type Handler = (value: unknown) => void;

/** The slice of google.script.run the sidebar uses (Google ships no types for the client side). */
export type ScriptRunner = {
  withSuccessHandler(handler: Handler): ScriptRunner;
  withFailureHandler(handler: Handler): ScriptRunner;
} & Record<string, unknown>;

export type ServerClient = {
  [Name in keyof SidebarApi]: (...args: Parameters<SidebarApi[Name]>) => Promise<ReturnType<SidebarApi[Name]>>;
};

// A record rather than an array, so adding a server function to SidebarApi fails to compile here.
const SERVER_FUNCTIONS: Record<keyof SidebarApi, true> = {
  getSidebarState: true,
  analyzeSelection: true,
  highlightToWinBack: true,
  clearHighlighting: true,
  copyLapsedCustomers: true,
  copyNeverReturnedCustomers: true,
};

function pageRunner(): ScriptRunner {
  const google = (globalThis as { google?: { script?: { run?: ScriptRunner } } }).google;
  const run = google?.script?.run;
  if (run === undefined) throw new Error("google.script.run is not available: open this page as the add-on sidebar");
  return run;
}

/** Apps Script hands failures over as Error objects; anything else is wrapped. */
function asError(reason: unknown): Error {
  if (reason instanceof Error) return reason;
  const message = (reason as { message?: unknown } | null)?.message;
  return new Error(typeof message === "string" ? message : String(reason));
}

export function serverClient(runner: () => ScriptRunner = pageRunner): ServerClient {
  const call =
    (name: string) =>
    (...args: unknown[]): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const run = runner()
          .withSuccessHandler(resolve)
          .withFailureHandler((reason) => reject(asError(reason)));
        (run[name] as (...callArgs: unknown[]) => void)(...args);
      });
  const entries = Object.keys(SERVER_FUNCTIONS).map((name) => [name, call(name)]);
  return Object.fromEntries(entries) as ServerClient;
}
