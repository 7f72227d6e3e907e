/**
 * Query analysis: a visitor's question → weighted terms, each with the document stems it
 * may match (itself, a fuzzy correction, a synonym, an acronym's words) and why.
 */
import type { RetrievalIndex } from "./index-builder.ts";
import { LIGHT_WORDS, QUESTION_WORDS, baseForm, fixChatSpelling, fixFunctionWordTypos, normalizeText, stem, tokenize, transpositions, type Token } from "./text.ts";
import { AMERICAN_SPELLINGS } from "./spelling.ts";
import type { AbbreviationDefinition } from "./abbreviations.ts";
import { isAbbreviation, multiwordStarts, partsOfSpeech, relatedLemmas, type Thesaurus } from "./wordnet.ts";
import { QUESTION_LEAD_WORDS, VOTE_QUESTION, isDefinitionQuestion, questionAnswerType, type AnswerType } from "./features.ts";
import { splitSentences } from "../knowledge/sentences.ts";
import { MIN_FUZZY_LENGTH } from "./vocabulary.ts";

export type MatchVia = "exact" | "stem" | "fuzzy" | "phonetic" | "synonym" | "acronym" | "compound" | "related";

export interface Expansion {
  stem: string;
  /** Trust in (0, 1]: 1 for the word itself. */
  weight: number;
  via: MatchVia;
  /** The document word this expansion stands for (for explanations). */
  word: string;
}

export interface QueryTerm {
  /** What the visitor typed (normalized). */
  word: string;
  stem: string;
  /** Importance: idf of the term in the knowledge base, lowered for light words. */
  weight: number;
  light: boolean;
  /** The documents mostly write it with a capital: a name (topic, not focus). */
  name: boolean;
  /** True when some expansion exists in the knowledge base. */
  known: boolean;
  expansions: Expansion[];
}

export interface Query {
  text: string;
  /** The exact-match key: the text's tokens' words, joined (for exact FAQ matches and whole-string similarity). */
  key: string;
  terms: QueryTerm[];
  answerType: AnswerType;
  /** Stem pairs adjacent in the question (for phrase matching). */
  bigrams: Array<[number, number]>;
  /** The question asks what or who something is ("What is moorcidin?"). */
  definition: boolean;
  /** The question asks where someone or something comes from ("Where is Aarav Menon from?"). */
  origin: boolean;
  /** "How long does the scan take?", "how long will the strike last": a duration in time, not a length. */
  elapsed: boolean;
  /** "How long has the zoo had snow leopards?": a span up to now, which "since 1988" gives too. */
  untilNow: boolean;
  /** "How did the council vote on…?": a vote's tally (see VOTE_QUESTION). */
  tally: boolean;
  /**
   * The term the question turns on (the role of "Who is the director of…", the counted thing
   * of "How many daily sailings…", the event of "When was it founded?"), or -1: a text
   * without it does not answer.
   */
  head: number;
  /** For a "who" question: the stems of its content words that WordNet knows as nouns for people (the roles it may ask about: "governor", "director"). Empty otherwise. */
  roles: readonly string[];
  /**
   * For "which NOUN…?" of a thing, not a person ("Which street will be closed?", "which
   * insurance company…"): the stem of the noun asked about, whose answer is a name beside it
   * ("Battery Street", "the insurer, Halden Mutual"). Empty otherwise.
   */
  kinds: readonly string[];
}

/** Weight of a light word ("tell", "happen") against a content word of the same idf. */
const LIGHT_WEIGHT = 0.25;
/** Weight of a word of a rambling message's story, before its question proper (see questionStart). */
const PREAMBLE_WEIGHT = 0.1;
/**
 * Content words of a question that are analyzed at most: a question is a sentence or two,
 * and a pasted page must not cost a typo search per word.
 */
export const MAX_QUERY_TERMS = 40;
/** Synonym expansions kept per term (strongest that the documents use). */
const MAX_SYNONYMS = 8;
/** Question words that are part of the answer type, not content ("how long" → duration). */
/** Time units: in "how many days…" the unit names the answer type, a duration. */
const DURATION_UNITS = ["second", "minute", "hour", "day", "week", "month", "year", "decade", "century"];

const TYPE_WORDS: Record<AnswerType, readonly string[]> = {
  duration: ["long", "time", ...DURATION_UNITS.map((u) => stem(u))],
  frequency: ["often", "frequent", "regularli", "time"],
  number: ["many", "much", "big", "larg", "number", "amount", "share", "proport", "fraction"],
  money: ["much", "cost", "price", "expens", "cheap", "monei"],
  age: ["old", "ag"],
  speed: ["fast", "speed"],
  distance: ["far", "tall", "high", "deep", "wide", "distanc"],
  time: ["time", "date", "day", "year", "month"],
  person: [],
  place: ["place", "locat"],
  reason: ["reason", "caus", "motiv", "purpos"],
  quote: [],
  yesno: [],
  definition: [],
  none: [],
};

const lemmaCache = new Map<string, readonly string[]>();
const LEMMA_CACHE_LIMIT = 20_000;

/** Base forms WordNet may list a typed word under: memoized (a dozen regexes per call; treat the result as read-only). */
function lemmaCandidates(word: string): readonly string[] {
  let forms = lemmaCache.get(word);
  if (forms === undefined) {
    forms = computeLemmaCandidates(word);
    if (lemmaCache.size < LEMMA_CACHE_LIMIT) lemmaCache.set(word, forms);
  }
  return forms;
}

/** Base forms WordNet may list a typed word under (a tiny morphy: plurals, tenses). */
function computeLemmaCandidates(word: string): string[] {
  const forms = [word, baseForm(word)];
  const rules: Array<[RegExp, string]> = [
    [/ies$/, "y"], [/es$/, ""], [/s$/, ""], [/ied$/, "y"], [/ed$/, ""], [/ed$/, "e"], [/ing$/, ""], [/ing$/, "e"],
    [/(.)\1ed$/, "$1"], [/(.)\1ing$/, "$1"], [/er$/, ""], [/est$/, ""],
  ];
  for (const [pattern, replacement] of rules) {
    if (pattern.test(word)) forms.push(word.replace(pattern, replacement));
  }
  return [...new Set(forms)].filter((f) => f.length >= 2);
}

