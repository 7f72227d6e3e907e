/**
 * The answering core: a question and a KnowledgeBase in, one Answer out. Pure and
 * synchronous; the edges (CLI, HTTP, socket) only call `answerQuestion`.
 */
import type { KnowledgeBase } from "../knowledge/knowledge-base.ts";
import { UnknownDocumentError } from "../errors.ts";
import type { RetrievalIndex, Unit } from "../retrieval/index-builder.ts";
import { YES_NO_QUESTION } from "../retrieval/features.ts";
import { analyzeQuery, questionProper, type Query } from "../retrieval/query.ts";
import { STATED_TYPE_FIT, byScore, rank, type Candidate } from "../retrieval/rank.ts";
import { CONFIDENCE_BANDS, LEDE_FACTOR, MAX_CONFIDENCE_GAIN, asksCount, asksOtherTimeFrame, namesPersonInRole, namesThingOfKind, calibrateStory, confidenceOf, countsHead, saysOtherYear, unknownTerms } from "./confidence.ts";
import { smalltalkIntent, smalltalkReply } from "./smalltalk.ts";
import { MAX_FUZZY_POOL, closestQuestions } from "./suggest.ts";
import type { Answer, AnswerSource, AskOptions } from "./types.ts";

export type { Answer, AnswerKind, AnswerSource, AskOptions } from "./types.ts";
export { CONFIDENCE_BANDS } from "./confidence.ts";

/** Suggestions offered with an answer or a fallback. */
export const MAX_SUGGESTIONS = 3;
/** Sources listed with an answer (the chosen one first). */
export const MAX_SOURCES = 3;
/** A sentence answer wins over an FAQ answer only when it scores this much higher: FAQ answers are written to be answers. */
export const FAQ_PREFERENCE = 0.2;
/** FAQ confidence from which the FAQ pair gets the whole preference (half of it below). */
export const FULL_PREFERENCE_FROM = 0.65;
/** How many of the best sentences compete on confidence. */
export const SENTENCE_CHOICE_DEPTH = 3;
/** Soft bonus for the document of the previous answer (conversation context). */
export const CONTEXT_BONUS = 0.05;

export const FALLBACK_TEXT =
  "Sorry, I couldn't find the answer to that in the documents I have. Try rephrasing, or pick one of the questions below.";
const EMPTY_TEXT = "Please type a question.";

/** Why an answer was chosen: the query analysis and the ranked candidates with their features. */
export interface Explanation {
  query: Query;
  candidates: Candidate[];
  /** The candidate the answer was chosen from (also when its confidence led to a fallback). */
  chosen?: Candidate;
  unknownTerms: string[];
}

