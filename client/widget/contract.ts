/**
 * The private hand-off between the loader (widget.js) and the panel bundle it loads on
 * first open. The panel is a classic script (no CORS needed, no module globals); it
 * dispatches PANEL_EVENT on its own <script> element with its mount function as the
 * event detail, so the two meet without any global variable.
 */
import type { Answer } from "../../server/chat/protocol.ts";

export const PANEL_EVENT = "faqbot:panel";

/** The widget's settings, read once from the script tag's data-* attributes. */
export interface WidgetConfig {
  /** Base URL of the faqbot server, ending with "/" (default: where widget.js came from). */
  server: string;
  title: string;
  greeting: string;
  position: "left" | "right";
  /** Answer from this document only. */
  doc?: string;
}

/** What the loader lends the panel. */
export interface PanelHooks {
  /** The panel asks to be closed (its close button). */
  close(): void;
  /** An answer arrived: the loader forwards it to FaqBot.on("answer") listeners. */
  answer(answer: Answer): void;
}

export interface PanelController {
  open(): void;
  close(): void;
  ask(text: string): void;
}

export type PanelMount = (root: ShadowRoot, config: WidgetConfig, hooks: PanelHooks) => PanelController;
