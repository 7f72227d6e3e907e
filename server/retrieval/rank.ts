/**
 * Ranking: candidates from the posting lists, then a small set of pure, documented features
 * per candidate, combined into a score in 0..1.
 */
import type { RetrievalIndex, Unit, UnitTerms } from "./index-builder.ts";
import type { Query, QueryTerm, MatchVia } from "./query.ts";
import type { RelatedStrengths, SemanticMatcher } from "./semantic.ts";
import { ORGANISATION_BIT, STRICT_TYPES, TYPE_BITS, VOTE_TALLY, organisationWords, type AnswerType } from "./features.ts";
import { calendarGroups, calendarGroupsOfStem, oppositeGroups, oppositeGroupsOfStem } from "./contrast.ts";
import { isFragment, stem } from "./text.ts";

export { isFragment };

/**
 * A fragment (isFragment) names a topic but states nothing, so it rarely answers a question:
 * its score keeps this share.
 */
export const FRAGMENT_FACTOR = 0.8;

/** Posting lists longer than this are not walked for related words in the first pass. */
export const MAX_RELATED_POSTINGS = 1000;

/** How many units survive the cheap first pass to be scored in full. */
export const RERANK_DEPTH = 60;
/** Weight of a term matched only in an FAQ's answer, against a match in its question. */
export const ANSWER_FIELD_WEIGHT = 0.8;
/** Weight of a name found only in an FAQ pair's document lede, against a match in the pair itself. */
export const CONTEXT_WEIGHT = 0.6;
/**
 * Weight of any other question word found only in the lede of a unit's document: "the
 * governor of the central bank" is answered by "Governor Ortúzar said…" in an article whose
 * lede is about the central bank, and "when can I ring the tax helpline?" by "What are the
 * helpline opening hours?" in the FAQ of a report on tax returns.
 */
export const TOPIC_WEIGHT = 0.4;
/** Weight of a name or subject that a sentence only refers to by pronoun (Unit.antecedents). */
export const ANTECEDENT_WEIGHT = 0.7;
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
  /** For an FAQ pair, how close its question's meaning is to the visitor's (mean word vectors; 0 for sentences and without vectors). */
  meaning: number;
  /** Dice similarity of the whole question to the FAQ question (0 for sentences and lower-ranked FAQs). */
  fuzzy: number;
  /** 1 for a document's first sentence when the question asks what or who something is. */
  lede: number;
  /**
   * 1 when the unit says the opposite word of one the question asks about and does not match
   * ("When will the bridge close?" for "When did the bridge open?").
   */
  opposite: number;
  /** 1 when the unit does not match the question's head (see Query.head). */
  headless: number;
}

export interface Candidate {
  unit: Unit;
  /** 0..1: the evidence, capped at a perfect match. */
  score: number;
  /**
   * The evidence uncapped: orders candidates that all reach 1 ("where did the red pandas come
   * from" matches every FAQ question on the red pandas whole; the one that also asks where wins).
   */
  rank: number;
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
  seen: Uint8Array;
  touched: Int32Array;
  /** Per unit, the stamp of the last term that counted it (see gatherCandidates). */
  counted: Int32Array;
  stamp: number;
  heap: Int32Array;
  /**
   * By term id, for the current QueryPlan (see QueryPlan.info): the plan's stamp when it
   * holds the stem, and its slot in the plan's infos. Dense arrays instead of a Map by stem:
   * scoring a unit looks up each of its stems, and reading two typed arrays costs less than
   * hashing a string.
   */
  planStamps: Int32Array;
  planSlots: Int32Array;
  planStamp: number;
  /** By term id: the stamp of the last unit whose scoring claimed the stem (see QueryPlan.score). */
  claimedAt: Int32Array;
  claimStamp: number;
}
const scratches = new WeakMap<RetrievalIndex, Scratch>();