/**
 * lemmaCandidates, and those of the word's American spelling when none of the typed forms has
 * related words: WordNet files many British spellings as rare variants without relations
 * ("reorganisation"), their American twins with them. (Not otherwise: "colour" has its own.)
 */
function lemmaForms(thesaurus: Thesaurus, word: string): readonly string[] {
  const forms = lemmaCandidates(word);
  const american = AMERICAN_SPELLINGS.get(word);
  if (american === undefined || forms.some((form) => relatedLemmas(thesaurus, form).length > 0)) return forms;
  return [...forms, ...lemmaCandidates(american)];
}

function inKnowledgeBase(index: RetrievalIndex, s: string): boolean {
  return index.main.has(s) || index.answer.has(s) || index.documentsWith.has(s);
}

/** Entries of each per-index cache at most; a full cache starts over (visitors reuse words, so it refills fast). */
const WORD_CACHE_LIMIT = 10_000;

/**
 * What a typed word contributes whatever its neighbours, and the related words of each
 * lemma that the documents use: the same for every question to one index, so kept across
 * questions (typo correction and thesaurus decoding were most of a question's analysis).
 */
interface AnalysisCache {
  thesaurus: Thesaurus;
  words: Map<string, WordAnalysis>;
  synonyms: Map<string, readonly Expansion[]>;
  /** A word's synonym expansions when no two-word lemma joins it to a neighbour (most words). */
  wordSynonyms: Map<string, readonly Expansion[]>;
  /** True for a word the documents or the dictionary know (fixFunctionWordTypos leaves it): one closure per index, not per question. */
  isWord: (word: string) => boolean;
  /** True for a word the documents use (in any form). */
  inDocuments: (word: string) => boolean;
}
const analysisCaches = new WeakMap<RetrievalIndex, AnalysisCache>();

function analysisCache(index: RetrievalIndex, thesaurus: Thesaurus): AnalysisCache {
  let cache = analysisCaches.get(index);
  if (!cache || cache.thesaurus !== thesaurus) {
    const isWord = (word: string) => index.vocabulary.has(word) || inKnowledgeBase(index, stem(word)) || lemmaCandidates(word).some((l) => l.length >= 3 && thesaurus.has(l));
    const inDocuments = (word: string) => index.vocabulary.has(word) || inKnowledgeBase(index, stem(word));
    analysisCaches.set(index, (cache = { thesaurus, words: new Map(), synonyms: new Map(), wordSynonyms: new Map(), isWord, inDocuments }));
  }
  return cache;
}

/** Set a key of a bounded cache, emptying it first when full. */
function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** A lemma's related words whose stems the knowledge base uses, in thesaurus order (cached). */
function synonymsInKnowledgeBase(cache: AnalysisCache, index: RetrievalIndex, lemma: string): readonly Expansion[] {
  const known = cache.synonyms.get(lemma);
  if (known) return known;
  const found: Expansion[] = [];
  for (const [related, weight] of relatedLemmas(cache.thesaurus, lemma)) {
    const s = stem(related);
    if (inKnowledgeBase(index, s)) found.push({ stem: s, weight, via: "synonym", word: related });
  }
  return remember(cache.synonyms, lemma, found);
}

function synonymExpansions(cache: AnalysisCache, index: RetrievalIndex, lemmas: readonly string[], own: string): readonly Expansion[] {
  const best = new Map<string, Expansion>();
  for (const lemma of lemmas) {
    for (const expansion of synonymsInKnowledgeBase(cache, index, lemma)) {
      if (expansion.stem === own) continue;
      const previous = best.get(expansion.stem);
      if (!previous || previous.weight < expansion.weight) best.set(expansion.stem, expansion);
    }
  }
  if (best.size === 0) return [];
  return [...best.values()].sort((a, b) => b.weight - a.weight || (a.stem < b.stem ? -1 : 1)).slice(0, MAX_SYNONYMS);
}

/** Inflections and the part of speech their base must have ("discused" is not discus + ed). */
const INFLECTIONS: ReadonlyArray<[RegExp, string, string]> = [
  [/ies$/, "y", "nv"], [/es$/, "", "nv"], [/s$/, "", "nv"], [/ied$/, "y", "v"], [/ed$/, "", "v"], [/ed$/, "e", "v"],
  [/(.)\1ed$/, "$1", "v"], [/ing$/, "", "v"], [/ing$/, "e", "v"], [/(.)\1ing$/, "$1", "v"], [/er$/, "", "a"],
  [/est$/, "", "a"], [/ier$/, "y", "a"], [/iest$/, "y", "a"], [/ly$/, "", "a"], [/ily$/, "y", "a"],
];

/** True when a typed word is an English word (or a regular inflection of one), not a typo. */
export function isEnglishWord(thesaurus: Thesaurus, word: string): boolean {
  if (thesaurus.has(word)) return true;
  for (const [pattern, replacement, parts] of INFLECTIONS) {
    if (!pattern.test(word)) continue;
    const base = word.replace(pattern, replacement);
    const pos = partsOfSpeech(thesaurus, base);
    if ([...pos].some((p) => parts.includes(p))) return true;
  }
  return false;
}

const TYPE_ASKING = new Set(["how", "what", "which"]);

/** Words of a "who" question that ask for a leader: "who runs…", "who heads…", "who is the boss of…". */
const LEADING_WORDS: ReadonlySet<string> = new Set(["run", "head", "lead", "leader", "boss", "charg"].map((w) => stem(w)));
/** Titles a document gives a leader by (stems): any of them answers a LEADING_WORDS question. */
const LEADER_TITLE_WORDS = [
  "chief", "executive", "director", "ceo", "chairman", "chairwoman", "chairperson", "chair", "president", "head", "leader",
  "governor", "manager", "boss", "commissioner", "principal", "headteacher", "headmaster", "headmistress", "mayor",
  "chancellor", "superintendent", "secretary", "minister", "founder", "owner",
];
let leaderTitleStems: readonly string[] | undefined;
function leaderTitles(): readonly string[] {
  return (leaderTitleStems ??= [...new Set(LEADER_TITLE_WORDS.map((w) => stem(w)))]);
}
/** Weight of a leader's title as the match of a LEADING_WORDS word. */
const LEADER_TITLE_WEIGHT = 0.7;

