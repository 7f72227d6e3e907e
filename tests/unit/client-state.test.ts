/** The client's data helpers: the stored conversation, /api/faqs bodies, socket.io targets. */
import { describe, expect, it } from "vitest";
import type { Answer } from "../../server/chat/protocol.ts";
import { Conversation, conversationKey, MAX_STORED_TURNS, newId } from "../../client/shared/conversation.ts";
import { socketTarget } from "../../client/shared/connection.ts";
import { questionsOf } from "../../client/shared/faqs.ts";

/** sessionStorage as a Map, as the browser's Storage interface. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const ANSWER: Answer = { question: "q", kind: "faq", answer: "a", confidence: 1, sources: [], suggestions: [] };

describe("The stored conversation", () => {
  it("survives a new Conversation on the same storage (a reload) and is cleared by clear()", () => {
    const storage = new MemoryStorage();
    const key = conversationKey("https://faq.example.com/");
    const first = new Conversation(key, storage);
    first.add({ id: "1", question: "When?" });
    first.add({ id: "2", question: "Where?" });
    first.find("1")!.answer = { ...ANSWER };
    first.find("1")!.helpful = true;
    first.save();

    const reloaded = new Conversation(key, storage);
    expect(reloaded.turns).toEqual([
      { id: "1", question: "When?", answer: ANSWER, helpful: true },
      { id: "2", question: "Where?" },
    ]);
    expect(reloaded.unanswered().map((turn) => turn.id)).toEqual(["2"]);

    reloaded.clear();
    expect(new Conversation(key, storage).turns).toEqual([]);
  });

  it("keeps separate histories per server and per document scope", () => {
    const storage = new MemoryStorage();
    new Conversation(conversationKey("https://a.example/"), storage).add({ id: "1", question: "A?" });
    expect(new Conversation(conversationKey("https://b.example/"), storage).turns).toEqual([]);
    expect(new Conversation(conversationKey("https://a.example/", "tram"), storage).turns).toEqual([]);
  });

  it("ignores stored values it cannot trust and drops the oldest turns past the cap", () => {
    const storage = new MemoryStorage();
    const key = conversationKey("https://faq.example.com/");
    storage.setItem(key, "{not json");
    expect(new Conversation(key, storage).turns).toEqual([]);
    storage.setItem(key, JSON.stringify([{ id: 1, question: "x" }, { id: "ok", question: "y" }, { id: "bad", question: "z", answer: "html" }]));
    expect(new Conversation(key, storage).turns.map((turn) => turn.id)).toEqual(["ok"]);

    const conversation = new Conversation(key, storage);
    for (let i = 0; i < MAX_STORED_TURNS + 5; i++) conversation.add({ id: `t${i}`, question: "?" });
    expect(conversation.turns).toHaveLength(MAX_STORED_TURNS);
    expect(conversation.turns[0]!.id).toBe("t5");
  });

  it("works without storage (blocked or sandboxed), only forgetting on reload", () => {
    const conversation = new Conversation("k", null);
    conversation.add({ id: "1", question: "?" });
    expect(conversation.turns).toHaveLength(1);
  });

  it("makes distinct 24-hex-digit ids", () => {
    const ids = new Set(Array.from({ length: 200 }, newId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{24}$/);
  });
});

describe("Reading GET /api/faqs", () => {
  it("takes the questions, without duplicates, from the document asked for", () => {
    const body = {
      total: 3,
      faqs: [
        { question: "When?", document: "tram" },
        { question: "Who?", document: "festival" },
        { question: "When?", document: "tram" },
        { question: 42, document: "tram" },
      ],
    };
    expect(questionsOf(body)).toEqual(["When?", "Who?"]);
    expect(questionsOf(body, "festival")).toEqual(["Who?"]);
    expect(questionsOf({ error: { code: "not_ready" } })).toEqual([]);
    expect(questionsOf(null)).toEqual([]);
  });
});

describe("Where socket.io lives", () => {
  it("follows the server URL's origin and path prefix", () => {
    expect(socketTarget("https://faq.example.com/")).toEqual({ origin: "https://faq.example.com", path: "/socket.io" });
    expect(socketTarget("https://example.com/help/faq/")).toEqual({ origin: "https://example.com", path: "/help/faq/socket.io" });
  });
});