function scratchFor(index: RetrievalIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    const n = index.units.length;
    scratch = {
      totals: new Float64Array(n),
      seen: new Uint8Array(n),
      touched: new Int32Array(n),
      counted: new Int32Array(n),
      stamp: 0,
      heap: new Int32Array(RERANK_DEPTH),
      planStamps: new Int32Array(index.stemOf.length),
      planSlots: new Int32Array(index.stemOf.length),
      planStamp: 0,
      claimedAt: new Int32Array(index.stemOf.length),
      claimStamp: 0,
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

/**
 * Per question term, the term id of each of its expansions (-1: no text uses its stem):
 * looked up by stem once per question, then the posting lists and the scoring plan are
 * read by id.
 */
type ExpansionTerms = ReadonlyArray<readonly number[]>;

function expansionTerms(index: RetrievalIndex, query: Query): ExpansionTerms {
  return query.terms.map((term) => term.expansions.map((e) => index.termId(e.stem)));
}

/**
 * First pass: units sharing any expansion with the question, by weighted overlap; the best
 * `depth` unit indexes, highest total first (ties: lower index first).
 */
function gatherCandidates(index: RetrievalIndex, query: Query, ids: ExpansionTerms, scope: number | undefined, depth = RERANK_DEPTH): number[] {
  const scratch = scratchFor(index);
  const { totals, seen, touched, counted } = scratch;
  const unitDocs = index.unitDocs;
  let touchedCount = 0;
  const lists: Array<{ postings: Int32Array; strength: number }> = [];
  for (let t = 0; t < query.terms.length; t++) {
    const term = query.terms[t]!;
    lists.length = 0;
    for (let j = 0; j < term.expansions.length; j++) {
      const e = term.expansions[j]!;
      const id = ids[t]![j]!;
      for (let field = 0; field < 2; field++) {
        const postings = field === 0 ? index.main.ofTerm(id) : index.answer.ofTerm(id);
        if (!postings) continue;
        // A related word (not a spelling of the question's word) that thousands of units use
        // finds no candidate worth scoring but costs a long walk: it only scores (scoreUnit).
        if (postings.length > MAX_RELATED_POSTINGS && e.weight < 1 && (e.via === "synonym" || e.via === "compound")) continue;
        const strength = e.weight * (field === 0 ? 1 : ANSWER_FIELD_WEIGHT);
        if (strength > 0) lists.push({ postings, strength });
      }
    }
    // A unit counts for the term with its strongest list: walking the lists strongest first,
    // the first list that holds it is that one, and later lists skip it (stamped with the
    // term). Adding strength × weight to the running sum in term order gives the same floats
    // as a per-unit best strength per term.
    if (lists.length > 1) {
      sortByStrength(lists);
      if (++scratch.stamp === 0x7fffffff) {
        counted.fill(0);
        scratch.stamp = 1;
      }
    }
    const stamp = scratch.stamp;
    for (let l = 0; l < lists.length; l++) {
      const { postings, strength } = lists[l]!;
      const contribution = strength * term.weight;
      // Each list holds a unit once: only later lists of the term need the stamp.
      const last = l === lists.length - 1;
      for (let k = 0; k < postings.length; k++) {
        const u = postings[k]!;
        if (scope !== undefined && unitDocs[u] !== scope) continue;
        if (l > 0 && counted[u] === stamp) continue;
        if (!last) counted[u] = stamp;
        if (seen[u] === 0) {
          seen[u] = 1;
          touched[touchedCount++] = u;
        }
        totals[u] = totals[u]! + contribution;
      }
    }
  }
  const top = selectTop(scratch, touchedCount, depth);
  for (let k = 0; k < touchedCount; k++) {
    const u = touched[k]!;
    totals[u] = 0;
    seen[u] = 0;
  }
  return top;
}

/**
 * Sort a term's posting lists strongest first, keeping the order of equal strengths (as the
 * stable Array.prototype.sort did): an insertion sort, for the handful a term has, without a
 * comparator closure per question.
 */
function sortByStrength(lists: Array<{ postings: Int32Array; strength: number }>): void {
  for (let i = 1; i < lists.length; i++) {
    const list = lists[i]!;
    let j = i - 1;
    for (; j >= 0 && lists[j]!.strength < list.strength; j--) lists[j + 1] = lists[j]!;
    lists[j + 1] = list;
  }
}

/** True when unit a ranks below unit b: a lower total, or the same total and a higher index. */
function worse(totals: Float64Array, a: number, b: number): boolean {
  return totals[a]! < totals[b]! || (totals[a] === totals[b] && a > b);
}

/** Restore the heap order (its root is the worst kept unit) below `from`. */
function siftDown(totals: Float64Array, heap: Int32Array, size: number, from: number): void {
  let i = from;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < size && worse(totals, heap[l]!, heap[m]!)) m = l;
    if (r < size && worse(totals, heap[r]!, heap[m]!)) m = r;
    if (m === i) return;
    const t = heap[i]!;
    heap[i] = heap[m]!;
    heap[m] = t;
    i = m;
  }
}

/**
 * The best `depth` of the touched units by (total desc, index asc), sorted: a bounded heap
 * instead of sorting every touched unit (the order is total, so the result is the same).
 * (Its helpers are not closures: tsx names each closure made, a cost per question.)
 */
function selectTop(scratch: Scratch, count: number, depth: number): number[] {
  const { totals, touched } = scratch;
  const heap = depth <= scratch.heap.length ? scratch.heap : new Int32Array(depth);
  let size = 0;
  for (let k = 0; k < count; k++) {
    const u = touched[k]!;
    if (size < depth) {
      // Sift up: the heap's root is the worst kept unit.
      let i = size++;
      heap[i] = u;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!worse(totals, heap[i]!, heap[p]!)) break;
        const t = heap[i]!;
        heap[i] = heap[p]!;
        heap[p] = t;
        i = p;
      }
    } else if (depth > 0 && totals[u]! >= totals[heap[0]!]! && worse(totals, heap[0]!, u)) {
      // (Most units fall below the worst kept total: rejected by the first comparison.)
      heap[0] = u;
      siftDown(totals, heap, size, 0);
    }
  }
  const top: number[] = [];
  for (let k = 0; k < size; k++) top.push(heap[k]!);
  return top.sort((a, b) => totals[b]! - totals[a]! || a - b);
}

function computeDocumentCoverage(index: RetrievalIndex, query: Query, ids: ExpansionTerms, doc: number, total: number): number {
  if (total === 0) return 0;
  let covered = 0;
  for (let t = 0; t < query.terms.length; t++) {
    const term = query.terms[t]!;
    let best = 0;
    for (let j = 0; j < term.expansions.length; j++) {
      const e = term.expansions[j]!;
      if (e.weight <= best) continue;
      if (index.documentsWith.includesTerm(ids[t]![j]!, doc)) best = e.weight;
    }
    covered += best * term.weight;
  }
  return covered / total;
}

/** The stem a question term's expansion stands for, as the scoring plan indexes it. */
interface StemMatch {
  term: number;
  /** Position of the expansion in its term's list (ties keep the expansions' order). */
  order: number;
  weight: number;
  word: string;
  via: MatchVia;
}

/** What the scoring plan knows of one stem for one question. */
interface StemInfo {
  /** The question's expansions with this stem, in term then expansion order. */
  matches: StemMatch[];
  /** Related strength per term (word vectors); undefined when 0 for every term. */
  related: Float64Array | undefined;
  /** True once `related` is set for this stem. */
  relatedKnown: boolean;
  /** Bit t set when one of `matches` is for term t (terms 0..30; see QueryPlan.phraseBits). */
  termBits: number;
}
const NO_MATCHES: StemMatch[] = [];

