/**
 * The socket.io gateway: `ask` (with ack) → `answer:start`, `answer:chunk`…, `answer:end`;
 * `feedback`; anything else → `error` `unknown_event`. Every payload is validated and rate
 * limited, every failure is acked with an error code, and no error reaches the process.
 */
import type { Server, Socket } from "socket.io";
import type { Logger } from "pino";
import type { Answer } from "../answer/types.ts";
import type { Metrics } from "../http/metrics.ts";
import type { Asker } from "./answering.ts";
import { preview } from "./answering.ts";
import type { Ack, ClientToServerEvents, ProtocolError, ServerToClientEvents } from "./protocol.ts";
import { KeyedRateLimiter, TokenBucket, rateLimitedError, takeBoth, type RateLimit } from "./rate-limit.ts";
import { AnswerStreamer, type StreamSink } from "./stream.ts";
import { validateAsk, validateFeedback } from "./validate.ts";

/** Per-connection state that survives a recovered connection (socket.io restores `data`). */
export interface ChatSocketData {
  /** Document of the last answer that had a source: the conversation context. */
  lastDocument?: string;
}

export type ChatServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, ChatSocketData>;
export type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, ChatSocketData>;

/** Answers queued on one connection beyond which new questions are refused (rate_limited). */
export const MAX_QUEUED_ANSWERS = 16;

/** Recent answers remembered per connection, to give feedback records their question. */
const FEEDBACK_MEMORY = 32;

/**
 * Disconnections after which the client may come back with connection state recovery:
 * the rest of its streams is sent at once into the recovery buffer instead of dropped.
 */
const RECOVERABLE_REASONS = new Set(["transport error", "transport close", "ping timeout"]);

const KNOWN_EVENTS = new Set(["ask", "feedback"]);

export interface FeedbackRecord {
  at: string;
  id: string;
  helpful: boolean;
  question?: string;
  kind?: string;
  source?: string;
}

export interface GatewayOptions {
  asker: Asker;
  metrics: Metrics;
  logger: Logger;
  /** Milliseconds between two words of an answer; 0 sends each answer at once. */
  paceMs: number;
  connectionLimit: RateLimit;
  /** Shared with `POST /api/ask`: the per-IP limit covers every way of asking. */
  ipLimiter: KeyedRateLimiter;
  clientIp: (socket: ChatSocket) => string;
  recordFeedback?: ((record: FeedbackRecord) => void) | undefined;
}

export interface ChatGateway {
  /** Answers queued or streaming, over all connections. */
  readonly activeStreams: number;
  /** Refuse new questions from now on (`shutting_down`). */
  stopAccepting(): void;
  /**
   * Resolves once every stream in flight has ended; after `timeoutMs` the remaining
   * streams are sent at once (they still end with `answer:end`).
   */
  drain(timeoutMs: number): Promise<void>;
}

/**
 * engine.io's websocket transport writes each packet of a batch with its own socket write,
 * i.e. one system call per word of an answer. Corking the TCP socket for the length of one
 * batch turns them into a single writev. Internals of engine.io/ws: when they are not as
 * expected (another transport, another version), this does nothing.
 */
function batchTransportWrites(conn: unknown): void {
  const transport = (conn as { transport?: { name?: string; send?: (packets: unknown[]) => void; socket?: { _socket?: unknown } } }).transport;
  const raw = transport?.socket?._socket as { cork?: () => void; uncork?: () => void } | undefined;
  if (transport?.name !== "websocket" || typeof transport.send !== "function" || typeof raw?.cork !== "function" || typeof raw.uncork !== "function") return;
  if ((transport as { faqbotBatched?: boolean }).faqbotBatched) return;
  (transport as { faqbotBatched?: boolean }).faqbotBatched = true;
  const send = transport.send.bind(transport);
  transport.send = (packets) => {
    raw.cork!();
    try {
      send(packets);
    } finally {
      raw.uncork!();
    }
  };
}

function isAck(value: unknown): value is (response: Ack) => void {
  return typeof value === "function";
}

