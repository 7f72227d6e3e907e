import { describe, expect, it } from "vitest";
import { definedAbbreviations } from "../../server/retrieval/abbreviations.ts";

describe("abbreviations a text defines", () => {
  it("finds capitals in brackets spelled by the initials of the capitalized words before them", () => {
    expect(definedAbbreviations("the Harlow Water Authority (HWA) said on Monday")).toEqual([{ abbreviation: "hwa", stems: ["harlow", "water", "author"] }]);
    // Small words inside the name are skipped; a hyphenated word gives its parts' initials.
    expect(definedAbbreviations("The Union of Tram Drivers (UTD) voted")[0]?.stems).toEqual(["union", "tram", "driver"]);
    expect(definedAbbreviations("the Brenmoor Anti-Fraud Office (BAFO) opened")[0]?.abbreviation).toBe("bafo");
  });
  it("ignores brackets that are not a name's abbreviation", () => {
    expect(definedAbbreviations("prices (USD) rose")).toEqual([]);
    expect(definedAbbreviations("the council (which meets monthly) agreed")).toEqual([]);
    expect(definedAbbreviations("a new scheme (NS) for all")).toEqual([]);
    expect(definedAbbreviations("no brackets at all")).toEqual([]);
  });
});
