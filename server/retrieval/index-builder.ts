/**
 * The inverted index over every FAQ pair and article sentence of a knowledge base.
 *
 * Units are FAQ pairs (question field, answer field) and sentences. Each distinct stem has
 * a posting list per field, so a query touches only the units that share a term with it.
 * Everything derived (idf, name flags, answer types) is computed here once, not per query.
 */
import { definedAbbreviations, type AbbreviationDefinition } from "./abbreviations.ts";
import type { Document, FaqPair, Sentence } from "../knowledge/types.ts";
import { CALENDAR_WORDS, faqQuestionType, sentenceAnswerTypes, wordHints, type AnswerType } from "./features.ts";
import { STOPWORDS, isFragment, scanWords, stem, tokenize, type WordForm, type WordVisitor } from "./text.ts";
import { Vocabulary } from "./vocabulary.ts";

export type UnitKind = "faq" | "sentence";

export interface Unit {
  index: number;
  kind: UnitKind;
  /** Index of the unit's document in RetrievalIndex.documents. */
  doc: number;
  faq?: FaqPair;
  sentence?: Sentence;
  /** For a sentence, the FAQ pairs (unit indices) linked to it: they restate what it says. Empty for FAQ pairs. */
  summarizedBy: readonly number[];
  /** TYPE_BITS of the answer types the unit's text can answer. */
  answerTypes: number;
  /** Stems of the words its answer text writes with a capital (not first): the names it can give. */
  names: readonly string[];
  /** The subset of `names` that may be people (see personStems). */
  people: readonly string[];
  /**
   * For a sentence that refers to a person by pronoun ("She said she had written to the
   * regulator"), the people named by the latest sentence before it that names any, if that
   * is at most MAX_ANTECEDENT_DISTANCE sentences back: who "she" likely is. For a sentence
   * that opens on a pronoun ("It is the county seat…"), also the words of the subject the
   * sentence before it opens on ("Jacksonville is…", "The liver is…"). Empty otherwise.
   */
  antecedents: readonly string[];
  /** For an FAQ pair, its question's exact-match key: its tokens' words, joined (case, quotes and punctuation folded; "" for sentences). */
  key: string;
  /** For an FAQ pair, the answer type its question asks for ("none" for sentences). */
  questionType: AnswerType;
}


/**
 * One list of term ids per unit, all in one Int32Array: unit u's are
 * ids[offsets[u]..offsets[u + 1]). Scoring reads a unit's stems as ids (typed-array
 * indexing, no string hashing per stem), and the build makes no array per unit and field
 * (four per unit were hundreds of thousands at 10,000 documents, copied by the
 * young-generation collections).
 */
export interface UnitTerms {
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
}

/** A unit's stems, by term id (see RetrievalIndex.unitTerms). */
export interface UnitFields {
  /** Distinct content stems of the main field (the FAQ question, or the sentence). */
  readonly main: UnitTerms;
  /** Content stems of the main field in text order (for phrase matching). */
  readonly sequence: UnitTerms;
  /** Distinct content stems of the FAQ answer (none for sentences). */
  readonly answer: UnitTerms;
  /**
   * For an FAQ pair, the other stems of the article sentences it summarizes (the one or two
   * its question and answer overlap most): an FAQ about "the visit" may be asked about "the
   * trip" in the article's words. None for sentences.
   */
  readonly linked: UnitTerms;
}

/** The stems of unit `unit` in `terms`, as strings (for the few users that need them). */
export function stemsOf(index: RetrievalIndex, terms: UnitTerms, unit: number): string[] {
  const stems: string[] = [];
  for (let k = terms.offsets[unit]!; k < terms.offsets[unit + 1]!; k++) stems.push(index.stemOf[terms.ids[k]!]!);
  return stems;
}

/**
 * Posting lists of one field, stem → ascending indexes (a read-only Map's `get`/`has`).
 * All lists live in one Int32Array (offsets per term id): a typed array per stem cost
 * about 200 bytes of object overhead each, and 100,000+ stems make that add up.
 */
export interface Postings {
  /** True when the stem has a non-empty list. */
  has(stem: string): boolean;
  /** The stem's list (a view into the shared buffer), or undefined when it has none. */
  get(stem: string): Int32Array | undefined;
  /** True when `value` is in the stem's list (binary search: the lists are ascending). */
  includes(stem: string, value: number): boolean;
  /** `get` and `includes` by term id (see RetrievalIndex.termId; -1 has no list): no look-up by stem. */
  ofTerm(term: number): Int32Array | undefined;
  includesTerm(term: number, value: number): boolean;
}

