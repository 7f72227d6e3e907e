/**
 * The socket.io side of the client: asks questions, reports answer events, and keeps
 * every question alive across disconnects (reconnect with backoff, then re-send what has
 * not been answered). Shared by the chat page and the widget panel.
 */
import { io, type Socket } from "socket.io-client";
import type {
  Answer,
  AnswerKind,
  AskPayload,
  ClientToServerEvents,
  ErrorCode,
  ProtocolError,
  ServerToClientEvents,
} from "../../server/chat/protocol.ts";

/** Refusals that go away by themselves: the question is asked again after a pause. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>(["not_ready", "rate_limited"]);

export type ConnectionStatus = "connecting" | "online" | "reconnecting";

/** Errors the client raises itself, next to the server's ErrorCode values. */
export type ClientErrorCode = "timeout";

export interface ConnectionHandlers {
  status(status: ConnectionStatus): void;
  start(id: string, kind: AnswerKind): void;
  chunk(id: string, text: string): void;
  end(id: string, answer: Answer): void;
  failed(id: string, error: ProtocolError | { code: ClientErrorCode; message: string }): void;
}

/** First reconnect delay: a restarting server is usually back within a second. */
export const RECONNECT_DELAY_MS = 500;
/** Backoff ceiling: a visitor waiting on a dead server retries at least every 5 s. */
export const RECONNECT_DELAY_MAX_MS = 5_000;
/** ±50 % jitter, so many clients of a restarted server do not reconnect in lockstep. */
export const RECONNECT_JITTER = 0.5;
/** The server acks an `ask` as soon as it has validated it; silence this long means trouble. */
export const ASK_ACK_TIMEOUT_MS = 15_000;
/** Wait before re-asking after a transient refusal that names no delay (server starting). */
export const RETRY_DELAY_MS = 1_000;
/** Transient refusals tolerated per question before the visitor is told. */
export const MAX_RETRIES = 3;

/** Where socket.io lives for a server URL (which may carry a path prefix, e.g. /faq/). */
export function socketTarget(server: string): { origin: string; path: string } {
  const url = new URL(server);
  return { origin: url.origin, path: `${url.pathname.replace(/\/+$/, "")}/socket.io` };
}

export class Connection {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  /** Questions without a final answer, re-sent on every (re)connect. */
  private readonly pending = new Map<string, AskPayload>();
  /** Pending questions the current server session has acknowledged. */
  private readonly acked = new Set<string>();
  /** Transient refusals so far, per pending question. */
  private readonly refusals = new Map<string, number>();
  private readonly retryTimers = new Set<ReturnType<typeof setTimeout>>();
  private everConnected = false;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(server: string, private readonly on: ConnectionHandlers) {
    const { origin, path } = socketTarget(server);
    this.socket = io(origin, {
      path,
      reconnectionDelay: RECONNECT_DELAY_MS,
      reconnectionDelayMax: RECONNECT_DELAY_MAX_MS,
      randomizationFactor: RECONNECT_JITTER,
      withCredentials: false,
    });
    const socket = this.socket;
    on.status("connecting");

    socket.on("connect", () => {
      this.everConnected = true;
      this.retries = 0;
      on.status("online");
      // A recovered session (socket.io connection state recovery) replays the answer events
      // we missed, so only questions the server never acknowledged go out again. A new
      // session (say, after a server restart) knows nothing: everything unanswered is re-sent.
      if (!socket.recovered) this.acked.clear();
      for (const payload of this.pending.values()) if (!this.acked.has(payload.id)) this.send(payload);
    });
    socket.on("disconnect", () => this.lost());
    socket.on("connect_error", () => this.lost());
    socket.io.on("reconnect_attempt", () => on.status(this.everConnected ? "reconnecting" : "connecting"));

    socket.on("answer:start", ({ id, kind }) => this.pending.has(id) && on.start(id, kind));
    socket.on("answer:chunk", ({ id, text }) => this.pending.has(id) && on.chunk(id, text));
    socket.on("answer:end", ({ id, answer }) => {
      this.acked.delete(id);
      this.refusals.delete(id);
      if (this.pending.delete(id)) on.end(id, answer);
    });
    socket.on("error", () => {
      // A protocol complaint about something this client sent; the ack of the ask concerned
      // carries the details, so there is nothing more to show here.
    });
  }

  /** Ask now if connected, otherwise as soon as the connection is back. */
  ask(payload: AskPayload): void {
    this.pending.set(payload.id, payload);
    if (this.socket.connected) this.send(payload);
  }

  feedback(id: string, helpful: boolean): void {
    // socket.io buffers this while disconnected and sends it on reconnect.
    this.socket.emit("feedback", { id, helpful });
  }

  /** Forget every unanswered question (a new conversation starts). */
  forgetPending(): void {
    this.pending.clear();
    this.acked.clear();
    this.refusals.clear();
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.forgetPending();
    this.socket.disconnect();
  }

  private send(payload: AskPayload): void {
    this.socket.timeout(ASK_ACK_TIMEOUT_MS).emit("ask", payload, (timedOut, ack) => {
      if (!this.pending.has(payload.id)) return;
      if (timedOut) {
        // Also reported when the connection drops before the ack: the question stays pending
        // and goes out again on reconnect. Only a live, silent server is a failure.
        if (!this.socket.connected) return;
        this.pending.delete(payload.id);
        this.on.failed(payload.id, { code: "timeout", message: "the server did not acknowledge the question" });
        return;
      }
      if (ack.ok) {
        this.acked.add(payload.id);
      } else if (ack.error.code === "shutting_down") {
        // The server is about to restart: the question goes out again after the reconnect.
      } else if (TRANSIENT.has(ack.error.code) && this.refuse(payload.id) <= MAX_RETRIES) {
        const timer = setTimeout(() => {
          this.retryTimers.delete(timer);
          if (this.pending.has(payload.id) && this.socket.connected) this.send(payload);
        }, ack.error.retryAfterMs ?? RETRY_DELAY_MS);
        this.retryTimers.add(timer);
      } else {
        this.pending.delete(payload.id);
        this.refusals.delete(payload.id);
        this.on.failed(payload.id, ack.error);
      }
    });
  }

  private refuse(id: string): number {
    const count = (this.refusals.get(id) ?? 0) + 1;
    this.refusals.set(id, count);
    return count;
  }

  /**
   * The connection is gone. socket.io's manager reconnects by itself after transport
   * failures; after a server-initiated disconnect (a graceful restart) or a refused
   * handshake it does not, so we schedule the next attempt with the same backoff.
   */
  private lost(): void {
    if (this.closed) return;
    this.on.status(this.everConnected ? "reconnecting" : "connecting");
    if (this.socket.active || this.retryTimer !== undefined) return;
    const base = Math.min(RECONNECT_DELAY_MAX_MS, RECONNECT_DELAY_MS * 2 ** this.retries++);
    const delay = base * (1 - RECONNECT_JITTER + Math.random() * 2 * RECONNECT_JITTER);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.closed) this.socket.connect();
    }, delay);
  }
}