function source(candidate: Candidate, score: number): AnswerSource {
  const unit = candidate.unit;
  return unit.kind === "faq"
    ? { document: unit.faq!.document, type: "faq", text: unit.faq!.question, score }
    : { document: unit.sentence!.document, type: "sentence", text: unit.sentence!.text, score };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function scopeOf(kb: KnowledgeBase, options: AskOptions): number | undefined {
  if (options.document === undefined) return undefined;
  const doc = kb.index.documentIndex.get(options.document);
  if (doc === undefined) throw new UnknownDocumentError(options.document);
  return doc;
}

/** FAQ questions to offer: the best-ranked FAQ candidates, else the first FAQs in scope. */
function suggestionsFrom(kb: KnowledgeBase, candidates: readonly Candidate[], exclude: string | null, scope?: number): string[] {
  const seen = new Set<string>(exclude ? [exclude] : []);
  const out: string[] = [];
  for (const c of candidates) {
    if (out.length >= MAX_SUGGESTIONS) break;
    if (c.unit.kind !== "faq" || c.score < 0.15) continue;
    const q = c.unit.faq!.question;
    if (!seen.has(q)) {
      seen.add(q);
      out.push(q);
    }
  }
  // Within a scope, its own FAQs (not a scan of every FAQ of a large knowledge base).
  for (const faq of scope !== undefined ? kb.index.documents[scope]!.faqs : kb.faqs) {
    if (out.length >= MAX_SUGGESTIONS) break;
    if (!seen.has(faq.question)) {
      seen.add(faq.question);
      out.push(faq.question);
    }
  }
  return out;
}

/**
 * Suggestions for a fallback: the FAQ questions most like the visitor's words (Fuse.js), then
 * the best-ranked candidates and the first FAQs in scope.
 */
function fallbackSuggestions(kb: KnowledgeBase, question: string, candidates: readonly Candidate[], scope?: number): string[] {
  // The candidates' FAQ questions, and within a scope its own: never the whole knowledge base.
  const pool = candidates.filter((c) => c.unit.kind === "faq").map((c) => c.unit.faq!.question);
  if (scope !== undefined) {
    for (const faq of kb.index.documents[scope]!.faqs) {
      if (pool.length >= MAX_FUZZY_POOL) break;
      pool.push(faq.question);
    }
  }
  const closest = closestQuestions(question, pool, MAX_SUGGESTIONS);
  const rest = suggestionsFrom(kb, candidates, null, scope).filter((q) => !closest.includes(q));
  return [...closest, ...rest].slice(0, MAX_SUGGESTIONS);
}

/** Rank with context: the previous answer's document gets a small bonus. */
function rankWithContext(kb: KnowledgeBase, query: Query, options: AskOptions, scope: number | undefined): Candidate[] {
  const candidates = rank(kb.index, query, scope, kb.semantic);
  const preferred = options.preferDocument !== undefined ? kb.index.documentIndex.get(options.preferDocument) : undefined;
  if (preferred === undefined) return candidates;
  return candidates
    .map((c) => (c.unit.doc === preferred ? { ...c, score: Math.min(1, c.score + CONTEXT_BONUS), rank: c.rank + CONTEXT_BONUS } : c))
    .sort(byScore);
}

/** How many of the best-ranked FAQ pairs compete on confidence. */
export const FAQ_CHOICE_DEPTH = 2;
/** How deep a pair that asks the visitor's kind of question may be ranked and still compete. */
const TYPED_FAQ_CHOICE_DEPTH = 4;

/** Among the best few FAQ pairs, one that asks the visitor's very kind of question counts this much more ("How much does it cost?" for "what's the price…"). */
export const SAME_KIND_CHOICE = 1.2;

/** Among the best few FAQ pairs, one that asks yes or no counts this much more for a visitor's yes/no question ("is it compulsory…?" takes "Do I need a licence?" over "How do I apply?"). */
export const YES_NO_CHOICE = 1.1;

/** How an FAQ option ranks in choose: its confidence, more for a pair that asks the visitor's kind. */
function choiceWeight(query: Query, option: { best: Candidate; confidence: number }): number {
  const type = option.best.unit.questionType;
  if (query.answerType !== "none") return type === query.answerType ? option.confidence * SAME_KIND_CHOICE : option.confidence;
  return type === "yesno" && YES_NO_QUESTION.test(query.text) ? option.confidence * YES_NO_CHOICE : option.confidence;
}

/** A candidate with its confidence. (Not a closure in choose: tsx names each closure made, a cost per question.) */
function scored(index: RetrievalIndex, query: Query, c: Candidate): { best: Candidate; confidence: number } {
  return { best: c, confidence: confidenceOf(query, c, index) };
}

/**
 * Choose between the best FAQ pair and the best sentence, by confidence (so an FAQ that
 * asks another kind of question loses to a sentence that holds the kind asked for).
 */
function choose(index: RetrievalIndex, query: Query, candidates: readonly Candidate[]): { best: Candidate; confidence: number } | undefined {
  // Of the best few FAQ pairs, the most confident, one that asks the visitor's very kind of
  // question counting SAME_KIND_CHOICE more: a close second that asks it ("How much are
  // tickets?") beats a first that asks another ("When does it close?").
  let f: { best: Candidate; confidence: number } | undefined;
  let seen = 0;
  for (const c of candidates) {
    if (c.unit.kind !== "faq") continue;
    const rank = seen++;
    if (rank >= TYPED_FAQ_CHOICE_DEPTH) break;
    // Further down, only pairs that ask the visitor's very kind ("Why…?" for "why the strike?").
    if (rank >= FAQ_CHOICE_DEPTH && (query.answerType === "none" || c.unit.questionType !== query.answerType)) continue;
    const option = scored(index, query, c);
    if (!f || choiceWeight(query, option) > choiceWeight(query, f)) f = option;
  }
  // Of the best few sentences, likewise the most confident: the confidence knows what the
  // score does not ("How many beams…?" wants a number just before "beams"). Its confidence
  // is the mean of its own and the best-scored one's: a runner-up may choose the sentence,
  // and raise the confidence only halfway (its own alone answered more questions the
  // documents do not answer).
  let first: { best: Candidate; confidence: number } | undefined;
  let s: { best: Candidate; confidence: number } | undefined;
  let sentences = 0;
  let mostConfident = 0;
  for (const c of candidates) {
    if (c.unit.kind !== "sentence") continue;
    // A confidence never exceeds its score (but for a person named in the role asked about):
    // a runner-up scored below the most confident so far cannot win (nor can any after it,
    // the candidates being in score order).
    if (sentences++ >= SENTENCE_CHOICE_DEPTH || (first && c.score * MAX_CONFIDENCE_GAIN <= mostConfident)) break;
    const raw = scored(index, query, c);
    const option = asLede(index, query, raw);
    if (!first) {
      first = raw;
      s = option;
    } else if (option.confidence > mostConfident) s = { best: option.best, confidence: round((first.confidence + option.confidence) / 2) };
    mostConfident = Math.max(mostConfident, option.confidence);
  }
  if (!f || !s) return f ?? s;
  // "How many vehicles use the bridge?": a sentence that counts vehicles beats a pair that does not.
  if (asksCount(query) && countsHead(query, s.best) && !countsHead(query, f.best) && s.confidence >= CONFIDENCE_BANDS.suggest) return s;
  // The preference shrinks with the FAQ pair's own confidence: none for a pair that would
  // itself be refused, half in the "did you mean" band.
  let preference =
    f.confidence >= FULL_PREFERENCE_FROM ? FAQ_PREFERENCE : f.confidence >= CONFIDENCE_BANDS.suggest ? FAQ_PREFERENCE / 2 : 0;
  // Half of it for a pair whose question asks another kind than the visitor's ("What is the
  // biggest object?" for "How many objects…?"): its matching words may be all it shares. None
  // when it asks for another kind of fact ("How many seats…?" for "How much will it cost?").
  if (query.answerType !== "none" && f.best.unit.questionType !== query.answerType) {
    const typed = f.best.unit.questionType !== "none" && f.best.unit.questionType !== "yesno";
    preference = typed ? 0 : preference / 2;
  }
  // None for a pair that asks for another quantity and only states the one asked for ("How
  // long will the bridge be shut?" — "It reopens in May", for "When did it last close?").
  if (f.best.features.answerType === STATED_TYPE_FIT) preference = 0;
  // None for a pair that asks the opposite ("…close?" for "…open?"), or about now when the
  // visitor asks about an earlier time ("How much is a ticket?" for "…last season?").
  if (f.best.features.opposite || asksOtherTimeFrame(query, f.best)) preference = 0;
  // None against a sentence that names who holds the role asked about, when the pair does not
  // ("Who is the bank's governor?" — "…said Anja Kovel, the bank's governor").
  if (query.roles.length > 0 && namesPersonInRole(query, s.best.unit.sentence!.text) && !namesPersonInRole(query, f.best.unit.faq!.answer)) preference = 0;
  // Likewise the thing a "which" question asks about ("Which street…?" — "Battery Street").
  if (query.kinds.length > 0 && namesThingOfKind(query, s.best.unit.sentence!.text) && !namesThingOfKind(query, f.best.unit.faq!.answer)) preference = 0;
  if (s.confidence <= f.confidence + preference) return f;
  return restatingFaq(index, query, candidates, s) ?? (s.best === first!.best ? undefined : restatingFaq(index, query, candidates, first!)) ?? s;
}

/**
 * How close another document's sentence must come to the chosen sentence's confidence for the
 * choice to be a guess between documents. On the blind sets, sentences chosen with such a
 * rival were right about half the time; on the public corpora of articles without an FAQ,
 * about a quarter.
 */
export const AMBIGUITY_MARGIN = 0.1;
/** The confidence left to a sentence chosen over such a rival: below the answer bands, so the visitor gets the fallback and its suggestions. */
export const AMBIGUOUS_FACTOR = 0.4;

/** True when a sentence of another document, saying something else, is about as confident an answer as `best`. */
function rivalDocument(index: RetrievalIndex, query: Query, candidates: readonly Candidate[], best: Candidate, confidence: number): boolean {
  const text = best.unit.sentence!.text;
  let given: string[] | undefined;
  for (const c of candidates) {
    // A confidence never exceeds its score (but for a person named in the role asked about).
    if (c.score < confidence - AMBIGUITY_MARGIN) break;
    if (c.unit.kind !== "sentence" || c.unit.doc === best.unit.doc || c.unit.sentence!.text === text) continue;
    if (asLede(index, query, scored(index, query, c)).confidence < confidence - AMBIGUITY_MARGIN) continue;
    // One that gives the same name or number the question does not ("About 12 million Kurds
    // live in Turkey" in two reports) agrees with it.
    given ??= givenFacts(query, text);
    if (!saysAny(c.unit.sentence!.text, given)) return true;
  }
  return false;
}

/** A sentence's words, numbers whole ("1,350", "3.5"), without a possessive or a trailing mark. */
function factWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}](?:[\p{L}\p{N}’'-]|[.,](?=\p{N}))*/gu) ?? []).map((w) => w.replace(/(?:[’']s)?[’'-]*$/u, ""));
}

