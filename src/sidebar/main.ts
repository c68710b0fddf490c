// The sidebar: asks the server for the state, shows the form, analyses straight away and again
// whenever a setting changes, and offers highlighting. Stale answers (a slower earlier analysis
// arriving after a newer one) are dropped by sequence number. Columns the server only guessed are
// confirmed first: until then the report asks instead of showing a verdict.

import type { AnalysisRequest, SidebarState } from "../addon/sidebar-api";
import { languageForLocale } from "../i18n/language";
import { formatsFor } from "../presentation/formats";
import { ADDON_VERSION } from "../version";
import { serverClient, type ServerClient } from "./client";
import { h, replaceChildren } from "./dom";
import { buildForm, type SidebarForm } from "./form";
import { reportSections, type ReportContext } from "./report-view";
import { textFor, type Text } from "./text";

interface View {
  range: HTMLElement;
  status: HTMLElement;
  report: HTMLElement;
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

function mount(app: HTMLElement, server: ServerClient, state: SidebarState): void {
  const t = textFor(state.language);
  const context: ReportContext = { language: state.language, formats: formatsFor(state.language), t };
  document.documentElement.lang = state.language;
  const form: SidebarForm = buildForm(state, t);
  let sequence = 0;

  /** The report's place asks for the marked columns: no figure from a guess. */
  const askToConfirm = (): void => {
    replaceChildren(view.report, h("div", { className: "confirm-prompt", testId: "confirm-prompt" }, t("confirmPrompt")));
    view.report.dataset.state = "confirm";
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
      const response = await server.analyzeSelection(request);
      if (current !== sequence) return;
      form.showRange(response.range);
      view.range.textContent = t("range", { range: response.range.rangeA1 });
      if (response.report === null) return askToConfirm();
      replaceChildren(view.report, ...reportSections(response.report, context));
      view.report.dataset.state = "ready";
    } catch (error) {
      if (current !== sequence) return;
      replaceChildren(view.report, errorBanner(t, error));
      view.report.dataset.state = "error";
    }
  };

  /** Runs a highlight action with the buttons disabled, reporting the outcome in the status line. */
  const act = async (action: () => Promise<string>): Promise<void> => {
    for (const each of view.buttons) each.disabled = true;
    replaceChildren(view.status, t("working"));
    view.status.dataset.state = "loading";
    try {
      replaceChildren(view.status, await action());
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
  const highlight = (): Promise<void> =>
    act(async () => {
      const response = await server.highlightBelowTarget(actionRequest());
      return t("highlighted", { count: context.formats.count(response.highlightedRows), range: response.rangeA1 });
    });
  const copyLapsed = (): Promise<void> =>
    act(async () => {
      const response = await server.copyLapsedCustomers(actionRequest());
      if (response.sheetName === null) return t("noLapsed");
      return t("copiedLapsed", { count: context.formats.count(response.customers), sheet: response.sheetName });
    });
  const clear = (): Promise<void> => act(async () => ((await server.clearHighlighting()).cleared ? t("cleared") : t("nothingToClear")));

  const view: View = {
    range: h("div", { className: "range", testId: "range" }, t("range", { range: state.rangeA1 })),
    status: h("div", { className: "status", testId: "status", attrs: { role: "status" } }),
    report: h("div", { className: "report", testId: "report" }),
    buttons: [
      button(t("analyze"), "analyze", true, () => {
        if (form.hasDoubts()) form.focusDoubt();
        void analyze();
      }),
      button(t("highlight"), "highlight", false, () => void highlight()),
      button(t("clearHighlight"), "clear-highlight", false, () => void clear()),
      button(t("copyLapsed"), "copy-lapsed", false, () => void copyLapsed()),
    ],
  };
  replaceChildren(
    app,
    h("header", {}, h("h1", {}, t("title")), view.range),
    form.columns,
    form.settings,
    h("div", { className: "actions" }, ...view.buttons),
    view.status,
    view.report,
    h("footer", { testId: "version" }, t("version", { version: ADDON_VERSION })),
  );
  form.onChange(() => void analyze());
  void analyze();
}

async function start(): Promise<void> {
  const app = document.getElementById("app")!;
  const server = serverClient();
  try {
    mount(app, server, await server.getSidebarState());
  } catch (error) {
    // Without the state there is no language yet: guess it from the browser.
    replaceChildren(app, errorBanner(textFor(languageForLocale(navigator.language)), error));
  }
}

void start();