/** True when one of a stem's matches is for term `t`. */
function matchesTerm(matches: readonly StemMatch[] | undefined, t: number): boolean {
  if (matches === undefined) return false;
  for (let k = 0; k < matches.length; k++) if (matches[k]!.term === t) return true;
  return false;
}

/** Terms that StemInfo.termBits holds (bits of a 32-bit integer, sign bit spared). */
const MAX_BIT_TERMS = 31;

/**
 * Bit a set for each bigram [a, a + 1] of the question, when every bigram is such a pair of
 * terms below MAX_BIT_TERMS, each a once (as analyzeQuery makes them): then the bigrams a
 * unit holds are found in one pass over its stems' termBits. -1 otherwise (one pass per bigram).
 */
function phraseBitsOf(query: Query): number {
  let bits = 0;
  let last = -1;
  for (const [a, b] of query.bigrams) {
    if (b !== a + 1 || b >= MAX_BIT_TERMS || a <= last) return -1;
    bits |= 1 << a;
    last = a;
  }
  return bits;
}

function bitCount(bits: number): number {
  let count = 0;
  for (let v = bits; v !== 0; v &= v - 1) count++;
  return count;
}

let matchedBuffer = new Float64Array(64);
/** A zeroed scratch buffer of at least `length` numbers (scoring is synchronous: one unit at a time; a fresh array per unit cost more). */
function matchedScratch(length: number): Float64Array {
  if (matchedBuffer.length < length) matchedBuffer = new Float64Array(Math.max(length, 2 * matchedBuffer.length));
  else matchedBuffer.fill(0, 0, length);
  return matchedBuffer;
}

/** Fields a term can be matched in (claimed separately: a stem may match in two fields). */
const MAIN = 0;
const ANSWER = 1;
const LINKED = 2;
type Field = typeof MAIN | typeof ANSWER | typeof LINKED;
/** Related-word options come after every expansion option of their term (see `order`). */
const RELATED_ORDER = 1 << 30;

/** One way a question term can match a stem of the unit. */
interface MatchOption {
  term: number;
  /** The stem's term id, and the stem. */
  id: number;
  stem: string;
  strength: number;
  field: Field;
  /** Position of the stem in the unit's array for the field. */
  pos: number;
  /**
   * Tie-break after strength, term and stem: expansion order (main, then answer or linked,
   * per expansion), then related words in the main field, then in the answer.
   */
  order: number;
  /** The document word it stands for; null for a related word (looked up if it is chosen). */
  word: string | null;
  via: MatchVia;
}

function byStrength(a: MatchOption, b: MatchOption): number {
  return b.strength - a.strength || a.term - b.term || (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0) || a.order - b.order;
}

/** Lists of options longer than this are sorted by Array.prototype.sort. */
const INSERTION_SORT_MAX = 32;

/**
 * Sort a unit's match options by byStrength. A unit has a handful: insertion sort, whose calls
 * to byStrength the JIT inlines, takes a third of the time Array.prototype.sort does at that
 * size. The order is the same: both sorts are stable.
 */
function sortOptions(options: MatchOption[]): void {
  if (options.length > INSERTION_SORT_MAX) {
    options.sort(byStrength);
    return;
  }
  for (let i = 1; i < options.length; i++) {
    const option = options[i]!;
    let j = i - 1;
    for (; j >= 0 && byStrength(options[j]!, option) > 0; j--) options[j + 1] = options[j]!;
    options[j + 1] = option;
  }
}

/** Per index: each unit's own content weight (sum of its stems' idf), computed on first use. */
const ownTotals = new WeakMap<RetrievalIndex, Float64Array>();

/**
 * Everything scoring needs from one question, computed once per question: its expansions
 * indexed by term id (so a unit costs one look-up per stem of its own, not a scan of its
 * stems per expansion) and the related-word strengths of each stem met.
 * A plan is valid until the next plan of the same index is made (its look-up table is the
 * index's scratch): ranking makes one per question and scores with it at once.
 */
class QueryPlan {
  /**
   * The question's expansions and related-word strengths of each stem that has either, found
   * by term id through the scratch's planStamps/planSlots. Holds every such stem when
   * `complete`; otherwise related strengths are added as stems are met (`related.of`).
   */
  private readonly infos: StemInfo[] = [];
  private readonly scratch: Scratch;
  private readonly stamp: number;
  private readonly complete: boolean;
  private readonly coverageByDoc = new Map<number, number>();
  private readonly ownTotals: Float64Array;
  /** Sum of the weights of the known terms (the same for every unit). */
  private readonly total: number;
  private readonly unknownFocus: boolean;
  /** By term: the opposite-word groups of each focus word (see contrast.ts); undefined when none has any. */
  private readonly opposites: Int32Array | undefined;
  /** By term: the calendar groups (months, weekdays) of each word, names too; undefined when none has any. */
  private readonly calendar: Int32Array | undefined;
  /** By term: the stem of each word with opposite-word or calendar groups. */
  private readonly oppositeStems: string[] = [];
  /** See phraseBitsOf. */
  private readonly phraseBits: number;

