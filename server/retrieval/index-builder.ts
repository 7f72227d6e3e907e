/**
 * The inverted index over every FAQ pair and article sentence of a knowledge base.
 *
 * Units are FAQ pairs (question field, answer field) and sentences. Each distinct stem has
 * a posting list per field, so a query touches only the units that share a term with it.
 * Everything derived (idf, name flags, answer types) is computed here once, not per query.
 */
import type { Document, FaqPair, Sentence } from "../knowledge/types.ts";
import { questionAnswerType, sentenceAnswerTypes, type AnswerType } from "./features.ts";
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
  /** TYPE_BITS of the answer types the unit's text can answer. */
  answerTypes: number;
  /** Stems of the words its answer text writes with a capital (not first): the names it can give. */
  names: readonly string[];
  /** For an FAQ pair, its question as exactKey normalizes it ("" for sentences). */
  key: string;
  /** For an FAQ pair, the answer type its question asks for ("none" for sentences). */
  questionType: AnswerType;
}

export type Field = "main" | "answer";

export interface RetrievalIndex {
  readonly documents: readonly Document[];
  readonly documentIndex: ReadonlyMap<string, number>;
  readonly units: readonly Unit[];
  readonly vocabulary: Vocabulary;
  /** stem → unit indexes whose main field holds it (ascending). */
  readonly main: ReadonlyMap<string, Int32Array>;
  /** stem → FAQ unit indexes whose answer holds it. */
  readonly answer: ReadonlyMap<string, Int32Array>;
  /** Per document, the stems of its lede (first sentence, or first FAQ question): what it is about. */
  readonly ledes: readonly ReadonlySet<string>[];
  /** stem → documents (indexes) that use it anywhere. */
  readonly documentsWith: ReadonlyMap<string, Int32Array>;
  /** stem → word forms the documents use for it (for explanations and the thesaurus). */
  readonly surface: ReadonlyMap<string, string>;
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
}

/** Normalization used for exact FAQ question matching: case, quotes and punctuation folded. */
export function exactKey(text: string): string {
  return tokenize(text)
    .map((t) => t.word)
    .join(" ");
}

function pushPosting(map: Map<string, number[]>, key: string, value: number): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  if (list[list.length - 1] !== value) list.push(value);
}

function freeze(map: Map<string, number[]>): Map<string, Int32Array> {
  const frozen = new Map<string, Int32Array>();
  for (const [key, list] of map) frozen.set(key, Int32Array.from(list));
  return frozen;
}

function nameStems(tokens: readonly Token[]): string[] {
  const names = new Set<string>();
  tokens.forEach((t, i) => {
    if (i > 0 && t.capitalized && !t.stop && /^\p{L}/u.test(t.word)) names.add(t.stem);
  });
  return [...names];
}

/** Sentences an FAQ pair links to at most, and the overlap (share of the pair's weight) they need. */
const MAX_LINKED_SENTENCES = 2;
const MIN_LINK_OVERLAP = 0.3;

/** Fill each FAQ pair's linkedStems from the sentences of its document it overlaps most. */
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
    for (const { sentence } of scored) for (const s of sentence.stems) if (!own.has(s)) linked.add(s);
    unit.linkedStems = [...linked];
  }
}

/** Build the index. Pure: documents in, index out. */
export function buildIndex(documents: readonly Document[]): RetrievalIndex {
  const units: Unit[] = [];
  const main = new Map<string, number[]>();
  const answer = new Map<string, number[]>();
  const documentsWith = new Map<string, number[]>();
  const surface = new Map<string, string>();
  const vocabulary = new Vocabulary();
  const nameVotes = new Map<string, [capital: number, total: number]>();
  const exactQuestions = new Map<string, number[]>();
  const acronyms = new Map<string, string[]>();
  const documentIndex = new Map<string, number>();
  const ledes: Set<string>[] = [];

  const analyze = (text: string, doc: number) => {
    const tokens = tokenize(text);
    tokens.forEach((token, i) => {
      if (token.stop) return;
      vocabulary.add(token.word, token.capitalized && i > 0);
      for (const part of token.parts) vocabulary.add(part, false);
      if (!surface.has(token.stem)) surface.set(token.stem, token.word);
      const votes = nameVotes.get(token.stem) ?? [0, 0];
      if (i > 0) {
        votes[0] += token.capitalized ? 1 : 0;
        votes[1] += 1;
      }
      nameVotes.set(token.stem, votes);
    });
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
    for (const s of stems) pushPosting(documentsWith, s, doc);
    return { tokens, stems };
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
      const stems = [...new Set(q.stems)];
      units.push({
        index,
        kind: "faq",
        doc,
        faq,
        stems,
        sequence: q.stems,
        answerStems: [...new Set(a.stems)],
        linkedStems: [],
        answerTypes: sentenceAnswerTypes(faq.answer),
        names: nameStems(a.tokens),
        questionType: questionAnswerType(faq.question),
        key,
      });
      for (const s of stems) pushPosting(main, s, index);
      for (const s of new Set(a.stems)) pushPosting(answer, s, index);
      const list = exactQuestions.get(key) ?? [];
      list.push(index);
      exactQuestions.set(key, list);
    }
    for (const sentence of document.sentences) {
      const analyzed = analyze(sentence.text, doc);
      const index = units.length;
      const stems = [...new Set(analyzed.stems)];
      units.push({
        index,
        kind: "sentence",
        doc,
        sentence,
        stems,
        sequence: analyzed.stems,
        answerStems: [],
        linkedStems: [],
        answerTypes: sentenceAnswerTypes(sentence.text),
        names: nameStems(analyzed.tokens),
        questionType: "none",
        key: "",
      });
      for (const s of stems) pushPosting(main, s, index);
    }
  });

  const frozenMain = freeze(main);
  const total = units.length;
  const maxIdf = Math.log(1 + (total + 0.5) / 0.5);
  const idfCache = new Map<string, number>();
  const idf = (s: string): number => {
    let value = idfCache.get(s);
    if (value === undefined) {
      const df = frozenMain.get(s)?.length ?? 0;
      const docs = documentsWith.get(s)?.length ?? 0;
      // A stem only in FAQ answers still exists in the documents: count it once.
      value = Math.log(1 + (total - Math.max(df, docs > 0 ? 1 : 0) + 0.5) / (Math.max(df, docs > 0 ? 1 : 0) + 0.5));
      idfCache.set(s, value);
    }
    return value;
  };
  linkFaqsToSentences(units, idf);

  const names = new Set<string>();
  for (const [s, [capital, count]] of nameVotes) if (count > 0 && capital * 2 > count) names.add(s);

  return {
    documents,
    documentIndex,
    units,
    vocabulary,
    main: frozenMain,
    answer: freeze(answer),
    documentsWith: freeze(documentsWith),
    ledes,
    surface,
    idf,
    maxIdf,
    isName: (s) => names.has(s),
    exactQuestions,
    acronyms,
  };
}
