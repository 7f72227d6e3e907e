/**
 * Ranking: candidates from the posting lists, then a small set of pure, documented features
 * per candidate, combined into a score in 0..1.
 */
import type { RetrievalIndex, Unit } from "./index-builder.ts";
import type { Query, QueryTerm, MatchVia } from "./query.ts";
import type { SemanticMatcher } from "./semantic.ts";
import { TYPE_BITS, type AnswerType } from "./features.ts";
import { exactKey } from "./index-builder.ts";

/** Posting lists longer than this are not walked for related words in the first pass. */
export const MAX_RELATED_POSTINGS = 1000;

/** How many units survive the cheap first pass to be scored in full. */
export const RERANK_DEPTH = 60;
/** Weight of a term matched only in an FAQ's answer, against a match in its question. */
export const ANSWER_FIELD_WEIGHT = 0.75;
/** Weight of a name found only in an FAQ pair's document lede, against a match in the pair itself. */
export const CONTEXT_WEIGHT = 0.6;
/**
 * Weight of a question word found only in the lede of a sentence's document: "the governor
 * of the central bank" is answered by "Governor Ortúzar said…" in an article whose lede is
 * about the central bank.
 */
export const SENTENCE_CONTEXT_WEIGHT = 0.4;
/** Weight of a term found only in the article sentences an FAQ pair summarizes. */
export const LINKED_WEIGHT = 0.6;

export interface TermMatch {
  term: string;
  /** The document word it matched, and how. */
  matched: string | null;
  via: MatchVia | null;
  field: "question" | "answer" | "linked" | "sentence" | "document" | null;
  strength: number;
}

export interface Features {
  /** Share of the question's weight the unit covers (0..1). */
  coverage: number;
  /** The same, counting only known terms that are not names (the question's focus). */
  focusCoverage: number;
  /** Share of the unit's own content weight the question covers (how well it fits as a whole). */
  precision: number;
  /** Share of the question's weight found anywhere in the unit's document. */
  documentCoverage: number;
  /** Share of adjacent question term pairs that stand together in the unit. */
  phrase: number;
  /** 1 when the unit carries the kind of answer the question asks for (or the question has none). */
  answerType: number;
  /** For an FAQ pair, how close its question's meaning is to the visitor's (mean word vectors; 0 without vectors). */
  meaning?: number;
  /** Dice similarity of the whole question to the FAQ question (0 for sentences and lower-ranked FAQs). */
  fuzzy: number;
}

export interface Candidate {
  unit: Unit;
  score: number;
  features: Features;
  matches: TermMatch[];
}

/**
 * Per-index scratch for the first pass: dense accumulators indexed by unit, reset through
 * the lists of units touched, so a question allocates nothing in proportion to the postings
 * it walks (Maps of 100,000 entries per question were most of the latency at 10,000
 * documents). Safe to share: ranking is synchronous and never re-entered mid-pass.
 */
interface Scratch {
  totals: Float64Array;
  best: Float64Array;
  seen: Uint8Array;
  touched: Int32Array;
  termTouched: Int32Array;
  heap: Int32Array;
}
const scratches = new WeakMap<RetrievalIndex, Scratch>();

