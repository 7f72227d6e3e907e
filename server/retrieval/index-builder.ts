/**
 * The inverted index over every FAQ pair and article sentence of a knowledge base.
 *
 * Units are FAQ pairs (question field, answer field) and sentences. Each distinct stem has
 * a posting list per field, so a query touches only the units that share a term with it.
 * Everything derived (idf, name flags, answer types) is computed here once, not per query.
 */
import type { Document, FaqPair, Sentence } from "../knowledge/types.ts";
import { faqQuestionType, sentenceAnswerTypes, type AnswerType } from "./features.ts";
import { STOPWORDS, indexStems, stem, tokenize, type Token } from "./text.ts";
import { Vocabulary } from "./vocabulary.ts";

export type UnitKind = "faq" | "sentence";

export interface Unit {
  index: number;
  kind: UnitKind;
  /** Index of the unit's document in RetrievalIndex.documents. */
  doc: number;
  faq?: FaqPair;
  sentence?: Sentence;
  /** Distinct content stems of the main field (the FAQ question, or the sentence). */
  stems: readonly string[];
  /** Content stems in text order (for phrase matching). */
  sequence: readonly string[];
  /** Distinct content stems of the FAQ answer (empty for sentences). */
  answerStems: readonly string[];
  /**
   * For an FAQ pair, the other stems of the article sentences it summarizes (the one or two
   * its question and answer overlap most): an FAQ about "the visit" may be asked about "the
   * trip" in the article's words. Empty for sentences.
   */
  linkedStems: string[];
  /** For a sentence, the FAQ pairs (unit indices) linked to it: they restate what it says. Empty for FAQ pairs. */
  summarizedBy: number[];
  /** TYPE_BITS of the answer types the unit's text can answer. */
  answerTypes: number;
  /** Stems of the words its answer text writes with a capital (not first): the names it can give. */
  names: readonly string[];
  /** The subset of `names` that may be people (see personStems). */
  people: readonly string[];
  /** For an FAQ pair, its question as exactKey normalizes it ("" for sentences). */
  key: string;
  /** For an FAQ pair, the answer type its question asks for ("none" for sentences). */
  questionType: AnswerType;
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
  /** Per document, the stems of its lede (first sentence, or first FAQ question): what it is about. */
  readonly ledes: readonly ReadonlySet<string>[];
  /** stem → documents (indexes) that use it anywhere. */
  readonly documentsWith: Postings;
  /** stem → word forms the documents use for it (for explanations and the thesaurus). */
  readonly surface: { get(stem: string): string | undefined };
  /** Inverse unit frequency of a stem over main fields, with add-one smoothing. */
  idf(stem: string): number;
  /** The idf given to a stem no unit uses: the rarest possible. */
  readonly maxIdf: number;
  /** Stem → true when the documents mostly write it with a capital. */
  isName(stem: string): boolean;
  /** Normalized FAQ question text → FAQ unit indexes (exact matches). */
  readonly exactQuestions: ReadonlyMap<string, readonly number[]>;
  /** First two-word acronyms of capitalized phrases: "nk" → ["north", "korea"] (stems). */
  readonly acronyms: ReadonlyMap<string, readonly string[]>;
  /** Document index of each unit (the same as units[u].doc, without touching the unit). */
  readonly unitDocs: Int32Array;
}

/** Normalization used for exact FAQ question matching: case, quotes and punctuation folded. */
export function exactKey(text: string): string {
  // One-entry memo: answering a question asks for its key twice (exact match, Fuse pattern).
  if (text === lastExact.text) return lastExact.key;
  const key = tokenize(text)
    .map((t) => t.word)
    .join(" ");
  lastExact = { text, key };
  return key;
}
let lastExact = { text: "", key: "" };

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
  /** Value at `i`, growing (zero-filled) as needed: for per-term counters. */
  at(i: number): number {
    return i < this.length ? this.data[i]! : 0;
  }
  set(i: number, value: number): void {
    while (this.length <= i) this.push(0);
    this.data[i] = value;
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
  return {
    has(stem) {
      const t = termIds.get(stem);
      return t !== undefined && offsets[t + 1]! > offsets[t]!;
    },
    get(stem) {
      const t = termIds.get(stem);
      if (t === undefined || offsets[t + 1]! === offsets[t]!) return undefined;
      return data.subarray(offsets[t]!, offsets[t + 1]!);
    },
    includes(stem, value) {
      const t = termIds.get(stem);
      return t !== undefined && sortedIncludes(data, offsets[t]!, offsets[t + 1]!, value);
    },
  };
}