export function attachChatGateway(io: ChatServer, options: GatewayOptions): ChatGateway {
  const { asker, metrics, logger, paceMs } = options;
  const streamers = new Set<AnswerStreamer>();
  let accepting = true;

  io.on("connection", (socket) => {
    batchTransportWrites(socket.conn);
    socket.conn.on("upgrade", () => batchTransportWrites(socket.conn));
    metrics.clientConnected();
    const ip = options.clientIp(socket);
    const bucket = new TokenBucket(options.connectionLimit);
    const recent = new Map<string, { question: string; answer: Answer }>();
    const sink: StreamSink = {
      start: (id, answer) => socket.emit("answer:start", { id, kind: answer.kind }),
      chunk: (id, text) => socket.emit("answer:chunk", { id, text }),
      end: (id, answer) => socket.emit("answer:end", { id, answer }),
    };
    const streamer = new AnswerStreamer(sink, paceMs);
    streamers.add(streamer);

    /** Acks an error, or sends it as an `error` event when the client gave no ack. */
    const refuse = (ack: unknown, error: ProtocolError, event: string): void => {
      metrics.rejected("socket", error.code);
      logger.debug({ sid: socket.id, event, code: error.code }, "event refused");
      if (isAck(ack)) ack({ ok: false, error });
      else socket.emit("error", error);
    };

    const limited = (): ProtocolError | undefined => {
      const taken = takeBoth(bucket, options.ipLimiter, ip);
      return taken.ok ? undefined : rateLimitedError(taken.retryAfterMs);
    };

    socket.on("ask", (payload: unknown, ack: unknown) => {
      try {
        metrics.question("socket");
        if (!accepting) return refuse(ack, { code: "shutting_down", message: "the server is shutting down; reconnect in a moment" }, "ask");
        const rate = limited();
        if (rate) return refuse(ack, rate, "ask");
        if (streamer.pending >= MAX_QUEUED_ANSWERS) {
          return refuse(ack, rateLimitedError(Math.max(1, paceMs) * 50), "ask");
        }
        const valid = validateAsk(payload);
        if (!valid.ok) return refuse(ack, valid.error, "ask");
        const { id, text, doc } = valid.value;
        const outcome = asker({ text, doc, preferDocument: socket.data.lastDocument, channel: "socket", id });
        if (!outcome.ok) {
          // Metrics and logs of refused questions are the asker's; only reply here.
          if (isAck(ack)) ack({ ok: false, error: outcome.error });
          else socket.emit("error", outcome.error);
          return;
        }
        const answer = outcome.answer;
        const source = answer.sources[0]?.document;
        if (source !== undefined && (answer.kind === "faq" || answer.kind === "article")) socket.data.lastDocument = source;
        recent.set(id, { question: text, answer });
        if (recent.size > FEEDBACK_MEMORY) recent.delete(recent.keys().next().value!);
        if (isAck(ack)) ack({ ok: true });
        streamer.enqueue(id, answer);
      } catch (error) {
        logger.error({ err: error, sid: socket.id }, "ask handler failed");
        refuse(ack, { code: "internal_error", message: "an internal error occurred; please try again" }, "ask");
      }
    });

    socket.on("feedback", (payload: unknown, ack: unknown) => {
      try {
        const rate = limited();
        if (rate) return refuse(ack, rate, "feedback");
        const valid = validateFeedback(payload);
        if (!valid.ok) return refuse(ack, valid.error, "feedback");
        const { id, helpful } = valid.value;
        const asked = recent.get(id);
        metrics.feedback(helpful);
        const record: FeedbackRecord = { at: new Date().toISOString(), id, helpful };
        if (asked) {
          record.question = preview(asked.question);
          record.kind = asked.answer.kind;
          const source = asked.answer.sources[0]?.document;
          if (source !== undefined) record.source = source;
        }
        logger.info({ event: "feedback", ...record }, "feedback");
        options.recordFeedback?.(record);
        if (isAck(ack)) ack({ ok: true });
      } catch (error) {
        logger.error({ err: error, sid: socket.id }, "feedback handler failed");
        refuse(ack, { code: "internal_error", message: "an internal error occurred; please try again" }, "feedback");
      }
    });

    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event === "string" && KNOWN_EVENTS.has(event)) return;
      try {
        const ack = args.at(-1);
        const error: ProtocolError = limited() ?? {
          code: "unknown_event",
          message: 'unknown event; this server understands "ask" and "feedback"',
        };
        metrics.rejected("socket", error.code);
        logger.debug({ sid: socket.id, code: error.code }, "unknown event");
        socket.emit("error", error);
        if (isAck(ack)) ack({ ok: false, error });
      } catch (error) {
        logger.error({ err: error, sid: socket.id }, "unknown-event handler failed");
      }
    });

    socket.on("disconnect", (reason) => {
      metrics.clientDisconnected();
      // A client that may come back gets the rest of its answers from the recovery buffer.
      if (RECOVERABLE_REASONS.has(reason)) streamer.flush();
      streamer.cancel();
      streamers.delete(streamer);
      recent.clear();
    });
  });

  return {
    get activeStreams() {
      let total = 0;
      for (const streamer of streamers) total += streamer.pending;
      return total;
    },
    stopAccepting() {
      accepting = false;
    },
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const idle = Promise.all([...streamers].map((streamer) => streamer.whenIdle()));
      const timeout = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), timeoutMs);
      });
      try {
        if ((await Promise.race([idle, timeout])) === "timeout") {
          logger.warn({ streams: this.activeStreams }, "shutdown: streams still running after the drain timeout; sending them at once");
          for (const streamer of streamers) streamer.flush();
        }
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
