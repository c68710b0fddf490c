// The sidebar: asks the server for the state, analyses straight away and again whenever a setting
// changes, and shows the answer first (verdict, what to do, the heatmap), then the actions, the
// detail, the settings and columns folded below, and last, folded too, the same report as SQL for
// BigQuery (sql-panel.ts). Stale answers (a slower earlier analysis
// arriving after a newer one) are dropped by sequence number. Columns the server only guessed are
// confirmed first: until then the report asks instead of showing a verdict.

import type { AnalysisRequest, CallListResponse, SidebarState } from "../addon/sidebar-api";
import type { SidebarKey } from "../i18n/sidebar";
import { languageForLocale } from "../i18n/language";
import { formatsFor } from "../presentation/formats";
import { ADDON_VERSION } from "../version";
import { serverClient, type ServerClient } from "./client";
import { h, replaceChildren } from "./dom";
import { buildForm, type SidebarForm } from "./form";
import { reportSections, type ReportContext } from "./report-view";
import { sqlPanel } from "./sql-panel";
import { textFor, type Text } from "./text";

interface View {
  range: HTMLElement;
  progress: HTMLElement;
  status: HTMLElement;
  report: HTMLElement;
  actions: HTMLElement;
  buttons: HTMLButtonElement[];
}

function errorBanner(t: Text, error: unknown): HTMLElement {
  // Apps Script prefixes server errors with "Exception:" or "Error:"; the user needs only the rest.
  const message = (error instanceof Error ? error.message : String(error)).replace(/^(?:(?:Exception|Error):\s*)+/, "");
  return h("div", { className: "error", testId: "error", attrs: { role: "alert" } }, t("errorPrefix", { message }));
}

function button(label: string, testId: string, primary: boolean, onClick: () => void): HTMLButtonElement {
  const element = h("button", { className: primary ? "action" : "", testId, attrs: { type: "button" } }, label);
  element.addEventListener("click", onClick);
  return element;
}

function progressElement(): HTMLElement {
  return h("div", { className: "progress", testId: "progress", attrs: { role: "status", "aria-live": "polite" } });
}

/**
 * The words of every server call in flight, shown with a spinner; the line empties when none is.
 * Calls overlap (a re-analysis while a sheet is written), so each holds its own entry.
 */
function progressLine(element: HTMLElement): <T>(words: string, call: Promise<T>) => Promise<T> {
  const running: string[] = [];
  const show = (): void => {
    element.dataset.state = running.length > 0 ? "busy" : "idle";
    replaceChildren(
      element,
      ...(running.length > 0 ? [h("span", { className: "spinner", attrs: { "aria-hidden": "true" } }), running.at(-1)!] : []),
    );
  };
  return async (words, call) => {
    running.push(words);
    show();
    try {
      return await call;
    } finally {
      running.splice(running.indexOf(words), 1);
      show();
    }
  };
}

