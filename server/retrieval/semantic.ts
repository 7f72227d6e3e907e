/**
 * Related-word matching with word vectors: a question word the documents do not use may
 * still mean what one of their words means ("fans" ~ "supporters", "trip" ~ "visit"). Pure:
 * the vectors come in as data (server/retrieval/embeddings.ts loads them).
 */
import { FREQUENT_ROWS, cosineWithNorms, squaredNorms, type Embeddings } from "./embeddings.ts";
import { stemsOf, type RetrievalIndex } from "./index-builder.ts";
import type { Query } from "./query.ts";
import { baseForm } from "./text.ts";
import { contrastsWith } from "./contrast.ts";
import { AMERICAN_SPELLINGS } from "./spelling.ts";

/** Mean-vector cosine of two questions below which their meanings count as unrelated. */
export const QUESTION_SIMILARITY_FLOOR = 0.75;

/** Answers of at most this many distinct stems say what their pair is about (a longer one's mean vector is its topic's). */
const MAX_MEANING_ANSWER = 30;
/** Knowledge bases with at most this many FAQ pairs compare every pair's meaning with each question (see nearestPairs). */
const MAX_SCANNED_PAIRS = 2_000;
/** Questions of at most this many content words are compared with an FAQ pair's answer too (see questionSimilarity). */
const MAX_MEANING_QUESTION = 10;

/** Cosine similarity below which two words are not taken as related. */
export const MIN_SIMILARITY = 0.55;
/** The strongest a related-word match can be (against 1 for the word itself). */
export const MAX_RELATED_STRENGTH = 0.6;

/** Match strength of a cosine similarity: 0 below MIN_SIMILARITY, rising to MAX_RELATED_STRENGTH. */
export function relatedStrength(similarity: number): number {
  if (similarity < MIN_SIMILARITY) return 0;
  return Math.min(MAX_RELATED_STRENGTH, (similarity - 0.45) * 1.5);
}

/** Cached word-pair strengths per knowledge base at most (a few MB). */
const MAX_CACHED_PAIRS = 200_000;
/**
 * Knowledge bases with at most this many distinct stems list each question word's related
 * stems whole (one pass of dot products per new word, a fraction of a millisecond).
 */
const MAX_LISTED_STEMS = 3_000;
/** FAQ pairs whose mean vectors are kept per knowledge base at most (about 40 MB). */
const MAX_CACHED_MEANS = 20_000;
/** Question words whose related stems are kept per knowledge base at most. */
const MAX_CACHED_WORDS = 10_000;

/** A question word's related stems, their term ids in the index, and their strengths (parallel arrays). */
export interface RelatedStems {
  readonly stems: readonly string[];
  readonly terms: readonly number[];
  readonly strengths: readonly number[];
}

/** One question's related-word strengths (see SemanticMatcher.forQuery). */
export interface RelatedStrengths {
  /** Related strength per term index for a stem; undefined when it is 0 for every term. */
  of(stem: string): Float64Array | undefined;
  /**
   * When the knowledge base is small: per term index, every stem with a strength for the
   * term and that strength (undefined: none), the values `of` gives.
   */
  readonly byTerm?: ReadonlyArray<RelatedStems | undefined>;
}

