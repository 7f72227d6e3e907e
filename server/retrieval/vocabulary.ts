/**
 * The vocabulary of a knowledge base and fuzzy term correction over it.
 *
 * A word a visitor typed that the documents never use is corrected to the document words
 * it is closest to: candidates share letter trigrams or a Double Metaphone code with it
 * (Puttin → Putin, Moskow → Moscow) and are kept within a Damerau-Levenshtein distance
 * that grows with the word's length. Candidate generation never scans the vocabulary.
 */
import { phoneticCode } from "./nlp.ts";

export interface Correction {
  /** The document word. */
  word: string;
  /** Edit distance to the typed word (0 for a phonetic-only match). */
  distance: number;
  /** How much the correction is trusted, in (0, 1). */
  weight: number;
  via: "fuzzy" | "phonetic";
}

/** A typed word this long that begins a document word may be that word cut short. */
const MIN_PREFIX_LENGTH = 5;
/** A shorter non-word may be a document word missing its last letter ("hom" for home). */
const MIN_SHORT_PREFIX_LENGTH = 3;
/** At most this many letters may be missing from a cut-short word. */
const MAX_COMPLETION_EXTRA = 4;
const MAX_COMPLETIONS_SCANNED = 50;
/** Trust in a completion ("discus" → "discussed"). */
const COMPLETION_WEIGHT = 0.75;
/** Shortest word that counts as a part of a closed compound ("hose" + "pipe"). */
const MIN_COMPOUND_PART = 3;
/** Compounds `extensions` returns at most. */
const MAX_COMPOUND_CANDIDATES = 3;

/** Words shorter than this are never fuzzy-corrected, except to names (see below). */
export const MIN_FUZZY_LENGTH = 4;
/** Largest edit distance allowed for a word of the given length. */
function maxDistance(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 1;
}
/** Trust in a correction at distance 1 and 2 (distance 0 cannot happen: the word would be known). */
const DISTANCE_WEIGHT = [1, 0.85, 0.7] as const;
const PHONETIC_WEIGHT = 0.75;
/** Candidates verified per typed word at most (bounds the work for very common trigrams). */
const MAX_CANDIDATES = 400;

/** "^" and "$": the padding of a word's first and last trigram ("^mo", "ow$"). */
const START = 94;
const END = 36;
/** Trigram keys of three code units that are not all ASCII start here (above every ASCII key). */
const WIDE_KEYS = 1 << 21;

/**
 * A trigram as a number, one per distinct trigram: three ASCII code units packed in 21 bits
 * (a small integer), any others as WIDE_KEYS + a·2³² + b·2¹⁶ + c (exact in a double). Numbers
 * are hashed without making or reading a string: interning makes no string per trigram.
 */
function trigramKey(a: number, b: number, c: number): number {
  return (a | b | c) < 128 ? (a << 14) | (b << 7) | c : WIDE_KEYS + a * 4_294_967_296 + b * 65_536 + c;
}

/** Code unit k of `^word$`. */
function paddedAt(word: string, k: number): number {
  return k === 0 ? START : k === word.length + 1 ? END : word.charCodeAt(k - 1);
}

/** The trigrams of `^word$`, in order (repeats included), as trigramKey numbers. */
function trigrams(word: string): number[] {
  const grams: number[] = [];
  const n = word.length;
  // Code units k - 1 of the word, k = 0 being "^" and k = n + 1 "$" (no closure: made per word).
  for (let i = 0; i + 3 <= n + 2; i++) grams.push(trigramKey(paddedAt(word, i), paddedAt(word, i + 1), paddedAt(word, i + 2)));
  return grams;
}

/** True when a word starts with a letter (as /^\p{L}/u tests), without a regex for ASCII. */
function startsWithLetter(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return /^\p{L}/u.test(word);
}

/** Scratch for `boundedDistance`: the cost matrix. */
let matrix = new Int32Array(0);

/**
 * The optimal-string-alignment (restricted Damerau-Levenshtein) distance with unit costs:
 * insertions, deletions, substitutions and swaps of two adjacent letters, natural's
 * DamerauLevenshteinDistance with `{ restricted: true }`, on a flat typed matrix; it stops as
 * soon as a whole row exceeds `bound`, returning `bound + 1`. The exact distance whenever it
 * is at most `bound`. (natural's unrestricted variant returns 0 for a doubled letter left
 * out, "adress" for address, "tomorow" for tomorrow: the commonest typo would never be
 * corrected.)
 *
 * Stopping early is sound: every cell is at least the smallest cell of the row above it
 * (insertion, deletion and substitution never lower a cost, and a swap from two rows up
 * costs at least the diagonal cell of the row between).
 */