function mount(app: HTMLElement, server: ServerClient, state: SidebarState): void {
  const t = textFor(state.language);
  const context: ReportContext = { language: state.language, formats: formatsFor(state.language), t };
  document.documentElement.lang = state.language;
  document.title = t("title");
  const form: SidebarForm = buildForm(state, t);
  const sql = sqlPanel(state, t);
  let sequence = 0;

  /** The report's place asks for the marked columns: no figure from a guess. */
  const askToConfirm = (): void => {
    replaceChildren(view.report, h("div", { className: "confirm-prompt", testId: "confirm-prompt" }, t("confirmPrompt")));
    view.report.dataset.state = "confirm";
  };

  /** Amounts in the sheet's own currency when its format shows one, else in the one set in Settings. */
  const contextFor = (sheetCurrency: string | null): ReportContext => {
    const currency = sheetCurrency ?? form.currency();
    return { ...context, formats: formatsFor(state.language, currency === undefined ? {} : { currency }) };
  };

  const analyze = async (): Promise<void> => {
    // Any answer still on its way is for columns no longer asked about, or about to be.
    if (form.hasDoubts()) {
      sequence++;
      return askToConfirm();
    }
    const request = form.request();
    // A field error is already shown beside its field; the last report stays until it is fixed.
    if (request === undefined) return;
    const current = ++sequence;
    view.report.dataset.state = "loading";
    try {
      const response = await withProgress(t("progressAnalysing"), server.analyzeSelection(request));
      if (current !== sequence) return;
      form.showRange(response.range);
      view.range.textContent = t("range", { range: response.range.rangeA1 });
      if (response.report === null) return askToConfirm();
      sql.show({ settings: request.settings, range: response.range, healthColumns: response.report.healthCheck?.columns });
      const [answer, ...rest] = reportSections(response.report, contextFor(response.sheetCurrency));
      // The actions come right after the answer and the heatmap: what to do, once it is clear why.
      replaceChildren(view.report, answer, ...rest.slice(0, 1), view.actions, ...rest.slice(1));
      view.report.dataset.state = "ready";
    } catch (error) {
      if (current !== sequence) return;
      replaceChildren(view.report, errorBanner(t, error), view.actions);
      view.report.dataset.state = "error";
    }
  };

  /** Runs an action with the buttons disabled and its words beside the spinner, reporting the outcome in the status line. */
  const act = async (words: string, action: () => Promise<string>): Promise<void> => {
    for (const each of view.buttons) each.disabled = true;
    replaceChildren(view.status);
    view.status.dataset.state = "loading";
    try {
      replaceChildren(view.status, await withProgress(words, action()));
      view.status.dataset.state = "ready";
    } catch (error) {
      replaceChildren(view.status, errorBanner(t, error));
      view.status.dataset.state = "error";
    } finally {
      for (const each of view.buttons) each.disabled = false;
    }
  };

  /** The form's request for an action: refused while a column is unconfirmed or a field is wrong. */
  const actionRequest = (): AnalysisRequest => {
    if (form.hasDoubts()) throw new Error(t("confirmFirst"));
    const request = form.request();
    if (request === undefined) throw new Error(t("fixFields"));
    return request;
  };
  const count = context.formats.count;
  const highlight = (): Promise<void> =>
    act(t("progressHighlighting"), async () => {
      const response = await server.highlightToWinBack(actionRequest());
      const counts = { rows: response.highlightedRows, customers: response.customers };
      return t(
        "highlighted",
        { rows: count(response.highlightedRows), customers: count(response.customers), range: response.rangeA1 },
        counts,
      );
    });
  const copied = (copy: (request: AnalysisRequest) => Promise<CallListResponse>, done: SidebarKey, none: SidebarKey) => (): Promise<void> =>
    act(t("progressCopying"), async () => {
      const response = await copy(actionRequest());
      return response.sheetName === null
        ? t(none)
        : t(done, { count: count(response.customers), sheet: response.sheetName }, { count: response.customers });
    });
  const clear = (): Promise<void> =>
    act(t("progressClearing"), async () => ((await server.clearHighlighting()).cleared ? t("cleared") : t("nothingToClear")));

  const progress = progressElement();
  const withProgress = progressLine(progress);
  const buttons = [
    button(t("highlight"), "highlight", true, () => void highlight()),
    button(t("clearHighlight"), "clear-highlight", false, () => void clear()),
    button(
      t("copyNeverReturned"),
      "copy-never-returned",
      false,
      () => void copied(server.copyNeverReturnedCustomers, "copiedNeverReturned", "noNeverReturned")(),
    ),
    button(t("copyLapsed"), "copy-lapsed", false, () => void copied(server.copyLapsedCustomers, "copiedLapsed", "noLapsed")()),
  ];
  const status = h("div", { className: "status", testId: "status", attrs: { role: "status" } });
  const view: View = {
    range: h("div", { className: "range", testId: "range" }, t("range", { range: state.rangeA1 })),
    progress,
    status,
    report: h("div", { className: "report", testId: "report" }),
    actions: h("section", { className: "card actions", testId: "actions" }, h("h2", {}, t("actionsHeading")), ...buttons, status),
    buttons,
  };
  const analyzeButton = button(t("analyze"), "analyze", false, () => {
    if (form.hasDoubts()) form.focusDoubt();
    void analyze();
  });
  replaceChildren(
    app,
    h("header", {}, h("h1", {}, t("title")), view.range, view.progress),
    view.report,
    form.settings,
    form.columns,
    h("div", { className: "reanalyze" }, analyzeButton),
    sql.element,
    h("footer", { testId: "version" }, t("version", { version: ADDON_VERSION })),
  );
  form.onChange(() => void analyze());
  void analyze();
}

async function start(): Promise<void> {
  const app = document.getElementById("app")!;
  const server = serverClient();
  // Until the state arrives there is no spreadsheet language yet: the browser's stands in.
  const t = textFor(languageForLocale(navigator.language));
  const opening = progressElement();
  replaceChildren(app, h("header", {}, h("h1", {}, t("title")), opening));
  try {
    mount(app, server, await progressLine(opening)(t("progressOpening"), server.getSidebarState()));
  } catch (error) {
    replaceChildren(app, errorBanner(t, error));
  }
}

void start();
