/**
 * natural's Porter stemmer, step for step, for words of the letters a to z: the same
 * stems, quirks and all, without its regexes. natural builds each step from string
 * replacements (three to categorize a word's letters, one per suffix tried), about 4 KB of
 * garbage and over 10 µs per word; a corpus brings tens of thousands of new words, each
 * stemmed once. Any other word (digits, other letters, joiners) goes to natural itself.
 * tests/unit/porter.test.ts compares the two on every word of the thesaurus and on random words.
 */
import { PorterStemmer } from "./nlp.ts";

/** a, e, i, o, u (not y). */
function isVowel(code: number): boolean {
  return code === 97 || code === 101 || code === 105 || code === 111 || code === 117;
}

const C = 1;
const V = 2;
/** Scratch of `groups`: the symbols of the last word categorized. */
let symbols = new Uint8Array(64);

/**
 * natural's categorizeGroups of word[0, end), for a to z, into `symbols` (returns their
 * count): a run of consonants (not a, e, i, o, u, y) that a "y" follows is C then V; a run
 * of a, e, i, o, u a V; anything else (consonants, a "y" no consonant precedes) a C, and
 * C's side by side are one. Two V's may stand side by side ("by" then "a").
 */
function groups(word: string, end: number): number {
  if (symbols.length < end + 1) symbols = new Uint8Array(2 * end + 2);
  let count = 0;
  for (let i = 0; i < end; ) {
    const code = word.charCodeAt(i);
    if (isVowel(code)) {
      while (i < end && isVowel(word.charCodeAt(i))) i++;
      symbols[count++] = V;
      continue;
    }
    if (code !== 121) while (i < end && !isVowel(word.charCodeAt(i)) && word.charCodeAt(i) !== 121) i++;
    else i++;
    if (count === 0 || symbols[count - 1] !== C) symbols[count++] = C;
    // A consonant run that ends at a "y": the "y" is its V.
    if (code !== 121 && i < end && word.charCodeAt(i) === 121) {
      symbols[count++] = V;
      i++;
    }
  }
  return count;
}

/** natural's categorizeGroups(word[0, end]).indexOf("V") >= 0 (among the first `count - drop` groups). */
function hasVowelGroup(word: string, end: number, drop = 0): boolean {
  const count = groups(word, end) - drop;
  for (let k = 0; k < count; k++) if (symbols[k] === V) return true;
  return false;
}

/** natural's measure of word[0, end): its groups less a leading C and a trailing V, halved (-1 for no word). */
function measure(word: string, end = word.length): number {
  if (end <= 0) return -1;
  const count = groups(word, end);
  const first = symbols[0] === C ? 1 : 0;
  const last = count > first && symbols[count - 1] === V ? count - 1 : count;
  return (last - first) / 2;
}

/** natural's categorizeChars(word)[i], for a to z: V for a vowel or a "y" after a consonant, C otherwise. */
function charIsV(word: string, i: number): boolean {
  const code = word.charCodeAt(i);
  if (isVowel(code)) return true;
  if (code !== 121 || i === 0) return false;
  const before = word.charCodeAt(i - 1);
  return !isVowel(before) && before !== 121;
}

/** categorizeChars(word) read from `at`, three letters: "CVC". */
function cvcAt(word: string, at: number): boolean {
  return !charIsV(word, at) && charIsV(word, at + 1) && !charIsV(word, at + 2);
}

/** `word` less `suffix` (null when it does not end with it). */
function without(word: string, suffix: string): string | null {
  return word.endsWith(suffix) ? word.slice(0, word.length - suffix.length) : null;
}

function step1a(word: string): string {
  if (word.endsWith("sses") || word.endsWith("ies")) return word.slice(0, -2);
  if (word.endsWith("s") && word.charCodeAt(word.length - 2) !== 115 && word.length > 2) return word.slice(0, -1);
  return word;
}