export function boundedDistance(source: string, target: string, bound: number): number {
  const n = source.length;
  const m = target.length;
  const width = m + 1;
  if (matrix.length < (n + 1) * width) matrix = new Int32Array(Math.max((n + 1) * width, 2 * matrix.length));
  const d = matrix;
  for (let c = 0; c <= m; c++) d[c] = c;
  for (let r = 1; r <= n; r++) {
    const sourceCode = source.charCodeAt(r - 1);
    const previousSource = r > 1 ? source.charCodeAt(r - 2) : -1;
    const row = r * width;
    const above = row - width;
    d[row] = r;
    let rowMin = r;
    for (let c = 1; c <= m; c++) {
      const targetCode = target.charCodeAt(c - 1);
      let cost = d[row + c - 1]! + 1;
      const deletion = d[above + c]! + 1;
      if (deletion < cost) cost = deletion;
      const substitution = d[above + c - 1]! + (sourceCode === targetCode ? 0 : 1);
      if (substitution < cost) cost = substitution;
      if (c > 1 && r > 1 && sourceCode === target.charCodeAt(c - 2) && previousSource === targetCode && sourceCode !== targetCode) {
        const swap = d[above - width + c - 2]! + 1;
        if (swap < cost) cost = swap;
      }
      d[row + c] = cost;
      if (cost < rowMin) rowMin = cost;
    }
    if (rowMin > bound) return bound + 1;
  }
  const distance = d[n * width + m]!;
  return distance > bound ? bound + 1 : distance;
}

export class Vocabulary {
  /** Every distinct normalized word of the documents. */
  private readonly words: string[] = [];
  private readonly wordIds = new Map<string, number>();
  /** Word ids by trigram (trigramKey), ascending. */
  private readonly byTrigram = new Map<number, number[]>();
  private readonly byPhonetic = new Map<string, number[]>();
  /** Per word id: occurrences written with a capital (names: most of them), and all occurrences. Arrays, not Maps: one slot per word. */
  private readonly capitalized: number[] = [];
  private readonly occurrences: number[] = [];
  /** Scratch for `correct`: trigrams shared with the typed word, per word id (all 0 between calls). */
  private shared = new Int32Array(0);
  /** Short words (under MIN_FUZZY_LENGTH letters): too short for trigrams, checked one by one. */
  private readonly short: number[] = [];

  /** Record one occurrence of a document word. */
  add(word: string, capitalized: boolean): void {
    this.count(this.intern(word), capitalized);
  }

  /** Record one more occurrence of a word by its id (from `intern`): no look-up by text. */
  count(id: number, capitalized: boolean): void {
    this.occurrences[id]!++;
    if (capitalized) this.capitalized[id]!++;
  }

