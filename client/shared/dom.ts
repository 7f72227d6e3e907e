/**
 * The only way client code creates DOM: elements with attributes and *text* children.
 * Strings always become Text nodes, so nothing a document or a visitor writes is ever
 * parsed as HTML: client code never assigns markup (tests/integration/client-build.test.ts
 * checks the sources for it).
 */

export type Child = Node | string | null | undefined | false;
export type Attributes = Record<string, string | boolean | undefined>;

/**
 * Create an element.
 * @example h("button", { type: "button", "aria-label": "Close chat" }, icon(CLOSE))
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (attributes) setAttributes(element, attributes);
  for (const child of children) if (child) element.append(child);
  return element;
}

/** Set (true, string) or remove (false, undefined) attributes; `class` sets className. */
export function setAttributes(element: Element, attributes: Attributes): void {
  for (const name of Object.keys(attributes)) {
    const value = attributes[name];
    if (value === undefined || value === false) element.removeAttribute(name);
    else element.setAttribute(name, value === true ? "" : value);
  }
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** A decorative 24×24 icon from one SVG path (hidden from assistive technology). */
export function icon(path: string, size = 20): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, "svg");
  const shape = document.createElementNS(SVG_NS, "path");
  shape.setAttribute("d", path);
  setAttributes(svg, {
    viewBox: "0 0 24 24",
    width: String(size),
    height: String(size),
    fill: "currentColor",
    "aria-hidden": "true",
    focusable: "false",
  });
  svg.append(shape);
  return svg;
}

/** Material Design icon paths (Apache 2.0). */
export const ICONS = {
  chat: "M20 2H4a2 2 0 0 0-2 2v18l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2z",
  close: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z",
  send: "M2.01 21 23 12 2.01 3 2 10l15 2-15 2z",
  restart:
    "M17.65 6.35A7.96 7.96 0 0 0 12 4a8 8 0 1 0 7.73 10h-2.08A6 6 0 1 1 12 6c1.66 0 3.14.69 4.22 1.78L13 11h7V4l-2.35 2.35z",
  up: "M1 21h4V9H1v12zm22-11a2 2 0 0 0-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10a2 2 0 0 0 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z",
  down: "M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2a2 2 0 0 0 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5a2 2 0 0 0-2-2zm4 0v12h4V3h-4z",
} as const;

/**
 * Add a stylesheet to a shadow root. Constructable stylesheets are not `<style>` elements,
 * so a host page's CSP `style-src` does not block them; older browsers get a `<style>`.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    root.append(h("style", null, css));
  }
}
