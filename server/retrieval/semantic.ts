/**
 * Related-word matching with word vectors: a question word the documents do not use may
 * still mean what one of their words means ("fans" ~ "supporters", "trip" ~ "visit"). Pure:
 * the vectors come in as data (server/retrieval/embeddings.ts loads them).
 */
import { cosineWithNorms, squaredNorms, type Embeddings } from "./embeddings.ts";
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

/** Cached word-pair strengths per knowledge base at most (a few MB). */
const MAX_CACHED_PAIRS = 200_000;

/** A knowledge base's view of the vectors: each stem's row (through the word the documents use). */
export class SemanticMatcher {
  private readonly rows = new Map<string, number>();
  /**
   * Related strength by (question word row → document word row), kept across questions:
   * visitors reuse words, and a 100-byte dot product per pair per question added up. Pure
   * values, so the cache changes no result; cleared when it grows past MAX_CACHED_PAIRS.
   */
  private readonly pairs = new Map<number, Map<number, number>>();
  private pairCount = 0;
  /** Each row's squared norm, computed once (shared per Embeddings). */
  private readonly norms: Float64Array;

  constructor(
    private readonly embeddings: Embeddings,
    private readonly index: RetrievalIndex,
  ) {
    this.norms = squaredNorms(embeddings);
  }

  private pairsOf(row: number): Map<number, number> {
    if (this.pairCount > MAX_CACHED_PAIRS) {
      this.pairs.clear();
      this.pairCount = 0;
    }
    let known = this.pairs.get(row);
    if (!known) this.pairs.set(row, (known = new Map()));
    return known;
  }

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
   * For one question: unit stem → related strength per term index (undefined when it is 0
   * for every term), memoized per question; undefined when no term can have related words.
   * Names and light words are left out: a name is matched by its spelling, and "tell" ~ "say"
   * is no evidence.
   *
   * One lookup per stem gives every term's strength: ranking asks for each term × stem of
   * each candidate, and a string-keyed memo per pair was most of a seed question's time.
   */
  forQuery(query: Query): ((stem: string) => Float64Array | undefined) | undefined {
    const termRows = query.terms.map((t) => {
      if (t.name || t.light) return -1;
      // A misspelled word is compared through its correction.
      const corrected = t.expansions.find((e) => e.via === "fuzzy" || e.via === "phonetic");
      return this.rowOfWord(corrected ? corrected.word : t.word);
    });
    if (termRows.every((row) => row < 0)) return undefined;
    const norms = this.norms;
    const pairs = termRows.map((row) => (row < 0 ? undefined : this.pairsOf(row)));
    const memo = new Map<string, Float64Array | undefined>();
    return (stem) => {
      if (memo.has(stem)) return memo.get(stem);
      const other = this.rowOfStem(stem);
      let strengths: Float64Array | undefined;
      if (other >= 0) {
        for (let t = 0; t < termRows.length; t++) {
          const row = termRows[t]!;
          if (row < 0 || other === row) continue;
          const known = pairs[t]!;
          let strength = known.get(other);
          if (strength === undefined) {
            strength = relatedStrength(cosineWithNorms(this.embeddings, norms, row, other));
            known.set(other, strength);
            this.pairCount++;
          }
          if (strength > 0) (strengths ??= new Float64Array(termRows.length))[t] = strength;
        }
      }
      memo.set(stem, strengths);
      return strengths;
    };
  }
}