  constructor(
    private readonly index: RetrievalIndex,
    private readonly query: Query,
    private readonly ids: ExpansionTerms,
    private readonly related?: RelatedStrengths,
  ) {
    this.scratch = scratchFor(index);
    if (++this.scratch.planStamp === 0x7fffffff) {
      this.scratch.planStamps.fill(0);
      this.scratch.planStamp = 1;
    }
    this.stamp = this.scratch.planStamp;
    // Stems no unit uses have no term id, and nothing to match: they are left out.
    for (let t = 0; t < query.terms.length; t++) {
      const expansions = query.terms[t]!.expansions;
      for (let j = 0; j < expansions.length; j++) {
        const e = expansions[j]!;
        const id = ids[t]![j]!;
        if (id < 0) continue;
        const info = this.get(id) ?? this.add(id, { matches: [], related: undefined, relatedKnown: false, termBits: 0 });
        info.matches.push({ term: t, order: j, weight: e.weight, word: e.word, via: e.via });
        if (t < MAX_BIT_TERMS) info.termBits |= 1 << t;
      }
    }
    this.complete = !related || related.byTerm !== undefined;
    const byTerm = related?.byTerm;
    for (let t = 0; byTerm !== undefined && t < byTerm.length; t++) {
      const list = byTerm[t];
      if (!list) continue;
      for (let j = 0; j < list.terms.length; j++) {
        const id = list.terms[j]!;
        const info = this.get(id) ?? this.add(id, { matches: NO_MATCHES, related: undefined, relatedKnown: true, termBits: 0 });
        (info.related ??= new Float64Array(query.terms.length))[t] = list.strengths[j]!;
      }
    }
    this.phraseBits = phraseBitsOf(query);
    let total = 0;
    for (const term of query.terms) if (term.known) total += term.weight;
    this.total = total;
    this.unknownFocus = query.terms.some((t) => !t.known && !t.light && !t.name);
    let opposites: Int32Array | undefined;
    for (let t = 0; t < query.terms.length; t++) {
      const term = query.terms[t]!;
      // Words the documents never use too: "cat" asks about another thing than their "dog".
      if (term.light || term.name) continue;
      const groups = oppositeGroups(term.word);
      if (groups === 0) continue;
      (opposites ??= new Int32Array(query.terms.length))[t] = groups;
      this.oppositeStems[t] = term.stem;
    }
    this.opposites = opposites;
    let calendar: Int32Array | undefined;
    for (let t = 0; t < query.terms.length; t++) {
      const term = query.terms[t]!;
      if (term.light) continue;
      const groups = calendarGroups(term.word);
      if (groups === 0) continue;
      (calendar ??= new Int32Array(query.terms.length))[t] = groups;
      this.oppositeStems[t] = term.stem;
    }
    this.calendar = calendar;
    let totals = ownTotals.get(index);
    if (!totals) ownTotals.set(index, (totals = new Float64Array(index.units.length).fill(Number.NaN)));
    this.ownTotals = totals;
  }

  /** What the plan holds of a stem (by term id), if anything. */
  private get(id: number): StemInfo | undefined {
    return this.scratch.planStamps[id] === this.stamp ? this.infos[this.scratch.planSlots[id]!] : undefined;
  }

  private add(id: number, info: StemInfo): StemInfo {
    this.scratch.planStamps[id] = this.stamp;
    this.scratch.planSlots[id] = this.infos.length;
    this.infos.push(info);
    return info;
  }

  /** A stem's expansions and related strengths (undefined: neither). */
  private info(id: number, withRelated: boolean): StemInfo | undefined {
    const info = this.get(id);
    if (this.complete || !withRelated || info?.relatedKnown) return info;
    const related = this.related!.of(this.index.stemOf[id]!);
    if (info) {
      info.related = related;
      info.relatedKnown = true;
      return info;
    }
    return this.add(id, { matches: NO_MATCHES, related, relatedKnown: true, termBits: 0 });
  }

  private documentCoverage(doc: number): number {
    let value = this.coverageByDoc.get(doc);
    if (value === undefined) this.coverageByDoc.set(doc, (value = computeDocumentCoverage(this.index, this.query, this.ids, doc, this.total)));
    return value;
  }

  private ownTotal(unit: Unit): number {
    let total = this.ownTotals[unit.index]!;
    if (Number.isNaN(total)) {
      const { offsets, ids } = this.index.unitTerms.main;
      const idfs = this.index.idfOfTerm;
      total = 0;
      for (let k = offsets[unit.index]!; k < offsets[unit.index + 1]!; k++) total += idfs[ids[k]!]!;
      this.ownTotals[unit.index] = total;
    }
    return total;
  }

  /** Every way a question term can match a stem of one field of the unit (the unit's term ids in `terms`). */
  private collect(
    options: MatchOption[],
    terms: UnitTerms,
    unit: number,
    field: Field,
    weight: number,
    withRelated: boolean,
  ): void {
    const from = terms.offsets[unit]!;
    const to = terms.offsets[unit + 1]!;
    for (let k = from; k < to; k++) {
      const id = terms.ids[k]!;
      const info = this.info(id, withRelated);
      if (!info) continue;
      const stem = this.index.stemOf[id]!;
      const pos = k - from;
      for (const m of info.matches) {
        options.push({ term: m.term, id, stem, strength: m.weight * weight, field, pos, order: 3 * m.order + field, word: m.word, via: m.via });
      }
      // Related words by meaning (word vectors), weaker than any spelling of the word itself.
      const strengths = withRelated ? info.related : undefined;
      if (strengths) {
        for (let t = 0; t < strengths.length; t++) {
          const strength = strengths[t]! * weight;
          if (strength > 0) options.push({ term: t, id, stem, strength, field, pos, order: RELATED_ORDER + field, word: null, via: "related" });
        }
      }
    }
  }

  /**
   * True when the unit's own text (an FAQ's question, a sentence) holds, unmatched, the
   * opposite of a focus word the unit does not match well: it asks or says the other thing.
   * `opposites` holds each term's groups (opposite words, or months and weekdays), and
   * `groupsOfStem` a unit stem's groups of the same kind.
   */
  private saysOpposite(assigned: ReadonlyArray<MatchOption | undefined>, from: number, length: number, matchedMain: Float64Array, opposites: Int32Array, groupsOfStem: (stem: string) => number): boolean {
    const { ids } = this.index.unitTerms.main;
    for (let t = 0; t < opposites.length; t++) {
      const groups = opposites[t]!;
      // (A match in the linked sentence does not count: the pair itself says the other word.)
      const own = assigned[t];
      if (groups === 0 || (own !== undefined && own.strength >= OPPOSITE_MATCHED && own.field !== LINKED)) continue;
      for (let k = 0; k < length; k++) {
        if (matchedMain[k]! > 0) continue;
        const unitStem = this.index.stemOf[ids[from + k]!]!;
        if ((groupsOfStem(unitStem) & groups) !== 0 && !sameWordFamily(unitStem, this.oppositeStems[t]!)) return true;
      }
    }
    return false;
  }