function step1b(word: string): string {
  if (word.endsWith("eed")) {
    if (measure(word, word.length - 3) > 0) return word.slice(0, -1);
    return word;
  }
  // natural drops "ed" or "ing"; nothing left (the word was "ing") keeps the word.
  const cut = word.endsWith("ed") ? 2 : word.endsWith("ing") ? 3 : 0;
  if (cut === 0 || cut === word.length) return word;
  if (!hasVowelGroup(word, word.length - cut)) return word;
  const base = word.slice(0, word.length - cut);
  // at → ate, bl → ble, iz → ize (one at most applies).
  if (base.endsWith("at") || base.endsWith("bl") || base.endsWith("iz")) return base + "e";
  const n = base.length;
  const last = base.charCodeAt(n - 1);
  // A double consonant (y counts) other than l, s or z loses a letter.
  if (n >= 2 && base.charCodeAt(n - 2) === last && !isVowel(last) && last !== 108 && last !== 115 && last !== 122) return base.slice(0, -1);
  if (measure(base) === 1 && n >= 3 && cvcAt(base, n - 3) && last !== 119 && last !== 120 && last !== 121) return base + "e";
  return base;
}

function step1c(word: string): string {
  if (word.endsWith("y") && hasVowelGroup(word, word.length, 1)) return word.slice(0, -1) + "i";
  return word;
}

/** natural's replacePatterns: each suffix whose removal leaves a measure above 0 (on the word as given) is replaced in the word as replaced so far. */
function replacePatterns(word: string, patterns: ReadonlyArray<readonly [string, string]>): string {
  let replacement = word;
  for (const [suffix, by] of patterns) {
    if (word.endsWith(suffix) && measure(word, word.length - suffix.length) > 0) {
      const replaced = without(replacement, suffix);
      // natural keeps the word when the replacement would be empty.
      if (replaced !== null && replaced + by !== "") replacement = replaced + by;
    }
  }
  return replacement || word;
}

const STEP2: ReadonlyArray<readonly [string, string]> = [
  ["ational", "ate"], ["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["izer", "ize"], ["abli", "able"], ["bli", "ble"],
  ["alli", "al"], ["entli", "ent"], ["eli", "e"], ["ousli", "ous"], ["ization", "ize"], ["ation", "ate"], ["ator", "ate"],
  ["alism", "al"], ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"], ["aliti", "al"], ["iviti", "ive"], ["biliti", "ble"],
  ["logi", "log"],
];
const STEP3: ReadonlyArray<readonly [string, string]> = [
  ["icate", "ic"], ["ative", ""], ["alize", "al"], ["iciti", "ic"], ["ical", "ic"], ["ful", ""], ["ness", ""],
];

/** Step 4's suffixes, by length: the lazy prefix of natural's regex takes the longest that leaves one letter or more. */
const STEP4 = new Set(["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism", "ate", "iti", "ous", "ive", "ize"]);

function step4(word: string): string {
  const n = word.length;
  for (let length = 5; length >= 2; length--) {
    if (n - length >= 1 && STEP4.has(word.slice(n - length))) {
      if (measure(word, n - length) > 1) return word.slice(0, n - length);
      break;
    }
  }
  if (n - 4 >= 1 && (word.endsWith("sion") || word.endsWith("tion"))) {
    if (measure(word, n - 3) > 1) return word.slice(0, n - 3);
  }
  return word;
}

function step5a(word: string): string {
  const n = word.length;
  const e = word.endsWith("e");
  const m = measure(word, e ? n - 1 : n);
  if (m > 1 || m === 1) {
    // categorizeChars(word).substr(-4, 3): from letter n - 4, or the whole of a three-letter word.
    const cvc = n >= 4 ? cvcAt(word, n - 4) : n === 3 && cvcAt(word, 0);
    const beforeLast = word.charCodeAt(n - 2);
    if (m > 1 || !(cvc && n >= 2 && beforeLast !== 119 && beforeLast !== 120 && beforeLast !== 121)) return e ? word.slice(0, -1) : word;
  }
  return word;
}

function step5b(word: string): string {
  if (measure(word) > 1 && word.endsWith("ll")) return word.slice(0, -1);
  return word;
}

/** True for a word of the letters a to z only. */
function isPlainWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 97 || code > 122) return false;
  }
  return true;
}

/** natural's PorterStemmer.stem: the same stem, faster for words of a to z. */
export function porterStem(word: string): string {
  if (!isPlainWord(word)) return PorterStemmer.stem(word);
  if (word.length < 3) return word;
  return step5b(step5a(step4(replacePatterns(replacePatterns(step1c(step1b(step1a(word))), STEP2), STEP3))));
}