/** Idioms that ask for an answer type; their words are not topics ("what would it set us back"). */
const TYPE_IDIOMS: Partial<Record<AnswerType, RegExp>> = {
  money: /\bset\s+(?:me|us|you|them|him|her)\s+back\b/,
  number: /\bnumber(?=\s+of\b)|\bnumber(?=\W*$)/,
};

/**
 * Set phrases that add nothing to what is asked ("is it open right now?", "have they found it
 * yet at all?"): their words are not topics. Words of each phrase, as tokenized.
 */
const FILLER_PHRASES: ReadonlyArray<readonly string[]> = [
  "right now", "right away", "at the moment", "these days", "so far", "at all", "of course", "by the way",
  "for sure", "in general", "as well", "any more", "at this point", "as of now", "as of today", "quick question",
  "just wondering", "excuse me", "is it true", "is it correct", "i heard", "i was told", "someone told me",
  "best way", "easiest way",
].map((phrase) => phrase.split(" "));

/** FILLER_PHRASES by first word: a token costs one look-up, not a comparison per phrase. */
const FILLER_PHRASES_BY_FIRST = new Map<string, Array<readonly string[]>>();
for (const phrase of FILLER_PHRASES) {
  const list = FILLER_PHRASES_BY_FIRST.get(phrase[0]!);
  if (list) list.push(phrase);
  else FILLER_PHRASES_BY_FIRST.set(phrase[0]!, [phrase]);
}

/** Positions of the tokens that belong to a filler phrase. */
function fillerPositions(tokens: readonly Token[]): Set<number> {
  const positions = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    for (const phrase of FILLER_PHRASES_BY_FIRST.get(tokens[i]!.word) ?? []) {
      if (i + phrase.length > tokens.length || !phrase.every((word, k) => tokens[i + k]!.word === word)) continue;
      for (let k = 0; k < phrase.length; k++) positions.add(i + k);
    }
  }
  return positions;
}

/** Stop-listed verbs that are content before a particle: "make up (the days)", "take off". */
const PHRASAL_VERBS: ReadonlySet<string> = new Set(["make", "take", "get"]);
const PARTICLES: ReadonlySet<string> = new Set(["up", "off", "out", "over", "back", "down"]);
/** Words after a verb that may make a phrasal verb with it ("look into", "go through", "go wrong"). */
const VERB_PARTICLES: ReadonlySet<string> = new Set([...PARTICLES, "into", "through", "after", "wrong", "ahead", "away", "around", "on"]);

function isPhrasalVerb(tokens: readonly Token[], i: number): boolean {
  return PHRASAL_VERBS.has(tokens[i]!.word) && PARTICLES.has(tokens[i + 1]?.word ?? "");
}

/** True when the token at `i` follows "how", "what" or "which", past up to three stop words. */
function asksWith(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const token = tokens[j]!;
    if (TYPE_ASKING.has(token.word)) return true;
    if (!token.stop) return false;
  }
  return false;
}

const QUESTION_LEADS = new Set(QUESTION_LEAD_WORDS);
/** Tokens of story before the question proper that make a message a rambling one. */
export const MIN_PREAMBLE = 10;

/**
 * Where the question proper starts in a rambling message ("We are planning a day out with our
 * two kids, who are 8 and 12, and I was wondering what the tickets would set us back?"): the
 * last embedded wh-word after at least MIN_PREAMBLE tokens; 0 when there is no such preamble.
 * The story before it weighs like light words: it names the topic at best, and the documents
 * not mentioning "kids" or "a day out" is no sign they lack the answer.
 */
function questionStart(tokens: readonly Token[]): number {
  for (let i = tokens.length - 2; i >= MIN_PREAMBLE; i--) {
    if (QUESTION_WORDS.has(tokens[i]!.word) && QUESTION_LEADS.has(tokens[i - 1]!.word)) return i;
  }
  return 0;
}

const SENTENCE_START_LOWER = /([.!?]\s+)(\p{Ll})/gu;
function upperAfterStop(_: string, stop: string, letter: string): string {
  return stop + letter.toUpperCase();
}

/** Words of story before the last sentence of a message that make that sentence its question proper. */
export const MIN_STORY_WORDS = 5;

/**
 * The question proper of a message that tells a story first: its last sentence, when the
 * sentences before it hold at least MIN_STORY_WORDS words ("We have a newborn at home and
 * can't use the tap. Where do I pick up free water?"); undefined for a one-sentence message.
 */
