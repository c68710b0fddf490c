// Injected into the sidebar page by the preview server: a stand-in for google.script.run that
// POSTs each call to the server, which runs the same function of dist/Code.js against the fake
// spreadsheet. After every call the grid beside the sidebar is told to redraw.

type Handler = (value: unknown) => void;

const query = location.search;

function notifyGrid(): void {
  window.parent.postMessage({ type: "sheets-retention:changed" }, location.origin);
}

async function callServer(name: string, args: unknown[], onSuccess?: Handler, onFailure?: Handler): Promise<void> {
  try {
    const response = await fetch(`/api/run/${encodeURIComponent(name)}${query}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ args }),
    });
    const body = (await response.json()) as { value?: unknown; error?: string };
    if (response.ok) onSuccess?.(body.value);
    else onFailure?.(new Error(body.error ?? response.statusText));
  } catch (error) {
    onFailure?.(error instanceof Error ? error : new Error(String(error)));
  } finally {
    notifyGrid();
  }
}

function runner(onSuccess?: Handler, onFailure?: Handler): unknown {
  return new Proxy(
    {},
    {
      get(_target, name) {
        if (typeof name !== "string") return undefined;
        if (name === "withSuccessHandler") return (handler: Handler) => runner(handler, onFailure);
        if (name === "withFailureHandler") return (handler: Handler) => runner(onSuccess, handler);
        if (name === "withUserObject") return () => runner(onSuccess, onFailure);
        return (...args: unknown[]) => void callServer(name, args, onSuccess, onFailure);
      },
    },
  );
}

const host = { close: () => undefined, setHeight: () => undefined, setWidth: () => undefined };
(window as unknown as { google: unknown }).google = { script: { run: runner(), host } };
