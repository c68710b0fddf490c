// The preview page: a sheet grid (tabs, row headers, selection, highlight) beside the real sidebar
// in an iframe. Cell text from the CSV only ever goes in through textContent.

import { fill, languageForLocale, numbersIn } from "../../i18n/language";
import { PREVIEW, type PreviewKey } from "../../i18n/preview";
import { h, replaceChildren } from "../../sidebar/dom";
import type { GridRow, GridSnapshot } from "../grid-snapshot";
import type { PreviewInfo, TemplateRequest } from "../protocol";
import type { TemplateBuilder } from "../workbook";
import { columnLetter } from "../../core/a1";

const query = location.search;
const locale = new URLSearchParams(query).get("locale") ?? "";

/** The path with the page's own query (its ?locale=) and any extra parameters. */
function apiUrl(path: string, extra: Record<string, string>): string {
  const parameters = new URLSearchParams(query);
  for (const [name, value] of Object.entries(extra)) parameters.set(name, value);
  const search = parameters.toString();
  return search === "" ? path : `${path}?${search}`;
}

async function api<T>(path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
  const response = await fetch(apiUrl(path, extra), {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(parsed.error ?? response.statusText);
  return parsed;
}

class PreviewPage {
  private snapshot: GridSnapshot | undefined;
  private dragFrom: number | undefined;
  private readonly grid = h("div", { className: "grid-pane", testId: "grid" });
  private readonly tabs = h("nav", { className: "tabs", testId: "tabs" });
  private readonly selectionInput = h("input", { testId: "selection", attrs: { type: "text", spellcheck: "false" } });
  private readonly message = h("span", { className: "message", testId: "message", attrs: { role: "status" } });

  constructor(
    private readonly info: PreviewInfo,
    private readonly t: (key: PreviewKey, values?: Record<string, string | number>) => string,
  ) {}

  mount(root: HTMLElement): void {
    const { t, info } = this;
    document.title = t("title");
    document.documentElement.lang = info.language;
    const selectForm = h(
      "form",
      { className: "select-form" },
      h("label", {}, t("selection"), " ", this.selectionInput),
      h("button", { attrs: { type: "submit" } }, t("select")),
    );
    selectForm.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.update(() => api<GridSnapshot>("/api/select", { sheet: this.snapshot?.sheet, a1: this.selectionInput.value }));
    });
    const otherLocale = info.language === "ru" ? "en_US" : "ru_RU";
    const toolbar = h(
      "header",
      { className: "toolbar" },
      h("strong", {}, t("title")),
      selectForm,
      ...info.templateBuilders.map((builder) => this.templateButton(builder)),
      this.message,
      h("a", { className: "language", attrs: { href: `/?locale=${otherLocale}` } }, t("otherLanguage")),
    );
    const sidebar = h(
      "aside",
      { className: "sidebar-pane" },
      h("div", { className: "sidebar-title" }, t("sidebarTitle")),
      h("iframe", { testId: "sidebar", attrs: { src: `/sidebar${query}`, title: t("sidebarTitle") } }),
    );
    replaceChildren(
      root,
      toolbar,
      h("div", { className: "workspace" }, h("section", { className: "sheet" }, this.grid, this.tabs), sidebar),
    );
    this.selectionInput.title = t("selectHint");
    this.grid.addEventListener("mousedown", (event) => this.startDrag(event));
    this.grid.addEventListener("mouseover", (event) => this.continueDrag(event));
    document.addEventListener("mouseup", () => this.endDrag());
    this.grid.addEventListener("click", (event) => this.clickCell(event));
    window.addEventListener("message", (event) => {
      const data = event.data as { type?: string } | null;
      if (event.origin === location.origin && data?.type === "sheets-retention:changed") {
        void this.update(() => api("/api/grid", undefined, this.snapshot ? { since: this.snapshot.version } : {}));
      }
    });
    void this.update(() => api("/api/grid"));
  }

  private templateButton(builder: TemplateBuilder): HTMLButtonElement {
    const label = builder === "createTemplate" ? this.t("createTemplate") : this.t("createTemplateWithSample");
    const testId = builder === "createTemplate" ? "create-template" : "create-template-sample";
    const button = h("button", { testId, attrs: { type: "button" } }, label);
    button.addEventListener("click", () => {
      void this.update(async () => {
        const request: TemplateRequest = { builder };
        const snapshot = await api<GridSnapshot & { created: string[] }>("/api/template", request);
        this.message.textContent = this.t("templateCreated", { sheets: snapshot.created.join(", ") });
        return snapshot;
      });
    });
    return button;
  }

  /** Loads a snapshot and redraws, keeping the scroll position when the sheet stays the same. */
  private async update(load: () => Promise<GridSnapshot | { unchanged: true }>): Promise<void> {
    try {
      const snapshot = await load();
      if ("unchanged" in snapshot) return;
      const sameSheet = snapshot.sheet === this.snapshot?.sheet;
      const { scrollTop, scrollLeft } = this.grid;
      this.snapshot = snapshot;
      this.render(snapshot);
      if (sameSheet) Object.assign(this.grid, { scrollTop, scrollLeft });
    } catch (error) {
      this.message.textContent = this.t("failed", { message: error instanceof Error ? error.message : String(error) });
    }
  }

  private render(snapshot: GridSnapshot): void {
    this.selectionInput.value = snapshot.selection.a1;
    const head = h("tr", {}, h("th", { className: "corner" }));
    for (let column = 0; column < snapshot.columns; column++) head.appendChild(h("th", {}, columnLetter(column)));
    const body = document.createElement("tbody");
    for (const row of snapshot.rows) body.appendChild(this.renderRow(row, snapshot));
    const table = h("table", { className: "grid" }, h("thead", {}, head), body);
    replaceChildren(
      this.grid,
      table,
      snapshot.rowsNotShown > 0 ? h("p", { className: "note" }, this.t("rowsNotShown", { count: snapshot.rowsNotShown })) : null,
    );
    replaceChildren(
      this.tabs,
      ...snapshot.sheets.map((name) => {
        const tab = h(
          "button",
          { className: name === snapshot.sheet ? "tab active" : "tab", attrs: { type: "button", "data-sheet": name } },
          name,
        );
        tab.addEventListener("click", () => void this.update(() => api("/api/select", { sheet: name, a1: "A1" })));
        return tab;
      }),
    );
  }

  private renderRow(row: GridRow, snapshot: GridSnapshot): HTMLTableRowElement {
    const { selection } = snapshot;
    const rowSelected = row.row >= selection.row && row.row < selection.row + selection.numRows;
    const tr = h("tr", { attrs: { "data-row": String(row.row) } });
    tr.appendChild(h("th", { className: rowSelected ? "row-header selected" : "row-header" }, String(row.row)));
    const right = new Set(row.right ?? []);
    const ruled = new Set(row.ruled ?? []);
    row.cells.forEach((text, column) => {
      const inSelection = rowSelected && column + 1 >= selection.column && column + 1 < selection.column + selection.numColumns;
      const td = h("td", { className: [right.has(column) ? "right" : "", inSelection ? "in-selection" : ""].join(" ").trim() }, text);
      const colour = row.fill?.[column];
      if (colour !== undefined) td.style.backgroundColor = colour;
      if (ruled.has(column)) td.dataset.highlight = "below-target";
      tr.appendChild(td);
    });
    return tr;
  }

  private rowHeaderAt(target: EventTarget | null): number | undefined {
    const header = (target as Element | null)?.closest?.("th.row-header");
    const row = header?.parentElement?.dataset.row;
    return row === undefined ? undefined : Number(row);
  }

  private startDrag(event: MouseEvent): void {
    const row = this.rowHeaderAt(event.target);
    if (row === undefined) return;
    event.preventDefault();
    this.dragFrom = row;
    this.markDrag(row, row);
  }

  private continueDrag(event: MouseEvent): void {
    const row = this.rowHeaderAt(event.target);
    if (this.dragFrom !== undefined && row !== undefined) this.markDrag(this.dragFrom, row);
  }

  /** Shows the rows being dragged over before the server hears of them. */
  private markDrag(from: number, to: number): void {
    const [first, last] = from < to ? [from, to] : [to, from];
    this.grid.querySelectorAll<HTMLElement>("th.row-header").forEach((header) => {
      const row = Number(header.parentElement?.dataset.row);
      header.classList.toggle("selected", row >= first && row <= last);
    });
    this.selectionInput.value = `${first}:${last}`;
  }

  private endDrag(): void {
    if (this.dragFrom === undefined) return;
    const [first, last] = this.selectionInput.value.split(":").map(Number);
    this.dragFrom = undefined;
    void this.update(() => api("/api/select", { sheet: this.snapshot?.sheet, rows: [first, last] }));
  }

  private clickCell(event: MouseEvent): void {
    const cell = (event.target as Element | null)?.closest?.("td");
    const row = cell?.parentElement?.dataset.row;
    if (!cell || row === undefined) return;
    const column = Array.prototype.indexOf.call(cell.parentElement!.children, cell) - 1;
    void this.update(() => api("/api/select", { sheet: this.snapshot?.sheet, a1: `${columnLetter(column)}${row}` }));
  }
}

async function start(): Promise<void> {
  const info = await api<PreviewInfo>("/api/info");
  const language = info.language ?? languageForLocale(locale);
  const t = (key: PreviewKey, values: Record<string, number | string> = {}): string =>
    fill(PREVIEW[language][key], values, { language, of: numbersIn(values) });
  new PreviewPage(info, t).mount(document.getElementById("app")!);
}

void start();
