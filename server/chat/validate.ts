/**
 * Payload validation for every way of asking (socket `ask`, `feedback`, `POST /api/ask`).
 * Each check maps to one ErrorCode with a message that names the problem and the fix;
 * the input itself is never echoed back (it may be huge or hostile).
 */
import { z } from "zod";
import {
  MAX_DOCUMENT_ID_LENGTH,
  MAX_ID_LENGTH,
  MAX_QUESTION_LENGTH,
  type AskPayload,
  type FeedbackPayload,
  type ProtocolError,
} from "./protocol.ts";

export type Validated<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

/**
 * Control characters that never belong in a typed question (NUL and friends; tab, CR and
 * LF are fine). Their presence means a binary or corrupted payload.
 */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const askSchema = z.object({
  id: z.string().min(1).max(MAX_ID_LENGTH),
  text: z.string(),
  doc: z.string().min(1).max(MAX_DOCUMENT_ID_LENGTH).optional(),
});

const httpAskSchema = z.object({
  question: z.string(),
  doc: z.string().min(1).max(MAX_DOCUMENT_ID_LENGTH).optional(),
});

const feedbackSchema = z.object({
  id: z.string().min(1).max(MAX_ID_LENGTH),
  helpful: z.boolean(),
});

function invalid(message: string): { ok: false; error: ProtocolError } {
  return { ok: false, error: { code: "invalid_payload", message } };
}

/** Names the first failing field of a zod error, without its value. */
function describe(error: z.ZodError, expected: string): string {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join(".") : undefined;
  if (!field) return `payload must be an object ${expected}`;
  return `field "${field}" is invalid (${issue!.message.toLowerCase()}); expected ${expected}`;
}

/** Checks the text of a question; returns it trimmed. */
export function validateQuestionText(text: string): Validated<string> {
  if (CONTROL_CHARS.test(text)) {
    return invalid("question contains control or binary characters; send plain text");
  }
  const trimmed = text.trim();
  if (trimmed.length === 0) {
    return { ok: false, error: { code: "empty_question", message: "question is empty; type a question" } };
  }
  if (trimmed.length > MAX_QUESTION_LENGTH) {
    return {
      ok: false,
      error: {
        code: "question_too_long",
        message: `question is ${trimmed.length} characters; the limit is ${MAX_QUESTION_LENGTH}`,
      },
    };
  }
  return { ok: true, value: trimmed };
}

/** Validates a socket `ask` payload `{ id, text, doc? }`. */
export function validateAsk(payload: unknown): Validated<AskPayload> {
  const parsed = askSchema.safeParse(payload);
  if (!parsed.success) {
    return invalid(describe(parsed.error, `{ id: string (1-${MAX_ID_LENGTH} chars), text: string, doc?: string }`));
  }
  const text = validateQuestionText(parsed.data.text);
  if (!text.ok) return text;
  const value: AskPayload = { id: parsed.data.id, text: text.value };
  if (parsed.data.doc !== undefined) value.doc = parsed.data.doc;
  return { ok: true, value };
}

/** Validates a `POST /api/ask` body `{ question, doc? }`. */
export function validateHttpAsk(body: unknown): Validated<{ question: string; doc?: string }> {
  const parsed = httpAskSchema.safeParse(body);
  if (!parsed.success) return invalid(describe(parsed.error, "{ question: string, doc?: string }"));
  const text = validateQuestionText(parsed.data.question);
  if (!text.ok) return text;
  return { ok: true, value: parsed.data.doc === undefined ? { question: text.value } : { question: text.value, doc: parsed.data.doc } };
}

/** Validates a socket `feedback` payload `{ id, helpful }`. */
export function validateFeedback(payload: unknown): Validated<FeedbackPayload> {
  const parsed = feedbackSchema.safeParse(payload);
  if (!parsed.success) return invalid(describe(parsed.error, "{ id: string, helpful: boolean }"));
  return { ok: true, value: parsed.data };
}
