/**
 * The socket.io wire protocol, shared by the server, the chat page and the widget.
 * See README "Protocol". Type-only module: safe to import from browser code.
 */
import type { Answer, AnswerKind } from "../answer/types.ts";

export type { Answer, AnswerKind };

/** Longest question accepted, in characters (after trimming). */
export const MAX_QUESTION_LENGTH = 500;

/** Longest `id` a client may choose for a question. */
export const MAX_ID_LENGTH = 64;

/** Longest document id accepted in `doc` (ids are file names, so this is generous). */
export const MAX_DOCUMENT_ID_LENGTH = 200;

export type ErrorCode =
  | "invalid_payload"
  | "empty_question"
  | "question_too_long"
  | "unknown_document"
  | "rate_limited"
  | "unknown_event"
  /** The knowledge base is not loaded yet (the server is starting). */
  | "not_ready"
  /** The server is shutting down and accepts no new question. */
  | "shutting_down"
  /** HTTP only: the request body is larger than the server accepts. */
  | "payload_too_large"
  | "internal_error";

export interface ProtocolError {
  code: ErrorCode;
  message: string;
  /** For rate_limited: milliseconds until a retry may succeed. */
  retryAfterMs?: number;
}

export type Ack = { ok: true } | { ok: false; error: ProtocolError };

export interface AskPayload {
  /** Client-chosen id (string, at most 64 characters) echoed on every answer event. */
  id: string;
  text: string;
  /** Optional document id: answer from that document only. */
  doc?: string;
}

export interface FeedbackPayload {
  id: string;
  helpful: boolean;
}

export interface ClientToServerEvents {
  ask: (payload: AskPayload, ack: (response: Ack) => void) => void;
  feedback: (payload: FeedbackPayload, ack?: (response: Ack) => void) => void;
}

export interface ServerToClientEvents {
  "answer:start": (payload: { id: string; kind: AnswerKind }) => void;
  "answer:chunk": (payload: { id: string; text: string }) => void;
  "answer:end": (payload: { id: string; answer: Answer }) => void;
  /** Sent for events the server does not know, or payloads it could not even read. */
  error: (payload: ProtocolError) => void;
}
