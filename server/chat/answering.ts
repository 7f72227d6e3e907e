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

/**
 * Answers kept per knowledge base (LRU). The core is pure, so a repeated question (the
 * suggestion chips send exact FAQ questions; popular questions repeat) is answered from
 * memory. Keyed by the knowledge base object: a hot reload starts a fresh cache.
 */
export const DEFAULT_ANSWER_CACHE_SIZE = 1_000;

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

/** A small LRU of answers for one knowledge base. */
class AnswerCache {
  private readonly entries = new Map<string, Answer>();
  constructor(private readonly size: number) {}

  static key(text: string, doc: string | undefined, preferDocument: string | undefined): string {
    return `${doc ?? ""}\u0000${preferDocument ?? ""}\u0000${text}`;
  }

  get(key: string): Answer | undefined {
    const answer = this.entries.get(key);
    if (answer !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, answer);
    }
    return answer;
  }

  set(key: string, answer: Answer): void {
    if (this.size <= 0) return;
    this.entries.set(key, answer);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }
}

export function createAsker(components: {
  knowledgeStore: KnowledgeStore;
  metrics: Metrics;
  logger: Logger;
  /** Answers remembered per knowledge base; 0 disables. Default DEFAULT_ANSWER_CACHE_SIZE. */
  cacheSize?: number;
  now?: () => number;
}): Asker {
  const { knowledgeStore, metrics, logger } = components;
  const now = components.now ?? (() => performance.now());
  const cacheSize = components.cacheSize ?? DEFAULT_ANSWER_CACHE_SIZE;
  const caches = new WeakMap<object, AnswerCache>();

  return function ask(request) {
    const knowledge = knowledgeStore.current;
    if (!knowledge) {
      metrics.rejected(request.channel, "not_ready");
      return { ok: false, error: { code: "not_ready", message: "the knowledge base is still loading; retry in a moment" } };
    }
    const started = now();
    let cache = caches.get(knowledge);
    if (!cache) caches.set(knowledge, (cache = new AnswerCache(cacheSize)));
    const key = AnswerCache.key(request.text, request.doc, request.preferDocument);
    let answer: Answer | undefined = cache.get(key);
    const cached = answer !== undefined;
    try {
      if (answer === undefined) {
        const options: { document?: string; preferDocument?: string } = {};
        if (request.doc !== undefined) options.document = request.doc;
        if (request.preferDocument !== undefined) options.preferDocument = request.preferDocument;
        answer = answerQuestion(knowledge, request.text, options);
        cache.set(key, answer);
      }
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
        cached,
        chars: request.text.length,
        question: preview(request.text),
      },
      "question",
    );
    return { ok: true, answer };
  };
}
