// TEMPORARY (being written): the indexed knowledge base.
import type { Document, FaqPair } from "./types.ts";
import type { Thesaurus } from "../retrieval/wordnet.ts";
export interface KnowledgeBase {
  readonly documents: ReadonlyMap<string, Document>;
  readonly faqs: readonly FaqPair[];
}
export function buildKnowledgeBase(documents: readonly Document[], _options: { thesaurus?: Thesaurus } = {}): KnowledgeBase {
  return { documents: new Map(documents.map((d) => [d.id, d])), faqs: documents.flatMap((d) => d.faqs) };
}