function scratchFor(index: RetrievalIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    const n = index.units.length;
    scratch = {
      totals: new Float64Array(n),
      best: new Float64Array(n),
      seen: new Uint8Array(n),
      touched: new Int32Array(n),
      termTouched: new Int32Array(n),
      heap: new Int32Array(RERANK_DEPTH),
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

/**
 * First pass: units sharing any expansion with the question, by weighted overlap; the best
 * `depth` unit indexes, highest total first (ties: lower index first).
 */
export function gatherCandidates(index: RetrievalIndex, query: Query, scope: number | undefined, depth = RERANK_DEPTH): number[] {
  const { totals, best, seen, touched, termTouched } = scratchFor(index);
  const unitDocs = index.unitDocs;
  let touchedCount = 0;
  for (const term of query.terms) {
    let termCount = 0;
    for (const e of term.expansions) {
      for (let field = 0; field < 2; field++) {
        const postings = field === 0 ? index.main.get(e.stem) : index.answer.get(e.stem);
        if (!postings) continue;
        // A related word (not a spelling of the question's word) that thousands of units use
        // finds no candidate worth scoring but costs a long walk: it only scores (scoreUnit).
        if (postings.length > MAX_RELATED_POSTINGS && e.weight < 1 && (e.via === "synonym" || e.via === "compound")) continue;
        const strength = e.weight * (field === 0 ? 1 : ANSWER_FIELD_WEIGHT);
        for (let k = 0; k < postings.length; k++) {
          const u = postings[k]!;
          if (scope !== undefined && unitDocs[u] !== scope) continue;
          const previous = best[u]!;
          if (previous < strength) {
            if (previous === 0) termTouched[termCount++] = u;
            best[u] = strength;
          }
        }
      }
    }
    // Same additions in the same (term) order as a per-unit running sum: identical floats.
    for (let k = 0; k < termCount; k++) {
      const u = termTouched[k]!;
      if (seen[u] === 0) {
        seen[u] = 1;
        touched[touchedCount++] = u;
      }
      totals[u] = totals[u]! + best[u]! * term.weight;
      best[u] = 0;
    }
  }
  const top = selectTop(scratchFor(index), touchedCount, depth);
  for (let k = 0; k < touchedCount; k++) {
    const u = touched[k]!;
    totals[u] = 0;
    seen[u] = 0;
  }
  return top;
}

/**
 * The best `depth` of the touched units by (total desc, index asc), sorted: a bounded heap
 * instead of sorting every touched unit (the order is total, so the result is the same).
 */
function selectTop(scratch: Scratch, count: number, depth: number): number[] {
  const { totals, touched } = scratch;
  const heap = depth <= scratch.heap.length ? scratch.heap : new Int32Array(depth);
  /** True when unit a ranks below unit b. */
  const worse = (a: number, b: number) => totals[a]! < totals[b]! || (totals[a] === totals[b] && a > b);
  let size = 0;
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && worse(heap[l]!, heap[m]!)) m = l;
      if (r < size && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      const t = heap[i]!;
      heap[i] = heap[m]!;
      heap[m] = t;
      i = m;
    }
  };
  for (let k = 0; k < count; k++) {
    const u = touched[k]!;
    if (size < depth) {
      // Sift up: the heap's root is the worst kept unit.
      let i = size++;
      heap[i] = u;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[p]!)) break;
        const t = heap[i]!;
        heap[i] = heap[p]!;
        heap[p] = t;
        i = p;
      }
    } else if (depth > 0 && worse(heap[0]!, u)) {
      heap[0] = u;
      siftDown(0);
    }
  }
  return Array.from(heap.subarray(0, size)).sort((a, b) => totals[b]! - totals[a]! || a - b);
}

/** documentCoverage per query and document: the top 60 units come from few documents. */
const coverageMemo = new WeakMap<Query, { index: RetrievalIndex; total: number; byDoc: Map<number, number> }>();

function documentCoverage(index: RetrievalIndex, query: Query, doc: number, total: number): number {
  let memo = coverageMemo.get(query);
  if (!memo || memo.index !== index || memo.total !== total) coverageMemo.set(query, (memo = { index, total, byDoc: new Map() }));
  let value = memo.byDoc.get(doc);
  if (value === undefined) memo.byDoc.set(doc, (value = computeDocumentCoverage(index, query, doc, total)));
  return value;
}

function computeDocumentCoverage(index: RetrievalIndex, query: Query, doc: number, total: number): number {
  if (total === 0) return 0;
  let covered = 0;
  for (const term of query.terms) {
    let best = 0;
    for (const e of term.expansions) {
      if (e.weight <= best) continue;
      if (index.documentsWith.includes(e.stem, doc)) best = e.weight;
    }
    covered += best * term.weight;
  }
  return covered / total;
}