/** The names and numbers a sentence says that the question does not: what it can give that a question asks for. (Its first word is capitalized anyway.) */
function givenFacts(query: Query, text: string): string[] {
  const asked = new Set(factWords(query.text.toLowerCase()));
  return factWords(text)
    .slice(1)
    .filter((w) => /^[\p{Lu}\p{N}]/u.test(w) && !asked.has(w.toLowerCase()));
}

/** True when `text` says one of `facts` as a word of its own. */
function saysAny(text: string, facts: readonly string[]): boolean {
  if (facts.length === 0) return false;
  const words = new Set(factWords(text));
  return facts.some((f) => words.has(f));
}

/** A story's first sentence as an option of choose: at LEDE_FACTOR of its confidence (its own still anchors a runner-up's mean). */
function asLede(index: RetrievalIndex, query: Query, option: { best: Candidate; confidence: number }): { best: Candidate; confidence: number } {
  const unit = option.best.unit;
  if (query.definition || index.ledeUnits[unit.doc] !== unit.index || index.documents[unit.doc]!.faqs.length === 0) return option;
  if (query.roles.length > 0 && namesPersonInRole(query, unit.sentence!.text)) return option;
  return { best: option.best, confidence: round(option.confidence * LEDE_FACTOR) };
}

const WH_WORD = /\b(?:who|whom|whose|what|when|where|why|how|which)\b/i;

