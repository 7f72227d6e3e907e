/**
 * The chat view and its controller, shared by the chat page and the widget panel: the
 * message log, the input, streaming, sources, chips, feedback, connection status and
 * the persisted conversation. Everything a document or a visitor wrote is set as text.
 */
import { MAX_QUESTION_LENGTH } from "../../server/chat/protocol.ts";
import type { Answer } from "../../server/chat/protocol.ts";
import { Connection, type ConnectionStatus } from "./connection.ts";
import { Conversation, conversationKey, newId, type Turn } from "./conversation.ts";
import { h, icon, ICONS } from "./dom.ts";
import { loadFaqQuestions, MAX_WELCOME_CHIPS } from "./faqs.ts";
import { errorText, wordingFor } from "./wording.ts";

export interface ChatOptions {
  /** Base URL of the faqbot server, e.g. "https://faq.example.com/". */
  server: string;
  /** Answer from this document only (DESIGN.md, Scope). */
  doc?: string;
  title: string;
  greeting: string;
  /** The title's heading level: h1 on the chat page, h2 inside a host page. */
  heading: "h1" | "h2";
  /** When given, the header has a "Close chat" button that calls it (the widget). */
  onClose?: () => void;
  /** Called with every answer that arrives (not with answers restored from storage). */
  onAnswer?: (answer: Answer) => void;
}

export interface Chat {
  /** The root element (`section.fb`); the caller places it. */
  readonly element: HTMLElement;
  ask(text: string): void;
  focusInput(): void;
  destroy(): void;
}

/** Show "Connecting…" only when connecting takes longer than this (no flash on a fast start). */
export const CONNECTING_NOTICE_DELAY_MS = 1_000;
/** Auto-scroll follows new text only while the reader is within this distance of the bottom. */
const STICKY_BOTTOM_PX = 48;
/** Most suggestion chips under one answer. */
const MAX_ANSWER_CHIPS = 3;
/** Most sources listed when the source is expanded. */
const MAX_SOURCES_SHOWN = 3;
/** The input grows with its text up to this height, then scrolls. */
const INPUT_MAX_HEIGHT_PX = 140;

interface TurnView {
  bot: HTMLElement;
  bubble: HTMLElement;
  text: Text;
  typing: HTMLElement | null;
}