/** The lookups of a built index; a function of its own so the build's scratch is not kept alive by the closures. */
function lookups(termIds: ReadonlyMap<string, number>, idfs: Float64Array, names: Uint8Array, surfaceWords: readonly string[], total: number) {
  return {
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

function nameStems(tokens: readonly Token[]): string[] {
  const names = new Set<string>();
  tokens.forEach((t, i) => {
    if (i > 0 && t.capitalized && !t.stop && /^\p{L}/u.test(t.word)) names.add(t.stem);
  });
  return [...names];
}

/** Days and months: capitalized, but never who did something. */
const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december".split(" "),
);

/**
 * Stems of the capitalized words that may name a person: not a dictionary word (Chile,
 * Governor, Bank are; Ortúzar, Menezes are not) and not a day or month.
 */
function personStems(tokens: readonly Token[], isDictionaryWord: (word: string) => boolean): string[] {
  const people = new Set<string>();
  tokens.forEach((t, i) => {
    if (i > 0 && t.capitalized && !t.stop && /^\p{L}/u.test(t.word) && !CALENDAR_WORDS.has(t.word) && !isDictionaryWord(t.word)) {
      people.add(t.stem);
    }
  });
  return [...people];
}

/** Sentences an FAQ pair links to at most, and the overlap (share of the pair's weight) they need. */
const MAX_LINKED_SENTENCES = 2;
const MIN_LINK_OVERLAP = 0.3;

/** Link each FAQ pair to the sentences of its document it overlaps most (linkedStems, summarizedBy). */
function linkFaqsToSentences(units: Unit[], idf: (stem: string) => number): void {
  const byDocument = new Map<number, Unit[]>();
  for (const unit of units) {
    if (unit.kind !== "sentence") continue;
    const list = byDocument.get(unit.doc) ?? [];
    list.push(unit);
    byDocument.set(unit.doc, list);
  }
  for (const unit of units) {
    if (unit.kind !== "faq") continue;
    const own = new Set([...unit.stems, ...unit.answerStems]);
    let ownWeight = 0;
    for (const s of own) ownWeight += idf(s);
    if (ownWeight === 0) continue;
    const scored = (byDocument.get(unit.doc) ?? [])
      .map((sentence) => {
        let shared = 0;
        for (const s of sentence.stems) if (own.has(s)) shared += idf(s);
        return { sentence, overlap: shared / ownWeight };
      })
      .filter((x) => x.overlap >= MIN_LINK_OVERLAP)
      .sort((a, b) => b.overlap - a.overlap || a.sentence.index - b.sentence.index)
      .slice(0, MAX_LINKED_SENTENCES);
    const linked = new Set<string>();
    for (const { sentence } of scored) {
      for (const s of sentence.stems) if (!own.has(s)) linked.add(s);
      sentence.summarizedBy.push(unit.index);
    }
    unit.linkedStems = [...linked];
  }
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
  const vocabulary = new Vocabulary();
  const exactQuestions = new Map<string, number[]>();
  const acronyms = new Map<string, string[]>();
  const documentIndex = new Map<string, number>();
  const ledes: Set<string>[] = [];

  const termOf = (s: string): number => {
    let t = termIds.get(s);
    if (t === undefined) {
      t = termIds.size;
      termIds.set(s, t);
      lastDoc.set(t, -1);
    }
    return t;
  };

  const analyze = (text: string, doc: number) => {
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.stop) continue;
      vocabulary.add(token.word, token.capitalized && i > 0);
      for (const part of token.parts) vocabulary.add(part, false);
      const t = termOf(token.stem);
      if (surfaceWords[t] === undefined) surfaceWords[t] = token.word;
      if (i > 0) {
        if (token.capitalized) capitalVotes.set(t, capitalVotes.at(t) + 1);
        totalVotes.set(t, totalVotes.at(t) + 1);
      }
    }
    // Acronyms of runs of capitalized content words (North Korea → nk, United Nations → un).
    let run: string[] = [];
    const flush = () => {
      if (run.length >= 2 && run.length <= 5) {
        const acronym = run.map((s) => s[0]).join("");
        if (!acronyms.has(acronym) && !STOPWORDS.has(acronym)) acronyms.set(acronym, run.map((w) => stem(w)));
      }
      run = [];
    };
    for (const token of tokens) {
      if (token.capitalized && !token.stop && /^\p{L}+$/u.test(token.word)) run.push(token.word);
      else if (token.capitalized && token.stop && run.length > 0) continue; // "Bank of England"
      else flush();
    }
    flush();
    const stems = indexStems(tokens);
    for (const s of stems) {
      const t = termOf(s);
      if (lastDoc.data[t] !== doc) {
        lastDoc.data[t] = doc;
        docTerms.push(t);
        docValues.push(doc);
      }
    }
    return { tokens, stems };
  };

  /** Distinct stems in first-occurrence order; the input itself when it has no repeats (units then share one array for stems and sequence). */
  const distinct = (stems: string[]): string[] => {
    const unique = [...new Set(stems)];
    return unique.length === stems.length ? stems : unique;
  };

  documents.forEach((document, doc) => {
    documentIndex.set(document.id, doc);
    const lede = document.sentences[0]?.text ?? document.faqs[0]?.question ?? "";
    ledes.push(new Set(indexStems(tokenize(lede))));
    for (const faq of document.faqs) {
      const q = analyze(faq.question, doc);
      const key = q.tokens.map((t) => t.word).join(" ");
      const a = analyze(faq.answer, doc);
      const index = units.length;
      const stems = distinct(q.stems);
      const answerStems = [...new Set(a.stems)];
      units.push({
        index,
        kind: "faq",
        doc,
        faq,
        stems,
        sequence: q.stems,
        answerStems,
        linkedStems: [],
        summarizedBy: [],
        answerTypes: sentenceAnswerTypes(faq.answer),
        names: nameStems(a.tokens),
        people: personStems(a.tokens, isDictionaryWord),
        questionType: faqQuestionType(faq.question),
        key,
      });
      for (const s of stems) {
        mainTerms.push(termIds.get(s)!);
        mainUnits.push(index);
      }
      for (const s of answerStems) {
        answerTerms.push(termIds.get(s)!);
        answerUnits.push(index);
      }
      const list = exactQuestions.get(key) ?? [];
      list.push(index);
      exactQuestions.set(key, list);
    }
    for (const sentence of document.sentences) {
      const analyzed = analyze(sentence.text, doc);
      const index = units.length;
      const stems = distinct(analyzed.stems);
      units.push({
        index,
        kind: "sentence",
        doc,
        sentence,
        stems,
        sequence: analyzed.stems,
        answerStems: [],
        linkedStems: [],
        summarizedBy: [],
        answerTypes: sentenceAnswerTypes(sentence.text),
        names: nameStems(analyzed.tokens),
        people: personStems(analyzed.tokens, isDictionaryWord),
        questionType: "none",
        key: "",
      });
      for (const s of stems) {
        mainTerms.push(termIds.get(s)!);
        mainUnits.push(index);
      }
    }
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
    const count = totalVotes.at(t);
    if (count > 0 && capitalVotes.at(t) * 2 > count) names[t] = 1;
  }
  const found = lookups(termIds, idfs, names, surfaceWords, total);
  linkFaqsToSentences(units, found.idf);
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
    ...found,
    maxIdf,
    exactQuestions,
    acronyms,
    unitDocs,
  };
}