export interface RetrievalIndex {
  readonly documents: readonly Document[];
  readonly documentIndex: ReadonlyMap<string, number>;
  readonly units: readonly Unit[];
  readonly vocabulary: Vocabulary;
  /** stem → unit indexes whose main field holds it (ascending). */
  readonly main: Postings;
  /** stem → FAQ unit indexes whose answer holds it. */
  readonly answer: Postings;
  /** Per document, the stems of its lede (its lede sentence, or first FAQ question): what it is about. */
  readonly ledes: readonly ReadonlySet<string>[];
  /** Per document, the unit index of its lede sentence (see ledeSentenceOf); -1 for a document without sentences. */
  readonly ledeUnits: Int32Array;
  /** stem → documents (indexes) that use it anywhere. */
  readonly documentsWith: Postings;
  /** stem → word forms the documents use for it (for explanations and the thesaurus). */
  readonly surface: { get(stem: string): string | undefined };
  /** Inverse unit frequency of a stem over main fields, with add-one smoothing. */
  idf(stem: string): number;
  /** Every stem indexed, by term id (the ids of `unitTerms`). */
  readonly stemOf: readonly string[];
  /** A stem's term id; -1 when no text uses it. */
  termId(stem: string): number;
  /** idf by term id (the values of `idf`). */
  readonly idfOfTerm: Float64Array;
  /** The units' stems by field, as term ids. */
  readonly unitTerms: UnitFields;
  /** The idf given to a stem no unit uses: the rarest possible. */
  readonly maxIdf: number;
  /** Stem → true when the documents mostly write it with a capital. */
  isName(stem: string): boolean;
  /** Normalized FAQ question text → FAQ unit indexes (exact matches). */
  readonly exactQuestions: ReadonlyMap<string, readonly number[]>;
  /** First two-word acronyms of capitalized phrases: "nk" → ["north", "korea"] (stems). */
  readonly acronyms: ReadonlyMap<string, readonly string[]>;
  /**
   * Abbreviations the documents define ("the Kestrian Medicines Authority (KMA)"), by the
   * last stem of the name they stand for, and a name of four words or more by its one before
   * last too (see server/retrieval/abbreviations.ts).
   */
  readonly abbreviations: ReadonlyMap<string, readonly AbbreviationDefinition[]>;
  /**
   * True when the documents write stem `b` capitalized right after capitalized stem `a` (stop
   * words between aside): the two are parts of one proper name ("Kerrigan Ridge Walk").
   */
  inNamePhrase(a: string, b: string): boolean;
  /** Document index of each unit (the same as units[u].doc, without touching the unit). */
  readonly unitDocs: Int32Array;
}