export function createChat(options: ChatOptions): Chat {
  const conversation = new Conversation(conversationKey(options.server, options.doc));
  const faqs = loadFaqQuestions(options.server, options.doc);
  const views = new Map<string, TurnView>();

  // ── Layout ────────────────────────────────────────────────────────────────────────
  const status = h("p", { class: "fb-status", role: "status" });
  const newButton = h(
    "button",
    { type: "button", class: "fb-new", title: "New conversation" },
    icon(ICONS.restart, 18),
    h("span", { class: "fb-new-label" }, "New conversation"),
  );
  const closeButton =
    options.onClose &&
    h("button", { type: "button", class: "fb-icon", "aria-label": "Close chat", title: "Close" }, icon(ICONS.close));
  const title = h(options.heading, { class: "fb-title", id: "fb-title" }, options.title);
  const header = h(
    "header",
    { class: "fb-head" },
    h("span", { class: "fb-avatar", "aria-hidden": "true" }, icon(ICONS.chat, 18)),
    h("div", { class: "fb-heading" }, title, status),
    newButton,
    closeButton,
  );
  const log = h("div", { class: "fb-log", role: "log", "aria-live": "polite", "aria-label": "Conversation", tabindex: "0" });
  const input = h("textarea", {
    id: "fb-input",
    class: "fb-input",
    rows: "1",
    maxlength: String(MAX_QUESTION_LENGTH),
    placeholder: "Ask a question…",
    autocomplete: "off",
    enterkeyhint: "send",
  });
  const form = h(
    "form",
    { class: "fb-form" },
    h("label", { for: "fb-input", class: "fb-sr" }, "Ask a question"),
    input,
    h("button", { type: "submit", class: "fb-send", "aria-label": "Send", title: "Send" }, icon(ICONS.send)),
  );
  const element = h("section", { class: "fb", "aria-labelledby": "fb-title" }, header, log, form);

  // ── Connection ────────────────────────────────────────────────────────────────────
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  const showStatus = (state: ConnectionStatus): void => {
    clearTimeout(statusTimer);
    if (state === "online") status.textContent = "";
    else if (state === "reconnecting") status.textContent = "Reconnecting…";
    else if (!status.textContent) statusTimer = setTimeout(() => (status.textContent = "Connecting…"), CONNECTING_NOTICE_DELAY_MS);
  };

  const connection = new Connection(options.server, {
    status: showStatus,
    start(id) {
      const view = views.get(id);
      if (!view) return;
      // A re-sent question streams again from the start.
      view.text.data = "";
      view.bot.setAttribute("aria-busy", "true");
    },
    chunk(id, text) {
      const view = views.get(id);
      if (!view) return;
      const stick = nearBottom();
      if (view.typing) {
        view.typing.remove();
        view.typing = null;
      }
      view.text.appendData(text);
      if (stick) scrollToBottom();
    },
    end(id, answer) {
      const turn = conversation.find(id);
      const view = views.get(id);
      if (!turn || !view) return;
      turn.answer = answer;
      conversation.save();
      const stick = nearBottom();
      finishTurn(turn, view);
      if (stick) scrollToBottom();
      options.onAnswer?.(answer);
    },
    failed(id, error) {
      const turn = conversation.find(id);
      const view = views.get(id);
      if (!turn || !view) return;
      turn.error = errorText(error);
      conversation.save();
      finishTurn(turn, view);
      scrollToBottom();
    },
  });

  // ── Rendering ─────────────────────────────────────────────────────────────────────
  const nearBottom = (): boolean => log.scrollHeight - log.scrollTop - log.clientHeight < STICKY_BOTTOM_PX;
  const scrollToBottom = (): void => {
    log.scrollTop = log.scrollHeight;
  };

  function chips(label: string, questions: readonly string[]): HTMLElement {
    return h(
      "div",
      { class: "fb-suggest" },
      h("p", { class: "fb-chips-label" }, label),
      h(
        "div",
        { class: "fb-chips", role: "group", "aria-label": label },
        ...questions.map((question) => h("button", { type: "button", class: "fb-chip", "data-question": question }, question)),
      ),
    );
  }

  function welcome(): HTMLElement {
    const block = h(
      "div",
      { class: "fb-msg fb-bot fb-welcome" },
      h("p", { class: "fb-bubble" }, options.greeting),
    );
    void faqs.then((questions) => {
      if (questions.length > 0 && block.isConnected) {
        block.append(chips("Popular questions:", questions.slice(0, MAX_WELCOME_CHIPS)));
      }
    });
    return block;
  }

  function renderTurn(turn: Turn): void {
    const user = h(
      "div",
      { class: "fb-msg fb-user" },
      h("p", { class: "fb-bubble" }, h("span", { class: "fb-sr" }, "You: "), turn.question),
    );
    const text = document.createTextNode("");
    const bubble = h(
      "div",
      { class: "fb-bubble" },
      h("span", { class: "fb-sr" }, "Assistant: "),
      h("p", { class: "fb-text" }, text),
    );
    const bot = h("div", { class: "fb-msg fb-bot", "data-id": turn.id }, bubble);
    const view: TurnView = { bot, bubble, text, typing: null };
    views.set(turn.id, view);
    log.append(user, bot);
    if (turn.answer || turn.error !== undefined) {
      finishTurn(turn, view);
    } else {
      view.typing = h(
        "span",
        { class: "fb-typing", role: "img", "aria-label": "Assistant is typing" },
        h("span"),
        h("span"),
        h("span"),
      );
      bubble.insertBefore(view.typing, bubble.lastChild);
    }
  }

  function finishTurn(turn: Turn, view: TurnView): void {
    view.typing?.remove();
    view.typing = null;
    view.bot.removeAttribute("aria-busy");
    const answer = turn.answer;
    if (!answer) {
      view.bot.classList.add("fb-error");
      view.text.data = turn.error ?? "";
      view.bot.append(chips("Ask again:", [turn.question]));
      return;
    }
    view.text.data = answer.answer;
    view.bot.classList.add(`fb-kind-${answer.kind}`);
    const wording = wordingFor(answer);
    if (wording.lead) {
      view.bubble.insertBefore(
        h("p", { class: "fb-lead" }, wording.lead, wording.matched && " ", wording.matched && h("strong", null, `“${wording.matched}”`)),
        view.bubble.lastChild,
      );
    }
    if (wording.showSources) view.bubble.append(sources(answer));
    const rate = wording.rateable ? rating(turn) : null;
    const seen = new Set([turn.question, wording.matched ?? ""]);
    const suggestions = answer.suggestions.filter((question) => !seen.has(question)).slice(0, MAX_ANSWER_CHIPS);
    if (suggestions.length > 0) {
      view.bot.append(chips(wording.chipsLabel, suggestions));
    } else if (answer.kind === "fallback") {
      // A fallback always offers a way forward: the FAQ itself when the core had no suggestion.
      void faqs.then((questions) => {
        if (questions.length > 0) view.bot.insertBefore(chips(wording.chipsLabel, questions.slice(0, MAX_ANSWER_CHIPS)), rate);
      });
    }
    if (rate) view.bot.append(rate);
  }

  function sources(answer: Answer): HTMLElement {
    const top = answer.sources[0];
    return h(
      "details",
      { class: "fb-source" },
      h("summary", null, "Source: ", h("span", { class: "fb-doc" }, top?.document ?? "")),
      h(
        "ul",
        null,
        ...answer.sources.slice(0, MAX_SOURCES_SHOWN).map((source) =>
          h(
            "li",
            null,
            h("span", { class: "fb-src-kind" }, source.type === "faq" ? `FAQ of ${source.document}` : `Article ${source.document}`),
            source.type === "faq" ? source.text : `“${source.text}”`,
          ),
        ),
      ),
    );
  }

  function rating(turn: Turn): HTMLElement {
    const thanks = h("span", { class: "fb-thanks" });
    const button = (helpful: boolean): HTMLButtonElement => {
      const b = h(
        "button",
        { type: "button", class: "fb-rate-btn", "aria-label": helpful ? "Helpful" : "Not helpful", title: helpful ? "Helpful" : "Not helpful" },
        icon(helpful ? ICONS.up : ICONS.down, 16),
      );
      b.addEventListener("click", () => {
        turn.helpful = helpful;
        conversation.save();
        connection.feedback(turn.id, helpful);
        sync();
        thanks.textContent = "Thanks for your feedback.";
      });
      return b;
    };
    const up = button(true);
    const down = button(false);
    const sync = (): void => {
      up.setAttribute("aria-pressed", String(turn.helpful === true));
      down.setAttribute("aria-pressed", String(turn.helpful === false));
    };
    sync();
    return h("div", { class: "fb-rate", role: "group", "aria-label": "Was this answer helpful?" }, up, down, thanks);
  }

  // ── Actions ───────────────────────────────────────────────────────────────────────
  function send(turn: Turn): void {
    connection.ask({ id: turn.id, text: turn.question, ...(options.doc ? { doc: options.doc } : {}) });
  }

  function ask(text: string): void {
    const question = text.trim().slice(0, MAX_QUESTION_LENGTH);
    if (!question) return;
    const turn: Turn = { id: newId(), question };
    conversation.add(turn);
    renderTurn(turn);
    scrollToBottom();
    send(turn);
  }

  function restart(): void {
    connection.forgetPending();
    conversation.clear();
    views.clear();
    log.replaceChildren(welcome());
    input.value = "";
    fitInput();
    input.focus();
  }

  function fitInput(): void {
    input.style.height = "auto";
    if (input.value) input.style.height = `${Math.min(input.scrollHeight + 2, INPUT_MAX_HEIGHT_PX)}px`;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value;
    input.value = "";
    fitInput();
    ask(text);
    input.focus();
  });
  input.addEventListener("keydown", (event) => {
    // Enter sends, Shift+Enter adds a line; never send in the middle of an IME composition.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener("input", fitInput);
  log.addEventListener("click", (event) => {
    const chip = (event.target as Element).closest?.(".fb-chip");
    const question = chip?.getAttribute("data-question");
    if (question) {
      ask(question);
      input.focus();
    }
  });
  newButton.addEventListener("click", restart);
  closeButton?.addEventListener("click", () => options.onClose?.());

  // ── Start: restore the stored conversation and re-send what had no answer ─────────
  log.append(welcome());
  for (const turn of conversation.turns) renderTurn(turn);
  for (const turn of conversation.unanswered()) send(turn);
  requestAnimationFrame(scrollToBottom);

  return {
    element,
    ask,
    focusInput: () => input.focus(),
    destroy() {
      clearTimeout(statusTimer);
      connection.close();
      element.remove();
    },
  };
}
