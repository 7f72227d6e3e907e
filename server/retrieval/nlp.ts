/**
 * The parts of `natural` that faqbot uses, imported one by one. The package's main entry
 * also loads storage back-ends that read `.env` files and print to stdout, which a CLI that
 * writes JSON lines cannot have; the individual modules have no such side effects.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface Stemmer {
  stem(token: string): string;
}
interface Tokenizer {
  tokenize(text: string): string[] | null;
}
type DistanceFn = (a: string, b: string, options?: { transposition_cost?: number; restricted?: boolean }) => number;

export const PorterStemmer: Stemmer = require("natural/lib/natural/stemmers/porter_stemmer.js");

const RegexpTokenizerClass: new (options: { pattern: RegExp; gaps: boolean }) => Tokenizer = require(
  "natural/lib/natural/tokenizers/regexp_tokenizer.js",
).RegexpTokenizer;

/** A natural RegexpTokenizer that returns the matches of `pattern` (not the gaps between). */
export function createTokenizer(pattern: RegExp): Tokenizer {
  return new RegexpTokenizerClass({ pattern, gaps: false });
}

export const { DamerauLevenshteinDistance } = require("natural/lib/natural/distance/levenshtein_distance.js") as {
  DamerauLevenshteinDistance: DistanceFn;
};

const DoubleMetaphoneClass: new () => { process(token: string): [string, string] } = require(
  "natural/lib/natural/phonetics/double_metaphone.js",
);
const doubleMetaphone = new DoubleMetaphoneClass();

/** The primary Double Metaphone code of a word ("Moskow" and "Moscow" → "MSK"). */
export function phoneticCode(word: string): string {
  return doubleMetaphone.process(word)[0];
}

/** natural's English stop-word list. */
export const naturalStopwords: readonly string[] = (require("natural/lib/natural/util/stopwords.js") as { words: string[] })
  .words;

/** natural's Dice coefficient over character bigrams (0..1; 1 for equal strings). */
export const DiceCoefficient: (a: string, b: string) => number = require("natural/lib/natural/distance/dice_coefficient.js");