/** A message phrased as a question: a wh-word, an auxiliary that opens a yes/no question, or a question mark. */
function isQuestionForm(text: string): boolean {
  return WH_WORD.test(text) || YES_NO_QUESTION.test(text) || text.includes("?");
}

/** Share of the question's weight matched in a sentence that an FAQ pair restating it must match too. */
export const RESTATEMENT_COVERAGE = 0.75;

/** True when the FAQ pair matches (by its own words and what it is about) what the question matched in the sentence. */
function restates(query: Query, faq: Candidate, sentence: Candidate): boolean {
  let matched = 0;
  let restated = 0;
  // The same for the words that are not names: what the question asks about them.
  let matchedFocus = 0;
  let restatedFocus = 0;
  query.terms.forEach((term, t) => {
    if (!(sentence.matches[t]!.field === "sentence" && sentence.matches[t]!.strength > 0)) return;
    matched += term.weight;
    if (!term.name) matchedFocus += term.weight;
    const own = faq.matches[t]!;
    if (own.strength <= 0) return;
    // Its own question and answer count, and the names of its document's lede and of its
    // linked sentence (what the pair is about); other words of the linked sentence count half
    // (the pair is about that sentence, but does not say them).
    let share = 0;
    if (own.field === "question" || own.field === "answer" || own.field === "document") share = term.weight;
    else if (own.field === "linked") share = term.name ? term.weight : term.weight / 2;
    restated += share;
    if (!term.name) restatedFocus += share;
  });
  // Names alone do not restate: "When does the book drop on Orchard Street close?" is not
  // answered by the pair on when the library on Orchard Street closes.
  return matched > 0 && restated >= RESTATEMENT_COVERAGE * matched && restatedFocus >= RESTATEMENT_COVERAGE * matchedFocus;
}

