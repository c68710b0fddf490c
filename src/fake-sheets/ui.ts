// The user-interface side: menus, alerts and sidebars are recorded so tests (and the preview) can
// see what the add-on showed; HtmlService reads files through a function the caller supplies.

import { asReal, Counted } from "./counted";
import { Button, ButtonSet } from "./enums";
import type { CallCounter } from "./calls";

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export interface MenuItem {
  caption: string;
  functionName: string;
}

/** A menu added with addToUi(): "separator" stands for addSeparator(). */
export interface RecordedMenu {
  /** null for the add-on menu (Extensions → add-on name). */
  caption: string | null;
  items: (MenuItem | "separator")[];
}

export class FakeMenu extends Counted implements Pick<Menu, "addItem" | "addSeparator" | "addToUi"> {
  private readonly items: (MenuItem | "separator")[] = [];
  constructor(
    counter: CallCounter,
    private readonly ui: FakeUi,
    private readonly caption: string | null,
  ) {
    super(counter, "Menu");
  }
  addItem(caption: string, functionName: string): Menu {
    this.items.push({ caption, functionName });
    return asReal(this);
  }
  addSeparator(): Menu {
    this.items.push("separator");
    return asReal(this);
  }
  addToUi(): void {
    this.ui.menus.push({ caption: this.caption, items: [...this.items] });
  }
}

export class FakeUi
  extends Counted
  implements Pick<Ui, "Button" | "ButtonSet" | "alert" | "createAddonMenu" | "createMenu" | "showSidebar" | "showModalDialog">
{
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  readonly menus: RecordedMenu[] = [];
  /** Alert texts, "title: prompt" when a title was given. */
  readonly alerts: string[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly dialogs: { output: FakeHtmlOutput; title: string }[] = [];

  constructor(counter: CallCounter) {
    super(counter, "Ui");
  }
  alert(titleOrPrompt: string, promptOrButtons?: string | GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.Button {
    this.alerts.push(typeof promptOrButtons === "string" ? `${titleOrPrompt}: ${promptOrButtons}` : titleOrPrompt);
    return Button.OK;
  }
  createAddonMenu(): Menu {
    return asReal(new FakeMenu(this.counter, this, null));
  }
  createMenu(caption: string): Menu {
    return asReal(new FakeMenu(this.counter, this, caption));
  }
  showSidebar(userInterface: HtmlOutput): void {
    this.sidebars.push(userInterface as unknown as FakeHtmlOutput);
  }
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.dialogs.push({ output: userInterface as unknown as FakeHtmlOutput, title });
  }
}

export class FakeHtmlOutput
  extends Counted
  implements Pick<HtmlOutput, "getContent" | "getTitle" | "getWidth" | "getHeight" | "setTitle" | "setWidth" | "setHeight" | "setContent">
{
  private title = "";
  private width = 300;
  private height = 0;
  constructor(
    counter: CallCounter,
    /** The file it came from ("Sidebar"), or null for createHtmlOutput(html). */
    readonly fileName: string | null,
    private content: string,
  ) {
    super(counter, "HtmlOutput");
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): HtmlOutput {
    this.content = content;
    return asReal(this);
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): HtmlOutput {
    this.title = title;
    return asReal(this);
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(width: number): HtmlOutput {
    this.width = width;
    return asReal(this);
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): HtmlOutput {
    this.height = height;
    return asReal(this);
  }
}

export class FakeHtmlService
  extends Counted
  implements Pick<GoogleAppsScript.HTML.HtmlService, "createHtmlOutput" | "createHtmlOutputFromFile">
{
  constructor(
    counter: CallCounter,
    /** Returns the content of a project HTML file by name (without .html); "" when not given. */
    private readonly readFile: (name: string) => string,
  ) {
    super(counter, "HtmlService");
  }
  createHtmlOutput(html?: unknown): HtmlOutput {
    return asReal(new FakeHtmlOutput(this.counter, null, typeof html === "string" ? html : ""));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return asReal(new FakeHtmlOutput(this.counter, filename, this.readFile(filename.replace(/\.html$/, ""))));
  }
}
