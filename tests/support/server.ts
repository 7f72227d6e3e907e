/**
 * Integration-test helpers: temporary data folders, a real server on an ephemeral loopback
 * port, real socket.io clients, a captured log, and bounded polling (no fixed sleeps).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { io as connectClient, type ManagerOptions, type Socket, type SocketOptions } from "socket.io-client";
import { startServer, type RunningServer, type ServerOptions } from "../../server/http/server.ts";
import type { Ack, Answer, AskPayload, ClientToServerEvents, ServerToClientEvents } from "../../server/chat/protocol.ts";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One document in the data-folder format: date line, paragraphs, FAQ section. */
export function documentText(options: { paragraphs: string[]; faqs?: Array<[question: string, answer: string]>; date?: string }): string {
  const [first = "", ...rest] = options.paragraphs;
  const parts = [` date ${options.date ?? "2023-11-14"} ${first}`, ...rest];
  if (options.faqs && options.faqs.length > 0) {
    parts.push("FAQ:");
    for (const [question, answer] of options.faqs) parts.push(`Q: ${question}`, `A: ${answer}`);
  }
  return parts.join("\n\n") + "\n";
}

/** The standard two-document knowledge base of the integration tests. */
export const TRAM = documentText({
  paragraphs: [
    "The Green Line tram of Brackenridge opened on 3 March 2021 after four years of works.",
    "Trams run every six minutes between Harbour Square and Fenwick Park.",
  ],
  faqs: [
    ["When did the Green Line tram open?", "The Green Line opened on 3 March 2021."],
    ["How much does a tram ticket cost?", "A single tram ticket costs 2 euros and is valid for ninety minutes on every line of the network, including transfers."],
  ],
});

export const FESTIVAL = documentText({
  paragraphs: [
    "The Lantern Festival of Oakhaven takes place every October on the old harbour front.",
    "Volunteers build more than two hundred paper lanterns for the closing parade.",
  ],
  faqs: [
    ["When does the Lantern Festival start?", "The Lantern Festival starts on the first Friday of October."],
    ["Who builds the lanterns?", "Volunteers from the town build the lanterns in the weeks before the festival."],
  ],
});

/** A long answer (60 words) for streaming and shutdown tests. */
export const LONG_ANSWER = Array.from({ length: 60 }, (_, i) => `word${i + 1}`).join(" ") + ".";

export const STORY = documentText({
  paragraphs: ["A long story about counting words in order, one after another."],
  faqs: [["Tell me the long story?", LONG_ANSWER]],
});

export async function makeDataDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "faqbot-it-"));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

/** A pino logger whose JSON lines are kept in `lines` (raw text, as written). */
export function captureLogger(level = "debug") {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      callback();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

export interface TestServer extends RunningServer {
  dataDir: string;
  logLines: string[];
  /** Closes the server, every client created through `connect`, and removes the data folder. */
  dispose(): Promise<void>;
  connect(options?: Partial<ManagerOptions & SocketOptions>): Promise<ClientSocket>;
}

/** Starts a real server on 127.0.0.1, port 0, pace 0, with a temporary data folder. */
export async function startTestServer(
  files: Record<string, string> = { "tram.txt": TRAM, "festival.txt": FESTIVAL },
  overrides: Partial<ServerOptions> = {},
): Promise<TestServer> {
  const dataDir = await makeDataDir(files);
  const { logger, lines } = captureLogger();
  let server: RunningServer;
  try {
    server = await startServer({
      dataDir,
      port: 0,
      host: "127.0.0.1",
      paceMs: 0,
      logger,
      processMetrics: false,
      reloadDebounceMs: 30,
      publicDir: path.join(dataDir, "no-client-build"),
      ...overrides,
    });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const clients: ClientSocket[] = [];
  const testServer: TestServer = {
    url: server.url,
    port: server.port,
    host: server.host,
    knowledge: server.knowledge,
    metrics: server.metrics,
    get activeStreams() {
      return server.activeStreams;
    },
    close: () => server.close(),
    dataDir,
    logLines: lines,
    async connect(options: Partial<ManagerOptions & SocketOptions> = {}) {
      const socket = await connect(server.url, options);
      clients.push(socket);
      return socket;
    },
    async dispose() {
      for (const client of clients) client.disconnect();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return testServer;
}

/** Connects a socket.io client (websocket only, no automatic reconnection unless asked). */
export function connect(url: string, options: Partial<ManagerOptions & SocketOptions> = {}): Promise<ClientSocket> {
  const socket: ClientSocket = connectClient(url, { transports: ["websocket"], forceNew: true, reconnection: false, ...options });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.disconnect();
      reject(new Error("connect timed out"));
    }, 5_000);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once("connect_error", (error) => {
      clearTimeout(timer);
      socket.disconnect();
      reject(error);
    });
  });
}

export interface Streamed {
  ack: Ack;
  kind?: string;
  chunks: string[];
  answer?: Answer;
}

let counter = 0;
export function nextId(): string {
  return `q${++counter}`;
}

/**
 * Asks and collects the whole stream of that question: resolves at `answer:end`, or right
 * after the ack when the ack is an error.
 */
export function ask(socket: ClientSocket, payload: Omit<AskPayload, "id"> & { id?: string }, timeoutMs = 5_000): Promise<Streamed> {
  const id = payload.id ?? nextId();
  const result: Streamed = { ack: { ok: true }, chunks: [] };
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      socket.off("answer:start", onStart);
      socket.off("answer:chunk", onChunk);
      socket.off("answer:end", onEnd);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no answer:end for ${id} within ${timeoutMs} ms (chunks so far: ${result.chunks.length})`));
    }, timeoutMs);
    const onStart = (event: { id: string; kind: string }) => {
      if (event.id === id) result.kind = event.kind;
    };
    const onChunk = (event: { id: string; text: string }) => {
      if (event.id === id) result.chunks.push(event.text);
    };
    const onEnd = (event: { id: string; answer: Answer }) => {
      if (event.id !== id) return;
      result.answer = event.answer;
      cleanup();
      resolve(result);
    };
    socket.on("answer:start", onStart);
    socket.on("answer:chunk", onChunk);
    socket.on("answer:end", onEnd);
    socket.emit("ask", { ...payload, id } as AskPayload, (ack: Ack) => {
      result.ack = ack;
      if (!ack.ok) {
        cleanup();
        resolve(result);
      }
    });
  });
}

/** Emits any event with any arguments and waits for the ack (bounded). */
export function emitWithAck(socket: ClientSocket, event: string, ...args: unknown[]): Promise<Ack> {
  return (socket as unknown as Socket).timeout(5_000).emitWithAck(event, ...args) as Promise<Ack>;
}

/** Polls `check` until it returns a truthy value; fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 5_000, what = "condition"): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function postAsk(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/api/ask`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}