  /** The id of a document word, registering it (with no occurrences yet) when new. */
  intern(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.wordIds.set(word, id);
      this.capitalized.push(0);
      this.occurrences.push(0);
      if (word.length < MIN_FUZZY_LENGTH && /^\p{L}+$/u.test(word)) this.short.push(id);
      if (startsWithLetter(word)) {
        const grams = trigrams(word);
        for (let g = 0; g < grams.length; g++) {
          let list = this.byTrigram.get(grams[g]!);
          if (!list) this.byTrigram.set(grams[g]!, (list = []));
          // Once per distinct trigram of the word: a repeat finds the id already last in its list.
          else if (list[list.length - 1] === id) continue;
          list.push(id);
        }
        const code = phoneticCode(word);
        if (code.length >= 2) {
          let list = this.byPhonetic.get(code);
          if (!list) this.byPhonetic.set(code, (list = []));
          list.push(id);
        }
      }
    }
    return id;
  }

  /** Words sorted, for prefix look-ups; built on first use (the vocabulary is fixed by then). */
  private sorted: string[] | undefined;

  /**
   * Document words that start with `prefix` (a word cut short: "discus" for "discussed"),
   * shortest first, at most `limit`, with at most `maxExtra` letters missing. Only for prefixes
   * of MIN_PREFIX_LENGTH letters or more; of MIN_SHORT_PREFIX_LENGTH when only one letter may
   * be missing ("hom" for home).
   */
  completions(prefix: string, limit = 2, maxExtra = MAX_COMPLETION_EXTRA): Correction[] {
    if (prefix.length < (maxExtra === 1 ? MIN_SHORT_PREFIX_LENGTH : MIN_PREFIX_LENGTH)) return [];
    const sorted = this.sortedWords();
    const lo = firstAtOrAfter(sorted, prefix);
    const found: string[] = [];
    for (let i = lo; i < sorted.length && found.length < MAX_COMPLETIONS_SCANNED && sorted[i]!.startsWith(prefix); i++) {
      if (sorted[i]!.length - prefix.length <= maxExtra) found.push(sorted[i]!);
    }
    return found
      .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
      .slice(0, limit)
      .map((word) => ({ word, distance: word.length - prefix.length, weight: COMPLETION_WEIGHT, via: "fuzzy" as const }));
  }

  /**
   * Document words that open on `word` and go on with at least MIN_COMPOUND_PART more letters
   * ("hosepipe" for hose), shortest first: the candidates for a closed compound (the caller
   * checks that the rest is a word).
   */
  extensions(word: string, limit = MAX_COMPOUND_CANDIDATES): string[] {
    if (word.length < MIN_COMPOUND_PART) return [];
    const sorted = this.sortedWords();
    const lo = firstAtOrAfter(sorted, word);
    const found: string[] = [];
    for (let i = lo; i < sorted.length && i - lo < MAX_COMPLETIONS_SCANNED && sorted[i]!.startsWith(word); i++) {
      if (sorted[i]!.length - word.length >= MIN_COMPOUND_PART && /^\p{L}+$/u.test(sorted[i]!)) found.push(sorted[i]!);
    }
    return found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, limit);
  }

  /** The document words in code-unit order (sorted on first use, for prefix look-ups). */
  private sortedWords(): readonly string[] {
    this.sorted ??= [...this.words].sort();
    return this.sorted;
  }

  has(word: string): boolean {
    return this.wordIds.has(word);
  }

  get size(): number {
    return this.words.length;
  }

  /** True when the documents write this word with a capital most of the time (a name). */
  isName(word: string): boolean {
    const id = this.wordIds.get(word);
    if (id === undefined) return false;
    return this.capitalized[id]! * 2 > this.occurrences[id]!;
  }

  /** Like `correct`, but only to names (for real words that may be a name misspelled: Kim Jong Um). */
  correctToName(word: string, limit = 3): Correction[] {
    return this.correct(word, limit * 4)
      .filter((c) => this.isName(c.word))
      .slice(0, limit);
  }

  /** Document words close to a word the documents do not use, best first. */
  correct(word: string, limit = 3): Correction[] {
    if (!/^\p{L}+$/u.test(word)) return [];
    const found = new Map<number, Correction>();
    const allowed = maxDistance(word.length);
    const consider = (id: number, via: Correction["via"]) => {
      if (found.has(id)) return;
      const candidate = this.words[id]!;
      if (Math.abs(candidate.length - word.length) > allowed + (via === "phonetic" ? 1 : 0)) return;
      const short = word.length < MIN_FUZZY_LENGTH || candidate.length < MIN_FUZZY_LENGTH;
      // Short words are only corrected to names (Kim Jong Um → Un), never to common words.
      if (short && !this.isName(candidate)) return;
      // Only distances up to what either test below accepts matter: compute no further.
      const distance = boundedDistance(word, candidate, via === "phonetic" && !short ? allowed + 1 : short ? 1 : allowed);
      if (distance <= (short ? 1 : allowed) && distance > 0) {
        // A different first letter is a rarer typo: trust it less.
        const firstLetterPenalty = candidate[0] === word[0] ? 1 : 0.85;
        found.set(id, { word: candidate, distance, weight: DISTANCE_WEIGHT[distance]! * firstLetterPenalty, via: "fuzzy" });
      } else if (via === "phonetic" && !short && distance <= allowed + 1) {
        found.set(id, { word: candidate, distance: 0, weight: PHONETIC_WEIGHT, via: "phonetic" });
      }
    };
    const code = phoneticCode(word);
    for (const id of this.byPhonetic.get(code) ?? []) consider(id, "phonetic");
    if (word.length < MIN_FUZZY_LENGTH) {
      for (const id of this.short.slice(0, MAX_CANDIDATES)) consider(id, "fuzzy");
    }
    // Trigram candidates: words sharing enough trigrams to be within the allowed distance.
    const grams = trigrams(word);
    if (this.shared.length < this.words.length) this.shared = new Int32Array(this.words.length);
    const shared = this.shared;
    const touched: number[] = [];
    for (const gram of grams) {
      const ids = this.byTrigram.get(gram);
      if (!ids) continue;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        if (shared[id] === 0) touched.push(id);
        shared[id]!++;
      }
    }
    // Each edit destroys at most 3 trigrams (a transposition 4): require the rest to be shared.
    const needed = Math.max(1, grams.length - 3 * allowed - 1);
    const candidates: number[] = [];
    for (const id of touched) if (shared[id]! >= needed) candidates.push(id);
    // The most shared first (ties: lower id) when there are more than can be verified.
    if (candidates.length > MAX_CANDIDATES) {
      candidates.sort((a, b) => shared[b]! - shared[a]! || a - b);
      candidates.length = MAX_CANDIDATES;
    }
    for (const id of touched) shared[id] = 0;
    for (const id of candidates) consider(id, "fuzzy");
    return [...found.values()]
      .sort((a, b) => b.weight - a.weight || a.distance - b.distance || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
      .slice(0, limit);
  }
}

/** Index of the first word of `sorted` (ascending) that is not less than `key` (binary search). */
function firstAtOrAfter(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
