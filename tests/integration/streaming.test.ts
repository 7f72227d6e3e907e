import { afterEach, describe, expect, it, vi } from "vitest";
import * as answering from "../../server/answer/index.ts";
import { chunkWords } from "../../server/chat/stream.ts";
import { FESTIVAL, LONG_ANSWER, STORY, TRAM, ask, nextId, startTestServer, waitFor, type TestServer } from "../support/server.ts";

// Wrap the core's answerQuestion (behaviour unchanged) to see the options the gateway passes.
vi.mock("../../server/answer/index.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../server/answer/index.ts")>();
  return { ...original, answerQuestion: vi.fn(original.answerQuestion) };
});

let server: TestServer | undefined;
afterEach(async () => {
  await server?.dispose();
  server = undefined;
  vi.mocked(answering.answerQuestion).mockClear();
});

const files = { "tram.txt": TRAM, "festival.txt": FESTIVAL, "story.txt": STORY };

describe("chunking", () => {
  it("splits into words whose concatenation is the exact text", () => {
    for (const text of ["", " ", "one", "  two  words ", "a\nb\n\nc", "curly “quotes” — and…", LONG_ANSWER]) {
      const chunks = chunkWords(text);
      expect(chunks.join("")).toBe(text);
      expect(chunks.filter((chunk) => chunk.trim() === "").length).toBeLessThanOrEqual(text.trim() === "" && text !== "" ? 1 : 0);
    }
    expect(chunkWords("to be or not")).toEqual(["to ", "be ", "or ", "not"]);
  });
});