/**
 * The site owner's own answer for what a winning sentence says: an FAQ pair linked to the
 * sentence (it restates it) that covers the question nearly as well and could answer on its
 * own. "What did the thieves take?" is best matched by the article's "Thieves broke in … and
 * stole …", and answered by the FAQ "What was stolen from the museum?", whose answer says the same.
 */
function restatingFaq(
  index: RetrievalIndex,
  query: Query,
  candidates: readonly Candidate[],
  s: { best: Candidate; confidence: number },
): { best: Candidate; confidence: number } | undefined {
  const linked = s.best.unit.summarizedBy;
  if (linked.length === 0) return undefined;
  const keywordsOnly = !isQuestionForm(query.text);
  let chosen: { best: Candidate; confidence: number } | undefined;
  for (const c of candidates) {
    if (c.unit.kind !== "faq" || !linked.includes(c.unit.index)) continue;
    // It must ask the same kind of question (not "When…?" for "Which streets…?"; keywords
    // such as "hospital cost" ask none in so many words, so any pair may do) and match what
    // the question matched in the sentence.
    const type = c.unit.questionType;
    if (type !== query.answerType && type !== "none" && type !== "yesno" && type !== "definition" && !keywordsOnly) continue;
    if (c.features.answerType < s.best.features.answerType || !restates(query, c, s.best)) continue;
    // Not a pair about another year than the one asked (and the sentence gives), nor one that
    // says the opposite of a word asked ("the last sailing" is not restated by "the first ferry"),
    // nor one about another time ("When will it be declared over?" for "When was it declared?").
    if (saysOtherYear(query, c) || c.features.opposite || asksOtherTimeFrame(query, c)) continue;
    // Nor, for "How many ACCOUNTS…?", one that counts nothing where the sentence counts them.
    if (asksCount(query) && countsHead(query, s.best) && !countsHead(query, c)) continue;
    const confidence = confidenceOf(query, c, index);
    if (confidence < CONFIDENCE_BANDS.suggest) continue;
    if (!chosen || confidence > chosen.confidence) chosen = { best: c, confidence };
  }
  // The sentence's match is the evidence that the documents hold the answer.
  return chosen && { best: chosen.best, confidence: Math.max(chosen.confidence, s.confidence) };
}

/**
 * A story before the question proper ("My dad has an appointment next month and we just heard
 * about the merger. Does he need to rebook it?") can drown the question: when the whole
 * message finds no answer, the question proper may, in the document the message points to.
 * Its answer must fit the whole message too: the confidence is the geometric mean of the two
 * ("Is this possible?" alone fits many texts the story does not).
 */
