/**
 * What kind of answer a question asks for, and whether a sentence carries that kind.
 * Pure pattern matching over the original text.
 */

export type AnswerType =
  | "person" | "time" | "place" | "number" | "money" | "age" | "speed" | "distance" | "duration" | "frequency" | "reason" | "quote"
  /** Only ever an FAQ question's type ("Are there concerns…?"): it answers yes or no. */
  | "yesno"
  /** Only ever an FAQ question's type ("What does a severe flood warning mean?"): it explains a term. */
  | "definition"
  | "none";

const NUMBER_WORDS =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|several|few";
const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight";
const UNITS = "second|minute|hour|day|night|week|month|year|decade|century";

/** Ordinals in words, for centuries ("the twelfth century"): literal alternatives fail fast on a word's first letter. */
const ORDINAL_WORDS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first";

const PATTERNS: Record<Exclude<AnswerType, "none" | "yesno" | "definition" | "person" | "place" | "money" | "age">, RegExp> = {
  time: new RegExp(
    `\\b(?:${MONTHS}|${DAYS}|(?:1[5-9]|20)\\d\\d|\\d{4}-\\d\\d-\\d\\d|\\d{1,2}(?::\\d\\d)?\\s*(?:a\\.?m|p\\.?m)\\b|\\d{1,2}(?:st|nd|rd|th)[\\s-]+centur(?:y|ies)|(?:${ORDINAL_WORDS})[\\s-]+centur(?:y|ies)|1\\d{2}0s|20\\d0s|years?\\s+\\d{3,4}\\b|o'clock|noon|midnight|spring|summer|autumn|fall|winter|morning|evening|afternoon|last\\s+(?:${UNITS})|next\\s+(?:${UNITS})|recent(?:ly)?|(?:${UNITS})s?\\s+(?:ago|later|earlier)|since|until|by\\s+the\\s+end)`,
    "i",
  ),
  /** Without digits: a number word or an amount sign (digits: hasCountInDigits). */
  number: new RegExp(`(?:\\b(?:${NUMBER_WORDS})\\b|percent|%|\\$|€|£)`, "i"),
  duration: new RegExp(
    `\\b(?:(?:\\d+(?:\\.\\d+)?|${NUMBER_WORDS}|a|an|several|few)[\\s-]+(?:${UNITS})s?|(?:${UNITS})[\\s-]?long|(?:${UNITS})s?\\b\\s+(?:of|ago)|overnight|for\\s+(?:the\\s+)?(?:${UNITS})s?|\\b(?:until|till|through)\\s+(?:at\\s+least\\s+|the\\s+end\\s+of\\s+)?(?:${MONTHS}|${DAYS}|next|\\d))`,
    "i",
  ),
  frequency: new RegExp(
    `\\b(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually|once|twice|thrice|every\\s+(?:other\\s+|\\d+\\s+|(?:${NUMBER_WORDS})\\s+)?(?:${UNITS}|${DAYS}|weekday|weekend)s?|(?:\\d+|${NUMBER_WORDS}|many)\\s+times|(?:per|each)\\s+(?:${UNITS})|on\\s+(?:weekdays|weekends|(?:${DAYS})s))\\b`,
    "i",
  ),
  quote: /["“”]|\b(?:said|says|told|according to|announced|wrote)\b/i,
  speed: /\b\d+(?:\.\d+)?\s?(?:km\/h|kph|mph|km\/s|m\/s|knots?|kilomet(?:er|re)s?\s+(?:per|an|a)\s+hour|miles?\s+(?:per|an|a)\s+hour)\b/i,
  distance: /\b\d+(?:[.,]\d+)?[\s-]?(?:km|kilomet(?:er|re)s?|miles?|m|met(?:er|re)s?|feet|foot|ft|yards?|inch(?:es)?|cm|centimet(?:er|re)s?)\b/i,
  // ("since" of time, "since 2012", "since last year", is no reason.)
  reason: /\b(?:because|due to|since(?!\s+(?:the\s+)?(?:\d|last|then|early|late|mid|its?\b|records?\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|fall|winter|mon|tue|wed|thu|fri|sat|sun)[a-z]*))|so that|in order to|as a result|reason|aim(?:s|ed)? to|to (?:help|ensure|avoid|prevent|improve|support|strengthen|enhance)|(?:caused|sparked|triggered|started|driven|prompted|forced) (?:(?:in part|partly|largely|mainly|mostly) )?by|blamed on|designed (?:to|for)|needed (?:to|for)|in response to|followed (?:a|an|the)|after [a-z]+ing|after (?:[\w'-]+ ){0,3}(?:warned|warnings?|complaints?|concerns?|problems?|delays?|reports?|failures?|failed|found|said))\b/i,
};

const CURRENCY =
  "(?:dollars?|euros?|pounds?|cents?|pence|usd|eur|gbp|yen|francs?|kronor|kroner|krona|krone|korunas?|crowns?|rupees?|yuan|rand|pesos?|roubles?|rubles?|lira|lire|shillings?|dinars?|dirhams?|riyals?|rials?|rupiah|baht|ringgits?|zlotys?|forints?|lei|leu|leva|kuna|shekels?|naira|kwacha|cedis?|florins?|guilders?|ducats?|escudos?|drachmas?|pesetas?|kopecks?|hryvnias?|tenge|taka|bitcoins?)";
/** A substring of every CURRENCY word (for the word hints below). */
const CURRENCY_KEYWORDS =
  "dollar eur pound cent pence usd gbp yen franc kron korun crown rupee yuan rand peso roubl rubl lir shilling dinar dirham riyal rial rupiah baht ringgit zlot forint lei leu lev kuna shekel naira kwacha cedi florin guilder ducat escudo drachma peseta kopeck hryvnia tenge taka bitcoin";
const SCALE = "(?:hundred|thousand|million|billion|trillion|m|bn|k)";
/** Money and age: the alternatives that need a digit apart, so that a text without one skips them. */
const MONEY = {
  // "$5", "5 euros", "22.6 million pounds", "4.6 billion Norwegian kroner"
  digits: new RegExp(`[$€£¥]\\s?\\d|\\d(?:\\s?${SCALE})?\\s(?:[a-z]+\\s)?${CURRENCY}\\b|\\d\\s?${CURRENCY}\\b`, "i"),
  words: new RegExp(`\\b(?:free of charge|for free|is free|are free|get in free|no charge|costs? nothing)\\b|\\b(?:${NUMBER_WORDS})(?:\\s${SCALE})?\\s(?:[a-z]+\\s)?${CURRENCY}\\b`, "i"),
};
const AGE = {
  digits: /\b\d+[\s-]years?[\s-]old\b|\baged?\s+\d+|\bage\s+of\s+\d+|\b\d+(?:st|nd|rd|th)\s+birthday\b/i,
  words: new RegExp(`\\bborn\\s+(?:in|on)\\b|\\b(?:${NUMBER_WORDS})[\\s-]years?[\\s-]old\\b`, "i"),
};

/**
 * A named organisation ("a grant from the Ardent Foundation"): "Who is paying for it?" may
 * be answered by one, though no person is named.
 */
const ORGANISATION =
  /\b\p{Lu}[\p{L}'’&.-]*\s+(?:Foundation|Trust|Council|Company|Corporation|Inc|Ltd|LLC|plc|Group|Agency|Authority|Association|Society|Institute|University|College|Bank|Fund|Ministry|Department|Union|Commission|Committee|Board|Partners|Holdings)\b/u;
/** The answer-type bit of a sentence that names an organisation (not a question type). */
export const ORGANISATION_BIT = 1 << 14;

const ORGANISATIONS = new RegExp(ORGANISATION.source, "gu");

/** The words of the organisations a text names, lower case ("ardent foundation"). */
export function organisationWords(text: string): string[][] {
  const out: string[][] = [];
  // matchAll iterates over a copy of the regex: the shared one keeps no state.
  for (const match of text.matchAll(ORGANISATIONS)) out.push(match[0].toLowerCase().split(/\s+/));
  return out;
}

/** A year of the last millennium or this century, as a number alone. */
const YEAR = /^(?:1\d|20)\d\d$/;
/** A written number: digits with their separators ("1,150", "5.2", "2024"). */
const DIGITS = /\d(?:[\d,.]*\d)?/g;
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTHS})\\.?\\s+$`, "i");
/** What follows the hour of a time of day: "am", " p.m.", ":30" (whose minutes are skipped for the colon before them). */
const CLOCK_AFTER = /^(?:\s?[ap]\.?m\b|:\d\d)/i;
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\b`, "i");

/**
 * Whether a text states a count or an amount in digits: some written number that is not a
 * year ("in 1921", "the 1990s") or a day of a date ("June 2", "9 January"). A date says when,
 * not how many.
 */
function hasCountInDigits(text: string): boolean {
  for (const match of text.matchAll(DIGITS)) {
    const digits = match[0];
    const start = match.index;
    const end = start + digits.length;
    if (digits.length === 4 && YEAR.test(digits)) continue;
    if (digits.length <= 2 && (MONTH_BEFORE.test(text.slice(Math.max(0, start - 11), start)) || MONTH_AFTER.test(text.slice(end, end + 16)))) continue;
    // A time of day ("10 a.m.", "8am", "7:30", "6.30pm") says when, not how many.
    if (CLOCK_AFTER.test(text.slice(end, end + 6)) || (digits.length === 2 && text[start - 1] === ":")) continue;
    return true;
  }
  return false;
}

/** Words after which a wh-word starts a clause or an embedded question ("…so could you tell me who won?"). */
export const QUESTION_LEAD_WORDS: readonly string[] = ["and", "or", "but", "so", "then", "me", "us", "know", "wondering", "wonder", "asking", "curious", "idea"];

/**
 * Where a one-word wh-question may start: the message, a clause, or an embedded question
 * ("tell me who…", "I wonder when…"). Elsewhere "when" and "who" join clauses ("what did he
 * do when he got back", "our kids, who are 8").
 */
const CLAUSE_START = `(?:^\\W*|[;:?!]\\s*|\\.\\s+|\\b(?:${QUESTION_LEAD_WORDS.join("|")})\\s+)`;

/** One-word wh-questions where CLAUSE_START allows them (built once, not per question). */
const CLAUSE_WHEN = new RegExp(`(?:${CLAUSE_START}|\\b(?:until|till|since|from|by)\\s+)when\\b`);
const CLAUSE_WHO = new RegExp(`${CLAUSE_START}who(?:m|se)?\\b`);
const CLAUSE_WHERE = new RegExp(`${CLAUSE_START}where\\b`);
const CLAUSE_WHY = new RegExp(`${CLAUSE_START}why\\b`);
/** "How many days…": a count of time units is a duration ("for four days", "a week-long"). */
const HOW_MANY_UNITS = new RegExp(`\\bhow\\s+many\\s+(?:${UNITS})s\\b`);

/**
 * Keywords (no question word, not a yes/no question) that end in one of `words` (a regex
 * alternation): "ferry strike dates", "temporary library location".
 */
function keywordsEndingIn(words: string): RegExp {
  return new RegExp(`^(?!.*\\b(?:who|what|when|where|how|which|why)\\b)(?!\\W*(?:is|are|was|were|can|could|do|does|did|will|would|should|shall|may|might|must|has|have|had)\\b)[^?]*\\b(?:${words})\\W*$`);
}

/**
 * A question for how a body voted: "How did the city council vote on…?", "what was the vote
 * on…?", "the final vote count". Not how one person voted ("How did Senator Ames vote?"): a
 * side, not a tally. (Nor "Which body announced the vote count?", which asks who.)
 */
export const VOTE_QUESTION =
  /\bhow\s+did\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:council|councillors|councilors|board|committee|members|assembly|parliament|senate|voters|shareholders|panel|judges|jury|cabinet|mps|lawmakers|legislature|trustees|governors)\s+vote\b|^\W*what(?:'s|\s+(?:is|was))\s+the\s+(?:[\w'-]+\s+){0,2}vote\b|\bby\s+how\s+many\s+votes\b/;
