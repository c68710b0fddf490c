// The sidebar's only way to make DOM: strings always become text nodes, so a customer named
// `<img onerror=…>` is shown, never parsed. There is deliberately no innerHTML anywhere.

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  className?: string;
  testId?: string;
  /** Attribute values are set with setAttribute, which never parses markup. */
  attrs?: Record<string, string>;
}

export function appendChildren(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

export function h<Tag extends keyof HTMLElementTagNameMap>(tag: Tag, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.testId) element.dataset.testid = props.testId;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  appendChildren(element, children);
  return element;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg(tag: string, attrs: Record<string, string | number>, ...children: Child[]): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  appendChildren(element, children);
  return element;
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  appendChildren(parent, children);
}