function answerQuestionProper(
  kb: KnowledgeBase,
  question: string,
  query: Query,
  candidates: readonly Candidate[],
  options: AskOptions,
  scope: number | undefined,
): { chosen: { best: Candidate; confidence: number }; candidates: Candidate[]; query: Query } | undefined {
  const proper = questionProper(question);
  if (proper === undefined) return undefined;
  const properQuery = analyzeQuery(kb.index, kb.thesaurus, proper);
  const properCandidates = rankWithContext(kb, properQuery, options, scope ?? candidates[0]?.unit.doc);
  const properChoice = choose(kb.index, properQuery, properCandidates);
  if (!properChoice) return undefined;
  const whole = candidates.find((c) => c.unit.index === properChoice.best.unit.index);
  if (!whole) return undefined;
  const confidence = round(Math.sqrt(confidenceOf(query, whole, kb.index) * properChoice.confidence));
  return { chosen: { best: properChoice.best, confidence }, candidates: properCandidates, query: properQuery };
}

/** The explanation, with the candidate chosen when there is one (built whole: spreading a copy cost more). */
function explanationOf(query: Query, candidates: Candidate[], chosen?: Candidate): Explanation {
  return chosen ? { query, candidates, unknownTerms: unknownTerms(query), chosen } : { query, candidates, unknownTerms: unknownTerms(query) };
}

/**
 * Answer a question from the knowledge base, and say why.
 * Throws UnknownDocumentError when `options.document` names no document.
 */
export function explainQuestion(kb: KnowledgeBase, question: string, options: AskOptions = {}): { answer: Answer; explanation: Explanation } {
  return respond(kb, question, options, true);
}

/** How many exact FAQ hits (pair, scope, preferred document) each knowledge base remembers. */
const MAX_EXACT_ANSWERS = 10_000;
const exactAnswers = new WeakMap<KnowledgeBase, Map<string, Omit<Answer, "question">>>();

/**
 * The answer to an FAQ question typed exactly: the pair's answer, with the FAQ questions
 * ranked nearest the pair's own question as suggestions. It depends on nothing but the pair,
 * the scope and the preferred document, so it is worked out once per knowledge base (a
 * suggestion chip sends the same question again and again).
 */
function exactAnswer(kb: KnowledgeBase, unit: Unit, options: AskOptions, scope: number | undefined): Omit<Answer, "question"> {
  let memo = exactAnswers.get(kb);
  if (!memo) exactAnswers.set(kb, (memo = new Map()));
  const key = `${unit.index} ${scope ?? ""} ${options.preferDocument ?? ""}`;
  let known = memo.get(key);
  if (!known) {
    const faq = unit.faq!;
    const own = analyzeQuery(kb.index, kb.thesaurus, faq.question);
    const others = rankWithContext(kb, own, options, scope).filter((c) => c.unit.index !== unit.index);
    known = {
      kind: "faq",
      answer: faq.answer,
      confidence: 1,
      sources: [{ document: faq.document, type: "faq", text: faq.question, score: 1 }],
      suggestions: suggestionsFrom(kb, others, faq.question, scope ?? unit.doc),
    };
    if (memo.size >= MAX_EXACT_ANSWERS) memo.clear();
    memo.set(key, known);
  }
  return { ...known, sources: known.sources.map((s) => ({ ...s })), suggestions: [...known.suggestions] };
}