/** A count in a tally: digits or a small number in words. */
const COUNT = "(?:\\d+|none|nil|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)";
/** A vote's tally: "5 to 2", "7-2", "a 31-to-24 vote", "by seven votes to two", "unanimously". */
export const VOTE_TALLY = new RegExp(`\\b${COUNT}\\s*(?:-|–|to|-to-)\\s*${COUNT}\\b|\\b${COUNT}\\s+votes?\\s+to\\s+${COUNT}\\b|\\bunanimous(?:ly)?\\b`, "i");

/**
 * The answer types a question may ask for, in the order they are tried, each with the
 * patterns (over the lower-cased question) that ask for it. Each pattern comes with words of
 * which one must start a word of the question (after a character other than [A-Za-z0-9_],
 * or at the start) for it to match: every alternative of the pattern spells one out there
 * (after \b, \s or ^\W*). Most questions start no word with any word of most lists, and one
 * scan of the question for them all (see gateOf) costs less than trying each pattern's
 * alternatives at every position. Built once, not per question.
 */
const QUESTION_TYPES: ReadonlyArray<readonly [AnswerType, ReadonlyArray<readonly [RegExp, readonly string[]]>]> = [
  ["quote", [[/\bwhat\s+(?:did|does|do|has|have|will|would)\b.*\b(?:say|said|tell|told|think|thought|comment|respond|reply|announce|write|wrote)\b|\bwhat\s+was\s+said\b|\bquote\b/, ["say", "said", "tell", "told", "think", "thought", "comment", "respond", "reply", "announce", "write", "wrote", "quote"]]]],
  ["frequency", [[/\bhow\s+(?:often|frequent(?:ly)?|regularly)\b|\bhow\s+many\s+times\s+(?:a|per|each)\b|\bhow\s+many\s+\w+\s+(?:a|per|each)\s+(?:day|week|month|year)\b/, ["often", "frequent", "regularly", "many"]]]],
  ["duration", [[/\bhow\s+long\b|\bfor\s+how\s+long\b|\bwhat\s+(?:duration|length of time)\b|\bhow\s+much\s+(?:more\s+|extra\s+)?(?:time|notice|warning)\b|\bhow\s+much\s+(?:longer|shorter)\b|\bhow\s+soon\b/, ["long", "duration", "length", "much", "soon"]], [HOW_MANY_UNITS, ["many"]],
    // Keywords: "bridge closure weeks", "strike duration".
    [keywordsEndingIn("duration|weeks|months"), ["duration", "weeks", "months"]]]],
  ["age", [[/\bhow\s+old\b|\bwhat\s+age\b|\bwhen\s+was\s+.+\bborn\b/, ["old", "age", "born"]]]],
  ["speed", [[/\bhow\s+fast\b|\bwhat\s+(?:is\s+the\s+)?(?:top\s+)?speed\b/, ["fast", "speed"]]]],
  ["distance", [[/\bhow\s+(?:far|tall|high|deep|wide)\b|\bwhat\s+distance\b|\bhow\s+many\s+(?:kilomet(?:er|re)s|miles|met(?:er|re)s|km|feet|yards)\b/, ["far", "tall", "high", "deep", "wide", "distance", "many"]]]],
  // "By how much will costs fall?" asks for an amount of change (often a percentage), not a price.
  // "How did the council vote on…?", "what was the board vote…": the tally (see VOTE_QUESTION).
  ["number", [[/\bby\s+how\s+much\b/, ["much"]], [VOTE_QUESTION, ["vote", "votes"]]]],
  ["money", [[/\bhow\s+much\b.*\b(?:cost|price|pay|paid|charge|fare|fee|spend|spent|worth|expensive|cheap|earn|salary|wage|money|set\s+\w+\s+back)|\bwhat\b.*\b(?:be|get|gets|getting)\s+paid\b|\bwhat\s+(?:will|would|is|was)\s+(?:the\s+)?(?:(?:average|typical|usual|current|new|annual|starting|basic|minimum|maximum|monthly|weekly|yearly)\s+)?(?:fine|salary|wage|fee|fare)\b|\bwhat\s+(?:is\s+the\s+|does\s+\w+\s+)?(?:price|cost|fare|fee)\b|^\W*what\s+(?:is|was|will\s+be)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}budget\b|\bwhat\s+(?:did|does|do|will|would)\s+(?:[\w'-]+\s+){1,3}pay\b(?!.*\bfor\W*$)|\bhow\s+(?:expensive|cheap)\b|\bhow\s+much\s+(?:is|was|will|would)\s+it\s+(?:be\s+)?(?:to|for)\b|\bset\s+(?:me|us|you|them|him|her)\s+back\b|^(?!.*\b(?:who|what|when|where|why|how|which)\b)[^?]*\b(?:cost|price|fee|fare)s?\W*$|^\W*(?:cost|price|fee|fare)s?\s+(?:of|for)\b/, ["much", "paid", "pay", "budget", "fine", "salary", "wage", "fee", "fare", "price", "cost", "expensive", "cheap", "back"]]]],
  // Keywords too: "number of evacuees", "layoffs number".
  ["number", [[/\bhow\s+(?:many|much|big|large|heavy)\b|^\W*what(?:\s+(?:is|was|will\s+be))?\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}population\b|\bwhat\s+(?:percent(?:age)?|number|amount|share|proportion|fraction)\b|^\W*what(?:\s+(?:is|was|will|are|were))?\s+(?:the\s+|an?\s+)?(?:(?!happen|reason|cause|for\b|of\b|to\b|in\b|about\b)[\w'-]+\s+){0,4}rates?\b(?!\s+of\s+change)|^(?!.*\b(?:who|what|when|where|why|how|which)\b).*\bnumber\s+of\b|\bwhat\s+(?:is|was|are|were)\s+the\s+(?:total\s+)?number\s+of\b/, ["many", "much", "big", "large", "heavy", "population", "percent", "number", "amount", "rate", "share", "proportion", "fraction"]],
    // Keywords: "layoffs number", "rebate amount" (not "How do I find the batch number?").
    [keywordsEndingIn("number|amounts?"), ["number", "amount"]]]],
  ["time", [[CLAUSE_WHEN, ["when"]], [/\bwhat\s+(?:times?|date|days?|years?|months?|hours|century|decade)\b|\bwhich\s+(?:days?|years?|months?|dates?|hours|century|decade)\b|^\W*what\s+(?:is|was)\s+the\s+(?:[\w'-]+\s+){0,2}deadline\b|\b(?:opening|closing|visiting|office|business)\s+(?:hours|times)\b|^\W*what\s+(?:are|is|were|was)\s+the\s+(?:[\w'-]+\s+){0,4}(?:times|dates|hours)\W*$|^\W*what\s+(?:are|is|were|was)\s+the\s+(?:[\w'-]+\s+){0,2}(?:dates?|deadline|closing\s+date)\s+(?:of|for)\b/, ["time", "date", "day", "year", "month", "hour", "century", "decade", "deadline", "closing"]],
    // Keywords: "ferry strike dates", "hospital merger date", "application deadline".
    [keywordsEndingIn("dates?|deadlines?"), ["date", "deadline"]]]],
  ["person", [[CLAUSE_WHO, ["who"]], [/\bwhich\s+(?:[a-z]+\s+)?(?:person|people|leaders?|officials?|president|ministers?|compan(?:y|ies)|organi[sz]ations?|groups?|clubs?|teams?|firms?|agenc(?:y|ies)|unions?|part(?:y|ies)|bands?|contractors?|builders?|shipyards?|manufacturers?|suppliers?|operators?|caterers?|retailers?|brands?|charit(?:y|ies)|airlines?|providers?|developers?|architects?|insurers?|sponsors?|chains?)\b/, ["which"]]]],
  ["place", [[CLAUSE_WHERE, ["where"]], [/\b(?:is|are)\s+there\s+(?:somewhere|anywhere)\b/, ["somewhere", "anywhere"]], [/\bwhich\s+(?:cit(?:y|ies)|countr(?:y|ies)|count(?:y|ies)|provinces?|continents?|islands?|places?|towns?|regions?|states?)\b|\bwhat\s+(?:cit(?:y|ies)|countr(?:y|ies)|count(?:y|ies)|provinces?|continents?|islands?|places?|towns?|regions?|locations?)\b/, ["cit", "count", "province", "continent", "island", "place", "town", "region", "state", "location"]],
    // Keywords: "temporary library location", "bib pickup address".
    [keywordsEndingIn("location|address|venue"), ["location", "address", "venue"]]]],
  ["reason", [[CLAUSE_WHY, ["why"]], [/\bwhat\s+(?:reason|caused)\b|\bhow\s+did\s+(?:the\s+|this\s+|it\s+)?(?:\w+\s+){0,3}(?:start|begin|happen)\b|\bwhat\s+(?:is|was|are|were)\s+the\s+(?:main\s+)?(?:reasons?|causes?|motives?|purpose)\b|\bhow\s+come\b|^(?!.*\b(?:who|what|when|where|how|which)\b)[^?]*\b(?:reasons?|causes?)\s+(?:for|of|behind)\b/, ["reason", "cause", "start", "begin", "happen", "motive", "purpose", "come"]]]],
];

/**
 * The gate words of QUESTION_TYPES as a trie over a–z: per node, 26 child nodes (0: none)
 * and the bits (one per pattern, in order) of the patterns whose list holds the word ending there.
 */
const GATE_CHILDREN: number[] = new Array(26).fill(0);
const GATE_BITS: number[] = [0];
{
  let bit = 0;
  for (const [, patterns] of QUESTION_TYPES) {
    for (const [, words] of patterns) {
      for (const word of words) {
        let node = 0;
        for (let i = 0; i < word.length; i++) {
          const slot = node * 26 + word.charCodeAt(i) - 97;
          if (GATE_CHILDREN[slot] === 0) {
            GATE_CHILDREN[slot] = GATE_BITS.length;
            GATE_BITS.push(0);
            for (let k = 0; k < 26; k++) GATE_CHILDREN.push(0);
          }
          node = GATE_CHILDREN[slot]!;
        }
        GATE_BITS[node] = GATE_BITS[node]! | (1 << bit);
      }
      bit++;
    }
  }
  if (bit > 31) throw new Error("features: more question-type patterns than gate bits");
}
const GATE_NEXT = Int32Array.from(GATE_CHILDREN);
const GATE_MASKS = Int32Array.from(GATE_BITS);

/** \w of a (non-unicode) regex: ASCII letters, digits and the underscore. */
function isRegexWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** Bits of the QUESTION_TYPES patterns one of whose words starts a word of `q` (the others cannot match). */
function gateOf(q: string): number {
  let bits = 0;
  for (let i = 0; i < q.length; i++) {
    if (i > 0 && isRegexWordChar(q.charCodeAt(i - 1))) continue;
    let node = 0;
    for (let k = i; k < q.length; k++) {
      const code = q.charCodeAt(k);
      if (code < 97 || code > 122) break;
      node = GATE_NEXT[node * 26 + code - 97]!;
      if (node === 0) break;
      bits |= GATE_MASKS[node]!;
    }
  }
  return bits;
}

/** The answer type a question asks for, from its opening words. */
export function questionAnswerType(question: string): AnswerType {
  return answerTypeOf(question, true);
}

/** questionAnswerType trying every pattern, whatever the words (what the gate is tested against). */
export function questionAnswerTypeUngated(question: string): AnswerType {
  return answerTypeOf(question, false);
}

function answerTypeOf(question: string, gated: boolean): AnswerType {
  // "What's the price…" reads as "what is the price…". (Each replace only where it can
  // apply: a regex replace builds a new string.)
  let q = question.toLowerCase();
  if (q.includes("\u2018") || q.includes("\u2019")) q = q.replace(/[\u2018\u2019]/g, "'");
  if (q.includes("'s")) q = q.replace(/\b(what|who|when|where|how|why|which)'s\b/g, "$1 is");
  if (q.includes("whats")) q = q.replace(/\bwhats\b/g, "what is");
  const gate = gated ? gateOf(q) : -1;
  let bit = 1;
  for (const [type, patterns] of QUESTION_TYPES) {
    for (const [pattern] of patterns) {
      if ((gate & bit) !== 0 && pattern.test(q)) return type;
      bit <<= 1;
    }
  }
  return "none";
}

const DURATIONS = new RegExp(PATTERNS.duration.source, "gi");
/** "a day", "an hour": the duration alternative that "once a day" also matches. */
const A_UNIT = /^an?[\s-]/i;
const HOW_OFTEN_BEFORE = /\b(?:once|twice|thrice|times|per|each)\s+$/i;

/** Whether a text says how long: "for a day" does, "once a day" (how often) does not. */
function hasDuration(text: string): boolean {
  DURATIONS.lastIndex = 0;
  for (let match = DURATIONS.exec(text); match !== null; match = DURATIONS.exec(text)) {
    if (!A_UNIT.test(match[0]) || !HOW_OFTEN_BEFORE.test(text.slice(Math.max(0, match.index - 8), match.index))) return true;
  }
  return false;
}

/**
 * Word hints: which of the patterns above a text's words allow at all. Each pattern above
 * (bar the capital-letter ones) can only match where the text holds one of its keywords, a
 * run of ASCII letters that every match of one of its alternatives contains, or a digit, or
 * one of a few signs. A word's hints (wordHints) are the keywords it contains; a text whose
 * words hint at none of a pattern's keywords cannot match that pattern, which is then not
 * run (most sentences name no speed, price, age or frequency). Only a superset: a hinted
 * pattern still decides by its own test.
 */
const HINT_DIGIT = 1;
const HINT_TIME = 1 << 1;
const HINT_NUMBER = 1 << 2;
const HINT_DURATION = 1 << 3;
const HINT_FREQUENCY = 1 << 4;
const HINT_REASON = 1 << 5;
const HINT_QUOTE = 1 << 6;
const HINT_MONEY_DIGITS = 1 << 7;
const HINT_MONEY_WORDS = 1 << 8;
const HINT_AGE = 1 << 9;
const HINT_SPEED = 1 << 10;
const HINT_DISTANCE = 1 << 11;
const HINT_ORGANISATION = 1 << 12;
/** Every hint but the digit: what a text whose words are not known may hold. */
const ANY_WORD_HINTS = (1 << 13) - 1 - HINT_DIGIT;

/**
 * Keywords by hint, lower case, each a substring of every match of some alternative (and
 * together covering all alternatives) of the pattern it hints at: months and days by their
 * first three letters or "day", numbers by their words, units by theirs, o'clock by "clock",
 * "by the end" by "end", "so that" by "that"; a digit hints at whatever needs one.
 */
const HINT_KEYWORDS: ReadonlyArray<readonly [number, string]> = [
  [HINT_DIGIT, "0 1 2 3 4 5 6 7 8 9"],
  [HINT_TIME, "jan feb mar apr may jun jul aug sep oct nov dec century day tomorrow tonight clock noon midnight spring summer autumn fall winter morning evening last next recent ago later earlier since until end"],
  [HINT_NUMBER, `${NUMBER_WORDS.split("|").join(" ")} percent`],
  [HINT_DURATION, `${UNITS.split("|").join(" ")} til through`],
  [HINT_FREQUENCY, "hourly daily nightly weekly monthly quarterly yearly annually once twice thrice every times per each days weekends tomorrows tonights"],
  [HINT_REASON, "because due since that order result reason aim help ensure avoid prevent improve support strengthen enhance caused sparked triggered started driven prompted forced blamed designed needed response followed after"],
  [HINT_QUOTE, "said says told according announced wrote"],
  [HINT_MONEY_DIGITS, CURRENCY_KEYWORDS],
  [HINT_MONEY_WORDS, `free charge nothing ${CURRENCY_KEYWORDS}`],
  [HINT_AGE, "year age birthday born"],
  [HINT_SPEED, "km kph mph knot kilomet mile"],
  // "m" alone (5 m, 5m, 5-m) is handled in wordHints.
  [HINT_DISTANCE, "km met mile feet foot ft yard inch cm"],
  [HINT_ORGANISATION, "foundation trust council company corporation inc ltd llc plc group agency authority association society institute university college bank fund ministry department union commission committee board partners holdings"],
];

/**
 * Hints by keyword, each with those of the keywords it starts with: KEYWORD_AT tries the
 * longest first, and every keyword that starts at the same place is a prefix of it.
 */
const KEYWORD_HINTS = new Map<string, number>();
for (const [hint, words] of HINT_KEYWORDS) for (const word of words.split(" ")) KEYWORD_HINTS.set(word, (KEYWORD_HINTS.get(word) ?? 0) | hint);
for (const [word] of KEYWORD_HINTS) {
  let hints = 0;
  for (const [other, bits] of KEYWORD_HINTS) if (word.startsWith(other)) hints |= bits;
  KEYWORD_HINTS.set(word, hints);
}
/** Every place a keyword starts (a lookahead: overlapping keywords are all found), longest keyword first. */
const KEYWORD_AT = new RegExp(`(?=(${[...KEYWORD_HINTS.keys()].sort((a, b) => b.length - a.length).join("|")}))`, "g");

/**
 * The hints of one word as the tokenizer gives it (lower case, apostrophes and joining
 * hyphens dropped: see text.ts WordForm.word). Indexing works them out once per distinct word.
 */
export function wordHints(word: string): number {
  let hints = 0;
  KEYWORD_AT.lastIndex = 0;
  for (let match = KEYWORD_AT.exec(word); match !== null; match = KEYWORD_AT.exec(word)) {
    hints |= KEYWORD_HINTS.get(match[1]!)!;
    KEYWORD_AT.lastIndex = match.index + 1;
  }
  // Metres as "m" after a number: the word is "m" or starts with it ("5 m", "5 m-long"), or
  // holds it after a digit ("5m", "5-m", "2.5m-long").
  if (word.charCodeAt(0) === 109 || ((hints & HINT_DIGIT) !== 0 && /\dm/.test(word))) hints |= HINT_DISTANCE;
  return hints;
}

/**
 * Bit flags of the answer types a sentence can answer; computed once per sentence at index time.
 *
 * `hints`, when given, must be the union of the wordHints of every word scanWords finds in
 * `text`, for a text it scans as ASCII (scanWords returns true): then every ASCII letter and
 * digit of the text is in one of those words, and the text has no "€", "£", "“" or "”", so
 * a pattern none of whose keywords, digits or signs occur is not tried. Without hints every
 * pattern is tried. The flags are the same either way.
 */
export function sentenceAnswerTypes(text: string, hints?: number): number {
  let flags = 0;
  // One scan for a digit spares whole patterns: speeds, distances and most counts, amounts
  // and ages have one.
  const digit = hints === undefined ? /\d/.test(text) : (hints & HINT_DIGIT) !== 0;
  const may = hints ?? ANY_WORD_HINTS;
  if ((digit || (may & HINT_TIME) !== 0) && PATTERNS.time.test(text)) flags |= TYPE_BITS.time;
  if ((digit && hasCountInDigits(text)) || (((may & HINT_NUMBER) !== 0 || text.includes("%") || text.includes("$")) && PATTERNS.number.test(text))) flags |= TYPE_BITS.number;
  if ((may & HINT_DURATION) !== 0 && hasDuration(text)) flags |= TYPE_BITS.duration;
  if ((may & HINT_FREQUENCY) !== 0 && PATTERNS.frequency.test(text)) flags |= TYPE_BITS.frequency;
  if ((may & HINT_REASON) !== 0 && PATTERNS.reason.test(text)) flags |= TYPE_BITS.reason;
  if ((digit && ((may & HINT_MONEY_DIGITS) !== 0 || text.includes("$")) && MONEY.digits.test(text)) || ((may & HINT_MONEY_WORDS) !== 0 && MONEY.words.test(text))) flags |= TYPE_BITS.money;
  if (((may & HINT_QUOTE) !== 0 || text.includes('"')) && PATTERNS.quote.test(text)) flags |= TYPE_BITS.quote;
  if ((may & HINT_AGE) !== 0 && ((digit && AGE.digits.test(text)) || AGE.words.test(text))) flags |= TYPE_BITS.age;
  // "m/s" is the one speed whose letters are no keyword: its "/" stands in.
  if (digit && ((may & HINT_SPEED) !== 0 || text.includes("/")) && PATTERNS.speed.test(text)) flags |= TYPE_BITS.speed;
  if (digit && (may & HINT_DISTANCE) !== 0 && PATTERNS.distance.test(text)) flags |= TYPE_BITS.distance;
  // A capitalized word that does not start the sentence: a name of a person, group or place.
  if (hasNameWord(text)) {
    flags |= TYPE_BITS.person | TYPE_BITS.place;
    if ((may & HINT_ORGANISATION) !== 0 && ORGANISATION.test(text)) flags |= ORGANISATION_BIT;
  } else if (/\b(?:in|at|near|from|to)\s+(?:the\s+)?[\p{Lu}]/u.test(text)) flags |= TYPE_BITS.place;
  return flags;
}

/** Days and months, lower case: capitalized, but no name of a person, group or place. */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december".split(" "),
);
const CAPITALIZED_WORD = /\s([\p{Lu}][\p{Ll}\p{Lu}][\p{L}]*)/gu;

/** Whether a capitalized word other than the first (a month or day aside) names a person, group or place. */
function hasNameWord(text: string): boolean {
  CAPITALIZED_WORD.lastIndex = 0;
  for (let match = CAPITALIZED_WORD.exec(text); match !== null; match = CAPITALIZED_WORD.exec(text)) {
    if (!CALENDAR_WORDS.has(match[1]!.toLowerCase())) return true;
  }
  return false;
}

export const TYPE_BITS: Record<Exclude<AnswerType, "none">, number> = {
  person: 1,
  time: 2,
  place: 4,
  number: 8,
  duration: 16,
  reason: 32,
  money: 64,
  age: 128,
  speed: 256,
  distance: 512,
  quote: 1024,
  yesno: 2048,
  definition: 4096,
  frequency: 8192,
};

/** A question that opens with an auxiliary verb asks yes or no ("Is there parking…?"). */
export const YES_NO_QUESTION = /^\W*(?:are|is|was|were|do|does|did|can|could|will|would|should|has|have|had|may|must)\b/i;

/** "What is the Weekend Surgery Hub?": what a named thing is (a capitalized word first, a few words in all). */
const DEFINITION_OF_NAME = /^\W*[Ww]hat\s+(?:is|are)\s+(?:the\s+|an?\s+)?\p{Lu}[\p{L}\p{N}'\u2019.-]*(?:\s+[\p{L}\p{N}'\u2019.-]+){0,4}\W*$/u;
/** An FAQ question that asks what a term means (not "What are the opening hours?", which asks when). */
const DEFINITION_FAQ = /^\W*what\s+(?:does|do|did)\s+.+\s+mean\W*$|^\W*what\s+is\s+meant\s+by\b|^\W*what\s+(?:is|are)\s+(?:an?\s+)?[\p{L}\p{N}-]+\W*$/iu;

/**
 * An FAQ question's own type. One that asks yes or no ("Are there…", "Is it…", "Can I…") or
 * what a term means ("What does a severe flood warning mean?", "What is moorcidin?") does not
 * answer who, when or how many, even when its answer happens to hold a name or a number.
 */
export function faqQuestionType(question: string): AnswerType {
  const type = questionAnswerType(question);
  if (type !== "none") return type;
  if (DEFINITION_FAQ.test(question) || DEFINITION_OF_NAME.test(question)) return "definition";
  return YES_NO_QUESTION.test(question) ? "yesno" : "none";
}

/** Answer types that a text either visibly holds or not: a mismatch is strong evidence. */
export const STRICT_TYPES: ReadonlySet<AnswerType> = new Set(["time", "number", "money", "age", "speed", "distance", "duration", "frequency"]);

/**
 * One to four words (runs of letters, digits, apostrophes, dots, hyphens) apart by spaces.
 * Written as a run then up to three (spaces, run), not `(?:run\s*){1,4}`: that reads the same
 * but tries every split of each word into runs before failing, on every longer question.
 */
const DEFINITION_QUESTION = /^\W*(?:what|who)(?:'s|\u2019s|\s+(?:is|are|was|were))\s+(?:an?\s+|the\s+)?[\p{L}\p{N}'\u2019.-]+(?:\s+[\p{L}\p{N}'\u2019.-]+){0,3}\s*\?*\s*$/iu;

/** "What is moorcidin?", "who was Tycho Brahe", "what are schedule II drugs": asks what or who something is. */
export function isDefinitionQuestion(question: string): boolean {
  return DEFINITION_OPENING.test(question) && DEFINITION_QUESTION.test(question);
}
/** What DEFINITION_QUESTION starts with: a cheap test that spares most questions its backtracking. */
const DEFINITION_OPENING = /^\W*wh[ao]/iu;
