import { describe, expect, it } from "vitest";
import { Vocabulary, boundedDistance } from "../../server/retrieval/vocabulary.ts";
import { DamerauLevenshteinDistance } from "../../server/retrieval/nlp.ts";

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

describe("boundedDistance", () => {
  it("counts a doubled letter left out as one edit (natural's unrestricted variant counts none)", () => {
    expect(boundedDistance("adress", "address", 2)).toBe(1);
    expect(boundedDistance("pasengers", "passengers", 2)).toBe(1);
    expect(boundedDistance("tomorow", "tomorrow", 2)).toBe(1);
    expect(boundedDistance("teh", "the", 2)).toBe(1);
    expect(boundedDistance("acomodation", "accommodation", 2)).toBe(2);
  });
  it("gives natural's restricted Damerau-Levenshtein distance whenever it is within the bound, and bound + 1 otherwise", () => {
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const letters = "abcdeé";
    const word = () => Array.from({ length: random(9) }, () => letters[random(letters.length)]).join("");
    const mutate = (w: string) => {
      let out = w;
      for (let e = random(4); e > 0; e--) {
        const i = random(out.length + 1);
        const kind = random(4);
        if (kind === 0) out = out.slice(0, i) + letters[random(letters.length)] + out.slice(i);
        else if (kind === 1) out = out.slice(0, i) + out.slice(i + 1);
        else if (kind === 2) out = out.slice(0, i) + letters[random(letters.length)] + out.slice(i + 1);
        else out = out.slice(0, i) + out.slice(i + 1, i + 2) + out.slice(i, i + 1) + out.slice(i + 2);
      }
      return out;
    };
    for (let k = 0; k < 20_000; k++) {
      const a = word();
      const b = random(3) === 0 ? word() : mutate(a);
      const exact = DamerauLevenshteinDistance(a, b, { restricted: true });
      for (const bound of [0, 1, 2, 3]) {
        expect(boundedDistance(a, b, bound), `${a} ~ ${b} (bound ${bound})`).toBe(exact <= bound ? exact : bound + 1);
      }
    }
  });
});