interface StemRows {
  stems: string[];
  terms: number[];
  rows: Int32Array;
}

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

  /** Rows of words as typed, kept (bounded): a question's words are looked up again and again, in a map of every word with a vector. */
  private readonly wordRows = new Map<string, number>();

  /** The vector row of a word as typed, or -1. */
  rowOfWord(word: string): number {
    let row = this.wordRows.get(word);
    if (row === undefined) {
      row = this.embeddings.rows.get(word) ?? this.embeddings.rows.get(baseForm(word)) ?? -1;
      // A rare British spelling through its American twin, whose vector learned from more
      // text ("reorganisation" ~ "restructuring" 0.57, "reorganization" 0.82). Rows are in
      // order of frequency.
      if (row < 0 || row >= FREQUENT_ROWS) {
        const american = AMERICAN_SPELLINGS.get(word);
        const twin = american !== undefined ? this.embeddings.rows.get(american) : undefined;
        if (twin !== undefined && (row < 0 || twin < row)) row = twin;
      }
      if (this.wordRows.size >= MAX_CACHED_WORDS) this.wordRows.clear();
      this.wordRows.set(word, row);
    }
    return row;
  }

  /** The vector row of a question term: of its typo correction if it has one, else of the word as typed. */
  private rowOfTerm(term: Query["terms"][number]): number {
    for (const e of term.expansions) if (e.via === "fuzzy" || e.via === "phonetic") return this.rowOfWord(e.word);
    return this.rowOfWord(term.word);
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
   * Mean vectors of FAQ pairs (by unit index: the question's, then with its answer), computed
   * on first use; emptied when it holds MAX_CACHED_MEANS pairs (about 2 KB each).
   */
  private readonly meanVectors = new Map<number, Array<number[] | null>>();

  /** The normalized mean of the vectors of some words (stems or typed words), or null. */
  private meanOf(rows: readonly number[]): number[] | null {
    const { vectors, dimensions } = this.embeddings;
    // (An array, not a Float64Array: one this size is allocated off the heap, slower per question.)
    const mean = new Array<number>(dimensions).fill(0);
    let count = 0;
    for (const row of rows) {
      if (row < 0) continue;
      const norm = Math.sqrt(this.norms[row]!) || 1;
      for (let k = 0; k < dimensions; k++) mean[k]! += vectors[row * dimensions + k]! / norm;
      count++;
    }
    if (count === 0) return null;
    let length = 0;
    for (let k = 0; k < dimensions; k++) length += mean[k]! * mean[k]!;
    length = Math.sqrt(length) || 1;
    for (let k = 0; k < dimensions; k++) mean[k]! /= length;
    return mean;
  }

  /**
   * For one question: FAQ unit → similarity of the question's and the FAQ pair's meanings
   * (mean word vectors of their content words), mapped to 0..1; a paraphrase that shares few
   * words ("How are the jabs delivered to kids?" ~ "How will the vaccines reach children?")
   * still scores. The pair's meaning is its question's, or its question's and short answer's
   * together, whichever is nearer: the answer often says what the pair is about ("What happens
   * to my ticket?" — "A full refund."); the names it gives in passing are left out. Across the
   * project's question sets +32 -17, the public corpora +16 -22.
   */
  questionSimilarity(query: Query): (unitIndex: number) => number {
    const words = query.terms.filter((t) => !t.light);
    const rows: number[] = [];
    for (const t of words) rows.push(this.rowOfTerm(t));
    const mean = this.meanOf(rows);
    // A long message's mean vector is its topic's too: compared with the pair's question only.
    const withAnswers = words.length <= MAX_MEANING_QUESTION;
    return (unitIndex) => {
      if (!mean) return 0;
      let means = this.meanVectors.get(unitIndex);
      if (means === undefined) {
        const { main, answer } = this.index.unitTerms;
        const question = stemsOf(this.index, main, unitIndex).map((s) => this.rowOfStem(s));
        const answerStems = stemsOf(this.index, answer, unitIndex);
        means = [this.meanOf(question)];
        if (answerStems.length <= MAX_MEANING_ANSWER) {
          means.push(this.meanOf([...question, ...answerStems.filter((s) => !this.index.isName(s)).map((s) => this.rowOfStem(s))]));
        }
        if (this.meanVectors.size >= MAX_CACHED_MEANS) this.meanVectors.clear();
        this.meanVectors.set(unitIndex, means);
      }
      let best = 0;
      for (let m = 0; m < (withAnswers ? means.length : 1); m++) {
        const other = means[m];
        if (!other) continue;
        let dot = 0;
        for (let k = 0; k < mean.length; k++) dot += mean[k]! * other[k]!;
        best = Math.max(best, Math.min(1, (dot - QUESTION_SIMILARITY_FLOOR) / (1 - QUESTION_SIMILARITY_FLOOR)));
      }
      return best;
    };
  }

  /** The knowledge base's FAQ units, when few enough to compare with every question (see nearestPairs); null otherwise. */
  private pairUnits: Int32Array | null | undefined;
  /** How many FAQ pairs each document holds. */
  private pairsPerDocument: Int32Array | undefined;

  /**
   * The `count` FAQ pairs (unit indexes) nearest in meaning to a question (`similarity`, from
   * questionSimilarity), of one document or all, with a similarity above 0; none when the
   * knowledge base holds more than MAX_SCANNED_PAIRS pairs. A paraphrase may share no word
   * with the pair it means, and word matching alone never finds that pair.
   */
  nearestPairs(similarity: (unitIndex: number) => number, scope: number | undefined, count: number, gathered: readonly number[] = []): number[] {
    if (this.pairUnits === undefined) {
      const found: number[] = [];
      this.pairsPerDocument = new Int32Array(this.index.documents.length);
      for (const unit of this.index.units) {
        if (unit.kind !== "faq") continue;
        found.push(unit.index);
        this.pairsPerDocument[unit.doc]!++;
      }
      this.pairUnits = found.length <= MAX_SCANNED_PAIRS ? Int32Array.from(found) : null;
    }
    if (!this.pairUnits || count <= 0) return [];
    // Every pair already a candidate (a small knowledge base): none to add.
    let gatheredPairs = 0;
    for (const u of gathered) if (this.index.units[u]!.kind === "faq" && (scope === undefined || this.index.unitDocs[u] === scope)) gatheredPairs++;
    if (gatheredPairs >= (scope === undefined ? this.pairUnits.length : this.pairsPerDocument![scope]!)) return [];
    const best: Array<[number, number]> = [];
    for (const u of this.pairUnits) {
      if (scope !== undefined && this.index.unitDocs[u] !== scope) continue;
      const value = similarity(u);
      if (value <= 0 || (best.length === count && value <= best[count - 1]![1])) continue;
      best.push([u, value]);
      best.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      if (best.length > count) best.pop();
    }
    return best.map(([u]) => u);
  }

  /**
   * For one question: unit stem → related strength per term index (undefined when it is 0
   * for every term); undefined when no term can have related words. Names and light words
   * are left out: a name is matched by its spelling, and "tell" ~ "say" is no evidence.
   *
   * In a small knowledge base every stem with a strength is listed at once (`all`), from
   * each question word's related stems, found in one pass over the knowledge base's stems
   * and kept across questions; ranking then needs no per-stem computation. In a large one
   * `of` computes a stem's strengths on demand (its caller looks each stem up once per
   * question), from word-pair strengths kept across questions.
   */
  forQuery(query: Query): RelatedStrengths | undefined {
    // A misspelled word is compared through its correction.
    const termWords = query.terms.map((t) => t.expansions.find((e) => e.via === "fuzzy" || e.via === "phonetic")?.word ?? t.word);
    const termRows = query.terms.map((t, i) => (t.name || t.light ? -1 : this.rowOfWord(termWords[i]!)));
    // Contrasting words (second/first, six/seven) are close in vector space but never paraphrases.
    const contrasters = termWords.map((word) => contrastsWith(word));
    if (termRows.every((row) => row < 0)) return undefined;
    const stems = this.stemRows();
    // A method, not an arrow: tsx names each closure made (a cost per question).
    const matcher = this;
    let pairs: Array<Map<number, number> | undefined> | undefined;
    const result: RelatedStrengths = {
      of(stem: string): Float64Array | undefined {
        const other = matcher.rowOfStem(stem);
        let found: Float64Array | undefined;
        if (other >= 0) {
          pairs ??= termRows.map((row) => (row < 0 ? undefined : matcher.pairsOf(row)));
          for (let t = 0; t < termRows.length; t++) {
            const row = termRows[t]!;
            if (row < 0 || other === row) continue;
            const known = pairs[t]!;
            let strength = known.get(other);
            if (strength === undefined) {
              strength = relatedStrength(cosineWithNorms(matcher.embeddings, matcher.norms, row, other));
              known.set(other, strength);
              matcher.pairCount++;
            }
            if (strength > 0 && !matcher.contrasts(contrasters, t, stem)) (found ??= new Float64Array(termRows.length))[t] = strength;
          }
        }
        return found;
      },
    };
    if (!stems) return result;
    // The same strengths as `of`, per term: the word's related stems (kept across questions),
    // less those that contrast with it.
    const byTerm = termRows.map((row, t): RelatedStems | undefined => {
      if (row < 0) return undefined;
      const related = this.relatedStemsOf(row, stems);
      if (!contrasters[t]) return related;
      const kept: { stems: string[]; terms: number[]; strengths: number[] } = { stems: [], terms: [], strengths: [] };
      for (let j = 0; j < related.stems.length; j++) {
        if (this.contrasts(contrasters, t, related.stems[j]!)) continue;
        kept.stems.push(related.stems[j]!);
        kept.terms.push(related.terms[j]!);
        kept.strengths.push(related.strengths[j]!);
      }
      return kept;
    });
    return { of: result.of, byTerm };
  }

  /** True when a stem's document word contrasts with question term `t` (see contrastsWith). */
  private contrasts(contrasters: ReadonlyArray<((word: string) => boolean) | null>, t: number, stem: string): boolean {
    const contrastsWithTerm = contrasters[t];
    return contrastsWithTerm ? contrastsWithTerm(this.index.surface.get(stem) ?? stem) : false;
  }

  /** The knowledge base's distinct unit stems that have a vector, and their rows; null when there are too many to list per word. */
  private stemRows(): StemRows | null {
    if (this.stemList !== undefined) return this.stemList;
    const { main, answer } = this.index.unitTerms;
    /** Term ids, in the order the units use them. */
    const seen = new Set<number>();
    for (let u = 0; u < this.index.units.length; u++) {
      for (let k = main.offsets[u]!; k < main.offsets[u + 1]!; k++) seen.add(main.ids[k]!);
      for (let k = answer.offsets[u]!; k < answer.offsets[u + 1]!; k++) seen.add(answer.ids[k]!);
      if (seen.size > MAX_LISTED_STEMS) return (this.stemList = null);
    }
    const stems: string[] = [];
    const terms: number[] = [];
    const rows: number[] = [];
    for (const id of seen) {
      const s = this.index.stemOf[id]!;
      const row = this.rowOfStem(s);
      if (row < 0) continue;
      stems.push(s);
      terms.push(id);
      rows.push(row);
    }
    return (this.stemList = { stems, terms, rows: Int32Array.from(rows) });
  }

  private stemList: StemRows | null | undefined;
  /** Per question word row: its related stems (in stemRows order) and their strengths (bounded). */
  private readonly relatedStems = new Map<number, RelatedStems>();

  private relatedStemsOf(row: number, stems: StemRows): RelatedStems {
    let related = this.relatedStems.get(row);
    if (!related) {
      const found = { stems: [] as string[], terms: [] as number[], strengths: [] as number[] };
      for (let k = 0; k < stems.rows.length; k++) {
        const other = stems.rows[k]!;
        if (other === row) continue;
        const strength = relatedStrength(cosineWithNorms(this.embeddings, this.norms, row, other));
        if (strength > 0) {
          found.stems.push(stems.stems[k]!);
          found.terms.push(stems.terms[k]!);
          found.strengths.push(strength);
        }
      }
      related = found;
      if (this.relatedStems.size >= MAX_CACHED_WORDS) this.relatedStems.clear();
      this.relatedStems.set(row, related);
    }
    return related;
  }
}
