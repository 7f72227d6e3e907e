/**
 * Starts the whole server: loads (and watches) the data folder, then serves the express app
 * and the socket.io gateway on one HTTP server. `main.ts` and `cli serve` only call this.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { Server } from "socket.io";
import pino, { type Logger } from "pino";
import { DEFAULT_ANSWER_CACHE_SIZE, createAsker } from "../chat/answering.ts";
import { attachChatGateway, type ChatServer, type ChatSocket, type FeedbackRecord } from "../chat/gateway.ts";
import { DEFAULT_RATE_LIMITS, KeyedRateLimiter, type RateLimit, type RateLimits } from "../chat/rate-limit.ts";
import { createRecoveryAdapter } from "../chat/recovery-adapter.ts";
import { DEFAULT_PACE_MS } from "../chat/stream.ts";
import { loadKnowledgeBase } from "../knowledge/load.ts";
import { DEFAULT_RELOAD_DEBOUNCE_MS, fixedKnowledgeStore, watchKnowledgeBase, type KnowledgeStore } from "../knowledge/watch.ts";
import { createApp } from "./app.ts";
import { createMetrics, type Metrics } from "./metrics.ts";
import { createOriginPolicy, type AllowedOrigins } from "./origins.ts";

/** The client build's output folder, relative to this file (server/http → dist/public). */
export const DEFAULT_PUBLIC_DIR = fileURLToPath(new URL("../../dist/public/", import.meta.url));

/**
 * Largest socket.io frame accepted. A question is at most 500 characters, so anything near
 * this size is abuse; larger frames close the transport (socket.io's `maxHttpBufferSize`),
 * smaller ones get an ack with an error code.
 */
export const MAX_FRAME_BYTES = 64 * 1024;

/** How long a disconnected client may come back without losing a packet. */
export const DEFAULT_RECOVERY_WINDOW_MS = 30_000;

/** Longest wait for streams in flight at shutdown; the rest is then sent at once. */
export const DEFAULT_DRAIN_TIMEOUT_MS = 5_000;

export interface ServerOptions {
  /** Folder of `*.txt` documents. */
  dataDir: string;
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1` (loopback only); `0.0.0.0` to serve the network. */
  host?: string;
  /** Milliseconds between two streamed words. Default 20; 0 sends each answer at once. */
  paceMs?: number;
  /** Origins allowed besides the server's own; default: localhost on any port. */
  allowedOrigins?: AllowedOrigins | undefined;
  /** Token-bucket limits; default DEFAULT_RATE_LIMITS (5/s burst 10 per connection, 20/s burst 40 per IP). */
  rateLimits?: { connection?: Partial<RateLimit>; ip?: Partial<RateLimit> };
  /** Default: pino at `info` on stdout. */
  logger?: Logger;
  /** Built client folder. Default `dist/public` of the project. */
  publicDir?: string;
  /** Hot-reload the data folder. Default true. */
  watch?: boolean;
  /** Debounce of hot reload. Default 100 ms. */
  reloadDebounceMs?: number;
  /** Default 5000 ms. */
  drainTimeoutMs?: number;
  /** Default 30000 ms. */
  recoveryWindowMs?: number;
  /** Default 64 KiB. */
  maxFrameBytes?: number;
  /** Append each feedback as a JSON line to this file. Default: none (logs and metrics only). */
  feedbackFile?: string | undefined;
  /** Take the client IP from `X-Forwarded-For` (behind a reverse proxy). Default false. */
  trustProxy?: boolean;
  /** Also export Node process metrics (memory, event loop, GC). Default true. */
  processMetrics?: boolean;
  /** Answers remembered per knowledge base version (LRU); 0 disables. Default 1000. */
  answerCacheSize?: number;
}

export interface RunningServer {
  /** `http://host:port` */
  url: string;
  port: number;
  host: string;
  knowledge: KnowledgeStore & { readonly version?: number };
  metrics: Metrics;
  /** Answers queued or streaming over all connections (0 when idle). */
  readonly activeStreams: number;
  /** Stop accepting, finish streams in flight (bounded), close everything. Idempotent. */
  close(): Promise<void>;
}

