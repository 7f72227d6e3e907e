/**
 * Prometheus metrics (prom-client), on a registry of their own so that several servers in
 * one process (tests) never collide. Served as text at `GET /metrics`.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { AnswerKind } from "../answer/types.ts";
import type { ErrorCode } from "../chat/protocol.ts";

export type Channel = "socket" | "http";

/**
 * Buckets for the time to compute an answer, in seconds: the core answers in well under a
 * millisecond for small corpora, so the low buckets carry the information.
 */
const ANSWER_LATENCY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

export interface Metrics {
  readonly registry: Registry;
  question(channel: Channel): void;
  answer(channel: Channel, kind: AnswerKind, seconds: number): void;
  rejected(channel: Channel, code: ErrorCode): void;
  feedback(helpful: boolean): void;
  clientConnected(): void;
  clientDisconnected(): void;
  reload(result: "ok" | "error"): void;
  knowledge(documents: number, faqs: number): void;
}

export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });

  const questions = new Counter({
    name: "faqbot_questions_total",
    help: "Questions received (valid or not), by channel.",
    labelNames: ["channel"] as const,
    registers: [registry],
  });
  const answers = new Counter({
    name: "faqbot_answers_total",
    help: "Answers given, by kind and channel.",
    labelNames: ["kind", "channel"] as const,
    registers: [registry],
  });
  const fallbacks = new Counter({
    name: "faqbot_fallbacks_total",
    help: "Answers of kind fallback: the documents did not hold the answer.",
    registers: [registry],
  });
  const rejected = new Counter({
    name: "faqbot_rejected_total",
    help: "Questions and events refused, by error code and channel.",
    labelNames: ["code", "channel"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "faqbot_answer_latency_seconds",
    help: "Time to compute an answer (retrieval and answer selection), in seconds.",
    labelNames: ["kind"] as const,
    buckets: ANSWER_LATENCY_BUCKETS,
    registers: [registry],
  });
  const feedback = new Counter({
    name: "faqbot_feedback_total",
    help: "Feedback received on answers.",
    labelNames: ["helpful"] as const,
    registers: [registry],
  });
  const connected = new Gauge({
    name: "faqbot_connected_clients",
    help: "socket.io clients connected now.",
    registers: [registry],
  });
  const reloads = new Counter({
    name: "faqbot_knowledge_reloads_total",
    help: "Hot reloads of the data folder, by result.",
    labelNames: ["result"] as const,
    registers: [registry],
  });
  const documents = new Gauge({ name: "faqbot_documents", help: "Documents in the knowledge base.", registers: [registry] });
  const faqs = new Gauge({ name: "faqbot_faqs", help: "FAQ pairs in the knowledge base.", registers: [registry] });

  return {
    registry,
    question: (channel) => questions.inc({ channel }),
    answer(channel, kind, seconds) {
      answers.inc({ kind, channel });
      if (kind === "fallback") fallbacks.inc();
      latency.observe({ kind }, seconds);
    },
    rejected: (channel, code) => rejected.inc({ code, channel }),
    feedback: (helpful) => feedback.inc({ helpful: String(helpful) }),
    clientConnected: () => connected.inc(),
    clientDisconnected: () => connected.dec(),
    reload: (result) => reloads.inc({ result }),
    knowledge(documentCount, faqCount) {
      documents.set(documentCount);
      faqs.set(faqCount);
    },
  };
}