/** Score one unit against the question: the features and their combination. */
export function scoreUnit(
  index: RetrievalIndex,
  query: Query,
  unit: Unit,
  fuzzy: number,
  related?: (stem: string) => Float64Array | undefined,
): Candidate {
  // Every way a question term can match a stem of the unit, strongest first; then each term
  // and each unit stem is used once, so "work → line (synonym)" cannot count a stem that
  // "line" already matched exactly.
  const options: Array<{ term: number; stem: string; strength: number; field: "main" | "answer" | "linked"; word: string; via: MatchVia }> = [];
  // Related strengths per unit stem (all terms at once), looked up once per unit, not per term.
  const mainRelated = related ? unit.stems.map(related) : undefined;
  const answerRelated = related && unit.kind === "faq" ? unit.answerStems.map(related) : undefined;
  query.terms.forEach((term, t) => {
    for (const e of term.expansions) {
      if (unit.stems.includes(e.stem)) options.push({ term: t, stem: e.stem, strength: e.weight, field: "main", word: e.word, via: e.via });
      if (unit.kind === "faq" && unit.answerStems.includes(e.stem)) {
        options.push({ term: t, stem: e.stem, strength: e.weight * ANSWER_FIELD_WEIGHT, field: "answer", word: e.word, via: e.via });
      } else if (unit.kind === "faq" && unit.linkedStems.includes(e.stem)) {
        options.push({ term: t, stem: e.stem, strength: e.weight * LINKED_WEIGHT, field: "linked", word: e.word, via: e.via });
      }
    }
    // Related words by meaning (word vectors), weaker than any spelling of the word itself.
    if (mainRelated) {
      for (let k = 0; k < mainRelated.length; k++) {
        const strength = mainRelated[k]?.[t] ?? 0;
        const s = unit.stems[k]!;
        if (strength > 0) options.push({ term: t, stem: s, strength, field: "main", word: index.surface.get(s) ?? s, via: "related" });
      }
    }
    if (answerRelated) {
      for (let k = 0; k < answerRelated.length; k++) {
        const strength = (answerRelated[k]?.[t] ?? 0) * ANSWER_FIELD_WEIGHT;
        const s = unit.answerStems[k]!;
        if (strength > 0) options.push({ term: t, stem: s, strength, field: "answer", word: index.surface.get(s) ?? s, via: "related" });
      }
    }
  });
  options.sort((a, b) => b.strength - a.strength || a.term - b.term || (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0));
  const assigned: Array<(typeof options)[number] | undefined> = new Array(query.terms.length);
  const claimed = new Set<string>();
  /** Unit stem (main field) → the strength it was matched with. */
  const matchedStems = new Map<string, number>();
  /** Every stem the question gives, in either field (for "a name the question does not give"). */
  const given = new Set<string>();
  for (const option of options) {
    const key = `${option.field}:${option.stem}`;
    if (assigned[option.term] || claimed.has(key)) continue;
    assigned[option.term] = option;
    claimed.add(key);
    if (option.field === "main") matchedStems.set(option.stem, option.strength);
    else given.add(option.stem);
  }
  for (const stem of matchedStems.keys()) given.add(stem);

  let total = 0;
  let covered = 0;
  let focusTotal = 0;
  let focusCovered = 0;
  const unknownFocus = query.terms.some((t) => !t.known && !t.light && !t.name);
  const matches: TermMatch[] = query.terms.map((term, t) => {
    const option = assigned[t];
    let strength = option?.strength ?? 0;
    let field: TermMatch["field"] = option ? (option.field !== "main" ? option.field : unit.kind === "faq" ? "question" : "sentence") : null;
    let matched = option?.word ?? null;
    let via = option?.via ?? null;
    // A name an FAQ question leaves out because its whole document is about it ("the
    // museum's opening hours" in the Maritime Museum's FAQ): the pair inherits the names of
    // its document's lede, at a discount.
    const inherit = unit.kind === "faq" ? (term.name ? CONTEXT_WEIGHT : 0) : SENTENCE_CONTEXT_WEIGHT;
    if (!option && inherit > 0) {
      const lede = index.ledes[unit.doc]!;
      for (const e of term.expansions) {
        if (e.weight === 1 && lede.has(e.stem) && inherit > strength) {
          strength = inherit;
          field = "document";
          matched = e.word;
          via = e.via;
        }
      }
    }
    // Words no document uses are left to the confidence's unknown-term penalty, not counted twice.
    if (term.known) {
      total += term.weight;
      covered += term.weight * strength;
    }
    if (!term.name && term.known) {
      focusTotal += term.weight;
      focusCovered += term.weight * strength;
    }
    return { term: term.word, matched, via, field, strength };
  });
  let ownTotal = 0;
  let ownCovered = 0;
  for (const s of unit.stems) {
    const w = index.idf(s);
    ownTotal += w;
    ownCovered += w * (matchedStems.get(s) ?? 0);
  }
  let phrase = 0;
  if (query.bigrams.length > 0) {
    const sequence = unit.sequence;
    for (const [a, b] of query.bigrams) {
      const first = query.terms[a]!.expansions;
      const second = query.terms[b]!.expansions;
      for (let k = 0; k + 1 < sequence.length; k++) {
        if (first.some((e) => e.stem === sequence[k]) && second.some((e) => e.stem === sequence[k + 1])) {
          phrase++;
          break;
        }
      }
    }
    phrase /= query.bigrams.length;
  }
  const features: Features = {
    coverage: total > 0 ? covered / total : 0,
    // With no known non-name word, the focus is the names, unless the question has words the
    // documents never use ("Is Kim married?"): then its focus is something they do not hold.
    focusCoverage: focusTotal > 0 ? focusCovered / focusTotal : unknownFocus ? 0 : total > 0 ? covered / total : 0,
    precision: ownTotal > 0 ? ownCovered / ownTotal : 0,
    documentCoverage: documentCoverage(index, query, unit.doc, total),
    phrase,
    answerType: answerTypeFit(query.answerType, unit, given),
    fuzzy,
  };
  return { unit, score: combine(unit, features), features, matches };
}

