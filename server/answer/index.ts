// TEMPORARY (being written): the answering core.
import type { KnowledgeBase } from "../knowledge/knowledge-base.ts";
import type { Answer, AskOptions } from "./types.ts";
import { UnknownDocumentError } from "../errors.ts";
export type { Answer, AskOptions } from "./types.ts";
const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, "").trim();
export function answerQuestion(kb: KnowledgeBase, question: string, options: AskOptions = {}): Answer {
  if (options.document && !kb.documents.has(options.document)) throw new UnknownDocumentError(options.document);
  const faqs = kb.faqs.filter((f) => !options.document || f.document === options.document);
  const hit = faqs.find((f) => norm(f.question) === norm(question));
  if (/^(hi|hello|hey|thanks?|thank you|bye)\b/i.test(question.trim()))
    return { question, kind: "smalltalk", answer: "Hello! Ask me anything about these documents.", confidence: 1, sources: [], suggestions: faqs.slice(0, 3).map((f) => f.question) };
  if (hit) return { question, kind: "faq", answer: hit.answer, confidence: 1, sources: [{ document: hit.document, type: "faq", text: hit.question, score: 1 }], suggestions: [] };
  return { question, kind: "fallback", answer: "Sorry, I could not find that in the documents.", confidence: 0, sources: [], suggestions: faqs.slice(0, 3).map((f) => f.question) };
}