/** The answer, and (when `explain`) the ranking behind it: an exact FAQ hit needs no ranking otherwise. */
function respond(kb: KnowledgeBase, question: string, options: AskOptions, explain: boolean): { answer: Answer; explanation: Explanation } {
  const scope = scopeOf(kb, options);
  let query = analyzeQuery(kb.index, kb.thesaurus, question);

  if (question.trim() === "") {
    return { answer: { question, kind: "fallback", answer: EMPTY_TEXT, confidence: 0, sources: [], suggestions: suggestionsFrom(kb, [], null, scope) }, explanation: explanationOf(query, []) };
  }

  // An FAQ question typed exactly (up to case, punctuation and quotes) always wins.
  const exact = (kb.index.exactQuestions.get(query.key) ?? []).map((u) => kb.index.units[u]!);
  const preferred = options.preferDocument !== undefined ? kb.index.documentIndex.get(options.preferDocument) : undefined;
  const exactUnit =
    exact.find((u) => scope === undefined ? u.doc === preferred : u.doc === scope) ?? (scope === undefined ? exact[0] : undefined);
  if (exactUnit) {
    return {
      answer: { question, ...exactAnswer(kb, exactUnit, options, scope) },
      explanation: explanationOf(query, explain ? rankWithContext(kb, query, options, scope) : []),
    };
  }
  let candidates = rankWithContext(kb, query, options, scope);

  let chosen = choose(kb.index, query, candidates);
  if (!chosen || chosen.confidence < CONFIDENCE_BANDS.suggest) {
    const proper = answerQuestionProper(kb, question, query, candidates, options, scope);
    if (proper && (!chosen || proper.chosen.confidence > chosen.confidence)) ({ chosen, candidates, query } = proper);
  }
  const best = chosen?.best;
  let confidence = chosen?.confidence ?? 0;
  // A sentence that another document's sentence fits about as well is a guess between them:
  // the question does not say which document it is about (unless it is in scope, or the
  // conversation's document).
  if (best?.unit.kind === "sentence" && scope === undefined && best.unit.doc !== preferred && rivalDocument(kb.index, query, candidates, best, confidence)) {
    confidence = round(confidence * AMBIGUOUS_FACTOR);
  }
  // A story around the question leaves words unmatched that say nothing of the answer.
  // (Calibration leaves 0.8 and above as they are: no need to look for a story there.)
  if (best?.unit.kind === "faq" && confidence < CONFIDENCE_BANDS.answer && questionProper(question) !== undefined) confidence = calibrateStory(confidence);
  // Small talk: the detector only accepts messages with no words beyond small talk and filler.
  const intent = smalltalkIntent(question);
  if (intent) {
    const suggestions = intent === "help" || intent === "greeting" ? suggestionsFrom(kb, [], null, scope) : [];
    return {
      answer: { question, kind: "smalltalk", answer: smalltalkReply(intent), confidence: 1, sources: [], suggestions },
      explanation: explanationOf(query, []),
    };
  }

  if (!best || confidence < CONFIDENCE_BANDS.suggest) {
    return {
      answer: {
        question,
        kind: "fallback",
        answer: FALLBACK_TEXT,
        confidence,
        sources: [],
        suggestions: fallbackSuggestions(kb, question, candidates, scope),
      },
      explanation: explanationOf(query, candidates, best),
    };
  }
  const sources = [source(best, confidence)];
  for (const c of candidates) {
    if (sources.length >= MAX_SOURCES) break;
    if (c !== best) sources.push(source(c, round(Math.min(confidence, c.score))));
  }
  const kind = best.unit.kind === "faq" ? "faq" : "article";
  return {
    answer: {
      question,
      kind,
      answer: kind === "faq" ? best.unit.faq!.answer : best.unit.sentence!.text,
      confidence,
      sources,
      suggestions: suggestionsFrom(kb, candidates, kind === "faq" ? best.unit.faq!.question : null, scope ?? best.unit.doc),
    },
    explanation: explanationOf(query, candidates, best),
  };
}

/**
 * Answer a question from the knowledge base.
 *
 * @example
 * const answer = answerQuestion(kb, "how long was the visit?");
 * answer.kind; // "article"
 * answer.sources[0]; // { document: "…", type: "sentence", text: "During his weeklong visit…", score: 0.7 }
 */
export function answerQuestion(kb: KnowledgeBase, question: string, options: AskOptions = {}): Answer {
  return respond(kb, question, options, false).answer;
}