  /** Score one unit: the features and their combination (`meaning` for an FAQ pair, when vectors are loaded). */
  score(unit: Unit, fuzzy: number, meaning?: number): Candidate {
    const { index, query } = this;
    const terms = query.terms;
    const faq = unit.kind === "faq";
    // Every way a question term can match a stem of the unit, strongest first; then each term
    // and each unit stem is used once, so "work → line (synonym)" cannot count a stem that
    // "line" already matched exactly.
    const options: MatchOption[] = [];
    const withRelated = this.related !== undefined;
    const { main, sequence, answer, linked } = index.unitTerms;
    const u = unit.index;
    const mainFrom = main.offsets[u]!;
    const mainLength = main.offsets[u + 1]! - mainFrom;
    this.collect(options, main, u, MAIN, 1, withRelated);
    if (faq) {
      this.collect(options, answer, u, ANSWER, answerFieldWeight(answer.offsets[u + 1]! - answer.offsets[u]!), withRelated);
      this.collect(options, linked, u, LINKED, LINKED_WEIGHT, false);
    }
    sortOptions(options);
    const assigned: Array<MatchOption | undefined> = new Array(terms.length);
    // Each unit stem is used once, and a stem claimed in one field is claimed in all: "built"
    // must not match the "bridge" of an FAQ's answer (related words) when "bridge" already
    // matched its question. (A field's stems are distinct: a stem stands for its position.)
    const claimedAt = this.scratch.claimedAt;
    if (++this.scratch.claimStamp === 0x7fffffff) {
      claimedAt.fill(0);
      this.scratch.claimStamp = 1;
    }
    const claim = this.scratch.claimStamp;
    /** Strength each main-field stem was matched with (0: not matched). */
    const matchedMain = matchedScratch(mainLength);
    let assignedCount = 0;
    for (const option of options) {
      // An abbreviation stands for every word of its name: "KADA" matches "Kestrian",
      // "Anti-Doping" and "Agency" at once (see addAbbreviations in query.ts).
      const shared = option.via === "acronym";
      if (assigned[option.term] || (!shared && claimedAt[option.id] === claim)) continue;
      assigned[option.term] = option;
      if (!shared) claimedAt[option.id] = claim;
      if (option.field === MAIN) matchedMain[option.pos] = option.strength;
      if (++assignedCount === terms.length) break;
    }

    let covered = 0;
    let focusTotal = 0;
    let focusCovered = 0;
    const matches: TermMatch[] = [];
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      const option = assigned[t];
      let strength = option?.strength ?? 0;
      let field: TermMatch["field"] = option ? (option.field === ANSWER ? "answer" : option.field === LINKED ? "linked" : faq ? "question" : "sentence") : null;
      let matched = option ? (option.word ?? index.surface.get(option.stem) ?? option.stem) : null;
      let via = option?.via ?? null;
      // A name an FAQ question leaves out because its whole document is about it ("the
      // museum's opening hours" in the Maritime Museum's FAQ): the unit inherits the words of
      // its document's lede, at a discount (CONTEXT_WEIGHT for a name in an FAQ pair, TOPIC_WEIGHT else).
      const inherit = faq && term.name ? CONTEXT_WEIGHT : TOPIC_WEIGHT;
      if (!option) {
        // A person or subject a sentence refers to by pronoun ("She said she had written to
        // Ofwat", "It has a wide range of functions").
        if (unit.antecedents.length > 0 && ANTECEDENT_WEIGHT > strength) {
          for (const e of term.expansions) {
            if (e.weight === 1 && unit.antecedents.includes(e.stem)) {
              strength = ANTECEDENT_WEIGHT;
              field = "document";
              matched = e.word;
              via = e.via;
            }
          }
        }
        const lede = index.ledes[unit.doc]!;
        for (const e of term.expansions) {
          // A misspelling of a lede word inherits it too, as much as it is trusted.
          const inherited = e.weight === 1 ? inherit : e.via === "fuzzy" || e.via === "phonetic" ? inherit * e.weight : 0;
          if (inherited > strength && lede.has(e.stem)) {
            strength = inherited;
            field = "document";
            matched = e.word;
            via = e.via;
          }
        }
      }
      // Words no document uses are left to the confidence's unknown-term penalty, not counted twice.
      if (term.known) covered += term.weight * strength;
      if (!term.name && term.known) {
        focusTotal += term.weight;
        focusCovered += term.weight * strength;
      }
      matches.push({ term: term.word, matched, via, field, strength });
    }
    const total = this.total;
    const ownTotal = this.ownTotal(unit);
    let ownCovered = 0;
    for (let k = 0; k < mainLength; k++) {
      // Unmatched stems add 0: skipping them leaves the same sum.
      if (matchedMain[k]! > 0) ownCovered += index.idfOfTerm[main.ids[mainFrom + k]!]! * matchedMain[k]!;
    }
    let phrase = 0;
    if (query.bigrams.length > 0) {
      const sequenceFrom = sequence.offsets[u]!;
      const sequenceLength = sequence.offsets[u + 1]! - sequenceFrom;
      // A sequence as long as the distinct stems has no repeats: it is the same list, and
      // positions agree (the main field's is read then).
      const same = sequenceLength === mainLength;
      const ids = same ? main.ids : sequence.ids;
      const from = same ? mainFrom : sequenceFrom;
      if (this.phraseBits >= 0) {
        // Bit a of `found`: some stem matching term a is followed by one matching term a + 1.
        let found = 0;
        let previous = 0;
        for (let k = 0; k < sequenceLength; k++) {
          const bits = this.get(ids[from + k]!)?.termBits ?? 0;
          found |= previous & (bits >>> 1);
          previous = bits;
        }
        phrase = bitCount(found & this.phraseBits);
      } else {
        for (const [a, b] of query.bigrams) {
          for (let k = 0; k + 1 < sequenceLength; k++) {
            if (matchesTerm(this.get(ids[from + k]!)?.matches, a) && matchesTerm(this.get(ids[from + k + 1]!)?.matches, b)) {
              phrase++;
              break;
            }
          }
        }
      }
      phrase /= query.bigrams.length;
    }
    let answerType = 1;
    if (query.answerType !== "none") {
      /** Every stem the question gives, in either field (for "a name the question does not give": only names and organisations are looked up). */
      let given: ReadonlySet<string> = NO_STEMS;
      if (unit.names.length > 0 || (unit.answerTypes & ORGANISATION_BIT) !== 0) {
        const stems = new Set<string>();
        for (const option of assigned) if (option) stems.add(option.stem);
        given = stems;
      }
      answerType = answerTypeFit(query.answerType, unit, given);
      const text = unit.kind === "faq" ? unit.faq!.answer : unit.sentence!.text;
      // "Where is Aarav Menon from?" is not answered by where he is now.
      if (query.origin && answerType > 0 && !ORIGIN.test(text)) answerType = 0;
      // "How long does the scan take?" is not answered by a length ("a 14-metre unit"), unless
      // an FAQ pair asks how long itself.
      if (query.elapsed && answerType > 0 && unit.questionType !== "duration" && (unit.answerTypes & TYPE_BITS.duration) === 0) answerType = 0;
      // "How long has the zoo had snow leopards?" — "…has kept snow leopards since 1988".
      if (query.untilNow && answerType === 0 && SINCE.test(text)) answerType = 1;
      // "How did the council vote?" wants the tally ("by 31 votes to 12"), not any number.
      if (query.tally && answerType > 0 && !VOTE_TALLY.test(text)) answerType = 0;
      // "Where…?" is answered by a place a sentence puts something in, at, near or from ("…will
      // have its headquarters in Pellington"); a name alone fits half as well.
      if (query.answerType === "place" && unit.kind === "sentence" && answerType === 1 && !LOCATIVE.test(text)) answerType = WEAK_PLACE_FIT;
    }
    const features: Features = {
      coverage: total > 0 ? covered / total : 0,
      // With no known non-name word, the focus is the names, unless the question has words the
      // documents never use ("Is Kim married?"): then its focus is something they do not hold.
      focusCoverage: focusTotal > 0 ? focusCovered / focusTotal : this.unknownFocus ? 0 : total > 0 ? covered / total : 0,
      precision: ownTotal > 0 ? ownCovered / ownTotal : 0,
      documentCoverage: this.documentCoverage(unit.doc),
      phrase,
      answerType,
      fuzzy,
      // (Every field always set, in one order: one object shape for the JIT.)
      meaning: meaning ?? 0,
      lede: query.definition && unit.kind === "sentence" && index.ledeUnits[unit.doc] === unit.index ? 1 : 0,
      // An FAQ question about another month or day than the one asked ("When is the May half
      // term?" for "…the October half term?") asks about another thing too.
      opposite:
        (this.opposites && this.saysOpposite(assigned, mainFrom, mainLength, matchedMain, this.opposites, oppositeGroupsOfStem)) ||
        (faq && this.calendar && this.saysOpposite(assigned, mainFrom, mainLength, matchedMain, this.calendar, calendarGroupsOfStem))
          ? 1
          : 0,
      headless: query.head >= 0 && (assigned[query.head]?.strength ?? 0) < HEAD_MATCHED ? 1 : 0,
    };
    const evidence = combine(unit, features);
    return { unit, score: Math.min(1, evidence), rank: evidence, features, matches };
  }
}

