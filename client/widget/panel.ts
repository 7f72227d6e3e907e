/**
 * The widget panel bundle, loaded by widget.js on first open. It is a classic script
 * wrapped in an IIFE: it defines no global and hands its mount function to the loader
 * through an event on its own <script> element (see contract.ts).
 */
import { createChat, type Chat } from "../shared/chat.ts";
import { adoptStyles, h } from "../shared/dom.ts";
import { followVisualViewport } from "../shared/viewport.ts";
import { PANEL_EVENT, type PanelMount } from "./contract.ts";

/** Where the panel covers the whole screen (keep in step with panel.css). */
const FULL_SCREEN_QUERY = "(max-width: 480px), (max-height: 520px)";

const mount: PanelMount = (root, config, hooks) => {
  adoptStyles(root, __FAQBOT_PANEL_CSS__);
  const panel = h("div", {
    class: `panel ${config.position}`,
    id: "fb-panel",
    role: "dialog",
    "aria-label": config.title,
    hidden: true,
  });
  root.append(panel);
  const fullScreen = matchMedia(FULL_SCREEN_QUERY);
  followVisualViewport(panel, () => fullScreen.matches);

  let chat: Chat | undefined;
  const ensureChat = (): Chat =>
    (chat ??= (() => {
      const created = createChat({
        server: config.server,
        doc: config.doc,
        title: config.title,
        greeting: config.greeting,
        heading: "h2",
        onClose: hooks.close,
        onAnswer: hooks.answer,
      });
      panel.append(created.element);
      return created;
    })());

  return {
    open() {
      const current = ensureChat();
      panel.hidden = false;
      current.focusInput();
    },
    close() {
      panel.hidden = true;
    },
    ask(text) {
      ensureChat().ask(text);
    },
  };
};

document.currentScript?.dispatchEvent(new CustomEvent(PANEL_EVENT, { detail: mount }));