/** A growable Int32Array (build-time scratch: no boxed numbers, no per-stem arrays). */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/** Binary search in an ascending run of `data`. */
function sortedIncludes(data: Int32Array, from: number, to: number, value: number): boolean {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = data[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Posting lists from (term id, value) pairs, in insertion order per term (a counting
 * sort): values pushed in ascending order stay ascending.
 */
function compactPostings(termIds: ReadonlyMap<string, number>, termCount: number, terms: IntList, values: IntList): Postings {
  const offsets = new Int32Array(termCount + 1);
  for (let k = 0; k < terms.length; k++) offsets[terms.data[k]! + 1]!++;
  for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!;
  const data = new Int32Array(terms.length);
  const fill = offsets.slice(0, termCount);
  for (let k = 0; k < terms.length; k++) data[fill[terms.data[k]!]!++] = values.data[k]!;
  const ofTerm = (t: number): Int32Array | undefined => (t < 0 || offsets[t + 1]! === offsets[t]! ? undefined : data.subarray(offsets[t]!, offsets[t + 1]!));
  const includesTerm = (t: number, value: number): boolean => t >= 0 && sortedIncludes(data, offsets[t]!, offsets[t + 1]!, value);
  return {
    has(stem) {
      const t = termIds.get(stem);
      return t !== undefined && offsets[t + 1]! > offsets[t]!;
    },
    get: (stem) => ofTerm(termIds.get(stem) ?? -1),
    includes: (stem, value) => includesTerm(termIds.get(stem) ?? -1, value),
    ofTerm,
    includesTerm,
  };
}

/** The lookups of a built index; a function of its own so the build's scratch is not kept alive by the closures. */
function lookups(termIds: ReadonlyMap<string, number>, idfs: Float64Array, names: Uint8Array, surfaceWords: readonly string[], total: number) {
  return {
    termId: (s: string) => termIds.get(s) ?? -1,
    idfOfTerm: idfs,
    idf(s: string): number {
      const t = termIds.get(s);
      if (t !== undefined) return idfs[t]!;
      // A stem the documents never use: df = 0 (the same formula as for known stems).
      return Math.log(1 + (total - 0 + 0.5) / (0 + 0.5));
    },
    isName: (s: string) => {
      const t = termIds.get(s);
      return t !== undefined && names[t] === 1;
    },
    surface: {
      get(s: string): string | undefined {
        const t = termIds.get(s);
        return t === undefined ? undefined : surfaceWords[t];
      },
    },
  };
}

/**
 * What the build needs of a distinct content word, worked out on its first occurrence: a
 * corpus repeats a few tens of thousands of words millions of times, and every other
 * occurrence then costs an array read (entries by WordForm id).
 */
interface WordEntry {
  /** Vocabulary ids of the word and of its parts (hyphenated words). */
  vocabularyId: number;
  partIds: readonly number[];
  /** Term id of the word's stem. */
  term: number;
  /** Term ids of the stems the word is indexed under (see indexStems: its stem, then its content parts'). */
  terms: readonly number[];
  /** Starts with a letter: written with a capital (not first), a name its text can give. */
  nameLike: boolean;
  /**
   * Also not a day, month or dictionary word (Chile, Governor, Bank are; Ortúzar, Menezes
   * are not): may name a person. Worked out when first needed (most words are never
   * capitalized), undefined until then.
   */
  personLike: boolean | undefined;
  /** Letters only: may be part of a capitalized run that makes an acronym. */
  lettersOnly: boolean;
}

/**
 * The one empty list of all that have none: the part ids of words without parts, and most
 * units' summarizedBy, names and people (an array each was hundreds of thousands of arrays
 * to allocate and keep at 10,000 documents).
 */
const NONE: readonly never[] = [];

/** Words a lede sentence has at least: fewer make a caption ("Aerial view in 1893."), not a lede. */
const MIN_LEDE_WORDS = 6;

/**
 * A news story's dateline ("BOGOTA, Colombia — "): where it was filed. Its words count for the
 * document, not for its first sentence ("How many Venezuelans live in Bogotá?" is not
 * answered by "BOGOTA, Colombia — … 1.1 million Venezuelans").
 */
const DATELINE = /^\p{Lu}[\p{Lu}\s.'’-]*(?:,\s*[\p{L}\s.'’-]+?)?\s+[—–]\s+/u;

/**
 * Which sentence is a document's lede, what it is about: the first that reads as a sentence
 * (ends like one, MIN_LEDE_WORDS or more), past any image caption or heading before it
 * (encyclopedia pages often start with one); the first sentence when none does.
 */
export function ledeSentenceOf(sentences: readonly Sentence[]): number {
  for (let i = 0; i < sentences.length; i++) {
    const text = sentences[i]!.text;
    if (!isFragment(text) && text.split(/\s+/).length >= MIN_LEDE_WORDS) return i;
  }
  return 0;
}

/** A pronoun that refers to a person ("she said", "his plan"). */
const PERSONAL_PRONOUN = /\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Hh]ers)\b/;
/** A sentence that opens on a definite description ("The 14-year-old…", "The International Master…"). */
const DEFINITE_OPENING = /^(?:The|This|That)\s/;
/** How many sentences back a pronoun's person may have been named. */
const MAX_ANTECEDENT_DISTANCE = 2;
/** A sentence that opens on a pronoun for its subject ("It is the county seat…", "He died in 2009"). */
const PRONOUN_OPENING = /^(?:It|Its|He|She|His|Her)\s/;
/** Most content words a subject noun phrase counts. */
const MAX_SUBJECT_WORDS = 4;
/** The stems of the noun phrase a sentence opens on, up to its first function word ("The liver is…" → liver). */
function subjectStems(text: string): string[] {
  const stems: string[] = [];
  for (const token of tokenize(text.slice(0, 120))) {
    if (token.stop) {
      if (stems.length > 0 || token.position > 0) break;
      continue;
    }
    stems.push(token.stem);
    if (stems.length >= MAX_SUBJECT_WORDS) break;
  }
  return stems;
}