/** Score one unit against the question: the features and their combination. */
export function scoreUnit(
  index: RetrievalIndex,
  query: Query,
  unit: Unit,
  fuzzy: number,
  related?: RelatedStrengths,
): Candidate {
  return new QueryPlan(index, query, expansionTerms(index, query), related).score(unit, fuzzy);
}

const NO_STEMS: ReadonlySet<string> = new Set();

/** Answer types close enough that an FAQ asking one answers the other. */
const COMPATIBLE_TYPES: ReadonlyArray<ReadonlySet<AnswerType>> = [new Set(["number", "money"]), new Set(["person", "place"])];

/**
 * 1 when the unit can answer the kind of question asked, else 0. An FAQ pair whose own
 * question asks for another kind ("When…?" for "How much…?") does not fit, whatever its
 * answer holds; otherwise the text must carry the kind (a date for "when", a sum for "how much").
 */
export function answerTypeFit(asked: AnswerType, unit: Unit, given: ReadonlySet<string> = NO_STEMS): number {
  if (asked === "none") return 1;
  // "Who…?"/"Where…?" want a name the question does not already give.
  const newName = unit.names.some((n) => !given.has(n));
  if (unit.kind === "faq" && unit.questionType !== "none") {
    if (unit.questionType === asked) return 1;
    if (COMPATIBLE_TYPES.some((set) => set.has(asked) && set.has(unit.questionType))) return 1;
    // "When does the bridge close?" answered "It closes for 11 weeks from May 6": a pair that
    // asks for one quantity (a time, a number…) and states the one asked for answers too.
    // (A little less than a pair that asks the very kind: "monthly pass" in a pair on fares is
    // not how often trams run.)
    // Likewise a pair that asks where, who or why and states the amount asked for ("How much
    // is parking near the market?" — "Where can I park?": "…costs £1.50 for three hours"); not
    // a date, which answers of every kind give in passing.
    const statesToo = STRICT_TYPES.has(unit.questionType) || (asked !== "time" && unit.questionType !== "yesno" && unit.questionType !== "definition");
    if (STRICT_TYPES.has(asked) && statesToo && (unit.answerTypes & strictBits(asked)) !== 0) return STATED_TYPE_FIT;
    return 0;
  }
  if (asked === "person") return unit.people.some((n) => !given.has(n)) || namesNewOrganisation(unit, given) ? 1 : 0;
  if (asked === "place") return newName && (unit.answerTypes & TYPE_BITS.place) !== 0 ? 1 : 0;
  return (unit.answerTypes & strictBits(asked)) !== 0 ? 1 : 0;
}

