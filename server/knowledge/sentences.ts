/**
 * Sentence splitting for news-style English.
 *
 * A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) followed by
 * white space and a capital letter, a digit or an opening quote. It does not end after
 * an abbreviation (Mr., Jan., Inc.), a single initial (N. Korea, J. Smith), a dotted
 * acronym (U.S., U.N.) or inside a number (3.5), since those periods are not full stops.
 */

/**
 * Abbreviations whose period does not end a sentence, when written with a capital (Mr.,
 * Jan., Inc.): in lower case most of them are ordinary words ("he said no.", "the crowd sat.").
 */
const CAPITALIZED_ABBREVIATIONS: ReadonlySet<string> = new Set([
  // titles
  "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Rev", "Hon", "Gen", "Gov", "Sen", "Rep",
  "Lt", "Col", "Capt", "Cpt", "Sgt", "Maj", "Adm", "Cmdr", "Pres", "Supt", "Insp", "Messrs", "Mme",
  // months and days
  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
  "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
  // companies and places
  "Inc", "Ltd", "Co", "Corp", "Bros", "Dept", "Univ", "Assn", "Mt", "Ft", "Ave", "Blvd",
]);

/** Abbreviations that never end a sentence in any case (Latin and "versus"). */
const ANY_CASE_ABBREVIATIONS: ReadonlySet<string> = new Set(["vs", "etc", "al", "cf", "viz", "approx", "ca", "ibid"]);

/** Abbreviations that stand before a number: "No. 5", "p. 12", "Fig. 3", "Art. 2". */
const BEFORE_NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set(["no", "nos", "p", "pp", "fig", "figs", "vol", "vols", "art", "ch", "sec"]);

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
function isNonTerminalPeriod(text: string, dotIndex: number, next: string): boolean {
  const word = wordBefore(text, dotIndex);
  if (word === "") return false;
  const lower = word.toLowerCase();
  if (CAPITALIZED_ABBREVIATIONS.has(word)) return true;
  if (ANY_CASE_ABBREVIATIONS.has(lower)) return !SENTENCE_FINAL_ABBREVIATIONS.has(lower);
  if (BEFORE_NUMBER_ABBREVIATIONS.has(lower)) return /^\p{N}/u.test(next);
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
    const next = text.slice(index + match[0].length);
    if (terminators === "." && isNonTerminalPeriod(text, index, next)) continue;
    const end = index + terminators.length + match[2]!.length;
    const sentence = text.slice(start, end).trim();
    if (sentence !== "") sentences.push(sentence);
    start = end + match[3]!.length;
  }
  const rest = text.slice(start).trim();
  if (rest !== "") sentences.push(rest);
  return sentences;
}
