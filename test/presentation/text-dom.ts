// Just enough of a DOM for the sidebar's report view (src/sidebar/dom.ts makes elements, text
// nodes and attributes, nothing else), so its text can be read in Node without a browser.

class TextNode {
  readonly childNodes: never[] = [];
  constructor(readonly textContent: string) {}
}

export class TextElement {
  readonly childNodes: (TextElement | TextNode)[] = [];
  readonly attributes = new Map<string, string>();
  readonly dataset: Record<string, string> = {};
  className = "";
  constructor(readonly tagName: string) {}

  appendChild<T extends TextElement | TextNode>(child: T): T {
    this.childNodes.push(child);
    return child;
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  get textContent(): string {
    return this.childNodes.map((child) => child.textContent).join("");
  }
  /** Every element below this one, in document order. */
  descendants(): TextElement[] {
    return this.childNodes.flatMap((child) => (child instanceof TextElement ? [child, ...child.descendants()] : []));
  }
  byTestId(testId: string): TextElement {
    const found = this.descendants().find((element) => element.dataset.testid === testId);
    if (found === undefined) throw new Error(`no element with data-testid=${testId}`);
    return found;
  }
  byTag(tagName: string): TextElement[] {
    return this.descendants().filter((element) => element.tagName === tagName);
  }
}

/** Installs the stand-in as the global `document` while `body` runs. */
export function withTextDocument<T>(body: () => T): T {
  const scope = globalThis as { document?: unknown };
  const previous = scope.document;
  scope.document = {
    createElement: (tag: string) => new TextElement(tag),
    createElementNS: (_namespace: string, tag: string) => new TextElement(tag),
    createTextNode: (text: string) => new TextNode(text),
  };
  try {
    return body();
  } finally {
    scope.document = previous;
  }
}
