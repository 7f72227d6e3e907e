import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitSentences } from "../../server/knowledge/sentences.ts";

describe("splitSentences", () => {
  describe("splits at full stops, question marks and exclamation marks", () => {
    it("splits plain sentences ending with a period", () => {
      expect(splitSentences("The tram opened on Monday. It runs every six minutes. Fares are free this week.")).toEqual([
        "The tram opened on Monday.",
        "It runs every six minutes.",
        "Fares are free this week.",
      ]);
    });

    it("splits after ? and !", () => {
      expect(splitSentences("Is it safe? Not yet! Stop using it now.")).toEqual(["Is it safe?", "Not yet!", "Stop using it now."]);
    });

    it("keeps runs of terminators (?!, !!) with their sentence", () => {
      expect(splitSentences("They won?! Yes!! The crowd went wild.")).toEqual(["They won?!", "Yes!!", "The crowd went wild."]);
    });

    it("splits before a sentence that starts with a digit", () => {
      expect(splitSentences("Tickets went on sale in April. 11,000 were sold in a week.")).toEqual([
        "Tickets went on sale in April.",
        "11,000 were sold in a week.",
      ]);
    });

    it("splits after a sentence that ends with a number", () => {
      expect(splitSentences("The club was founded in 1964. It makes kettles.")).toEqual([
        "The club was founded in 1964.",
        "It makes kettles.",
      ]);
    });

    it("does not split before a lower-case word", () => {
      expect(splitSentences("Is it ok? it is, mostly.")).toEqual(["Is it ok? it is, mostly."]);
    });

    it("returns no sentences for an empty or blank paragraph", () => {
      expect(splitSentences("")).toEqual([]);
      expect(splitSentences("   \n\t ")).toEqual([]);
    });

    it("returns the text as one sentence when it has no terminator", () => {
      expect(splitSentences("A headline without a full stop")).toEqual(["A headline without a full stop"]);
    });

    it("collapses runs of white space and line breaks inside a sentence", () => {
      expect(splitSentences("  The line\nopened   on\tMonday.\n\nIt is long.  ")).toEqual(["The line opened on Monday.", "It is long."]);
    });
  });

  describe("does not split after abbreviations, initials and numbers", () => {
    it("keeps U.S. and other dotted acronyms inside the sentence", () => {
      expect(splitSentences("The U.S. Consumer Product Safety Commission announced it. The U.N. agreed.")).toEqual([
        "The U.S. Consumer Product Safety Commission announced it.",
        "The U.N. agreed.",
      ]);
    });

    it("keeps titles such as Mr., Mrs., Dr. and Prof. with the name that follows", () => {
      expect(splitSentences("Mr. Nowak met Dr. Raman. Prof. Henning and Mrs. Holt were there.")).toEqual([
        "Mr. Nowak met Dr. Raman.",
        "Prof. Henning and Mrs. Holt were there.",
      ]);
    });

    it("keeps a single initial such as N. Korea or J. Smith", () => {
      expect(splitSentences("N. Korea fired a missile. J. Smith reported it.")).toEqual([
        "N. Korea fired a missile.",
        "J. Smith reported it.",
      ]);
    });

    it("keeps a chain of initials such as J. R. R. Tolkien", () => {
      expect(splitSentences("The book is by J. R. R. Tolkien. It is long.")).toEqual(["The book is by J. R. R. Tolkien.", "It is long."]);
    });

    it("keeps middle initials such as Elena R. Vasquez", () => {
      expect(splitSentences("Mayor Elena R. Vasquez spoke. Dr. Amara J. Okafor replied.")).toEqual([
        "Mayor Elena R. Vasquez spoke.",
        "Dr. Amara J. Okafor replied.",
      ]);
    });

    it("keeps decimal numbers such as 3.5 million and $2.75", () => {
      expect(splitSentences("It cost $3.5 million. A fare is $2.75. Shares fell 6.2%.")).toEqual([
        "It cost $3.5 million.",
        "A fare is $2.75.",
        "Shares fell 6.2%.",
      ]);
    });

    it("keeps a month abbreviation with its day, as in Jan. 5 and Sept. 25", () => {
      expect(splitSentences("The show runs until Jan. 12. It was published on Sept. 25. Tickets go on sale Nov. 1.")).toEqual([
        "The show runs until Jan. 12.",
        "It was published on Sept. 25.",
        "Tickets go on sale Nov. 1.",
      ]);
    });

    it("keeps e.g. and i.e. inside the sentence", () => {
      expect(splitSentences("Some appliances, e.g. Kettles and toasters, were recalled. The rest, i.e. Blenders, were not.")).toEqual([
        "Some appliances, e.g. Kettles and toasters, were recalled.",
        "The rest, i.e. Blenders, were not.",
      ]);
    });

    it("keeps company suffixes such as Inc. and Corp. before a capitalised word", () => {
      expect(splitSentences("Halvorsen Home Inc. Chief Ingrid Solberg apologised. Acme Corp. Shares rose.")).toEqual([
        "Halvorsen Home Inc. Chief Ingrid Solberg apologised.",
        "Acme Corp. Shares rose.",
      ]);
    });

    it("keeps No. with its number and St. with its name", () => {
      expect(splitSentences("It replaces the No. 14 bus. It stops at St. Brendan’s Hospital.")).toEqual([
        "It replaces the No. 14 bus.",
        "It stops at St. Brendan’s Hospital.",
      ]);
    });

    it("keeps times such as 5:30 a.m. inside the sentence when a lower-case word follows", () => {
      expect(splitSentences("The first tram left at 5:30 a.m. with the mayor. It was full.")).toEqual([
        "The first tram left at 5:30 a.m. with the mayor.",
        "It was full.",
      ]);
    });
  });

  describe("splits after ordinary words that look like abbreviations", () => {
    // "no", "art", "sat", "sun", "km" and "kg" are in the abbreviation list, but at the end of a
    // sentence they are plain words or units; the capital that follows starts a new sentence.
    it("splits after the word “no” at the end of a sentence", () => {
      expect(splitSentences("Asked whether he would resign, he said no. The party backed him.")).toEqual([
        "Asked whether he would resign, he said no.",
        "The party backed him.",
      ]);
    });

    it("splits after the word “art” at the end of a sentence", () => {
      expect(splitSentences("The museum shows modern art. It opens on Friday.")).toEqual([
        "The museum shows modern art.",
        "It opens on Friday.",
      ]);
    });

    it("splits after the verb “sat” and the noun “sun” at the end of a sentence", () => {
      expect(splitSentences("The crowd sat. Then it rained. Fans stood in the sun. Nobody left.")).toEqual([
        "The crowd sat.",
        "Then it rained.",
        "Fans stood in the sun.",
        "Nobody left.",
      ]);
    });

    it("splits after a unit such as km or kg at the end of a sentence", () => {
      expect(splitSentences("The line is 11 km. It has 17 stops. Each battery weighs 4 kg. It is small.")).toEqual([
        "The line is 11 km.",
        "It has 17 stops.",
        "Each battery weighs 4 kg.",
        "It is small.",
      ]);
    });
  });

  describe("keeps quotes with their sentence", () => {
    it("keeps a quotation ending in a comma with its attribution", () => {
      expect(splitSentences("“We will win,” he said. Then he left.")).toEqual(["“We will win,” he said.", "Then he left."]);
    });

    it("keeps the closing quote after the period with the sentence it closes", () => {
      expect(splitSentences("He said “yes.” Then he left.")).toEqual(["He said “yes.”", "Then he left."]);
    });

    it("keeps a closing quote after ? or ! with its sentence", () => {
      expect(splitSentences("She asked “Why?” Nobody answered. They shouted “Again!” The band played on.")).toEqual([
        "She asked “Why?”",
        "Nobody answered.",
        "They shouted “Again!”",
        "The band played on.",
      ]);
    });

    it("starts a new sentence at an opening curly quote", () => {
      expect(splitSentences("Moreau scored 27 points. “One more set,” she told the team.")).toEqual([
        "Moreau scored 27 points.",
        "“One more set,” she told the team.",
      ]);
    });

    it("handles straight quotes the same way", () => {
      expect(splitSentences(`He said "go." "Now?" she asked. 'Yes.' He left.`)).toEqual([
        `He said "go."`,
        `"Now?" she asked.`,
        `'Yes.'`,
        "He left.",
      ]);
    });

    it("keeps a closing bracket with its sentence", () => {
      expect(splitSentences("It was late (again.) Then it came.")).toEqual(["It was late (again.)", "Then it came."]);
    });
  });

  describe("handles ellipses", () => {
    it("ends a sentence at three dots followed by a capital", () => {
      expect(splitSentences("He paused... Then he spoke.")).toEqual(["He paused...", "Then he spoke."]);
    });

    it("ends a sentence at the ellipsis character followed by a capital", () => {
      expect(splitSentences("He paused… Then he spoke.")).toEqual(["He paused…", "Then he spoke."]);
    });

    it("does not split at an ellipsis followed by a lower-case word", () => {
      expect(splitSentences("We waited... and waited. It came.")).toEqual(["We waited... and waited.", "It came."]);
    });
  });

  describe("never loses or reorders text (property)", () => {
    const strip = (s: string) => s.replace(/\s+/g, "");
    const piece = fc.constantFrom(
      "The", "tram", "U.S.", "Dr.", "Mr.", "J.", "R.", "Jan.", "5.", "3.5", "million.", "e.g.", "Inc.",
      "“We", "win,”", "said.", "“yes.”", "Why?", "No!", "...", "…", "(see", "fig.", "2).", "Korea", "'ok.'",
      "Élan", "é.", "42", "?!", ".", "a.m.", "km.", "no.", "", "ß", "Ω.",
    );
    const space = fc.constantFrom(" ", "  ", "\n", "\t", " \n ", "\u00A0", "");
    const paragraph = fc.array(fc.tuple(piece, space), { maxLength: 40 }).map((parts) => parts.map(([p, s]) => p + s).join(""));

    it("joining the sentences gives back every non-space character of the input, in order", () => {
      fc.assert(
        fc.property(fc.oneof(paragraph, fc.string({ maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 100 })), (text) => {
          const sentences = splitSentences(text);
          expect(strip(sentences.join(""))).toBe(strip(text));
        }),
        { seed: 20240305, numRuns: 2000 },
      );
    });

    it("returns only non-empty, trimmed sentences", () => {
      fc.assert(
        fc.property(paragraph, (text) => {
          for (const sentence of splitSentences(text)) {
            expect(sentence).not.toBe("");
            expect(sentence).toBe(sentence.trim());
            expect(sentence).not.toMatch(/\s\s/);
          }
        }),
        { seed: 20240305, numRuns: 1000 },
      );
    });
  });
});
