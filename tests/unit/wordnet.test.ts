import { describe, expect, it } from "vitest";
import { loadThesaurus, partsOfSpeech, relatedLemmas, RELATION_WEIGHTS } from "../../server/retrieval/wordnet.ts";

describe("the WordNet thesaurus", () => {
  const thesaurus = loadThesaurus();
  const weight = (a: string, b: string) => relatedLemmas(thesaurus, a).find(([w]) => w === b)?.[1] ?? 0;

  it("relates synonyms, derived forms and broader or narrower words, each below the word itself", () => {
    expect(weight("journey", "trip")).toBeGreaterThan(0);
    expect(weight("discuss", "discussion")).toBe(RELATION_WEIGHTS.derivation);
    for (const [, w] of relatedLemmas(thesaurus, "meeting")) expect(w).toBeLessThan(1);
  });
  it("a narrower re- verb is the same act again: as close as a derived form", () => {
    expect(weight("open", "reopen")).toBe(RELATION_WEIGHTS.derivation);
    expect(weight("reopen", "open")).toBe(RELATION_WEIGHTS.derivation);
    expect(weight("build", "rebuild")).toBe(RELATION_WEIGHTS.derivation);
  });
  it("takes later senses of a word only when the tagged corpus has seen them", () => {
    // "repair" as mending: yes; as "go to a place" (repair to the bar) or "compensate": never tagged.
    expect(weight("repair", "fix")).toBeGreaterThan(0);
    expect(weight("repair", "mend")).toBeGreaterThan(0);
    for (const noise of ["go", "travel", "move", "pay", "give"]) expect(weight("repair", noise)).toBe(0);
    // A tagged second sense still counts: "session" as a meeting of a body.
    expect(weight("session", "meeting")).toBeGreaterThan(0);
  });
  it("a broader word counts unless it is too general to paraphrase anything (trip → journey, not → move)", () => {
    expect(weight("trip", "journey")).toBe(RELATION_WEIGHTS.hierarchy);
    expect(weight("trip", "move")).toBe(0);
  });
  it("relates everyday words the old sense-tagged corpus never saw, when today's text uses them often", () => {
    expect(weight("toddler", "child")).toBeGreaterThan(0);
    expect(weight("demo", "demonstration")).toBeGreaterThan(0);
    // A rare untagged word stays out: it would only add noise.
    expect(relatedLemmas(thesaurus, "yearling")).toEqual([]);
  });
  it("knows the phrase a dictionary abbreviation stands for", () => {
    expect(weight("ceo", "chief_executive_officer")).toBeGreaterThan(0);
    expect(weight("gp", "general_practitioner")).toBeGreaterThan(0);
  });
  it("knows the nouns for people ('p')", () => {
    for (const word of ["director", "governor", "dentist", "chief", "son"]) expect(partsOfSpeech(thesaurus, word), word).toContain("p");
    for (const word of ["shampoo", "agency", "hair", "invent"]) expect(partsOfSpeech(thesaurus, word), word).not.toContain("p");
  });
  it("files adverbs as adverbs ('r'), and relates them through their own synsets", () => {
    expect(partsOfSpeech(thesaurus, "suddenly")).toBe("r");
    expect(partsOfSpeech(thesaurus, "quick")).toContain("a");
    expect(weight("quickly", "rapidly")).toBe(RELATION_WEIGHTS.synonym);
    expect(weight("suddenly", "abruptly")).toBeGreaterThan(0);
  });
  it("doubles as a dictionary", () => {
    expect(thesaurus.has("kettle")).toBe(true);
    expect(thesaurus.has("goverment")).toBe(false);
  });
});
