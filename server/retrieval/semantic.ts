/**
 * Related-word matching with word vectors: a question word the documents do not use may
 * still mean what one of their words means ("fans" ~ "supporters", "trip" ~ "visit"). Pure:
 * the vectors come in as data (server/retrieval/embeddings.ts loads them).
 */
import { cosine, type Embeddings } from "./embeddings.ts";
import type { RetrievalIndex } from "./index-builder.ts";
import type { Query } from "./query.ts";
import { baseForm } from "./text.ts";

/** Cosine similarity below which two words are not taken as related. */
export const MIN_SIMILARITY = 0.6;
/** The strongest a related-word match can be (against 1 for the word itself). */
export const MAX_RELATED_STRENGTH = 0.6;

/** Match strength of a cosine similarity: 0 below MIN_SIMILARITY, rising to MAX_RELATED_STRENGTH. */
export function relatedStrength(similarity: number): number {
  if (similarity < MIN_SIMILARITY) return 0;
  return Math.min(MAX_RELATED_STRENGTH, (similarity - 0.45) * 1.5);
}

/** A knowledge base's view of the vectors: each stem's row (through the word the documents use). */
export class SemanticMatcher {
  private readonly rows = new Map<string, number>();

  constructor(
    private readonly embeddings: Embeddings,
    private readonly index: RetrievalIndex,
  ) {}

  /** The vector row of a word as typed, or -1. */
  rowOfWord(word: string): number {
    return this.embeddings.rows.get(word) ?? this.embeddings.rows.get(baseForm(word)) ?? -1;
  }

  /** The vector row of a document stem (memoized: the vocabulary is fixed), or -1. */
  rowOfStem(stem: string): number {
    let row = this.rows.get(stem);
    if (row === undefined) {
      const word = this.index.surface.get(stem);
      row = (word !== undefined ? this.rowOfWord(word) : -1);
      if (row < 0) row = this.rowOfWord(stem);
      this.rows.set(stem, row);
    }
    return row;
  }

  /**
   * For one question: (term index, unit stem) → related strength, memoized per question.
   * Names and light words are left out: a name is matched by its spelling, and "tell" ~ "say"
   * is no evidence.
   */
  forQuery(query: Query): (term: number, stem: string) => number {
    const termRows = query.terms.map((t) => {
      if (t.name || t.light) return -1;
      // A misspelled word is compared through its correction.
      const corrected = t.expansions.find((e) => e.via === "fuzzy" || e.via === "phonetic");
      return this.rowOfWord(corrected ? corrected.word : t.word);
    });
    const memo = new Map<string, number>();
    return (term, stem) => {
      const row = termRows[term]!;
      if (row < 0) return 0;
      const key = `${term} ${stem}`;
      let strength = memo.get(key);
      if (strength === undefined) {
        const other = this.rowOfStem(stem);
        strength = other < 0 || other === row ? 0 : relatedStrength(cosine(this.embeddings, row, other));
        memo.set(key, strength);
      }
      return strength;
    };
  }
}
