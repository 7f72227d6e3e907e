/**
 * What kind of answer a question asks for, and whether a sentence carries that kind.
 * Pure pattern matching over the original text.
 */

export type AnswerType = "person" | "time" | "place" | "number" | "duration" | "reason" | "none";

const NUMBER_WORDS =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|several|few";
const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight";
const UNITS = "second|minute|hour|day|night|week|month|year|decade|century";

const PATTERNS: Record<Exclude<AnswerType, "none" | "person" | "place">, RegExp> = {
  time: new RegExp(
    `\\b(?:${MONTHS}|${DAYS}|(?:1[5-9]|20)\\d\\d|\\d{4}-\\d\\d-\\d\\d|\\d{1,2}(?::\\d\\d)?\\s*(?:a\\.?m|p\\.?m)\\b|o'clock|noon|midnight|spring|summer|autumn|fall|winter|morning|evening|afternoon|last\\s+(?:${UNITS})|next\\s+(?:${UNITS})|recent(?:ly)?|(?:${UNITS})s?\\s+(?:ago|later|earlier)|since|until|by\\s+the\\s+end)`,
    "i",
  ),
  number: new RegExp(`(?:\\d|\\b(?:${NUMBER_WORDS})\\b|percent|%|\\$|€|£)`, "i"),
  duration: new RegExp(
    `\\b(?:(?:\\d+(?:\\.\\d+)?|${NUMBER_WORDS}|a|an|several|few)[\\s-]+(?:${UNITS})s?|(?:${UNITS})[\\s-]?long|(?:${UNITS})s?\\b\\s+(?:of|ago)|hourly|daily|weekly|monthly|yearly|annual|overnight|for\\s+(?:the\\s+)?(?:${UNITS})s?)`,
    "i",
  ),
  reason: /\b(?:because|due to|since|so that|in order to|as a result|reason|aim(?:s|ed)? to|to (?:help|ensure|avoid|prevent|improve|support|strengthen|enhance))\b/i,
};

/** The answer type a question asks for, from its opening words. */
export function questionAnswerType(question: string): AnswerType {
  const q = question.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  if (/\bhow\s+(?:long|often)\b|\bfor\s+how\s+long\b|\bwhat\s+(?:duration|length of time)\b/.test(q)) return "duration";
  if (/\bhow\s+(?:many|much|far|big|large|old|tall|high|fast)\b|\bwhat\s+(?:percentage|number|amount|price|cost)\b|\bhow\s+much\b/.test(q)) return "number";
  if (/\bwhen\b|\bwhat\s+(?:time|date|day|year|month)\b|\bwhich\s+(?:day|year|month|date)\b/.test(q)) return "time";
  if (/\bwho(?:m|se)?\b|\bwhich\s+(?:person|people|leader|official|president|minister|company|organi[sz]ation|group)\b/.test(q)) return "person";
  if (/\bwhere\b|\bwhich\s+(?:city|country|place|town|region|state)\b|\bwhat\s+(?:city|country|place|town|region|location)\b/.test(q)) return "place";
  if (/\bwhy\b|\bwhat\s+(?:reason|caused)\b/.test(q)) return "reason";
  return "none";
}

/** Bit flags of the answer types a sentence can answer; computed once per sentence at index time. */
export function sentenceAnswerTypes(text: string): number {
  let flags = 0;
  if (PATTERNS.time.test(text)) flags |= TYPE_BITS.time;
  if (PATTERNS.number.test(text)) flags |= TYPE_BITS.number;
  if (PATTERNS.duration.test(text)) flags |= TYPE_BITS.duration;
  if (PATTERNS.reason.test(text)) flags |= TYPE_BITS.reason;
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
};