/** A reusable list (build scratch): `clear` keeps its slots, `copy` gives the items at their exact size (NONE when there are none). */
class Scratch<T> {
  private readonly items: T[] = [];
  length = 0;
  push(item: T): void {
    this.items[this.length++] = item;
  }
  get(i: number): T {
    return this.items[i]!;
  }
  includes(item: T): boolean {
    for (let i = 0; i < this.length; i++) if (this.items[i] === item) return true;
    return false;
  }
  clear(): void {
    this.length = 0;
  }
  copy(): readonly T[] {
    return this.length === 0 ? NONE : this.items.slice(0, this.length);
  }
}

/** Sentences an FAQ pair links to at most, and the overlap (share of the pair's weight) they need. */
const MAX_LINKED_SENTENCES = 2;
const MIN_LINK_OVERLAP = 0.3;

/** A field's (term id, unit) posting pairs, as pushed while building. */
interface PostingPairs {
  terms: IntList;
  units: IntList;
}

/**
 * Each unit's term ids from a field's posting pairs: unit u's are the pairs'
 * terms[offsets[u]..offsets[u + 1]), in the order of its stems (units push theirs in unit
 * order, one unit at a time).
 */
function unitTerms(unitCount: number, pairs: PostingPairs): UnitTerms {
  const offsets = new Int32Array(unitCount + 1);
  for (let k = 0; k < pairs.units.length; k++) offsets[pairs.units.data[k]! + 1]!++;
  for (let u = 0; u < unitCount; u++) offsets[u + 1]! += offsets[u]!;
  return { offsets, ids: pairs.terms.data.slice(0, pairs.terms.length) };
}

/**
 * Link each FAQ pair to the sentences of its document it overlaps most: its linked stems
 * (returned, as UnitTerms), and their summarizedBy.
 * Works on term ids (idfs by term id, the units' terms from the posting pairs, in the order
 * of their stems).
 */
function linkFaqsToSentences(units: Unit[], termCount: number, main: UnitTerms, answer: UnitTerms, idfs: Float64Array): UnitTerms {
  const mainOffsets = main.offsets;
  const answerOffsets = answer.offsets;
  /** The linked stems as (term id, unit) pairs, pushed in unit order. */
  const linkedTerms = new IntList();
  const linkedUnits = new IntList();
  /** Per term id: the FAQ unit (index + 1) whose own terms hold it, and whose linked stems do. */
  const own = new Int32Array(termCount);
  const linkedBy = new Int32Array(termCount);
  const fields = [[mainOffsets, main.ids], [answerOffsets, answer.ids]] as const;
  const best = new Int32Array(MAX_LINKED_SENTENCES);
  const bestOverlap = new Float64Array(MAX_LINKED_SENTENCES);
  // A document's units are consecutive: its FAQ pairs, then its sentences.
  for (let start = 0; start < units.length; ) {
    const doc = units[start]!.doc;
    let end = start;
    while (end < units.length && units[end]!.doc === doc) end++;
    for (let f = start; f < end && units[f]!.kind === "faq"; f++) {
      const mark = f + 1;
      let ownWeight = 0;
      for (const [offsets, terms] of fields) {
        for (let k = offsets[f]!; k < offsets[f + 1]!; k++) {
          const t = terms[k]!;
          if (own[t] === mark) continue;
          own[t] = mark;
          ownWeight += idfs[t]!;
        }
      }
      if (ownWeight === 0) continue;
      // The best MAX_LINKED_SENTENCES sentences by overlap, the earlier first on ties
      // (an insertion into fixed slots: no arrays made per FAQ pair).
      let count = 0;
      for (let s = start; s < end; s++) {
        if (units[s]!.kind !== "sentence") continue;
        let shared = 0;
        for (let k = mainOffsets[s]!; k < mainOffsets[s + 1]!; k++) {
          const t = main.ids[k]!;
          if (own[t] === mark) shared += idfs[t]!;
        }
        const overlap = shared / ownWeight;
        if (overlap < MIN_LINK_OVERLAP) continue;
        let at = count;
        while (at > 0 && overlap > bestOverlap[at - 1]!) at--;
        if (at >= MAX_LINKED_SENTENCES) continue;
        for (let k = Math.min(count, MAX_LINKED_SENTENCES - 1); k > at; k--) {
          best[k] = best[k - 1]!;
          bestOverlap[k] = bestOverlap[k - 1]!;
        }
        best[at] = s;
        bestOverlap[at] = overlap;
        count = Math.min(count + 1, MAX_LINKED_SENTENCES);
      }
      for (let b = 0; b < count; b++) {
        const s = best[b]!;
        units[s]!.summarizedBy = [...units[s]!.summarizedBy, f];
        for (let k = mainOffsets[s]!; k < mainOffsets[s + 1]!; k++) {
          const t = main.ids[k]!;
          if (own[t] === mark || linkedBy[t] === mark) continue;
          linkedBy[t] = mark;
          linkedTerms.push(t);
          linkedUnits.push(f);
        }
      }
    }
    start = end;
  }
  return unitTerms(units.length, { terms: linkedTerms, units: linkedUnits });
}