/** Answer types close enough that an FAQ asking one answers the other. */
const COMPATIBLE_TYPES: ReadonlyArray<ReadonlySet<AnswerType>> = [new Set(["number", "money"]), new Set(["person", "place"])];

/**
 * 1 when the unit can answer the kind of question asked, else 0. An FAQ pair whose own
 * question asks for another kind ("When…?" for "How much…?") does not fit, whatever its
 * answer holds; otherwise the text must carry the kind (a date for "when", a sum for "how much").
 */
export function answerTypeFit(asked: AnswerType, unit: Unit, given: ReadonlySet<string> = new Set()): number {
  if (asked === "none") return 1;
  // "Who…?"/"Where…?" want a name the question does not already give.
  const newName = unit.names.some((n) => !given.has(n));
  if (unit.kind === "faq" && unit.questionType !== "none") {
    if (unit.questionType === asked) return 1;
    if (COMPATIBLE_TYPES.some((set) => set.has(asked) && set.has(unit.questionType))) return 1;
    return 0;
  }
  if (asked === "person") return unit.people.some((n) => !given.has(n)) ? 1 : 0;
  if (asked === "place") return newName && (unit.answerTypes & TYPE_BITS.place) !== 0 ? 1 : 0;
  // "How long is the line?" may ask for a length as well as a duration.
  const bits = asked === "duration" ? TYPE_BITS.duration | TYPE_BITS.distance : TYPE_BITS[asked];
  return (unit.answerTypes & bits) !== 0 ? 1 : 0;
}

/**
 * The score of a unit from its features, in 0..1. The weights were set on the project's own
 * question sets (tests/fixtures) and checked on the dev set; see README "How answers are chosen".
 */
export function combine(unit: Unit, f: Features): number {
  // Both kinds reach 1 for a perfect match; an FAQ question is short, so precision and
  // whole-string similarity mean more for it than for a long sentence.
  if (unit.kind === "faq") {
    return Math.min(1, MEANING_WEIGHT * (f.meaning ?? 0) + 0.55 * f.coverage + 0.15 * f.precision + 0.05 * f.fuzzy + 0.1 * f.documentCoverage + 0.05 * f.phrase + 0.1 * f.answerType * f.coverage);
  }
  const score = 0.6 * f.coverage + 0.05 * f.precision + 0.1 * f.documentCoverage + 0.05 * f.phrase + 0.2 * f.answerType * f.coverage;
  return isFragment(unit.sentence!.text) ? FRAGMENT_FACTOR * score : score;
}