describe("streaming answers over socket.io", () => {
  it("acks, then sends answer:start, ordered chunks that concatenate to answer.answer, and answer:end", async () => {
    server = await startTestServer(files);
    const socket = await server.connect();
    const events: string[] = [];
    socket.onAny((event: string) => events.push(event));
    const result = await ask(socket, { text: "When did the Green Line tram open?" });
    expect(result.ack).toEqual({ ok: true });
    expect(result.kind).toBe("faq");
    expect(result.answer?.kind).toBe("faq");
    expect(result.answer?.answer).toBe("The Green Line opened on 3 March 2021.");
    expect(result.chunks.join("")).toBe(result.answer?.answer);
    expect(result.chunks).toEqual(["The ", "Green ", "Line ", "opened ", "on ", "3 ", "March ", "2021."]);
    expect(events[0]).toBe("answer:start");
    expect(events.at(-1)).toBe("answer:end");
    expect(events.slice(1, -1).every((event) => event === "answer:chunk")).toBe(true);
  });

  it("streams word by word at the configured pace, in order", async () => {
    server = await startTestServer(files, { paceMs: 5 });
    const socket = await server.connect();
    const arrivals: number[] = [];
    socket.on("answer:chunk", () => arrivals.push(performance.now()));
    const result = await ask(socket, { text: "Tell me the long story?" });
    expect(result.chunks.join("")).toBe(LONG_ANSWER);
    expect(result.chunks).toEqual(LONG_ANSWER.split(/(?<= )/));
    // 61 words at 5 ms each: the stream takes at least 60 pauses.
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(60 * 5 - 20);
  });

  it("streams over HTTP long-polling and after the upgrade to websocket (the browser's path)", async () => {
    server = await startTestServer(files);
    const polling = await server.connect({ transports: ["polling"] });
    const overPolling = await ask(polling, { text: "Tell me the long story?" });
    expect(overPolling.chunks.join("")).toBe(LONG_ANSWER);
    const upgrading = await server.connect({ transports: ["polling", "websocket"] });
    await waitFor(() => upgrading.io.engine.transport.name === "websocket", 5_000, "the upgrade to websocket");
    const results = await Promise.all([1, 2, 3].map(() => ask(upgrading, { text: "Tell me the long story?" })));
    for (const result of results) expect(result.chunks.join("")).toBe(LONG_ANSWER);
  });

  it("answers small talk and falls back on an unrelated question", async () => {
    server = await startTestServer(files);
    const socket = await server.connect();
    const hello = await ask(socket, { text: "hello" });
    expect(hello.answer?.kind).toBe("smalltalk");
    expect(hello.chunks.join("")).toBe(hello.answer?.answer);
    const unrelated = await ask(socket, { text: "What is the boiling point of mercury on Jupiter?" });
    expect(unrelated.answer?.kind).toBe("fallback");
    expect(unrelated.chunks.join("")).toBe(unrelated.answer?.answer);
  });

  it("answers several questions of one client in the order asked, never interleaved", async () => {
    server = await startTestServer(files, { paceMs: 1 });
    const socket = await server.connect();
    const sequence: string[] = [];
    socket.on("answer:start", ({ id }) => sequence.push(`start ${id}`));
    socket.on("answer:end", ({ id }) => sequence.push(`end ${id}`));
    const questions = ["Tell me the long story?", "When did the Green Line tram open?", "Who builds the lanterns?", "hello", "Tell me the long story?"];
    const ids = questions.map(() => nextId());
    const results = await Promise.all(questions.map((text, i) => ask(socket, { id: ids[i]!, text })));
    expect(sequence).toEqual(ids.flatMap((id) => [`start ${id}`, `end ${id}`]));
    for (const result of results) expect(result.chunks.join("")).toBe(result.answer?.answer);
  });

  it("serves many concurrent clients, each getting its own exact answers", async () => {
    server = await startTestServer(files, { paceMs: 1, rateLimits: { ip: { perSecond: 1000, burst: 1000 } } });
    const sockets = await Promise.all(Array.from({ length: 20 }, () => server!.connect()));
    const questions = ["When did the Green Line tram open?", "Who builds the lanterns?", "Tell me the long story?"];
    const results = await Promise.all(
      sockets.flatMap((socket, i) => [0, 1, 2].map((j) => ask(socket, { text: questions[(i + j) % 3]! }))),
    );
    expect(results).toHaveLength(60);
    for (const result of results) {
      expect(result.ack.ok).toBe(true);
      expect(result.answer?.kind).toBe("faq");
      expect(result.chunks.join("")).toBe(result.answer?.answer);
    }
    await waitFor(() => server!.activeStreams === 0, 2_000, "all streams to end");
  });

  it("scopes a question to one document with doc", async () => {
    server = await startTestServer(files);
    const socket = await server.connect();
    const scoped = await ask(socket, { text: "Who builds the lanterns?", doc: "festival" });
    expect(scoped.answer?.kind).toBe("faq");
    expect(scoped.answer?.sources[0]?.document).toBe("festival");
    const unknown = await ask(socket, { text: "Who builds the lanterns?", doc: "no-such-document" });
    expect(unknown.ack.ok).toBe(false);
    if (!unknown.ack.ok) expect(unknown.ack.error.code).toBe("unknown_document");
  });

  it("passes the previous answer's document as the conversation context of a follow-up, per connection", async () => {
    server = await startTestServer(files);
    const first = await server.connect();
    const other = await server.connect();
    const spy = vi.mocked(answering.answerQuestion);

    await ask(first, { text: "Who builds the lanterns?" });
    expect(spy.mock.lastCall?.[2]?.preferDocument).toBeUndefined();
    await ask(first, { text: "and when does it start?" });
    expect(spy.mock.lastCall?.[1]).toBe("and when does it start?");
    expect(spy.mock.lastCall?.[2]?.preferDocument).toBe("festival");

    await ask(other, { text: "what about the cost?" });
    expect(spy.mock.lastCall?.[2]?.preferDocument).toBeUndefined();

    await ask(first, { text: "How much does a tram ticket cost?" });
    await ask(first, { text: "what about the cost?" });
    expect(spy.mock.lastCall?.[2]?.preferDocument).toBe("tram");
  });

  it("leaves no stream and no timer behind when a client disconnects mid-stream", async () => {
    // The pace timers, told apart from socket.io's own by their delay (counting every timer of
    // the process raced with the connection's handshake and heartbeat timers). Long enough
    // that a timer left behind is still pending when the stream is dropped.
    const paceMs = 397;
    const pending = new Set<unknown>();
    const realSetTimeout = globalThis.setTimeout;
    const realClearTimeout = globalThis.clearTimeout;
    const setSpy = vi.spyOn(globalThis, "setTimeout").mockImplementation(((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      const handle = realSetTimeout(() => {
        pending.delete(handle);
        callback(...args);
      }, ms);
      if (ms === paceMs) pending.add(handle);
      return handle;
    }) as typeof setTimeout);
    const clearSpy = vi.spyOn(globalThis, "clearTimeout").mockImplementation(((handle?: Parameters<typeof clearTimeout>[0]) => {
      pending.delete(handle);
      realClearTimeout(handle);
    }) as typeof clearTimeout);
    try {
      server = await startTestServer(files, { paceMs });
      const socket = await server.connect();
      const firstChunk = new Promise<void>((resolve) => socket.once("answer:chunk", () => resolve()));
      socket.emit("ask", { id: "long", text: "Tell me the long story?" }, () => {});
      await firstChunk;
      expect(server.activeStreams).toBe(1);
      await waitFor(() => pending.size === 1, 2_000, "the stream's pace timer");
      socket.disconnect();
      await waitFor(() => server!.activeStreams === 0, 2_000, "the stream to be dropped");
      expect(pending.size).toBe(0);
    } finally {
      setSpy.mockRestore();
      clearSpy.mockRestore();
    }
  });

  it("recovers the connection state after a network drop: no chunk lost, none repeated", async () => {
    server = await startTestServer(files, { paceMs: 10 });
    const socket = await server.connect({ reconnection: true, reconnectionDelay: 20, reconnectionDelayMax: 50 });
    const chunks: string[] = [];
    let recovered = false;
    socket.on("connect", () => (recovered = socket.recovered));
    socket.on("answer:chunk", ({ text }) => {
      chunks.push(text);
      // Simulate a network drop after a few words: the transport closes, the client reconnects.
      if (chunks.length === 5) socket.io.engine.close();
    });
    const end = new Promise<string>((resolve) => socket.once("answer:end", ({ answer }) => resolve(answer.answer)));
    socket.emit("ask", { id: "drop", text: "Tell me the long story?" }, () => {});
    const answer = await end;
    expect(recovered).toBe(true);
    expect(chunks.join("")).toBe(answer);
    expect(answer).toBe(LONG_ANSWER);
  });
});
