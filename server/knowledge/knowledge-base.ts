/**
 * The KnowledgeBase: every document, indexed for retrieval. Immutable once built; the
 * server swaps a whole new one in on reload. Pure: documents (and a thesaurus) in.
 */
import type { Document, FaqPair } from "./types.ts";
import { buildIndex, type RetrievalIndex } from "../retrieval/index-builder.ts";
import type { Thesaurus } from "../retrieval/wordnet.ts";
import type { Embeddings } from "../retrieval/embeddings.ts";
import { SemanticMatcher } from "../retrieval/semantic.ts";

export interface KnowledgeBase {
  readonly documents: ReadonlyMap<string, Document>;
  /** Every FAQ pair, in document order. */
  readonly faqs: readonly FaqPair[];
  readonly index: RetrievalIndex;
  readonly thesaurus: Thesaurus;
  /** Related-word matching by word vectors; undefined when none were given. */
  readonly semantic: SemanticMatcher | undefined;
}

export interface KnowledgeBaseOptions {
  /** Related words for paraphrase matching (see server/retrieval/wordnet.ts). Default: none. */
  thesaurus?: Thesaurus;
  /** Word vectors for matching related words (see server/retrieval/embeddings.ts). Default: none. */
  embeddings?: Embeddings | null;
}

/**
 * Build a knowledge base. Documents with the same id: the last one wins.
 *
 * @example
 * const kb = buildKnowledgeBase([parsed.document], { thesaurus: loadThesaurus(), embeddings: loadEmbeddings() });
 * answerQuestion(kb, "how long was the visit?");
 */
export function buildKnowledgeBase(documents: readonly Document[], options: KnowledgeBaseOptions = {}): KnowledgeBase {
  const byId = new Map<string, Document>();
  for (const document of documents) byId.set(document.id, document);
  const unique = [...byId.values()];
  const thesaurus = options.thesaurus ?? new Map();
  const index = buildIndex(unique, { isDictionaryWord: (word) => thesaurus.has(word) });
  return {
    documents: byId,
    faqs: unique.flatMap((d) => d.faqs),
    index,
    thesaurus,
    semantic: options.embeddings ? new SemanticMatcher(options.embeddings, index) : undefined,
  };
}
