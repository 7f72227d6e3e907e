/**
 * The conversation as data, kept in sessionStorage so it survives a reload of the page
 * (and of the host page, for the widget) but not the end of the browsing session.
 */
import type { Answer } from "../../server/chat/protocol.ts";

/** One question and what came back for it. `id` is the wire id of the `ask`. */
export interface Turn {
  id: string;
  question: string;
  /** The final answer; absent while the question is still waiting or streaming. */
  answer?: Answer;
  /** A message for the visitor when the question could not be answered. */
  error?: string;
  /** The visitor's thumbs up (true) or down (false). */
  helpful?: boolean;
}

/** Oldest turns are dropped past this, so storage stays well under the ~5 MB quota. */
export const MAX_STORED_TURNS = 100;

const STORAGE_PREFIX = "faqbot:v1:";

/** Storage key for one server (and document scope): two widgets never share a history. */
export function conversationKey(server: string, doc?: string): string {
  return `${STORAGE_PREFIX}conversation:${server}#${doc ?? ""}`;
}

/** sessionStorage, or null where it is unavailable (sandboxed frames, disabled storage). */
export function sessionStore(): Storage | null {
  try {
    const storage = window.sessionStorage;
    const probe = `${STORAGE_PREFIX}probe`;
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

export class Conversation {
  turns: Turn[];

  constructor(
    private readonly key: string,
    private readonly storage: Storage | null = sessionStore(),
  ) {
    this.turns = this.read();
  }

  /** Turns sent but not answered yet (they are re-sent after a reload or a reconnect). */
  unanswered(): Turn[] {
    return this.turns.filter((turn) => !turn.answer && turn.error === undefined);
  }

  find(id: string): Turn | undefined {
    return this.turns.find((turn) => turn.id === id);
  }

  add(turn: Turn): void {
    this.turns.push(turn);
    if (this.turns.length > MAX_STORED_TURNS) this.turns.splice(0, this.turns.length - MAX_STORED_TURNS);
    this.save();
  }

  save(): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(this.turns));
    } catch {
      // Quota exceeded or storage revoked: the conversation still works, it just won't survive a reload.
    }
  }

  clear(): void {
    this.turns = [];
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Same as save(): storage is optional.
    }
  }

  private read(): Turn[] {
    let raw: string | null = null;
    try {
      raw = this.storage?.getItem(this.key) ?? null;
    } catch {
      return [];
    }
    if (!raw) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter(isTurn) : [];
    } catch {
      return [];
    }
  }
}

/** A stored value is only trusted as far as the view needs: everything is rendered as text. */
function isTurn(value: unknown): value is Turn {
  if (typeof value !== "object" || value === null) return false;
  const turn = value as Record<string, unknown>;
  if (typeof turn.id !== "string" || typeof turn.question !== "string") return false;
  if (turn.error !== undefined && typeof turn.error !== "string") return false;
  if (turn.helpful !== undefined && typeof turn.helpful !== "boolean") return false;
  if (turn.answer !== undefined) {
    const answer = turn.answer as Record<string, unknown> | null;
    if (typeof answer !== "object" || answer === null) return false;
    if (typeof answer.answer !== "string" || typeof answer.kind !== "string") return false;
    if (!Array.isArray(answer.sources) || !Array.isArray(answer.suggestions)) return false;
  }
  return true;
}

/** A random id for an `ask` (crypto.randomUUID needs a secure context; this does not). */
export function newId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
