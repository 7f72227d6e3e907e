/**
 * Sentence splitting for news-style English.
 *
 * A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) followed by
 * white space and a capital letter, a digit or an opening quote. It does not end after
 * an abbreviation (Mr., Jan., Inc.), a single initial (N. Korea, J. Smith), a dotted
 * acronym (U.S., U.N.) or inside a number (3.5), since those periods are not full stops.
 */

/** Abbreviations whose period never ends a sentence (lower case, without the dot). */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // titles
  "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "rev", "hon", "gen", "gov", "sen", "rep",
  "lt", "col", "capt", "cpt", "sgt", "maj", "adm", "cmdr", "pres", "supt", "insp", "messrs", "mme",
  // months and days
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  // companies, places, measures and Latin
  "inc", "ltd", "co", "corp", "bros", "dept", "univ", "assn", "est", "mt", "ft", "ave", "blvd", "rd",
  "no", "nos", "vol", "vols", "fig", "figs", "p", "pp", "ch", "sec", "art", "approx", "ca", "cf",
  "vs", "v", "etc", "al", "ibid", "viz", "min", "max", "lb", "lbs", "oz", "km", "kg", "mg", "cm", "mm",
]);

/** Abbreviations that usually end a sentence when they stand last (so a following capital splits). */
const SENTENCE_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set(["etc"]);

const OPENERS = `"'“‘(\\[`;
const CLOSERS = `"'”’)\\]`;
/** A candidate boundary: terminator(s), closers, white space, then what may start a sentence. */
const BOUNDARY = new RegExp(`([.!?…]+)([${CLOSERS}]*)(\\s+)(?=[${OPENERS}]*[\\p{Lu}\\p{N}])`, "gu");

/** The word (letters, digits and inner dots) that ends just before `end`. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && /[\p{L}\p{N}.]/u.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}

/** True when the period at `dotIndex` belongs to an abbreviation, an initial or an acronym. */
function isNonTerminalPeriod(text: string, dotIndex: number): boolean {
  const word = wordBefore(text, dotIndex);
  if (word === "") return false;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return !SENTENCE_FINAL_ABBREVIATIONS.has(lower);
  // A single letter: an initial (J. Smith, N. Korea).
  if (/^\p{L}$/u.test(word)) return true;
  // A dotted acronym: U.S, U.N, e.g, i.e (the final dot is the one at dotIndex).
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  return false;
}

/**
 * Split a paragraph into sentences. White space inside each sentence is collapsed.
 *
 * @example splitSentences("Mr. Kim met the U.S. envoy on Jan. 5. It cost $3.5 million.")
 * // → ["Mr. Kim met the U.S. envoy on Jan. 5.", "It cost $3.5 million."]
 */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.replace(/\s+/g, " ").trim();
  if (text === "") return [];
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const terminators = match[1]!;
    const index = match.index;
    if (terminators === "." && isNonTerminalPeriod(text, index)) continue;
    const end = index + terminators.length + match[2]!.length;
    const sentence = text.slice(start, end).trim();
    if (sentence !== "") sentences.push(sentence);
    start = end + match[3]!.length;
  }
  const rest = text.slice(start).trim();
  if (rest !== "") sentences.push(rest);
  return sentences;
}