/** Build the index. Pure: documents in, index out. */
export interface IndexOptions {
  /** True for a common dictionary word (used to tell people's names from other capitalized words). */
  isDictionaryWord?: (word: string) => boolean;
}

export function buildIndex(documents: readonly Document[], options: IndexOptions = {}): RetrievalIndex {
  const isDictionaryWord = options.isDictionaryWord ?? (() => false);
  const units: Unit[] = [];
  /** Every stem indexed anywhere → its term id (shared by the three posting fields). */
  const termIds = new Map<string, number>();
  /** Term id → stem. */
  const stemOf: string[] = [];
  const mainTerms = new IntList(1 << 16);
  const mainUnits = new IntList(1 << 16);
  const answerTerms = new IntList(1 << 16);
  const answerUnits = new IntList(1 << 16);
  const docTerms = new IntList(1 << 16);
  const docValues = new IntList(1 << 16);
  /** Per term id: the last document pushed for it (documentsWith is deduplicated on the fly). */
  const lastDoc = new IntList(1 << 12);
  /** Per term id: first surface word, and name votes (capitalized / counted occurrences). */
  const surfaceWords: string[] = [];
  const capitalVotes = new IntList(1 << 12);
  const totalVotes = new IntList(1 << 12);
  /** Per term id: the stamp of the last stem list `distinct` saw it in. */
  const seen = new IntList(1 << 12);
  const vocabulary = new Vocabulary();
  const exactQuestions = new Map<string, number[]>();
  const acronyms = new Map<string, string[]>();
  const abbreviations = new Map<string, AbbreviationDefinition[]>();
  const defined = new Set<string>();
  const define = (text: string) => {
    for (const definition of definedAbbreviations(text)) {
      const key = `${definition.abbreviation} ${definition.stems.join(" ")}`;
      if (defined.has(key)) continue;
      defined.add(key);
      // By the name's last word, which a question that names it gives, and for a name of four
      // words or more by the one before it too (its last may be left out: see addAbbreviations).
      const n = definition.stems.length;
      for (const key of n >= 4 ? [definition.stems[n - 1]!, definition.stems[n - 2]!] : [definition.stems[n - 1]!]) {
        const list = abbreviations.get(key);
        if (!list) abbreviations.set(key, [definition]);
        else if (!list.includes(definition)) list.push(definition);
      }
    }
  };
  const documentIndex = new Map<string, number>();
  const ledes: Set<string>[] = [];
  const ledeUnits: number[] = [];

  const termOf = (s: string): number => {
    let t = termIds.get(s);
    if (t === undefined) {
      t = termIds.size;
      termIds.set(s, t);
      stemOf.push(s);
      lastDoc.push(-1);
      capitalVotes.push(0);
      totalVotes.push(0);
      seen.push(0);
    }
    return t;
  };

  /** Content words by word (the hyphenated form for words with parts: "weeklong" and "week-long" differ). */
  const entries = new Map<string, WordEntry>();
  /** The same entries by WordForm id: no look-up by text for the millions of repeated words. */
  const entriesByForm: (WordEntry | undefined)[] = [];
  const entryOf = (form: WordForm): WordEntry => {
    let entry = form.id >= 0 ? entriesByForm[form.id] : undefined;
    if (entry !== undefined) return entry;
    const key = form.parts.length > 0 ? form.parts.join("-") : form.word;
    entry = entries.get(key);
    if (entry === undefined) {
      const word = form.word;
      const stems = [form.stem];
      for (const part of form.parts) if (!STOPWORDS.has(part)) stems.push(stem(part));
      const nameLike = /^\p{L}/u.test(word);
      entry = {
        vocabularyId: vocabulary.intern(word),
        partIds: form.parts.length > 0 ? form.parts.map((part) => vocabulary.intern(part)) : NONE,
        term: termOf(form.stem),
        terms: stems.map(termOf),
        nameLike,
        personLike: undefined,
        lettersOnly: /^\p{L}+$/u.test(word),
      };
      entries.set(key, entry);
      // A stem's surface word is the first word seen for it: one seen before has set it.
      if (surfaceWords[entry.term] === undefined) surfaceWords[entry.term] = word;
    }
    if (form.id >= 0) {
      while (entriesByForm.length <= form.id) entriesByForm.push(undefined);
      entriesByForm[form.id] = entry;
    }
    return entry;
  };

  /** Scratch of `analyze`: the term ids of a text's index stems. */
  const terms = new IntList(256);
  /** The stems of `terms`, as strings (for ledes: one text per document). */
  const analyzedStems = (): string[] => {
    const stems: string[] = [];
    for (let k = 0; k < terms.length; k++) stems.push(stemOf[terms.data[k]!]!);
    return stems;
  };
  /** The units' main-field term ids in text order (see UnitFields.sequence), and where each unit's begin. */
  const sequenceIds = new IntList(1 << 16);
  const sequenceStarts = new IntList(1 << 12);
  const pushSequence = () => {
    sequenceStarts.push(sequenceIds.length);
    for (let k = 0; k < terms.length; k++) sequenceIds.push(terms.data[k]!);
  };

  // What `analyze` gathers of the text it scans. One visitor and reused lists for all
  // texts: no closures or growing arrays per text (there are 160,000 of them at 10,000
  // documents); the units keep exact-size copies.
  const nameStems = new Scratch<string>();
  const personStems = new Scratch<string>();
  const words = new Scratch<string>();
  /** A run of capitalized content words (for acronyms: North Korea → nk, United Nations → un). */
  const run = new Scratch<string>();
  /** The run's term ids, and each pair of neighbours in a run, as a number (see namePairKey). */
  const runTerms = new Scratch<number>();
  const namePairs = new Set<number>();
  /**
   * What the scan of a text gathers besides: whether its words' hints are known (an ASCII
   * text, see scanWords), and their union (see sentenceAnswerTypes).
   */
  const scanning = { doc: 0, position: 0, keepWords: false, hints: 0 };
  /** wordHints by WordForm id, plus one (0: not yet worked out). */
  const hintsByForm: number[] = [];
  const hintsOf = (form: WordForm): number => {
    if (form.id < 0) return wordHints(form.word);
    let hints = hintsByForm[form.id];
    if (hints === undefined || hints === 0) {
      while (hintsByForm.length <= form.id) hintsByForm.push(0);
      hints = wordHints(form.word) + 1;
      hintsByForm[form.id] = hints;
    }
    return hints - 1;
  };

  /**
   * The acronyms `flush` has weighed, as numbers when their letters are a to z (base 27):
   * most runs repeat a name seen before, and the number spares making and hashing a string.
   */
  const weighedAcronyms = new Set<number>();
  const flush = () => {
    for (let k = 1; k < runTerms.length; k++) namePairs.add(namePairKey(runTerms.get(k - 1), runTerms.get(k)));
    runTerms.clear();
    if (run.length >= 2 && run.length <= 5) {
      let code = 0;
      for (let k = 0; k < run.length && code >= 0; k++) {
        const letter = run.get(k).charCodeAt(0) - 96;
        code = letter >= 1 && letter <= 26 ? code * 27 + letter : -1;
      }
      if (code < 0 || !weighedAcronyms.has(code)) {
        if (code >= 0) weighedAcronyms.add(code);
        let acronym = "";
        for (let k = 0; k < run.length; k++) acronym += run.get(k)[0];
        if (!acronyms.has(acronym) && !STOPWORDS.has(acronym)) acronyms.set(acronym, run.copy().map((w) => stem(w)));
      }
    }
    run.clear();
  };

  const visit: WordVisitor = (form, capitalized, stop) => {
    const i = scanning.position++;
    if (scanning.keepWords) words.push(form.word);
    scanning.hints |= hintsOf(form);
    if (stop) {
      if (run.length > 0 && !capitalized) flush(); // "Bank of England" keeps its run
      return;
    }
    const entry = entryOf(form);
    if (capitalized && entry.lettersOnly) {
      run.push(form.word);
      runTerms.push(entry.term);
    } else if (run.length > 0) flush();
    vocabulary.count(entry.vocabularyId, capitalized && i > 0);
    for (const id of entry.partIds) vocabulary.count(id, false);
    const t = entry.term;
    if (i > 0) {
      if (capitalized) capitalVotes.data[t]!++;
      totalVotes.data[t]!++;
      if (capitalized && entry.nameLike) {
        if (!nameStems.includes(form.stem)) nameStems.push(form.stem);
        entry.personLike ??= !CALENDAR_WORDS.has(form.word) && !isDictionaryWord(form.word);
        if (entry.personLike && !personStems.includes(form.stem)) personStems.push(form.stem);
      }
    }
    const doc = scanning.doc;
    for (let k = 0; k < entry.terms.length; k++) {
      const term = entry.terms[k]!;
      terms.push(term);
      if (lastDoc.data[term] !== doc) {
        lastDoc.data[term] = doc;
        docTerms.push(term);
        docValues.push(doc);
      }
    }
  };

  /**
   * Scan a text of document `doc` and record its words: vocabulary, surface forms, name
   * votes, acronyms, the documents each stem occurs in. Leaves the term ids of its index
   * stems in text order (as indexStems gives them) in `terms`; returns the stems of the
   * names it gives (capitalized words, not first) and of those that may be people, and,
   * when asked, its exact-match key (its words, joined).
   */
  const analyze = (text: string, doc: number, withKey = false) => {
    nameStems.clear();
    personStems.clear();
    words.clear();
    run.clear();
    runTerms.clear();
    terms.length = 0;
    scanning.doc = doc;
    scanning.position = 0;
    scanning.keepWords = withKey;
    scanning.hints = 0;
    const ascii = scanWords(text, visit);
    flush();
    return {
      names: nameStems.copy(),
      people: personStems.copy(),
      key: withKey ? words.copy().join(" ") : "",
      /** The union of its words' hints, for sentenceAnswerTypes (undefined unless the text is ASCII). */
      hints: ascii ? scanning.hints : undefined,
    };
  };

  let stamp = 0;
  /**
   * Push the distinct term ids of `terms` (a unit field's, in text order) to the field's
   * postings, in first-occurrence order: units push theirs in unit order, so the posting
   * pairs also list each unit's distinct stems (see unitTerms).
   */
  const distinct = (postingTerms: IntList, postingUnits: IntList, unit: number): void => {
    stamp++;
    for (let k = 0; k < terms.length; k++) {
      const t = terms.data[k]!;
      if (seen.data[t] === stamp) continue;
      seen.data[t] = stamp;
      postingTerms.push(t);
      postingUnits.push(unit);
    }
  };

  documents.forEach((document, doc) => {
    documentIndex.set(document.id, doc);
    // The lede (first sentence, or first FAQ question) is analyzed below: its stems from there.
    let lede: readonly string[] = [];
    const firstUnit = units.length;
    for (const faq of document.faqs) {
      const index = units.length;
      const q = analyze(faq.question, doc, true);
      if (index === firstUnit && document.sentences.length === 0) lede = analyzedStems();
      distinct(mainTerms, mainUnits, index);
      pushSequence();
      const key = q.key;
      const a = analyze(faq.answer, doc);
      define(faq.answer);
      distinct(answerTerms, answerUnits, index);
      units.push({
        index,
        kind: "faq",
        doc,
        faq,
        summarizedBy: NONE,
        answerTypes: sentenceAnswerTypes(faq.answer, a.hints),
        names: a.names,
        people: a.people,
        antecedents: NONE,
        questionType: faqQuestionType(faq.question),
        key,
      });
      const list = exactQuestions.get(key) ?? [];
      list.push(index);
      exactQuestions.set(key, list);
    }
    // The people named by the latest sentence that named any, and how many sentences back it is.
    let named: readonly string[] = NONE;
    let since = 0;
    const ledeAt = ledeSentenceOf(document.sentences);
    const ledeSentence = document.sentences[ledeAt];
    const afterLede = document.sentences[ledeAt + 1];
    if (!ledeSentence) ledeUnits.push(-1);
    let previous = "";
    for (const sentence of document.sentences) {
      // A dateline is scanned on its own: the document holds its words, the sentence does not.
      const dateline = sentence === document.sentences[0] ? DATELINE.exec(sentence.text) : null;
      if (dateline) analyze(dateline[0], doc);
      const analyzed = analyze(dateline ? sentence.text.slice(dateline[0].length) : sentence.text, doc);
      define(sentence.text);
      since++;
      let antecedents = since <= MAX_ANTECEDENT_DISTANCE && PERSONAL_PRONOUN.test(sentence.text) ? named : NONE;
      // "The International Master from Leicester clinched the title": a sentence that opens on a
      // definite description right after one that names people is likely about them.
      if (antecedents === NONE && since === 1 && DEFINITE_OPENING.test(sentence.text)) antecedents = named;
      // "It is the county seat of Duval County", right after "Jacksonville is the largest city…".
      if (PRONOUN_OPENING.test(sentence.text) && previous) antecedents = [...antecedents, ...subjectStems(previous)];
      previous = sentence.text;
      if (analyzed.people.length > 0) {
        named = analyzed.people;
        since = 0;
      }
      const index = units.length;
      distinct(mainTerms, mainUnits, index);
      pushSequence();
      // A news lede often names its subject only in its second sentence ("A new children's
      // hospital opened… The Aire Valley Children's Hospital…"): its names count too, but not
      // its people's (a chief executive quoted there is not what the document is about).
      if (sentence === ledeSentence) {
        lede = analyzedStems();
        ledeUnits.push(index);
      } else if (sentence === afterLede) lede = [...lede, ...analyzed.names.filter((n) => !analyzed.people.includes(n))];
      units.push({
        index,
        kind: "sentence",
        doc,
        sentence,
        summarizedBy: NONE,
        answerTypes: sentenceAnswerTypes(sentence.text, analyzed.hints),
        names: analyzed.names,
        people: analyzed.people,
        antecedents,
        questionType: "none",
        key: "",
      });
    }
    ledes.push(new Set(lede));
  });

  const termCount = termIds.size;
  const main = compactPostings(termIds, termCount, mainTerms, mainUnits);
  const answer = compactPostings(termIds, termCount, answerTerms, answerUnits);
  const documentsWith = compactPostings(termIds, termCount, docTerms, docValues);
  const total = units.length;
  const maxIdf = Math.log(1 + (total + 0.5) / 0.5);
  // idf of every stem, once: unit frequency in main fields (a stem only in FAQ answers
  // still exists in the documents: it counts once).
  const mainCounts = new Int32Array(termCount);
  for (let k = 0; k < mainTerms.length; k++) mainCounts[mainTerms.data[k]!]!++;
  const docCounts = new Int32Array(termCount);
  for (let k = 0; k < docTerms.length; k++) docCounts[docTerms.data[k]!]!++;
  const idfs = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) {
    const df = mainCounts[t]!;
    const docs = docCounts[t]!;
    idfs[t] = Math.log(1 + (total - Math.max(df, docs > 0 ? 1 : 0) + 0.5) / (Math.max(df, docs > 0 ? 1 : 0) + 0.5));
  }
  const names = new Uint8Array(termCount);
  for (let t = 0; t < termCount; t++) {
    const count = totalVotes.data[t]!;
    if (count > 0 && capitalVotes.data[t]! * 2 > count) names[t] = 1;
  }
  const found = lookups(termIds, idfs, names, surfaceWords, total);
  const mainOfUnits = unitTerms(total, { terms: mainTerms, units: mainUnits });
  const answerOfUnits = unitTerms(total, { terms: answerTerms, units: answerUnits });
  const linkedOfUnits = linkFaqsToSentences(units, termCount, mainOfUnits, answerOfUnits, idfs);
  sequenceStarts.push(sequenceIds.length);
  const sequence: UnitTerms = { offsets: sequenceStarts.data.slice(0, sequenceStarts.length), ids: sequenceIds.data.slice(0, sequenceIds.length) };
  const unitDocs = new Int32Array(total);
  for (let u = 0; u < total; u++) unitDocs[u] = units[u]!.doc;

  return {
    documents,
    documentIndex,
    units,
    vocabulary,
    main,
    answer,
    documentsWith,
    ledes,
    ledeUnits: Int32Array.from(ledeUnits),
    ...found,
    stemOf,
    unitTerms: { main: mainOfUnits, sequence, answer: answerOfUnits, linked: linkedOfUnits },
    maxIdf,
    exactQuestions,
    acronyms,
    abbreviations,
    unitDocs,
    inNamePhrase: (a: string, b: string) => {
      const x = termIds.get(a);
      const y = termIds.get(b);
      return x !== undefined && y !== undefined && namePairs.has(namePairKey(x, y));
    },
  };
}

/** One number for an ordered pair of term ids (both below 2^26). */
function namePairKey(a: number, b: number): number {
  return a * 67_108_864 + b;
}
