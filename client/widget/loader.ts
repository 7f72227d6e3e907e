/**
 * widget.js: the one script a host page includes.
 *
 *   <script src="https://faq.example.com/widget.js" async data-title="Ask us"></script>
 *
 * Until the visitor opens it, it only draws the launcher button in a shadow root and
 * defines the frozen `window.FaqBot`. The panel (the chat view and socket.io-client) is
 * fetched on first open from the same place as this script. No cookie, no other global.
 */
import type { Answer } from "../../server/chat/protocol.ts";
import { adoptStyles, h, icon, ICONS } from "../shared/dom.ts";
import { PANEL_EVENT, type PanelController, type PanelMount, type WidgetConfig } from "./contract.ts";

export type AnswerListener = (answer: Answer) => void;

/** The public API, `window.FaqBot` (frozen). */
export interface FaqBotApi {
  /** Open the panel; with `question`, ask it too. */
  open(options?: { question?: string }): void;
  /** Close the panel. */
  close(): void;
  /** Open the panel and ask `text`. */
  ask(text: string): void;
  /** Call `listener` with every answer; returns a function that unsubscribes. */
  on(event: "answer", listener: AnswerListener): () => void;
}

/** Remembers across reloads (this tab only) that the visitor left the panel open; one per server. */
const OPEN_KEY = "faqbot:v1:open:";

/** Accent text colour: whichever of white or near-black contrasts more with the accent. */
function onAccent(color: string): string | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? hex.replace(/./g, "$&$&") : hex;
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // White's contrast is 1.05/(L+0.05); #1f1f1f (L≈0.0137) gives (L+0.05)/0.0637.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0637 ? "#fff" : "#1f1f1f";
}

function readConfig(script: HTMLScriptElement): WidgetConfig {
  const data = script.dataset;
  let server = new URL(data.server || ".", script.src).href;
  if (!server.endsWith("/")) server += "/";
  return {
    server,
    title: data.title || "Ask us",
    greeting: data.greeting || "Hi! How can I help you?",
    position: data.position === "left" ? "left" : "right",
    doc: data.document || undefined,
  };
}

function storedOpen(server: string): boolean {
  try {
    return sessionStorage.getItem(OPEN_KEY + server) === "1";
  } catch {
    return false;
  }
}

function storeOpen(server: string, open: boolean): void {
  try {
    if (open) sessionStorage.setItem(OPEN_KEY + server, "1");
    else sessionStorage.removeItem(OPEN_KEY + server);
  } catch {
    // Storage is optional.
  }
}

function install(script: HTMLScriptElement): void {
  const config = readConfig(script);
  const data = script.dataset;
  const listeners = new Set<AnswerListener>();
  let isOpen = false;
  let panel: PanelController | undefined;
  let loading: Promise<PanelController> | undefined;

  const host = document.createElement("faqbot-widget");
  const root = host.attachShadow({ mode: "open" });
  adoptStyles(root, __FAQBOT_LAUNCHER_CSS__);
  const color = data.color;
  if (color && CSS.supports("color", color)) {
    host.style.setProperty("--faqbot-accent", color);
    const text = onAccent(color);
    if (text) host.style.setProperty("--faqbot-on-accent", text);
  }
  const launcher = h(
    "button",
    { type: "button", class: `launcher ${config.position}`, "aria-label": "Open chat", "aria-expanded": "false", title: config.title },
    icon(ICONS.chat, 28),
    icon(ICONS.close, 26),
  );
  root.append(launcher);

  const hooks = {
    close: () => close(true),
    answer(answer: Answer) {
      for (const listener of listeners) {
        try {
          listener(answer);
        } catch (error) {
          // A host page's listener must not break the widget.
          console.error("FaqBot: an answer listener threw", error);
        }
      }
    },
  };

  function load(): Promise<PanelController> {
    loading ??= new Promise<PanelController>((resolve, reject) => {
      const tag = document.createElement("script");
      tag.src = new URL(__FAQBOT_PANEL_FILE__, script.src).href;
      tag.async = true;
      if (script.nonce) tag.nonce = script.nonce;
      tag.addEventListener(PANEL_EVENT, (event) => {
        panel = (event as CustomEvent<PanelMount>).detail(root, config, hooks);
        launcher.setAttribute("aria-controls", "fb-panel");
        resolve(panel);
      });
      tag.addEventListener("load", () => tag.remove());
      tag.addEventListener("error", () => {
        tag.remove();
        loading = undefined;
        reject(new Error(`FaqBot: could not load ${tag.src}`));
      });
      document.head.append(tag);
    });
    return loading;
  }

  function setOpen(open: boolean): void {
    isOpen = open;
    launcher.setAttribute("aria-expanded", String(open));
    launcher.setAttribute("aria-label", open ? "Close chat" : "Open chat");
    storeOpen(config.server, open);
  }

  function open(question?: string): void {
    setOpen(true);
    launcher.setAttribute("aria-busy", "true");
    load().then(
      (controller) => {
        launcher.removeAttribute("aria-busy");
        if (isOpen) controller.open();
        if (question) controller.ask(question);
      },
      (error: unknown) => {
        launcher.removeAttribute("aria-busy");
        setOpen(false);
        console.error(error);
      },
    );
  }

  /** Close; focus goes back to the launcher when it was inside the widget. */
  function close(returnFocus: boolean): void {
    if (!isOpen) return;
    const focusInside = root.activeElement !== null;
    setOpen(false);
    panel?.close();
    if (returnFocus || focusInside) launcher.focus();
  }

  launcher.addEventListener("click", () => (isOpen ? close(true) : open()));
  root.addEventListener("keydown", (event) => {
    if ((event as KeyboardEvent).key === "Escape" && isOpen) {
      event.stopPropagation();
      close(true);
    }
  });

  const api: FaqBotApi = Object.freeze({
    open(options?: { question?: string }) {
      open(typeof options?.question === "string" ? options.question : undefined);
    },
    close() {
      close(false);
    },
    ask(text: string) {
      if (typeof text !== "string" || !text.trim()) throw new TypeError("FaqBot.ask(text): text must be a non-empty string");
      open(text);
    },
    on(event: "answer", listener: AnswerListener) {
      if (event !== "answer" || typeof listener !== "function") {
        throw new TypeError('FaqBot.on(event, listener): the only event is "answer" and listener must be a function');
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  });
  Object.defineProperty(window, "FaqBot", { value: api, enumerable: true });

  const attach = (): void => {
    document.body.append(host);
    const openAttribute = data.open;
    if ((openAttribute !== undefined && openAttribute !== "false") || storedOpen(config.server)) open();
  };
  if (document.body) attach();
  else document.addEventListener("DOMContentLoaded", attach, { once: true });
}

// A second copy of the tag (or a page that defines its own FaqBot) leaves the first one alone.
const current = document.currentScript;
if (current instanceof HTMLScriptElement && !("FaqBot" in window)) install(current);
