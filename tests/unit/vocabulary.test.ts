import { describe, expect, it } from "vitest";
import { Vocabulary } from "../../server/retrieval/vocabulary.ts";

function vocabulary(words: Array<[string, boolean]>): Vocabulary {
  const v = new Vocabulary();
  for (const [word, capital] of words) v.add(word, capital);
  return v;
}

describe("Vocabulary.correct (fuzzy term matching)", () => {
  const v = vocabulary([
    ["government", false], ["visit", false], ["outcomes", false], ["putin", true], ["moscow", true],
    ["un", true], ["kim", true], ["russia", true], ["meeting", false], ["melting", false],
  ]);

  it("corrects a dropped letter (goverment → government)", () => {
    expect(v.correct("goverment")[0]?.word).toBe("government");
  });
  it("corrects transposed letters (outcomse → outcomes)", () => {
    expect(v.correct("outcomse")[0]?.word).toBe("outcomes");
  });
  it("corrects names by sound (Moskow → moscow, Puttin → putin)", () => {
    expect(v.correct("moskow")[0]?.word).toBe("moscow");
    expect(v.correct("puttin")[0]?.word).toBe("putin");
  });
  it("corrects a short name part (Kim Jong Um → un) but not a short common word", () => {
    expect(v.correct("um")[0]?.word).toBe("un");
    const common = vocabulary([["cat", false]]);
    expect(common.correct("cap")).toEqual([]);
  });
  it("trusts a closer correction more", () => {
    const [best] = v.correct("vist");
    expect(best?.word).toBe("visit");
    expect(best!.weight).toBeGreaterThan(0.5);
    expect(best!.weight).toBeLessThan(1);
  });
  it("finds nothing for a word unlike any document word", () => {
    expect(v.correct("sourdough")).toEqual([]);
  });
  it("knows which words are names", () => {
    expect(v.isName("putin")).toBe(true);
    expect(v.isName("visit")).toBe(false);
  });
  it("completes a word cut short (discus → discussed), shortest first", () => {
    const words = vocabulary([["discussed", false], ["discussion", false], ["discussions", false], ["disc", false]]);
    expect(words.completions("discus").map((c) => c.word)).toEqual(["discussed", "discussion"]); // at most 4 letters missing, so not "discussions"
    expect(words.completions("disc")).toEqual([]); // too short to be a cut-short word
  });
});
