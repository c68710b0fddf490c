// `npm start`: the local preview at http://localhost:8080 — a sheet grid with the demo order log
// (or --data FILE) beside the real built sidebar, whose google.script.run calls run dist/Code.js
// against an in-memory spreadsheet. Options: --data FILE, --port N, --locale ru_RU, --time-zone ZONE.
// A `?locale=ru_RU` query opens a spreadsheet of that locale alongside the default one.

import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { readTable } from "../files/read-table";
import { isZipFile, readFirstSheet } from "../files/read-workbook";
import { languageForLocale } from "../i18n/language";
import type { PreviewInfo, SelectRequest, TemplateRequest } from "./protocol";
import { DEFAULT_TIME_ZONE, Workbook, type WorkbookSource } from "./workbook";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const MAX_BODY_BYTES = 1_000_000;

export interface PreviewOptions {
  dataPath: string;
  port: number;
  locale: string;
  timeZone: string;
}

export const DEFAULT_OPTIONS: PreviewOptions = {
  dataPath: join(ROOT, "demo/orders.csv"),
  port: 8080,
  locale: "en_US",
  timeZone: DEFAULT_TIME_ZONE,
};

export function parseOptions(argv: readonly string[]): PreviewOptions {
  const options = { ...DEFAULT_OPTIONS };
  for (let index = 0; index < argv.length; index++) {
    const [flag, inline] = argv[index]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string => {
      const next = inline ?? argv[++index];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === "--data") options.dataPath = resolve(value());
    else if (flag === "--port") options.port = Number(value());
    else if (flag === "--locale") options.locale = value();
    else if (flag === "--time-zone") options.timeZone = value();
    else throw new Error(`unknown option ${flag}; use --data FILE, --port N, --locale ru_RU, --time-zone ZONE`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65_535) throw new Error("--port must be 0…65535");
  return options;
}

interface Pages {
  preview: string;
  sidebar: string;
}

/** The pages `npm run build` made: the preview page, and the sidebar with the google.script.run stand-in. */
function builtPages(sidebarHtml: string): Pages {
  const shim = readFileSync(join(ROOT, "build/preview/shim.js"), "utf8");
  const preview = readFileSync(join(ROOT, "build/preview/page.html"), "utf8");
  // The shim must exist before the sidebar's own script asks for google.script.run.
  const sidebar = sidebarHtml.replace(/<head>/i, () => `<head>\n<script>${shim}</script>`);
  return { preview, sidebar };
}

/** The file's name, capitalised like a tab a user would make: demo/orders.csv → "Orders". */
function sheetNameFor(path: string): string {
  const name = basename(path, extname(path)).trim() || "Orders";
  return name.charAt(0).toUpperCase() + name.slice(1);
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "request body too large");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return text === "" ? {} : (JSON.parse(text) as unknown);
  } catch {
    throw new HttpError(400, "request body is not JSON");
  }
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, {
    "content-type": `${contentType}; charset=utf-8`,
    "cache-control": "no-store",
    // Nothing on these pages may come from anywhere but here.
    "content-security-policy": "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:",
  });
  response.end(body);
}

const sendJson = (response: ServerResponse, status: number, value: unknown): void =>
  send(response, status, "application/json", JSON.stringify(value));

export interface PreviewServer {
  /** http://127.0.0.1:PORT (what the server listens on). */
  url: string;
  port: number;
  server: Server;
  /** The spreadsheet behind `?locale=…` (the default locale when omitted), for tests. */
  workbook(locale?: string): Workbook;
  /** Forgets every spreadsheet: the next request starts from the CSV again, with nothing remembered. */
  reset(): void;
  close(): Promise<void>;
}

export async function startPreview(options: PreviewOptions = DEFAULT_OPTIONS): Promise<PreviewServer> {
  const code = readFileSync(join(ROOT, "dist/Code.js"), "utf8");
  const sidebarHtml = readFileSync(join(ROOT, "dist/Sidebar.html"), "utf8");
  // The CLI's reading room: a workbook's first sheet, else the CSV as the command line sniffs it.
  const records = isZipFile(options.dataPath)
    ? await readFirstSheet(options.dataPath)
    : readTable(readFileSync(options.dataPath), options.dataPath);
  const source: WorkbookSource = {
    records,
    sheetName: sheetNameFor(options.dataPath),
    code,
    sidebarHtml,
    timeZone: options.timeZone,
  };
  const pages = builtPages(sidebarHtml);
  const workbooks = new Map<string, Workbook>();
  const workbook = (locale: string = options.locale): Workbook => {
    if (!/^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,4})?$/.test(locale)) throw new HttpError(400, `bad locale ${locale}`);
    let found = workbooks.get(locale);
    if (found === undefined) workbooks.set(locale, (found = new Workbook(source, locale)));
    return found;
  };

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const book = (): Workbook => workbook(url.searchParams.get("locale") ?? undefined);
    const post = request.method === "POST";
    if (!post && url.pathname === "/") return send(response, 200, "text/html", pages.preview);
    if (!post && url.pathname === "/sidebar") return send(response, 200, "text/html", pages.sidebar);
    if (!post && url.pathname === "/api/info") {
      const { locale, templateBuilders } = book();
      const info: PreviewInfo = { locale, language: languageForLocale(locale), templateBuilders };
      return sendJson(response, 200, info);
    }
    if (!post && url.pathname === "/api/grid") {
      const target = book();
      // The page asks again after every sidebar call; most of them (analysing) change nothing.
      if (url.searchParams.get("since") === target.version) return sendJson(response, 200, { unchanged: true });
      return sendJson(response, 200, target.snapshot(url.searchParams.get("sheet") ?? undefined));
    }
    if (post && url.pathname === "/api/select") {
      const { sheet, a1, rows } = (await readJson(request)) as SelectRequest;
      const target = book();
      const sheetName = sheet ?? target.fake.spreadsheet.activeSheet.getName();
      if (rows !== undefined) target.selectRows(sheetName, rows[0], rows[1]);
      else target.select(sheetName, a1 ?? "A1");
      return sendJson(response, 200, target.snapshot());
    }
    if (post && url.pathname === "/api/template") {
      const { builder } = (await readJson(request)) as TemplateRequest;
      const target = book();
      if (builder !== undefined && !target.templateBuilders.includes(builder)) throw new HttpError(400, `no template builder ${builder}`);
      const created = target.createTemplate(builder);
      return sendJson(response, 200, { ...target.snapshot(), created });
    }
    const run = /^\/api\/run\/([^/]+)$/.exec(url.pathname);
    if (post && run) {
      const { args } = (await readJson(request)) as { args?: unknown[] };
      return sendJson(response, 200, { value: book().runtime.call(decodeURIComponent(run[1]!), args ?? []) });
    }
    throw new HttpError(404, `no such page: ${url.pathname}`);
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      sendJson(response, status, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolveListen);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    workbook,
    reset: () => workbooks.clear(),
    close: () => new Promise((resolveClose) => server.close(() => resolveClose())),
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  try {
    const preview = await startPreview(parseOptions(process.argv.slice(2)));
    console.log(`Sheets retention preview: http://localhost:${preview.port}  (Ctrl+C to stop)`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