/** True when the unit names an organisation the question does not ("Who is paying?" — "the Ardent Foundation"). */
function namesNewOrganisation(unit: Unit, given: ReadonlySet<string>): boolean {
  if ((unit.answerTypes & ORGANISATION_BIT) === 0) return false;
  const text = unit.kind === "faq" ? unit.faq!.answer : unit.sentence!.text;
  return organisationWords(text).some((words) => words.some((w) => !given.has(stem(w))));
}

/** A text that says where someone or something comes from: "from Leicester", "born in Pune", "a native of Cork", "Leeds-born". */
const ORIGIN = /\bfrom\s+(?:the\s+)?\p{Lu}|\bborn\s+(?:in|at)\b|\bnative\s+of\b|\p{Lu}\p{L}+-born\b|\bhails?\s+from\b|\bgrew\s+up\s+in\b/u;

/** A start that a span up to now is counted from: "since 1988", "since the 1990s", "dates back to 2008". */
const SINCE = /\bsince\s+(?:(?:the\s+)?(?:early\s+|mid-?|late\s+)?\d{4}s?|(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)|\bdates?\s+back\s+to\b|\bback\s+to\s+(?:the\s+)?\d{4}|\b(?:for|over)\s+(?:the\s+)?(?:past\s+|last\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|several|many)\s+(?:years|decades|months|weeks)\b|\b\d+-year\s+(?:history|career|tenure|run)\b/i;

/** A preposition of place before a name, a few lower-case words between at most ("in Pellington", "from the Brask Spaceport", "to an anaerobic digestion plant near Selby"). */
const LOCATIVE = /\b(?:in|at|near|from|to|into|outside|inside|on|off|across|along|behind|beside|opposite|towards|via|within|around|between|through|by)\s+(?:[a-z][\w'-]*\s+){0,4}?\p{Lu}/u;
/** The answerType fit of a sentence that names a place without a preposition of place (see LOCATIVE). */
const WEAK_PLACE_FIT = 0.5;

/** answerTypeFit of an FAQ pair that asks for another quantity but states the one asked for. */
export const STATED_TYPE_FIT = 0.8;

/** The TYPE_BITS that satisfy an asked type ("How long is the line?" may ask for a length as well as a duration). */
function strictBits(asked: Exclude<AnswerType, "none">): number {
  return asked === "duration" ? TYPE_BITS.duration | TYPE_BITS.distance : TYPE_BITS[asked];
}

/**
 * The evidence for a unit from its features: 1 for a perfect match (an FAQ pair can exceed
 * it; the score caps it at 1). The weights were set on the project's own
 * question sets (tests/fixtures) and checked on the dev set; see README "How answers are chosen".
 */
export function combine(unit: Unit, f: Features): number {
  let factor = f.opposite ? OPPOSITE_FACTOR : 1;
  if (f.headless) factor *= HEADLESS_FACTOR;
  return factor * combineMatch(unit, f);
}

/** The question's head counts as matched from this strength (a synonym, not a related word). */
const HEAD_MATCHED = 0.5;
/** The evidence a unit keeps without the question's head (see Features.headless). */
export const HEADLESS_FACTOR = 0.75;

/** Stems of one word family within an opposite-word group: "lose" and "loss", "high" and "higher". */
function sameWordFamily(a: string, b: string): boolean {
  return a.slice(0, 3) === b.slice(0, 3);
}

export const ANSWER_REFERENCE_LENGTH = 15;
/**
 * The weight of a match in an FAQ answer of `length` distinct stems: a long answer uses many
 * words in passing, so each of its matches is weaker evidence (as in BM25's length
 * normalization); up to ANSWER_REFERENCE_LENGTH stems, the full ANSWER_FIELD_WEIGHT.
 */
export function answerFieldWeight(length: number): number {
  return length <= ANSWER_REFERENCE_LENGTH ? ANSWER_FIELD_WEIGHT : ANSWER_FIELD_WEIGHT * Math.sqrt(ANSWER_REFERENCE_LENGTH / length);
}

/** A focus word matched at least this well is answered, whatever opposite word the unit also holds. */
const OPPOSITE_MATCHED = 0.5;
/** The evidence an opposite word leaves a unit (see Features.opposite). */
export const OPPOSITE_FACTOR = 0.7;

function combineMatch(unit: Unit, f: Features): number {
  // Both kinds reach 1 for a perfect match; an FAQ question is short, so precision and
  // whole-string similarity mean more for it than for a long sentence.
  if (unit.kind === "faq") {
    return MEANING_WEIGHT * f.meaning + 0.55 * f.coverage + 0.15 * f.precision + 0.05 * f.fuzzy + 0.1 * f.documentCoverage + 0.05 * f.phrase + 0.1 * f.answerType * f.coverage;
  }
  const score = 0.6 * f.coverage + 0.05 * f.precision + 0.1 * f.documentCoverage + 0.05 * f.phrase + 0.2 * f.answerType * f.coverage + LEDE_BONUS * f.lede * f.coverage;
  return isFragment(unit.sentence!.text) ? FRAGMENT_FACTOR * score : score;
}

/**
 * For "What is X?", a document's lede sentence (ledeSentenceOf) is the likelier answer among
 * sentences that match alike: it says what the document's subject is. Scaled by coverage.
 */
export const LEDE_BONUS = 0.05;

/** Weight of an FAQ question's meaning-similarity to the visitor's (see SemanticMatcher.questionSimilarity). */
export const MEANING_WEIGHT = 0.3;

/** FAQ pairs nearest in meaning added to the candidates (see SemanticMatcher.nearestPairs). */
const NEAREST_PAIRS = 3;

/** FAQ candidates compared as whole strings (a small, fixed cost per question). */
const FUZZY_DEPTH = 5;

/**
 * The question's bigrams are made in this buffer (one question at a time; a longer one gets
 * its own array): a typed array of this size made per question is allocated off the heap.
 */
const questionBigrams = new Uint32Array(512);

/**
 * Whole-string similarity of the question to the best-placed FAQ questions: natural's Dice
 * coefficient over character bigrams of the normalized texts, which forgives typos and
 * word order at a few microseconds a pair.
 */
function wholeQuestionSimilarity(key: string, units: readonly Unit[]): Map<number, number> {
  const result = new Map<number, number>();
  let seen = 0;
  let own: Uint32Array | undefined;
  for (const unit of units) {
    if (unit.kind !== "faq") continue;
    if (seen++ >= FUZZY_DEPTH) break;
    result.set(unit.index, diceOfBigrams((own ??= diceBigrams(key, questionBigrams)), faqBigrams(unit.key)));
  }
  return result;
}

/*
 * natural's DiceCoefficient, split so each side's bigram set is built once: the question's
 * once per question, an FAQ question's once per knowledge base (bounded cache). Same
 * sanitizing, padding and formula as natural/lib/natural/distance/dice_coefficient.js, so
 * the same values to the bit (including NaN for two empty strings). A bigram (two UTF-16
 * code units, as natural slices them) is kept as one number, not a two-letter string, and a
 * set of them as a sorted array without repeats: counting the shared ones is then one merge,
 * with no hashing.
 */
function diceBigrams(text: string, buffer?: Uint32Array): Uint32Array {
  // (natural strips the ends with /^\s+|\s+$/g, which is what trim does.) An exact-match key
  // (lower-case words joined by single spaces) is mostly sanitized already: then it is kept.
  const sanitized = isSanitized(text) ? text : text.toLowerCase().replace(/\s+/g, " ").trim();
  const padded = sanitized.length === 1 ? sanitized + " " : sanitized;
  const count = Math.max(0, padded.length - 1);
  const grams = buffer && buffer.length >= count ? buffer.subarray(0, count) : new Uint32Array(count);
  for (let i = 0; i < grams.length; i++) grams[i] = padded.charCodeAt(i) * 0x10000 + padded.charCodeAt(i + 1);
  grams.sort();
  let distinct = 0;
  for (let i = 0; i < grams.length; i++) if (distinct === 0 || grams[i] !== grams[distinct - 1]) grams[distinct++] = grams[i]!;
  return grams.subarray(0, distinct);
}

/**
 * True when text.toLowerCase().replace(/\s+/g, " ").trim() is the text itself: ASCII without
 * capitals or white space other than single inner spaces.
 */
function isSanitized(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || (code >= 65 && code <= 90) || (code >= 9 && code <= 13)) return false;
    if (code === 32 && (i === 0 || i === text.length - 1 || text.charCodeAt(i - 1) === 32)) return false;
  }
  return true;
}

function diceOfBigrams(a: Uint32Array, b: Uint32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return (2 * shared) / (a.length + b.length);
}

const faqBigramCache = new Map<string, Uint32Array>();
const FAQ_BIGRAM_CACHE_LIMIT = 5_000;

function faqBigrams(key: string): Uint32Array {
  let bigrams = faqBigramCache.get(key);
  if (!bigrams) {
    if (faqBigramCache.size >= FAQ_BIGRAM_CACHE_LIMIT) faqBigramCache.clear();
    faqBigramCache.set(key, (bigrams = diceBigrams(key)));
  }
  return bigrams;
}

/** Rank the units of the index (or of one document) for a question, best first. */
export function rank(index: RetrievalIndex, query: Query, scope?: number, semantic?: SemanticMatcher): Candidate[] {
  const ids = expansionTerms(index, query);
  const gathered = gatherCandidates(index, query, ids, scope);
  const meaning = semantic?.questionSimilarity(query);
  // The FAQ pairs nearest in meaning, whatever words they share with the question.
  if (meaning) for (const u of semantic!.nearestPairs(meaning, scope, NEAREST_PAIRS, gathered)) if (!gathered.includes(u)) gathered.push(u);
  const top = gathered.map((u) => index.units[u]!);
  const fuzzy = wholeQuestionSimilarity(query.key, top);
  const plan = new QueryPlan(index, query, ids, semantic?.forQuery(query));
  const candidates = top.map((unit) =>
    // An FAQ question that means the same as the visitor's, in other words.
    plan.score(unit, fuzzy.get(unit.index) ?? 0, meaning && unit.kind === "faq" ? meaning(unit.index) : undefined),
  );
  sortCandidates(candidates);
  return candidates;
}

/**
 * Sort candidates by byScore: an insertion sort (at most RERANK_DEPTH of them), whose calls to
 * byScore the JIT inlines. byScore is a total order (ties end on the unit index), so every
 * sort gives the same order.
 */
function sortCandidates(candidates: Candidate[]): void {
  for (let i = 1; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    let j = i - 1;
    for (; j >= 0 && byScore(candidates[j]!, candidate) > 0; j--) candidates[j + 1] = candidates[j]!;
    candidates[j + 1] = candidate;
  }
}

/** Best first: by score, then by uncapped evidence, then by position in the knowledge base. */
export function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || b.rank - a.rank || a.unit.index - b.unit.index;
}
