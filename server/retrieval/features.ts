/**
 * What kind of answer a question asks for, and whether a sentence carries that kind.
 * Pure pattern matching over the original text.
 */

export type AnswerType =
  | "person" | "time" | "place" | "number" | "money" | "age" | "speed" | "distance" | "duration" | "reason" | "quote"
  /** Only ever an FAQ question's type ("Are there concerns…?"): it answers yes or no. */
  | "yesno"
  | "none";

const NUMBER_WORDS =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|several|few";
const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight";
const UNITS = "second|minute|hour|day|night|week|month|year|decade|century";

const PATTERNS: Record<Exclude<AnswerType, "none" | "yesno" | "person" | "place" | "money" | "age">, RegExp> = {
  time: new RegExp(
    `\\b(?:${MONTHS}|${DAYS}|(?:1[5-9]|20)\\d\\d|\\d{4}-\\d\\d-\\d\\d|\\d{1,2}(?::\\d\\d)?\\s*(?:a\\.?m|p\\.?m)\\b|o'clock|noon|midnight|spring|summer|autumn|fall|winter|morning|evening|afternoon|last\\s+(?:${UNITS})|next\\s+(?:${UNITS})|recent(?:ly)?|(?:${UNITS})s?\\s+(?:ago|later|earlier)|since|until|by\\s+the\\s+end)`,
    "i",
  ),
  number: new RegExp(`(?:\\d|\\b(?:${NUMBER_WORDS})\\b|percent|%|\\$|€|£)`, "i"),
  duration: new RegExp(
    `\\b(?:(?:\\d+(?:\\.\\d+)?|${NUMBER_WORDS}|a|an|several|few)[\\s-]+(?:${UNITS})s?|(?:${UNITS})[\\s-]?long|(?:${UNITS})s?\\b\\s+(?:of|ago)|hourly|daily|weekly|monthly|yearly|annual|overnight|for\\s+(?:the\\s+)?(?:${UNITS})s?|\\b(?:until|till|through)\\s+(?:at\\s+least\\s+|the\\s+end\\s+of\\s+)?(?:${MONTHS}|${DAYS}|next|\\d))`,
    "i",
  ),
  quote: /["“”]|\b(?:said|says|told|according to|announced|wrote)\b/i,
  speed: /\b\d+(?:\.\d+)?\s?(?:km\/h|kph|mph|km\/s|m\/s|knots?|kilomet(?:er|re)s?\s+(?:per|an|a)\s+hour|miles?\s+(?:per|an|a)\s+hour)\b/i,
  distance: /\b\d+(?:[.,]\d+)?[\s-]?(?:km|kilomet(?:er|re)s?|miles?|m|met(?:er|re)s?|feet|foot|ft|yards?|inch(?:es)?|cm|centimet(?:er|re)s?)\b/i,
  reason: /\b(?:because|due to|since|so that|in order to|as a result|reason|aim(?:s|ed)? to|to (?:help|ensure|avoid|prevent|improve|support|strengthen|enhance))\b/i,
};

/** Money and age: the alternatives that need a digit apart, so that a text without one skips them. */
const MONEY = {
  digits: /[$€£¥]\s?\d|\d\s?(?:dollars?|euros?|pounds?|cents?|pence|usd|eur|gbp|yen|francs?|kronor|krona|rupees?)\b/i,
  words: /\b(?:free of charge|for free|is free|are free|get in free|no charge|costs? nothing)\b/i,
};
const AGE = {
  digits: /\b\d+[\s-]years?[\s-]old\b|\baged?\s+\d+|\bage\s+of\s+\d+|\b\d+(?:st|nd|rd|th)\s+birthday\b/i,
  words: /\bborn\s+(?:in|on)\b/i,
};

/** Words after which a wh-word starts a clause or an embedded question ("…so could you tell me who won?"). */
export const QUESTION_LEAD_WORDS: readonly string[] = ["and", "or", "but", "so", "then", "me", "us", "know", "wondering", "wonder", "asking", "curious", "idea"];

/**
 * Where a one-word wh-question may start: the message, a clause, or an embedded question
 * ("tell me who…", "I wonder when…"). Elsewhere "when" and "who" join clauses ("what did he
 * do when he got back", "our kids, who are 8").
 */
const CLAUSE_START = `(?:^\\W*|[;:?!]\\s*|\\b(?:${QUESTION_LEAD_WORDS.join("|")})\\s+)`;

/** One-word wh-questions where CLAUSE_START allows them (built once, not per question). */
const CLAUSE_WHEN = new RegExp(`${CLAUSE_START}when\\b`);
const CLAUSE_WHO = new RegExp(`${CLAUSE_START}who(?:m|se)?\\b`);
const CLAUSE_WHERE = new RegExp(`${CLAUSE_START}where\\b`);
const CLAUSE_WHY = new RegExp(`${CLAUSE_START}why\\b`);
/** "How many days…": a count of time units is a duration ("for four days", "a week-long"). */
const HOW_MANY_UNITS = new RegExp(`\\bhow\\s+many\\s+(?:${UNITS})s\\b`);

/** The answer type a question asks for, from its opening words. */
export function questionAnswerType(question: string): AnswerType {
  const q = question.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  if (/\bwhat\s+(?:did|does|do|has|have|will|would)\b.*\b(?:say|said|tell|told|think|thought|comment|respond|reply|announce|write|wrote)\b|\bwhat\s+was\s+said\b|\bquote\b/.test(q)) return "quote";
  if (/\bhow\s+(?:long|often)\b|\bfor\s+how\s+long\b|\bwhat\s+(?:duration|length of time)\b/.test(q)) return "duration";
  if (HOW_MANY_UNITS.test(q)) return "duration";
  if (/\bhow\s+old\b|\bwhat\s+age\b|\bwhen\s+was\s+.+\bborn\b/.test(q)) return "age";
  if (/\bhow\s+fast\b|\bwhat\s+(?:is\s+the\s+)?(?:top\s+)?speed\b/.test(q)) return "speed";
  if (/\bhow\s+(?:far|tall|high|deep|wide)\b|\bwhat\s+distance\b|\bhow\s+many\s+(?:kilomet(?:er|re)s|miles|met(?:er|re)s|km|feet|yards)\b/.test(q)) return "distance";
  if (/\bhow\s+much\b.*\b(?:cost|price|pay|paid|charge|fare|fee|spend|spent|worth|expensive|cheap|earn|salary|wage|money|set\s+\w+\s+back)|\bwhat\b.*\b(?:be|get|gets|getting)\s+paid\b|\bwhat\s+(?:will|would|is|was)\s+(?:the\s+)?(?:fine|salary|wage|fee|fare)\b|\bwhat\s+(?:is\s+the\s+|does\s+\w+\s+)?(?:price|cost|fare|fee)\b|\bhow\s+(?:expensive|cheap)\b|\bset\s+(?:me|us|you|them|him|her)\s+back\b|^(?!.*\b(?:who|what|when|where|why|how|which)\b)[^?]*\b(?:cost|price|fee|fare)s?\W*$/.test(q)) return "money";
  // Keywords too: "number of evacuees", "layoffs number".
  if (/\bhow\s+(?:many|much|big|large)\b|\bwhat\s+(?:percentage|number|amount)\b|^\W*number\s+of\b|\bnumber\W*$/.test(q)) return "number";
  if (CLAUSE_WHEN.test(q) || /\bwhat\s+(?:time|date|day|year|month)\b|\bwhich\s+(?:day|year|month|date)\b/.test(q)) return "time";
  if (CLAUSE_WHO.test(q) || /\bwhich\s+(?:person|people|leaders?|officials?|president|ministers?|compan(?:y|ies)|organi[sz]ations?|groups?|clubs?|teams?|firms?|agenc(?:y|ies)|unions?|part(?:y|ies)|bands?)\b/.test(q)) return "person";
  if (CLAUSE_WHERE.test(q) || /\bwhich\s+(?:cit(?:y|ies)|countr(?:y|ies)|places?|towns?|regions?|states?)\b|\bwhat\s+(?:cit(?:y|ies)|countr(?:y|ies)|places?|towns?|regions?|locations?)\b/.test(q)) return "place";
  if (CLAUSE_WHY.test(q) || /\bwhat\s+(?:reason|caused)\b|\bhow\s+did\s+(?:the\s+|this\s+|it\s+)?(?:\w+\s+){0,3}(?:start|begin|happen)\b|\bwhat\s+(?:is|was|are|were)\s+the\s+(?:main\s+)?(?:reasons?|causes?|motives?|purpose)\b|\bhow\s+come\b/.test(q)) return "reason";
  return "none";
}

/** Bit flags of the answer types a sentence can answer; computed once per sentence at index time. */
export function sentenceAnswerTypes(text: string): number {
  let flags = 0;
  // One scan for a digit spares whole patterns: any digit is a number, and speeds,
  // distances and most amounts and ages have one.
  const digit = /\d/.test(text);
  if (PATTERNS.time.test(text)) flags |= TYPE_BITS.time;
  if (digit || PATTERNS.number.test(text)) flags |= TYPE_BITS.number;
  if (PATTERNS.duration.test(text)) flags |= TYPE_BITS.duration;
  if (PATTERNS.reason.test(text)) flags |= TYPE_BITS.reason;
  if ((digit && MONEY.digits.test(text)) || MONEY.words.test(text)) flags |= TYPE_BITS.money;
  if (PATTERNS.quote.test(text)) flags |= TYPE_BITS.quote;
  if ((digit && AGE.digits.test(text)) || AGE.words.test(text)) flags |= TYPE_BITS.age;
  if (digit && PATTERNS.speed.test(text)) flags |= TYPE_BITS.speed;
  if (digit && PATTERNS.distance.test(text)) flags |= TYPE_BITS.distance;
  // A capitalized word that does not start the sentence: a name of a person, group or place.
  if (/\s[\p{Lu}][\p{Ll}\p{Lu}]/u.test(text)) flags |= TYPE_BITS.person | TYPE_BITS.place;
  if (/\b(?:in|at|near|from|to)\s+(?:the\s+)?[\p{Lu}]/u.test(text)) flags |= TYPE_BITS.place;
  return flags;
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
};

/** An FAQ question that asks yes or no ("Are there…", "Is it…", "Can I…"): it does not answer who, when or how many. */
export function faqQuestionType(question: string): AnswerType {
  const type = questionAnswerType(question);
  if (type !== "none") return type;
  return /^\W*(?:are|is|was|were|do|does|did|can|could|will|would|should|has|have|had|may|must)\b/i.test(question) ? "yesno" : "none";
}

/** Answer types that a text either visibly holds or not: a mismatch is strong evidence. */
export const STRICT_TYPES: ReadonlySet<AnswerType> = new Set(["time", "number", "money", "age", "speed", "distance", "duration"]);

/** "What is moorcidin?", "who was Tycho Brahe", "what are schedule II drugs": asks what or who something is. */
export function isDefinitionQuestion(question: string): boolean {
  return /^\W*(?:what|who)(?:'s|\u2019s|\s+(?:is|are|was|were))\s+(?:an?\s+|the\s+)?(?:[\p{L}\p{N}'\u2019.-]+\s*){1,4}\?*\s*$/iu.test(question);
}
