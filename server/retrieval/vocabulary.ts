/**
 * The vocabulary of a knowledge base and fuzzy term correction over it.
 *
 * A word a visitor typed that the documents never use is corrected to the document words
 * it is closest to: candidates share letter trigrams or a Double Metaphone code with it
 * (Puttin → Putin, Moskow → Moscow) and are kept within a Damerau-Levenshtein distance
 * that grows with the word's length. Candidate generation never scans the vocabulary.
 */
import { DamerauLevenshteinDistance, phoneticCode } from "./nlp.ts";

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
/** At most this many letters may be missing from a cut-short word. */
const MAX_COMPLETION_EXTRA = 4;
const MAX_COMPLETIONS_SCANNED = 50;
/** Trust in a completion ("discus" → "discussed"). */
const COMPLETION_WEIGHT = 0.75;

/** Words shorter than this are never fuzzy-corrected, except to names (see below). */
const MIN_FUZZY_LENGTH = 4;
/** Largest edit distance allowed for a word of the given length. */
function maxDistance(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 1;
}
/** Trust in a correction at distance 1 and 2 (distance 0 cannot happen: the word would be known). */
const DISTANCE_WEIGHT = [1, 0.85, 0.7] as const;
const PHONETIC_WEIGHT = 0.75;
/** Candidates verified per typed word at most (bounds the work for very common trigrams). */
const MAX_CANDIDATES = 400;

function trigrams(word: string): string[] {
  const padded = `^${word}$`;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}

export class Vocabulary {
  /** Every distinct normalized word of the documents. */
  private readonly words: string[] = [];
  private readonly wordIds = new Map<string, number>();
  private readonly byTrigram = new Map<string, number[]>();
  private readonly byPhonetic = new Map<string, number[]>();
  /** Per word id: occurrences written with a capital (names: most of them), and all occurrences. Arrays, not Maps: one slot per word. */
  private readonly capitalized: number[] = [];
  private readonly occurrences: number[] = [];
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
      if (/^\p{L}+$/u.test(word) && word.length < MIN_FUZZY_LENGTH) this.short.push(id);
      if (/^\p{L}/u.test(word)) {
        for (const gram of new Set(trigrams(word))) {
          let list = this.byTrigram.get(gram);
          if (!list) this.byTrigram.set(gram, (list = []));
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
   * shortest first, at most `limit`. Only for prefixes of MIN_PREFIX_LENGTH letters or more.
   */
  completions(prefix: string, limit = 2): Correction[] {
    if (prefix.length < MIN_PREFIX_LENGTH) return [];
    this.sorted ??= [...this.words].sort();
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < sorted.length && found.length < MAX_COMPLETIONS_SCANNED && sorted[i]!.startsWith(prefix); i++) {
      if (sorted[i]!.length - prefix.length <= MAX_COMPLETION_EXTRA) found.push(sorted[i]!);
    }
    return found
      .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
      .slice(0, limit)
      .map((word) => ({ word, distance: word.length - prefix.length, weight: COMPLETION_WEIGHT, via: "fuzzy" as const }));
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
      const distance = DamerauLevenshteinDistance(word, candidate);
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
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const id of this.byTrigram.get(gram) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    // Each edit destroys at most 3 trigrams (a transposition 4): require the rest to be shared.
    const needed = Math.max(1, grams.length - 3 * allowed - 1);
    const candidates = [...shared].filter(([, count]) => count >= needed).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    for (const [id] of candidates.slice(0, MAX_CANDIDATES)) consider(id, "fuzzy");
    return [...found.values()]
      .sort((a, b) => b.weight - a.weight || a.distance - b.distance || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
      .slice(0, limit);
  }
}
