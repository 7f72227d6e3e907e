/**
 * The one place where a validated question becomes an Answer for the edges (socket and
 * HTTP): reads the current knowledge base once, calls the pure core, converts errors to
 * protocol errors, counts metrics and writes one log line per question.
 */
import type { Logger } from "pino";
import { answerQuestion } from "../answer/index.ts";
import type { Answer } from "../answer/types.ts";
import { FaqbotError, UnknownDocumentError } from "../errors.ts";
import type { KnowledgeStore } from "../knowledge/watch.ts";
import type { Channel, Metrics } from "../http/metrics.ts";
import type { ProtocolError } from "./protocol.ts";

/** How much of a question goes into the log: enough to recognise it, never a huge input. */
export const LOG_PREVIEW_CHARS = 80;

export interface AskRequest {
  /** Validated, trimmed question text. */
  text: string;
  doc?: string | undefined;
  /** Conversation context: the document of the previous answer on this connection. */
  preferDocument?: string | undefined;
  channel: Channel;
  /** Client-chosen id (socket) for correlating log lines. */
  id?: string | undefined;
}

export type AskOutcome = { ok: true; answer: Answer } | { ok: false; error: ProtocolError };

export type Asker = (request: AskRequest) => AskOutcome;

/** A short, single-line preview of untrusted text for logs (pino escapes the rest). */
export function preview(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > LOG_PREVIEW_CHARS ? `${flat.slice(0, LOG_PREVIEW_CHARS)}…` : flat;
}

/** The error boundary: named errors keep their meaning, anything else is sanitized. */
export function toProtocolError(error: unknown): ProtocolError {
  if (error instanceof UnknownDocumentError) {
    return { code: "unknown_document", message: error.message };
  }
  if (error instanceof FaqbotError) return { code: "internal_error", message: error.message };
  return { code: "internal_error", message: "an internal error occurred; please try again" };
}

export function createAsker(components: {
  knowledgeStore: KnowledgeStore;
  metrics: Metrics;
  logger: Logger;
  now?: () => number;
}): Asker {
  const { knowledgeStore, metrics, logger } = components;
  const now = components.now ?? (() => performance.now());

  return function ask(request) {
    const knowledge = knowledgeStore.current;
    if (!knowledge) {
      metrics.rejected(request.channel, "not_ready");
      return { ok: false, error: { code: "not_ready", message: "the knowledge base is still loading; retry in a moment" } };
    }
    const started = now();
    let answer: Answer;
    try {
      const options: { document?: string; preferDocument?: string } = {};
      if (request.doc !== undefined) options.document = request.doc;
      if (request.preferDocument !== undefined) options.preferDocument = request.preferDocument;
      answer = answerQuestion(knowledge, request.text, options);
    } catch (error) {
      const converted = toProtocolError(error);
      metrics.rejected(request.channel, converted.code);
      if (converted.code === "internal_error") {
        logger.error({ err: error, channel: request.channel, id: request.id, chars: request.text.length }, "answering failed");
      } else {
        logger.info({ channel: request.channel, id: request.id, code: converted.code, doc: request.doc }, "question refused");
      }
      return { ok: false, error: converted };
    }
    const latencyMs = now() - started;
    metrics.answer(request.channel, answer.kind, latencyMs / 1000);
    logger.info(
      {
        channel: request.channel,
        id: request.id,
        kind: answer.kind,
        confidence: answer.confidence,
        source: answer.sources[0]?.document,
        doc: request.doc,
        preferDocument: request.preferDocument,
        latencyMs: Math.round(latencyMs * 1000) / 1000,
        chars: request.text.length,
        question: preview(request.text),
      },
      "question",
    );
    return { ok: true, answer };
  };
}