/**
 * A "sentence" that does not end like one (no final . ! or ?, perhaps inside quotes or
 * brackets) is a heading, an image caption or a list lead-in ("Some species include:"). It
 * names a topic but states nothing, so it rarely answers a question: its score keeps this share.
 */
export const FRAGMENT_FACTOR = 0.8;

export function isFragment(text: string): boolean {
  return !/[.!?…]["'”’)\]]*\s*$/u.test(text);
}

/** Weight of an FAQ question's meaning-similarity to the visitor's (see SemanticMatcher.questionSimilarity). */
export const MEANING_WEIGHT = 0.2;

/** FAQ candidates compared as whole strings (a small, fixed cost per question). */
const FUZZY_DEPTH = 5;

/**
 * Whole-string similarity of the question to the best-placed FAQ questions: natural's Dice
 * coefficient over character bigrams of the normalized texts, which forgives typos and
 * word order at a few microseconds a pair.
 */
function wholeQuestionSimilarity(questionText: string, units: readonly Unit[]): Map<number, number> {
  const result = new Map<number, number>();
  const key = exactKey(questionText);
  let seen = 0;
  let own: Set<string> | undefined;
  for (const unit of units) {
    if (unit.kind !== "faq") continue;
    if (seen++ >= FUZZY_DEPTH) break;
    result.set(unit.index, diceOfBigrams((own ??= diceBigrams(key)), faqBigrams(unit.key)));
  }
  return result;
}

/*
 * natural's DiceCoefficient, split so each side's bigram set is built once: the question's
 * once per question, an FAQ question's once per knowledge base (bounded cache). Same
 * sanitizing, padding and formula as natural/lib/natural/distance/dice_coefficient.js, so
 * the same values to the bit (including NaN for two empty strings).
 */
function diceBigrams(text: string): Set<string> {
  const sanitized = text.toLowerCase().replace(/\s+/g, " ").replace(/^\s+|\s+$/g, "");
  const padded = sanitized.length === 1 ? sanitized + " " : sanitized;
  const bigrams = new Set<string>();
  for (let i = 0; i < padded.length - 1; i++) bigrams.add(padded.slice(i, i + 2));
  return bigrams;
}

function diceOfBigrams(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
}

const faqBigramCache = new Map<string, Set<string>>();
const FAQ_BIGRAM_CACHE_LIMIT = 5_000;

function faqBigrams(key: string): Set<string> {
  let bigrams = faqBigramCache.get(key);
  if (!bigrams) {
    if (faqBigramCache.size >= FAQ_BIGRAM_CACHE_LIMIT) faqBigramCache.clear();
    faqBigramCache.set(key, (bigrams = diceBigrams(key)));
  }
  return bigrams;
}

/** Rank the units of the index (or of one document) for a question, best first. */
export function rank(index: RetrievalIndex, query: Query, scope?: number, semantic?: SemanticMatcher): Candidate[] {
  const top = gatherCandidates(index, query, scope).map((u) => index.units[u]!);
  const fuzzy = wholeQuestionSimilarity(query.text, top);
  const related = semantic?.forQuery(query);
  const meaning = semantic?.questionSimilarity(query);
  return top
    .map((unit) => {
      const candidate = scoreUnit(index, query, unit, fuzzy.get(unit.index) ?? 0, related);
      if (!meaning || unit.kind !== "faq") return candidate;
      // An FAQ question that means the same as the visitor's, in other words.
      const similarity = meaning(unit.index, unit.stems);
      const features = { ...candidate.features, meaning: similarity };
      return { ...candidate, features, score: combine(unit, features) };
    })
    .sort((a, b) => b.score - a.score || a.unit.index - b.unit.index);
}