export function questionProper(text: string): string | undefined {
  // Chat is often typed in lower case: a sentence may start with one here ("…right now. where
  // do I get water?"); the splitter still keeps abbreviations and initials whole.
  const sentences = splitSentences(text.trim().replace(SENTENCE_START_LOWER, upperAfterStop));
  if (sentences.length < 2) return undefined;
  const last = sentences[sentences.length - 1]!;
  // It must be a question ("…st. Patrick's day" is not one; a lower-case "st." split it off).
  const first = /^\W*([\p{L}']+)/u.exec(last)?.[1]?.toLowerCase() ?? "";
  if (!last.trimEnd().endsWith("?") && !QUESTION_WORDS.has(first) && !AUXILIARIES.has(first)) return undefined;
  let story = 0;
  for (let i = 0; i < sentences.length - 1; i++) story += sentences[i]!.split(/\s+/).length;
  return story >= MIN_STORY_WORDS ? last : undefined;
}

/** What a typed word contributes on its own, whatever its neighbours (see analysisCache). */
interface WordAnalysis {
  /** Its spellings in the documents: its stem (or the clipped word), its hyphen parts, typo corrections. */
  expansions: readonly Expansion[];
  /** For a word the documents only use as an acronym ("nk"), or use as a name and spell out too ("isro"): the stems it stands for. */
  acronym: readonly string[] | undefined;
  /** True when the expansions correct a real English word to a name ("um" → Un). */
  nameForWord: boolean;
}

/** The analysis of a token's word, cached per index (by its hyphenated form, which fixes word and parts). */
function wordAnalysis(cache: AnalysisCache, index: RetrievalIndex, token: Token): WordAnalysis {
  const key = token.parts.length > 0 ? token.parts.join("-") : token.word;
  return cache.words.get(key) ?? remember(cache.words, key, analyzeWord(index, cache.thesaurus, token));
}

/** "un-" or "non-" before a word of four letters or more ("unlicensed", "non-resident"). */
const NEGATIVE_PREFIX = /^(?:un|non-?)(\p{L}{4,})$/u;
/** Weight of a document word matched by its negative-prefixed form (NEGATIVE_PREFIX). */
export const NEGATED_WEIGHT = 0.8;

function analyzeWord(index: RetrievalIndex, thesaurus: Thesaurus, token: Token): WordAnalysis {
  const expansions: Expansion[] = [];
  let known = inKnowledgeBase(index, token.stem);
  if (known) {
    expansions.push({ stem: token.stem, weight: 1, via: index.vocabulary.has(token.word) ? "exact" : "stem", word: index.surface.get(token.stem) ?? token.word });
  } else if (token.word.length >= 4 && inKnowledgeBase(index, token.word)) {
    // A clipped word that is itself a document stem ("agre" for agreed).
    known = true;
    expansions.push({ stem: token.word, weight: 0.9, via: "stem", word: index.surface.get(token.word) ?? token.word });
  } else {
    // A negative prefix on a document word ("unlicensed" of a text that says "isn't licensed"):
    // the word, at NEGATED_WEIGHT.
    const negated = NEGATIVE_PREFIX.exec(token.word);
    const s = negated ? stem(negated[1]!) : "";
    if (negated && inKnowledgeBase(index, s)) {
      known = true;
      expansions.push({ stem: s, weight: NEGATED_WEIGHT, via: "stem", word: index.surface.get(s) ?? negated[1]! });
    }
  }
  // A small number in digits or in words: "2 hours" is "two hours", as news style writes it.
  const numeral = otherNumeral(token.word);
  if (numeral !== undefined && inKnowledgeBase(index, numeral)) {
    known = true;
    expansions.push({ stem: numeral, weight: 1, via: "stem", word: index.surface.get(numeral) ?? numeral });
  }
  for (const part of token.parts) {
    const s = stem(part);
    if (inKnowledgeBase(index, s)) expansions.push({ stem: s, weight: 0.8, via: "compound", word: part });
  }
  if (!known) {
    const acronym = index.acronyms.get(token.word) ?? abbreviated(index, thesaurus, token.word);
    if (acronym && !index.vocabulary.has(token.word)) return { expansions, acronym, nameForWord: false };
    // Only words that are not English words are typos; a real word the documents do not
    // use ("bake") is a sign the question is about something else, not a misspelling.
    const typo = !isEnglishWord(thesaurus, token.word);
    const corrections = typo || thesaurus.size === 0 ? index.vocabulary.correct(token.word) : index.vocabulary.correctToName(token.word);
    // A real word typed with two letters swapped ("sing" for sign, "form" for from), when
    // the swapped spelling is (a form of) a document word: the classic real-word typo,
    // weaker than a correction of a non-word.
    // Also a non-word too short for the fuzzy search ("dgo" for dog): a swap is the one edit
    // of three letters that keeps them all, so it is read as a typo, at the weight of one.
    if (corrections.length === 0 && (!typo || token.word.length < MIN_FUZZY_LENGTH)) {
      for (const word of transpositions(token.word)) {
        if (inKnowledgeBase(index, stem(word))) corrections.push({ word, distance: 1, weight: typo ? SHORT_SWAP_WEIGHT : TRANSPOSITION_WEIGHT, via: "fuzzy" });
      }
    }
    // A real word typed with a letter doubled or undoubled ("scraped" for scrapped, "diner"
    // for dinner) when the other spelling is a document word and the typed one is not.
    // Also a non-word too short for the fuzzy search, vowels too ("bok" for book, "ned" for
    // need): like a swap, an edit that keeps every letter typed.
    const short = typo && token.word.length < MIN_FUZZY_LENGTH;
    if (short || (!typo && corrections.length === 0)) {
      for (const word of doublings(token.word, short)) {
        if (inKnowledgeBase(index, stem(word))) corrections.push({ word, distance: 1, weight: typo ? SHORT_SWAP_WEIGHT : TRANSPOSITION_WEIGHT, via: "fuzzy" });
      }
    }
    // A word cut short ("discus" for discussed), real word or not.
    if (corrections.length === 0) corrections.push(...index.vocabulary.completions(token.word));
    // A short non-word missing its last letter ("hom" for home): also beside a correction
    // that changes a letter ("sav": save, not the name San).
    if ((corrections.length === 0 || short) && typo && /^\p{L}+$/u.test(token.word)) {
      for (const completion of index.vocabulary.completions(token.word, 2, 1)) if (!corrections.some((c) => c.word === completion.word)) corrections.push(completion);
    }
    // Another form of a document word, misspelled past its stem ("pedestrianisaton" for
    // pedestrianisation, whose stem "pedestrianis" the documents use).
    if (corrections.length === 0 && expansions.length === 0) {
      const root = knownRoot(index, token.word);
      if (root) expansions.push({ stem: root, weight: ROOT_WEIGHT, via: "stem", word: index.surface.get(root) ?? root });
    }
    // A real word the documents only use as the first part of a closed compound ("hose" of
    // their "hosepipe", "bed" of "bedroom"), when the rest is a word too.
    if (corrections.length === 0 && expansions.length === 0 && !typo) {
      for (const compound of index.vocabulary.extensions(token.word)) {
        if (isEnglishWord(thesaurus, compound.slice(token.word.length))) {
          const s = stem(compound);
          if (inKnowledgeBase(index, s)) expansions.push({ stem: s, weight: COMPOUND_PART_WEIGHT, via: "compound", word: compound });
        }
      }
    }
    for (const correction of corrections) {
      const s = stem(correction.word);
      if (inKnowledgeBase(index, s)) expansions.push({ stem: s, weight: correction.weight, via: correction.via, word: correction.word });
    }
    return { expansions, acronym: undefined, nameForWord: !typo && thesaurus.size > 0 && expansions.some((e) => isCorrection(e) && index.isName(e.stem)) };
  }
  // An acronym the documents use as a name and also spell out ("ISRO’s third launch", "…chair
  // of the Indian Space Research Organisation"): it stands for its words too.
  const spelled = index.isName(token.stem) ? index.acronyms.get(token.word) : undefined;
  if (spelled && spelled.length >= 3) return { expansions, acronym: spelled, nameForWord: false };
  return { expansions, acronym: undefined, nameForWord: false };
}

/** Numbers that texts write in words as often as in digits (news style spells out those under ten). */
const NUMERALS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

/** The other way of writing a small number: "2" → "two", "two" → "2"; undefined for any other word. */
export function otherNumeral(word: string): string | undefined {
  if (/^\d{1,2}$/.test(word)) return NUMERALS[Number(word)];
  const n = NUMERALS.indexOf(word);
  return n >= 0 ? String(n) : undefined;
}

function isCorrection(e: Expansion): boolean {
  return e.via === "fuzzy" || e.via === "phonetic";
}

/** Whether a word next to the token (stop words aside) is a name of the documents. */
function besideName(index: RetrievalIndex, tokens: readonly Token[], token: Token): boolean {
  const before = tokens[token.position - 1];
  const after = tokens[token.position + 1];
  return (before !== undefined && !before.stop && index.isName(before.stem)) || (after !== undefined && !after.stop && index.isName(after.stem));
}

/**
 * The document stems of the phrase a dictionary abbreviation stands for ("ceo" → chief,
 * executive when the documents write "chief executive"), when the documents use two or more
 * of its words.
 */
function abbreviated(index: RetrievalIndex, thesaurus: Thesaurus, word: string): string[] | undefined {
  const stems = new Set<string>();
  for (const [phrase] of relatedLemmas(thesaurus, word)) {
    if (!isAbbreviation(word, phrase)) continue;
    for (const part of phrase.split("_")) {
      const s = stem(part);
      if (inKnowledgeBase(index, s)) stems.add(s);
    }
  }
  return stems.size >= 2 ? [...stems] : undefined;
}

/** Match strength of a word read through the longest document stem it starts with. */
const ROOT_WEIGHT = 0.7;
/** A root must keep this many letters, and this share of the word. */
const MIN_ROOT_LENGTH = 7;
const MIN_ROOT_SHARE = 0.6;

/** The longest document stem that a long unknown word starts with, if it keeps most of the word. */
function knownRoot(index: RetrievalIndex, word: string): string | undefined {
  const shortest = Math.max(MIN_ROOT_LENGTH, Math.ceil(word.length * MIN_ROOT_SHARE));
  for (let k = word.length - 1; k >= shortest; k--) {
    const prefix = word.slice(0, k);
    if (inKnowledgeBase(index, prefix)) return prefix;
  }
  return undefined;
}

/** Match strength of a real word read as a swap of two letters of a document word. */
const TRANSPOSITION_WEIGHT = 0.6;

/** Match strength of a word the documents only use as the first part of a closed compound ("hose" → hosepipe). */
const COMPOUND_PART_WEIGHT = 0.7;

/** Match strength of a short non-word read as a swap of two letters of a document word ("dgo"). */
const SHORT_SWAP_WEIGHT = 0.85;

/** The spellings of a word with one consonant (or any letter) doubled, or one doubled letter single ("scraped" ↔ "scrapped"). */
function doublings(word: string, vowels = false): string[] {
  const out: string[] = [];
  for (let i = 1; i < word.length; i++) {
    const letter = word[i]!;
    if (letter === word[i - 1]) out.push(word.slice(0, i) + word.slice(i + 1));
    else if ((vowels ? /\p{L}/u : /[bcdfgklmnprstz]/).test(letter) && letter !== word[i + 1]) out.push(word.slice(0, i + 1) + word.slice(i));
  }
  return out;
}


/** A child's age as visitors give it: "my 4 year old", "a 10-year-old", "for 2 yr olds". */
const CHILD_AGE = /\b(?:1[0-7]|[1-9])[\s-]*(?:years?|yrs?)[\s-]*olds?\b/gi;

/**
 * "a 10 year old" is a child: the word, not a number no document gives ("price of entry for
 * a 10 year old" of a text that says "£4.50 for children aged 5 to 16").
 */
export function childAges(text: string): string {
  return text.replace(CHILD_AGE, (age) => (age.endsWith("s") ? "children" : "child"));
}

/** Trust in a defined abbreviation as the match of the words of its name. */
const ABBREVIATION_WEIGHT = 0.9;

/**
 * The words of a name the documents abbreviate ("Kestrian Anti-Doping Agency", defined as
 * KADA) also match the abbreviation: each gets it as an expansion, so a text that says "KADA"
 * matches the whole name. The question must give every word of the name, or all but one of a
 * longer name's but its last (the head noun: "the Anti-Doping Agency").
 */
function addAbbreviations(index: RetrievalIndex, terms: QueryTerm[]): void {
  const stems = new Set(terms.map((t) => t.stem));
  let checked: Set<AbbreviationDefinition> | undefined;
  for (const term of terms) {
    for (const definition of index.abbreviations.get(term.stem) ?? []) {
      if ((checked ??= new Set()).has(definition)) continue;
      checked.add(definition);
      const given = definition.stems.filter((s) => stems.has(s)).length;
      // The whole name, all but one word of a longer one but its last, or all but the last of
      // one of four words or more ("the Cabin Crew Union" of the Cabin Crew Union of Calvenia).
      const n = definition.stems.length;
      const whole = given === n || (given === n - 1 && n >= (stems.has(definition.stems[n - 1]!) ? 3 : 4));
      if (!whole || stems.has(definition.abbreviation)) continue;
      terms.forEach((t, i) => {
        if (!definition.stems.includes(t.stem) || t.expansions.some((e) => e.stem === definition.abbreviation)) return;
        terms[i] = { ...t, expansions: [...t.expansions, { stem: definition.abbreviation, weight: ABBREVIATION_WEIGHT, via: "acronym", word: definition.abbreviation }] };
      });
    }
  }
}

/** "Which judge…", "In which court…": the noun a question's opening "which" asks about, and the word after it. */
const WHICH_NOUN = /^\W*(?:[a-z]+\s+)?which\s+([a-z]+)(?:\s+([a-z]+))?/i;

/**
 * A question the patterns give no type asks for a person when "which" asks about a noun
 * that WordNet knows as a person ("Which judge dismissed the case?", "which officials").
 */
function askedForPerson(type: AnswerType, text: string, thesaurus: Thesaurus): AnswerType {
  if (type !== "none") return type;
  const match = WHICH_NOUN.exec(text);
  const noun = match?.[1]!.toLowerCase();
  if (noun === undefined || !knownAs(thesaurus, noun, "p")) return type;
  // "Which American show…", "which official figures…": an adjective of the next noun.
  const next = match![2]?.toLowerCase();
  return next !== undefined && knownAs(thesaurus, noun, "a") && knownAs(thesaurus, next, "n") ? type : "person";
}

/** "Who is…?", "who was…?": with nothing but a name after it, what the person is. */
const WHO_IS_NAME = /^\W*who(?:'s|\s+(?:is|was))\s/i;

/** A "how long" question in the present perfect (see Query.untilNow). */
const UNTIL_NOW_QUESTION = /\bhow\s+long\s+(?:has|have|had)\b/i;

/** A "how long" question about time taken or lasting (see Query.elapsed). */
const ELAPSED_QUESTION = /\bhow\s+long\b.*\b(?:take|takes|took|taking|last|lasts|lasted|lasting)\b/i;

/** Answer types a "which NOUN" question may have and still ask for a named thing (see Query.kinds). */
const NAMED_KIND_TYPES: ReadonlySet<AnswerType> = new Set(["none", "person", "place"]);

/** Query.kinds: the noun after an opening "which" (or the noun after its adjective), when it is a content word of the question and no word for a person. */
function kindsAsked(text: string, answerType: AnswerType, terms: readonly QueryTerm[], thesaurus: Thesaurus): string[] {
  if (!NAMED_KIND_TYPES.has(answerType)) return [];
  const match = WHICH_NOUN.exec(text);
  if (!match) return [];
  const first = match[1]!.toLowerCase();
  const next = match[2]?.toLowerCase();
  const noun = next !== undefined && knownAs(thesaurus, first, "a") && knownAs(thesaurus, next, "n") ? next : first;
  if (!knownAs(thesaurus, noun, "n") || knownAs(thesaurus, noun, "p")) return [];
  const term = terms.find((t) => t.word === noun && !t.light);
  return term ? [term.stem] : [];
}

/** "Where is she from?", "where do the beans come from": a question for an origin. */
const ORIGIN_QUESTION = /\bfrom\W*$/i;

/** Analyze a question against an index. Pure given the index and thesaurus (its caches change no result). */
export function analyzeQuery(index: RetrievalIndex, thesaurus: Thesaurus, typed: string): Query {
  const cache = analysisCache(index, thesaurus);
  const text = fixFunctionWordTypos(childAges(fixChatSpelling(typed)), cache.isWord, cache.inDocuments);
  let answerType = askedForPerson(questionAnswerType(text), text, thesaurus);
  const typeWords = new Set(TYPE_WORDS[answerType]);
  const tokens = tokenize(text);
  const content: Token[] = [];
  const idiom = TYPE_IDIOMS[answerType]?.exec(normalizeText(text));
  const idiomWords = new Set(idiom ? idiom[0].split(/\s+/) : []);
  const filler = fillerPositions(tokens);
  tokens.forEach((token, i) => {
    if ((token.stop && !isPhrasalVerb(tokens, i)) || QUESTION_WORDS.has(token.word) || idiomWords.has(token.word) || filler.has(i)) return;
    // "how long", "how many", "what was the reason": the word after "how", "what" or "which"
    // (past stop words) names the answer type.
    if (typeWords.has(token.stem) && asksWith(tokens, i)) return;
    if (content.length < MAX_QUERY_TERMS) content.push(token);
  });

  const terms: QueryTerm[] = [];
  const positions: number[] = [];
  const asked = questionStart(tokens);
  const starts = multiwordStarts(thesaurus);
  for (let i = 0; i < content.length; i++) {
    const token = content[i]!;
    const next = content[i + 1];
    // Compounds written apart ("week long" for "weeklong").
    if (next && next.position === token.position + 1) {
      const joined = token.word + next.word;
      if (!index.vocabulary.has(token.word) || !index.vocabulary.has(next.word)) {
        const s = stem(joined);
        if (index.vocabulary.has(joined) && inKnowledgeBase(index, s)) {
          terms.push(makeTerm(index, joined, s, [{ stem: s, weight: 0.95, via: "compound", word: joined }], token.position < asked));
          positions.push(token.position);
          i++;
          continue;
        }
      }
    }
    const word = wordAnalysis(cache, index, token);
    if (word.acronym) {
      // One typed word, however many it stands for: its words share its weight.
      const share = 1 / Math.sqrt(word.acronym.length);
      // A known acronym keeps its own spelling, shared by its words: "ISRO" matches all four.
      const own = word.expansions.map((e) => ({ ...e, via: "acronym" as const }));
      for (const s of word.acronym) {
        const term = makeTerm(index, token.word, s, [{ stem: s, weight: 0.9, via: "acronym", word: index.surface.get(s) ?? s }, ...own], token.position < asked);
        term.weight *= share;
        terms.push(term);
        positions.push(token.position);
      }
      continue;
    }
    // A real word is a misspelled name only beside another name ("Kim Jong Um"): alone, "top"
    // is not "Tom".
    const expansions = word.nameForWord && !besideName(index, tokens, token) ? word.expansions.filter((e) => !isCorrection(e) || !index.isName(e.stem)) : word.expansions.slice();
    // Synonyms and related forms; also of a two-word lemma with the next word ("talk about").
    // (Only lemmas that start a two-word lemma of the thesaurus are joined: most start none,
    // and the others would only cost a string and a look-up each.)
    const forms = lemmaForms(cache.thesaurus, token.word);
    const lemmas = forms.slice();
    const following = tokens[token.position + 1];
    if (following) for (const l of forms) if (starts.has(l)) lemmas.push(`${l}_${following.word}`);
    // A light verb that makes a phrasal verb with a particle is not light: "look into" is
    // investigate, "go through" complete, "get out" leave.
    const phrase = following !== undefined && VERB_PARTICLES.has(following.word) && lemmas.length > forms.length && lemmas.slice(forms.length).some((l) => relatedLemmas(cache.thesaurus, l).length > 0);
    // …and with the word before it, even a stop word ("got back" → get_back → return).
    const preceding = tokens[token.position - 1];
    if (preceding?.stop) for (const l of lemmaCandidates(preceding.word)) if (starts.has(l)) lemmas.push(`${l}_${token.word}`);
    const synonyms =
      lemmas.length === forms.length
        ? (cache.wordSynonyms.get(token.word) ?? remember(cache.wordSynonyms, token.word, synonymExpansions(cache, index, lemmas, token.stem)))
        : synonymExpansions(cache, index, lemmas, token.stem);
    for (const expansion of synonyms) {
      if (!expansions.some((e) => e.stem === expansion.stem)) expansions.push(expansion);
    }
    // "Who runs / heads / is the boss of X?" asks for X's leader, whatever the title the
    // documents give ("KMA director general Selin Ardawi", "chief executive Oskar Renfeld").
    if (answerType === "person" && LEADING_WORDS.has(token.stem)) {
      for (const title of leaderTitles()) {
        if (title !== token.stem && inKnowledgeBase(index, title) && !expansions.some((e) => e.stem === title)) {
          expansions.push({ stem: title, weight: LEADER_TITLE_WEIGHT, via: "synonym", word: index.surface.get(title) ?? title });
        }
      }
    }
    // The particle of a phrasal verb says little alone: "burned down", "called off", "paid back".
    const particle = PARTICLES.has(token.word) && preceding !== undefined && !preceding.stop && knownAs(cache.thesaurus, preceding.word, "v");
    const term = makeTerm(index, token.word, token.stem, expansions, token.position < asked, phrase, particle);
    // A verb form typed in lower case is not the name it shares a stem with: "parking" is not
    // the Park of "Lyons Park".
    if (term.name && !token.capitalized && VERB_FORM.test(token.word) && !VERB_FORM.test(index.surface.get(term.stem) ?? token.word)) term.name = false;
    terms.push(term);
    positions.push(token.position);
  }
  namePhrases(index, terms, positions, tokens);
  const bigrams: Array<[number, number]> = [];
  for (let i = 0; i + 1 < terms.length; i++) {
    if (positions[i + 1]! - positions[i]! <= 2) bigrams.push([i, i + 1]);
  }
  // The exact-match key, as the index makes it for FAQ questions.
  const key = tokens.map((t) => t.word).join(" ");
  if (index.abbreviations.size > 0) addAbbreviations(index, terms);
  // "Who is Gareth Lomax?" asks what a named person is ("its operations director"), not for
  // another person's name. (A role the documents capitalize is no name: "Who is the President
  // of South Korea?" asks for one.)
  if (answerType === "person" && WHO_IS_NAME.test(text) && terms.length > 0 && terms.every((t) => (t.name || t.light) && !knownAs(thesaurus, t.word, "p"))) answerType = "none";
  const roles = answerType === "person" ? terms.filter((t) => !t.light && !t.name && knownAs(thesaurus, t.word, "p")).map((t) => t.stem) : [];
  return { roles, kinds: kindsAsked(text, answerType, terms, thesaurus), text: typed, key, terms, answerType, bigrams, definition: isDefinitionQuestion(text), origin: answerType === "place" && ORIGIN_QUESTION.test(text), elapsed: answerType === "duration" && ELAPSED_QUESTION.test(text), untilNow: answerType === "duration" && UNTIL_NOW_QUESTION.test(text), tally: answerType === "number" && VOTE_QUESTION.test(text.toLowerCase()), head: headTerm(tokens, terms, positions, answerType, thesaurus) };
}

/** The stems a term stands for by its own spelling (not by a synonym or related word). */
function spelledStems(term: QueryTerm): string[] {
  return term.expansions.filter((e) => e.via !== "synonym" && e.via !== "related").map((e) => e.stem);
}

/** Whether some document's lede (what it is about) holds both stems; `name` is the rarer one, whose documents are tried. */
function inOneLede(index: RetrievalIndex, name: string, other: string): boolean {
  const docs = index.documentsWith.get(name);
  if (!docs) return false;
  for (let k = 0; k < docs.length && k < MAX_LEDE_LOOKUPS; k++) {
    const lede = index.ledes[docs[k]!]!;
    if (lede.has(name) && lede.has(other)) return true;
  }
  return false;
}
/** Documents tried by inOneLede at most: a name in more is no one document's topic. */
const MAX_LEDE_LOOKUPS = 64;

/**
 * Common words the visitor capitalizes as part of a proper name with a name beside them, when
 * a document's lede writes that name so ("Kerrigan Ridge Walk", "Lakeside Leisure Centre"),
 * are names too: the topic, not what the question asks about it ("are dogs allowed on the
 * Kerrigan Ridge Walk?" asks about dogs). Not the question's last content word besides names.
 * (Lower case is no sign: "the Stainby museum" asks about the museum.)
 */
function namePhrases(index: RetrievalIndex, terms: QueryTerm[], positions: readonly number[], tokens: readonly Token[]): void {
  let focus = 0;
  for (const t of terms) if (!t.name && !t.light && t.known) focus++;
  for (let pass = 0; pass < terms.length; pass++) {
    let changed = false;
    for (let i = 0; i + 1 < terms.length && focus > 1; i++) {
      const a = terms[i]!;
      const b = terms[i + 1]!;
      if (a.name === b.name || a.light || b.light || positions[i + 1]! - positions[i]! > 2) continue;
      const at = a.name ? i + 1 : i;
      const common = terms[at]!;
      if (!tokens[positions[at]!]!.capitalized || !common.known) continue;
      if (!spelledStems(a).some((x) => spelledStems(b).some((y) => index.inNamePhrase(x, y) && inOneLede(index, a.name ? x : y, a.name ? y : x)))) continue;
      // A name is matched by its spelling (see makeTerm).
      terms[at] = { ...common, name: true, expansions: common.expansions.filter((e) => e.via !== "synonym") };
      focus--;
      changed = true;
    }
    if (!changed) break;
  }
}

/** An -ing or -ed form ("parking", "parked"). */
const VERB_FORM = /(?:ing|ed)$/;

const COPULAS: ReadonlySet<string> = new Set(["is", "was", "are", "were", "s"]);
const DO_AUXILIARIES: ReadonlySet<string> = new Set(["did", "does", "do", "will"]);
const AUXILIARIES: ReadonlySet<string> = new Set(["is", "was", "are", "were", "did", "does", "do", "will", "has", "have", "had", "can", "could", "would", "should"]);

/** Position of the first token that is `word` (followed by `next`, if given), or -1. */
function findToken(tokens: readonly Token[], word: string, next?: string): number {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.word === word && (next === undefined || tokens[i + 1]?.word === next)) return i;
  }
  return -1;
}

/**
 * The head of a question (see Query.head), or -1:
 * - "Who is/was/will be the ROLE…?": the last word of the first run of content words after
 *   the copula (names skipped: "Who is Kim's envoy?" is about the envoy). Not "Who won…?": a
 *   verb there is paraphrased too often (beat, defeated).
 * - "How many THINGS…?": likewise, the run after "how many", up to its first plural noun.
 * - "When did/was X VERB?", "What do/did X VERB?": the verb that ends the question, the event
 *   asked about ("When was the university founded?": a date in a text without it dates
 *   another event).
 * Never a name or a light word.
 */
function headTerm(tokens: readonly Token[], terms: readonly QueryTerm[], positions: readonly number[], answerType: AnswerType, thesaurus: Thesaurus): number {
  if (answerType === "time" || answerType === "none") return eventTerm(tokens, terms, positions, thesaurus, answerType === "time" ? "when" : "what");
  let from = -1;
  if (answerType === "person") {
    const who = findToken(tokens, "who");
    const next = tokens[who + 1]?.word ?? "";
    // ("Who's the…" tokenizes as "who the".)
    if (who >= 0) from = COPULAS.has(next) ? who + 1 : next === "the" ? who : next === "will" && tokens[who + 2]?.word === "be" ? who + 2 : -1;
  } else if (answerType === "number") {
    const how = findToken(tokens, "how", "many");
    if (how >= 0) from = how + 1;
  }
  if (from < 0) return -1;
  let head = -1;
  for (let i = from + 1; i < tokens.length; i++) {
    const t = positions.indexOf(i);
    const term = t >= 0 ? terms[t]! : undefined;
    if (!term || term.name) {
      if (head >= 0) break; // the run has ended
      continue;
    }
    head = t;
    // The counted thing ends the run at its plural noun ("How many customers lost power…"
    // turns on the customers, not the power; "How many bus routes…" on the routes).
    if (answerType === "number" && isPluralNoun(thesaurus, tokens[i]!.word)) break;
  }
  return head >= 0 && !terms[head]!.light ? head : -1;
}

/**
 * Whether WordNet knows a word (or its base form) as a part of speech (see partsOfSpeech):
 * "v" ("burned": burn), "p" for a noun for a person ("governor", "directors"; not "shampoo").
 */
function knownAs(thesaurus: Thesaurus, word: string, part: string): boolean {
  for (const lemma of lemmaCandidates(word)) if (partsOfSpeech(thesaurus, lemma).includes(part)) return true;
  return false;
}

/** Whether a word is the plural of a noun WordNet knows ("customers", "sailings"; not "bus"). */
function isPluralNoun(thesaurus: Thesaurus, word: string): boolean {
  if (!/[^su]s$/.test(word)) return false;
  for (const lemma of lemmaCandidates(word)) if (lemma !== word && partsOfSpeech(thesaurus, lemma).includes("n")) return true;
  return false;
}

/** The verb that ends "When did/was X VERB?" or "What do/did X VERB?" (see headTerm), or -1. */
function eventTerm(tokens: readonly Token[], terms: readonly QueryTerm[], positions: readonly number[], thesaurus: Thesaurus, wh: "when" | "what"): number {
  const at = findToken(tokens, wh);
  if (at < 0 || !(wh === "when" ? AUXILIARIES : DO_AUXILIARIES).has(tokens[at + 1]?.word ?? "")) return -1;
  const last = tokens.length - 1;
  const t = positions.indexOf(last);
  if (t < 0 || last <= at + 2) return -1;
  const term = terms[t]!;
  if (term.name || term.light) return -1;
  return knownAs(thesaurus, tokens[last]!.word, "v") ? t : -1;
}

function makeTerm(index: RetrievalIndex, word: string, s: string, expansions: Expansion[], preamble = false, phrase = false, particle = false): QueryTerm {
  const light = preamble || particle || (LIGHT_WORDS.has(s) && !phrase);
  const best = expansions.reduce<Expansion | undefined>((a, e) => (!a || e.weight > a.weight ? e : a), undefined);
  const idf = best ? index.idf(best.stem) : index.maxIdf;
  // A name only when the word itself (or its spelling corrected) is one: "married" is not a
  // name because WordNet relates it to "united" (as in United Nations).
  const name = best !== undefined && best.via !== "synonym" && index.isName(best.stem);
  return {
    word,
    stem: s,
    weight: idf * (preamble ? PREAMBLE_WEIGHT : light ? LIGHT_WEIGHT : 1),
    light,
    name,
    known: expansions.length > 0,
    // A name is matched by its spelling: "the Haul" (a bike) is not "carry".
    expansions: name ? expansions.filter((e) => e.via !== "synonym") : expansions,
  };
}