/** Longest wait, at shutdown, for packets already emitted to leave the process. */
const WRITE_FLUSH_TIMEOUT_MS = 1_000;
/**
 * At shutdown, how long a peer has to answer the websocket closing handshake before its
 * connection is cut. ws waits 30 s by default, and a busy or vanished browser would hold
 * the shutdown (and the port) that long.
 */
const CLOSE_HANDSHAKE_GRACE_MS = 1_000;

/** Resolves when every connection's engine.io write buffer is empty (bounded). */
async function waitForWrites(io: ChatServer, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = () =>
    Object.values((io.engine as unknown as { clients: Record<string, { writeBuffer: unknown[] }> }).clients).some((client) => client.writeBuffer.length > 0);
  while (pending() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
}

function formatUrl(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

function mergeLimits(options: ServerOptions["rateLimits"]): RateLimits {
  return {
    connection: { ...DEFAULT_RATE_LIMITS.connection, ...options?.connection },
    ip: { ...DEFAULT_RATE_LIMITS.ip, ...options?.ip },
  };
}

/**
 * Loads the data folder and serves it. Rejects with DataFolderError when the folder is
 * missing or holds no loadable document, and with the listen error (e.g. EADDRINUSE).
 *
 * @example
 * const server = await startServer({ dataDir: "data", port: 0, paceMs: 0 });
 * console.log(server.url);
 * await server.close();
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 3000;
  const paceMs = options.paceMs ?? DEFAULT_PACE_MS;
  const logger = options.logger ?? pino({ name: "faqbot" });
  const limits = mergeLimits(options.rateLimits);
  const originPolicy = createOriginPolicy(options.allowedOrigins); // throws on a malformed origin
  const metrics = createMetrics({ processMetrics: options.processMetrics ?? true });

  const onReload = (event: { errors: unknown[]; documents: number; faqs: number }) => {
    metrics.reload(event.errors.length > 0 ? "error" : "ok");
    metrics.knowledge(event.documents, event.faqs);
  };
  let knowledge: KnowledgeStore & { readonly version?: number };
  let closeKnowledge = async () => {};
  if (options.watch ?? true) {
    const watched = await watchKnowledgeBase(options.dataDir, {
      logger,
      debounceMs: options.reloadDebounceMs ?? DEFAULT_RELOAD_DEBOUNCE_MS,
      onReload,
    });
    for (const issue of watched.startupIssues.errors) logger.warn({ file: issue.file, line: issue.line, reason: issue.message }, "document skipped");
    knowledge = watched;
    closeKnowledge = () => watched.close();
  } else {
    const loaded = await loadKnowledgeBase(options.dataDir);
    for (const issue of loaded.errors) logger.warn({ file: issue.file, line: issue.line, reason: issue.message }, "document skipped");
    knowledge = fixedKnowledgeStore(loaded.knowledge);
  }
  const kb = knowledge.current!;
  metrics.knowledge(kb.documents.size, kb.faqs.length);
  logger.info({ dataDir: options.dataDir, documents: kb.documents.size, faqs: kb.faqs.length }, "knowledge base loaded");

  let feedbackStream: WriteStream | undefined;
  if (options.feedbackFile) {
    feedbackStream = createWriteStream(options.feedbackFile, { flags: "a" });
    feedbackStream.on("error", (error) => logger.error({ err: error }, "cannot write the feedback file"));
  }
  const recordFeedback = feedbackStream ? (record: FeedbackRecord) => void feedbackStream!.write(`${JSON.stringify(record)}\n`) : undefined;

  let shuttingDown = false;
  const ipLimiter = new KeyedRateLimiter(limits.ip);
  const asker = createAsker({
    knowledgeStore: knowledge,
    metrics,
    logger,
    cacheSize: options.answerCacheSize ?? DEFAULT_ANSWER_CACHE_SIZE,
  });
  const trustProxy = options.trustProxy ?? false;
  const app = createApp({
    knowledgeStore: knowledge,
    asker,
    metrics,
    logger,
    originPolicy,
    ipLimiter,
    publicDir: options.publicDir ?? DEFAULT_PUBLIC_DIR,
    isShuttingDown: () => shuttingDown,
    trustProxy,
  });
  const httpServer = http.createServer(app);
  // Every TCP connection, upgraded websockets included (closeAllConnections skips those).
  const connections = new Set<Socket>();
  httpServer.on("connection", (connection: Socket) => {
    connections.add(connection);
    connection.once("close", () => connections.delete(connection));
  });

  const io: ChatServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: options.maxFrameBytes ?? MAX_FRAME_BYTES,
    connectionStateRecovery: {
      maxDisconnectionDuration: options.recoveryWindowMs ?? DEFAULT_RECOVERY_WINDOW_MS,
      skipMiddlewares: true,
    },
    adapter: createRecoveryAdapter(),
    // The origin check is allowRequest's; CORS headers only reflect what it let through.
    cors: { origin: true },
    allowRequest: (req, callback) => {
      if (shuttingDown) return callback("server shutting down", false);
      if (!originPolicy.allows(req.headers.origin, req.headers.host)) {
        logger.info({ origin: String(req.headers.origin).slice(0, 200) }, "socket.io handshake refused: origin not allowed");
        return callback("origin not allowed", false);
      }
      callback(null, true);
    },
  });
  io.engine.on("connection_error", (error: { code?: number; message?: string }) => {
    logger.debug({ code: error.code, reason: error.message }, "socket.io connection error");
  });

  const clientIp = (socket: ChatSocket): string => {
    if (trustProxy) {
      const forwarded = socket.handshake.headers["x-forwarded-for"];
      const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
      if (first) return first;
    }
    return socket.handshake.address;
  };
  const gateway = attachChatGateway(io, {
    asker,
    metrics,
    logger,
    paceMs,
    connectionLimit: limits.connection,
    ipLimiter,
    clientIp,
    recordFeedback,
  });

  const closedHttp = new Promise<void>((resolve) => httpServer.once("close", () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once("error", reject);
      httpServer.listen(port, host, () => {
        httpServer.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    ipLimiter.close();
    await io.close().catch(() => {});
    await closeKnowledge();
    feedbackStream?.end();
    throw error;
  }
  const address = httpServer.address() as AddressInfo;
  const url = formatUrl(host, address.port);
  logger.info({ url, paceMs, limits }, "serving");

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      shuttingDown = true;
      gateway.stopAccepting();
      httpServer.close(); // stop accepting connections; idle keep-alive ones close now
      const streams = gateway.activeStreams;
      if (streams > 0) logger.info({ streams }, "shutdown: finishing streams in flight");
      await gateway.drain(options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS);
      // engine.io discards unsent packets on close: let the last chunks reach the wire first.
      await waitForWrites(io, WRITE_FLUSH_TIMEOUT_MS);
      // Disconnects every socket ("server shutting down"); resolves once the HTTP server has closed.
      const ioClosed = io.close().catch(() => {});
      httpServer.closeAllConnections();
      await Promise.race([closedHttp, new Promise((resolve) => setTimeout(resolve, CLOSE_HANDSHAKE_GRACE_MS).unref())]);
      for (const connection of connections) connection.destroy();
      await ioClosed;
      ipLimiter.close();
      await closeKnowledge();
      if (feedbackStream) await new Promise<void>((resolve) => feedbackStream!.end(resolve));
      logger.info("server closed");
    })();
    return closing;
  };

  return {
    url,
    port: address.port,
    host,
    knowledge,
    metrics,
    get activeStreams() {
      return gateway.activeStreams;
    },
    close,
  };
}
