import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixChatSpelling, fixChatSpellingByRegex, fixFunctionWordTypos, functionWordFor, normalizeText, scanWords, stem, tokenize } from "../../server/retrieval/text.ts";
import { faqQuestionType, isDefinitionQuestion, questionAnswerType, questionAnswerTypeUngated, sentenceAnswerTypes, TYPE_BITS, wordHints } from "../../server/retrieval/features.ts";
import { smalltalkIntent, smalltalkIntentByPatterns } from "../../server/answer/smalltalk.ts";

describe("normalizeText", () => {
  it("folds curly quotes, dashes and case so typed and published text compare equal", () => {
    expect(normalizeText("Kim Jong Un’s “visit” — Russia")).toBe(`kim jong un's "visit" - russia`);
  });
  it("folds the diacritics of Latin letters, letter for letter", () => {
    expect(normalizeText("Café in São Paulo, Zürich")).toBe("cafe in sao paulo, zurich");
    expect(normalizeText("Øresund straße")).toBe("øresund straße");
    expect(tokenize("Cortés").map((t) => t.stem)).toEqual(tokenize("Cortes").map((t) => t.stem));
    // Capitals are still read from the text: "Cortés" is a name.
    expect(tokenize("met Cortés")[1]!.capitalized).toBe(true);
  });
});

describe("fixFunctionWordTypos", () => {
  it("reads a swapped, missing or extra letter of a function word as the word", () => {
    expect(functionWordFor("whne")).toBe("when");
    expect(functionWordFor("mnay")).toBe("many");
    expect(functionWordFor("whhat")).toBe("what");
    expect(functionWordFor("ther")).toBeDefined();
    // Not a letter typed for another, and three-letter words only by a swap.
    expect(functionWordFor("hom")).toBeUndefined();
    expect(functionWordFor("hwo")).toBe("who");
  });
  it("leaves words that are known, capitalized or not a slip away from a function word", () => {
    const known = new Set(["owns", "then"]);
    expect(fixFunctionWordTypos("whne did ther owner leave", (w) => known.has(w))).toMatch(/^when did \w+ owner leave$/);
    expect(fixFunctionWordTypos("Whne Owns then", (w) => known.has(w))).toBe("Whne Owns then");
  });
  it("reads a real word the documents do not use as the auxiliary it is a swap of, just after a question word", () => {
    const dictionary = new Set(["dose", "long", "take", "installation"]);
    const documents = new Set(["long", "take", "installation"]);
    const fix = (text: string) => fixFunctionWordTypos(text, (w) => dictionary.has(w), (w) => documents.has(w));
    expect(fix("how long dose installation take")).toBe("how long does installation take");
    expect(fix("when dose it open")).toBe("when does it open");
    // Elsewhere it is the word, and so is a word the documents use.
    expect(fix("is one dose enough")).toBe("is one dose enough");
    documents.add("dose");
    expect(fix("how long dose installation take")).toBe("how long dose installation take");
  });
});

describe("fixChatSpelling", () => {
  it("spells out misspelled function and question words, leaving real words alone", () => {
    expect(fixChatSpelling("wen wil teh museum reopen?")).toBe("when will the museum reopen?");
    expect(fixChatSpelling("Wat is moorcidin")).toBe("what is moorcidin");
    expect(fixChatSpelling("where did they come frm")).toBe("where did they come from");
    expect(fixChatSpelling("Femke de Wit, wilful")).toBe("Femke de Wit, wilful");
  });
});

/** Pieces of typed text for the shortcut properties below: words they look for, cases, punctuation, non-ASCII letters and quotes. */
const typedPiece = fc.constantFrom(
  "wen", "WIL", "u", "Ur", "teh", "becuase", "cuz", "what", "how", "who", "when", "where", "why", "which", "'s", "’s", "much", "cost",
  "set us back", "number", "paid", "time", "reason for", "is there anywhere", "long", "many", "hi", "thanks", "bye", "ok", "you",
  " ", "  ", "\t", "?", "!", ".", ",", "'", "’", "‘", "“", "—", "…", "-", "_", "1", "a", "K", "S", "é", "ſ", "\u212A", "İ", "ß", "µ", "ª", "²", "\u00a0",
);
const typedText = fc.oneof(fc.array(typedPiece, { maxLength: 14 }).map((p) => p.join("")), fc.string({ maxLength: 40 }));

describe("shortcuts of the question analysis", () => {
  it("fixChatSpelling without the regex reads as the regex does", () => {
    fc.assert(fc.property(typedText, (text) => fixChatSpelling(text) === fixChatSpellingByRegex(text)), { numRuns: 3000 });
  });
  it("questionAnswerType skips only patterns that cannot match", () => {
    fc.assert(fc.property(typedText, (text) => questionAnswerType(text) === questionAnswerTypeUngated(text)), { numRuns: 3000 });
  });
  it("smalltalkIntent rejects at the first content word as the long reading does", () => {
    fc.assert(fc.property(typedText, (text) => smalltalkIntent(text) === smalltalkIntentByPatterns(text)), { numRuns: 3000 });
  });
});

describe("tokenize", () => {
  const words = (text: string) => tokenize(text).map((t) => t.word);
  const stems = (text: string) => tokenize(text).filter((t) => !t.stop).map((t) => t.stem);

  it("drops contractions: I'd, we'll, they're are their pronouns (stop words), not 'id' or 'well'", () => {
    expect(words("I'd like to know, we'll see, they're here")).toEqual(["i", "like", "to", "know", "we", "see", "they", "here"]);
  });
  it("drops possessives with straight or curly apostrophes, and a missing apostrophe stems the same", () => {
    expect(stems("Putin’s plan")).toEqual(stems("Putin's plan"));
    expect(stems("Putins plan")).toEqual(stems("Putin's plan"));
  });
  it("keeps dotted acronyms whole (U.N. → un) and numbers with their separators", () => {
    expect(words("The U.N. paid $3.5 million, or 1,000 euros")).toEqual(["the", "un", "paid", "3.5", "million", "or", "1000", "euros"]);
  });
  it("stems British and American spellings to one term, but not where that would merge two words", () => {
    expect(stems("organisers colour centre licence travelled programme")).toEqual(stems("organizers color center license traveled program"));
    expect(stem("cheque")).not.toBe(stem("check"));
    expect(stem("tyres")).not.toBe(stem("tires"));
  });
  it("stems other word forms to one term (discussed/discussion)", () => {
    expect(stems("discussed")).toEqual(stems("discussion"));
  });
  it("stems short -ie verbs and irregular participles with their base (died/die, seen/see), but not the noun ties", () => {
    expect(stems("died dies dying lied")).toEqual(stems("die die die lie"));
    expect(stem("seen")).toBe(stem("see"));
    expect(stems("ties")).not.toEqual(stems("tie"));
  });
  it("stems irregular plurals with their singular (thieves/thief, crises/crisis), not 'lives' or 'leaves'", () => {
    expect(stems("thieves wives knives crises criteria geese")).toEqual(stems("thief wife knife crisis criterion goose"));
    expect(stem("lives")).not.toBe(stem("life"));
    expect(stem("leaves")).not.toBe(stem("leaf"));
  });
  it("joins hyphenated words and keeps their parts", () => {
    const [token] = tokenize("week-long");
    expect(token!.word).toBe("weeklong");
    expect(token!.parts).toEqual(["week", "long"]);
  });
  it("keeps the number and the unit of a number run together with its unit as parts, not of an ordinal or a decade", () => {
    const parts = (text: string) => tokenize(text).map((t) => [t.word, ...t.parts]);
    expect(parts("20mph 9am 4.5km")).toEqual([["20mph", "20", "mph"], ["9am", "9", "am"], ["4.5km", "4.5", "km"]]);
    expect(parts("21st 1990s")).toEqual([["21st"], ["1990s"]]);
  });
  it("marks stop words and remembers capitals", () => {
    const tokens = tokenize("What did Kim say");
    expect(tokens.map((t) => t.stop)).toEqual([true, true, false, false]);
    expect(tokens[2]!.capitalized).toBe(true);
  });
  it("reads ASCII text (scanned by hand) as the regex tokenizer reads any other text", () => {
    // A trailing "¿" (not ASCII, not a word character) sends the same words through the regex path.
    const piece = fc.constantFrom("a", "B", "z", "7", "0", ".", ",", "'", "`", "-", " ", "U.S.", "u.n.'s", "May", "1,000", "3.5", "--");
    fc.assert(
      fc.property(fc.oneof(fc.array(piece, { maxLength: 30 }).map((p) => p.join("")), fc.string({ unit: "binary-ascii", maxLength: 60 })), (text) => {
        expect(tokenize(text)).toEqual(tokenize(`${text} ¿`));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("answer types", () => {
  it.each([
    ["Who is the leader of North Korea?", "person"],
    ["When does the exhibition close?", "time"],
    ["Where is the museum?", "place"],
    ["How many stops does the line have?", "number"],
    ["How much does a ticket cost?", "money"],
    ["ferry strike dates", "time"],
    ["temporary library location", "place"],
    ["bridge closure weeks", "duration"],
    ["Is it safe to do a cruise in the next weeks?", "none"],
    ["hospital merger date", "time"],
    ["What are the dates of the festival in Lowther Park?", "time"],
    ["what is the deadline for applications?", "time"],
    ["what dates were discussed", "none"],
    ["How long was the visit?", "duration"],
    ["How many days did the tournament go on for?", "duration"],
    ["What was the reason for the rate cut?", "reason"],
    ["how did the fire start?", "reason"],
    ["number of evacuees pinecrest falls", "number"],
    ["castle meadow number of stalls", "number"],
    ["rebate amount", "number"],
    ["layoffs number", "number"],
    ["How do I find the batch number?", "none"],
    ["What is the number of stalls at the new site?", "number"],
    ["Who had the highest number of votes?", "person"],
    ["could you tell us when the museum reopens?", "time"],
    ["How much money did the company lose last quarter?", "money"],
    ["aire valley hospital cost", "money"],
    ["In which states does the chain have stores?", "place"],
    ["Which companies bid for the contract?", "person"],
    ["why did the bank lower borrowing costs?", "reason"],
    ["northvale layoffs number", "number"],
    ["which club has he signed for?", "person"],
    ["which political party won the most seats?", "person"],
    ["which rival airline added flights?", "person"],
    ["what hours is the water pressure turned down", "time"],
    ["by when does the pantry need the food", "time"],
    ["what's the deadline to ask for a refund", "time"],
    ["whats the total budget of the programme", "money"],
    ["What did stallholders pay per day?", "money"],
    ["What did they pay for?", "none"],
    ["how heavy was the satellite", "number"],
    ["what was the population at the last census", "number"],
    ["How soon will the results come?", "duration"],
    ["how much notice do customers get", "duration"],
    ["how much longer will my journey take", "duration"],
    ["what's he going to be paid at the new club", "money"],
    ["What will the fine be for parking there?", "money"],
    ["What is the average salary of a flight attendant?", "money"],
    ["how many kilometres will I get out of a full battery", "distance"],
    ["How old is the mayor?", "age"],
    ["What did they agree?", "none"],
    ["reason for later high school start", "reason"],
    ["What's the price of a ticket?", "money"],
    ["How much is it to take my car into the park?", "money"],
    ["is there anywhere evacuees can take their dog?", "place"],
    ["How often do the trams run?", "frequency"],
    ["How frequent will the 14 be from April?", "frequency"],
    ["By how much will Quillstack's storage costs fall?", "number"],
    ["how many times a week does the ferry sail", "frequency"],
    ["what’s the reason for the heater recall", "reason"],
    ["What are the new high school start times?", "time"],
    ["price of entry for children", "money"],
    ["Which contractor is preparing the site?", "person"],
    ["What interest rate is charged on late payments?", "number"],
    ["What was Norland's unemployment rate last year?", "number"],
    ["What share of the vote did the Greens get?", "number"],
    ["what proportion of staff work from home", "number"],
    ["What happened to the rate of inflation?", "none"],
    ["What group can amend the constitution?", "none"],
    ["what county is the new depot in", "place"],
    ["Which provinces will get the grant?", "place"],
    ["what percent of homes are affected", "number"],
    ["what years was the bridge closed", "time"],
    ["In what century was the abbey built?", "time"],
    ["Until when will the ski area stay open?", "time"],
    ["since when has the pool been shut", "time"],
    ["How much time does it take to get across?", "duration"],
    ["how much extra time will the works add to my journey", "duration"],
    ["How did the city council vote on the noise ordinance?", "number"],
    ["what was the board vote on the fee increase?", "number"],
    ["By how many votes did the committee approve it?", "number"],
    ["Which body announced the vote count?", "none"],
    ["How did Senator Ames vote?", "none"],
  ])("%s asks for %s", (question, type) => {
    expect(questionAnswerType(question)).toBe(type);
  });
  it("a century, a decade or an early year answers when", () => {
    expect(sentenceAnswerTypes("The abbey was built in the 12th century.") & TYPE_BITS.time).not.toBe(0);
    expect(sentenceAnswerTypes("The abbey was built in the twelfth century.") & TYPE_BITS.time).not.toBe(0);
    expect(sentenceAnswerTypes("The mill thrived in the 1880s.") & TYPE_BITS.time).not.toBe(0);
    expect(sentenceAnswerTypes("No census was held in the year 1377.") & TYPE_BITS.time).not.toBe(0);
    expect(sentenceAnswerTypes("The mill employs 1377 people.") & TYPE_BITS.time).toBe(0);
  });
  it("a date something lasts until answers how long", () => {
    expect(sentenceAnswerTypes("The museum will remain closed until Nov. 25.") & TYPE_BITS.duration).not.toBe(0);
  });
  it("recognizes what a sentence can answer", () => {
    expect(sentenceAnswerTypes("During his weeklong visit, they met.") & TYPE_BITS.duration).not.toBe(0);
    expect(sentenceAnswerTypes("Tickets cost $18 for adults.") & TYPE_BITS.money).not.toBe(0);
    // A month or a weekday is no name of a person or place; another capitalized word may be.
    expect(sentenceAnswerTypes("The order will be reviewed at the end of January, on a Monday.") & (TYPE_BITS.person | TYPE_BITS.place)).toBe(0);
    expect(sentenceAnswerTypes("It was reviewed in January by Ruth Okafor.") & TYPE_BITS.person).not.toBe(0);
    expect(sentenceAnswerTypes("The contract is worth 22.6 million pounds.") & TYPE_BITS.money).not.toBe(0);
    expect(sentenceAnswerTypes("The deal is worth about 4.6 billion Norwegian kroner.") & TYPE_BITS.money).not.toBe(0);
    expect(sentenceAnswerTypes("It cost two million dollars.") & TYPE_BITS.money).not.toBe(0);
    // Currencies by their English names: crowns (krone, koruna), shillings, dinars…
    expect(sentenceAnswerTypes("The minister announced a grant of 12 million crowns.") & TYPE_BITS.money).not.toBe(0);
    expect(sentenceAnswerTypes("Fares rise to 450 shillings and 3 dinars.") & TYPE_BITS.money).not.toBe(0);
    expect(sentenceAnswerTypes("The club has 22.6 million members.") & TYPE_BITS.money).toBe(0);
    expect(sentenceAnswerTypes("The 61-year-old mayor spoke.") & TYPE_BITS.age).not.toBe(0);
    expect(sentenceAnswerTypes("they agreed to cooperate.") & TYPE_BITS.time).toBe(0);
  });
  it("a cause is a reason, and 'since' of time is not", () => {
    const reason = (t: string) => (sentenceAnswerTypes(t) & TYPE_BITS.reason) !== 0;
    expect(reason("Investigators believe it was caused by a lightning strike.")).toBe(true);
    expect(reason("Services were cut since the trust ran out of money.")).toBe(true);
    expect(reason("It is the largest fire since the 2012 Antler Fire.")).toBe(false);
    expect(reason("Prices have doubled since last year.")).toBe(false);
  });
  it("a purpose, a driver or a prompting event is a reason, and a plain 'after' is not", () => {
    const reason = (t: string) => (sentenceAnswerTypes(t) & TYPE_BITS.reason) !== 0;
    expect(reason("The rebate was designed to reach people before the coldest months.")).toBe(true);
    expect(reason("Rents continue to climb, driven in part by wage increases.")).toBe(true);
    expect(reason("The increase is needed to pay for a new treatment plant.")).toBe(true);
    expect(reason("The decision followed a survey of 1,200 shoppers.")).toBe(true);
    expect(reason("Route 159 will be discontinued after averaging just 210 riders a day.")).toBe(true);
    expect(reason("Councillors rejected it after highways officers warned of delays.")).toBe(true);
    expect(reason("The band will play after the speeches.")).toBe(false);
  });
  it("an age in words is an age", () => {
    expect(sentenceAnswerTypes("The pair, a three-year-old male named Tashi, arrived.") & TYPE_BITS.age).not.toBe(0);
  });
  it("how often is not how long", () => {
    const frequency = (t: string) => (sentenceAnswerTypes(t) & TYPE_BITS.frequency) !== 0;
    const duration = (t: string) => (sentenceAnswerTypes(t) & TYPE_BITS.duration) !== 0;
    expect(frequency("Flights run twice daily and once a day at weekends.")).toBe(true);
    expect(duration("Flights run twice daily and once a day at weekends.")).toBe(false);
    expect(frequency("Parliament elections take place every five years.")).toBe(true);
    expect(duration("The museum closed for a day.")).toBe(true);
    expect(frequency("The museum closed for a day.")).toBe(false);
  });
  it.each([
    ["In 1921, the company renamed the bar.", false],
    ["She was born on October 9, 1903 and died on 9 January 1979.", false],
    ["Sales grew in the 1990s.", false],
    ["The council will cut 1,150 jobs by 2025.", true],
    ["About 340 homes were told to leave on Jan. 5.", true],
    ["The river could reach 5.2 metres.", true],
    ["Two of the bikes were stolen.", true],
    ["The park opens on Saturday, May 18, 2024, with a ribbon-cutting ceremony at 10 a.m.", false],
    ["Gates open at 6.30pm and the show starts at 19:45.", false],
    ["The 8am train carries 400 passengers.", true],
  ])("%s states a count: %s (a year, a date or a time of day does not say how many)", (sentence, count) => {
    expect((sentenceAnswerTypes(sentence) & TYPE_BITS.number) !== 0).toBe(count);
  });
});

describe("answer-type word hints", () => {
  /** As the index builder passes them: the union of the words' hints, for an ASCII text only. */
  const hinted = (text: string): number => {
    let hints = 0;
    const ascii = scanWords(text, (form) => (hints |= wordHints(form.word)));
    return sentenceAnswerTypes(text, ascii ? hints : undefined);
  };
  const pieces = (
    "5 m|5m|5-m|2.5m-long|m/s|km/h|10 kph|3 knots|$5|5 dollars|€5|5%|percent|o'clock|o’clock|\"|“|by the end|so that|" +
    "in order to|aged 5|age of 5|5th birthday|born in|five-year-old|61-year-old|every other week|3 times|per day|each week|" +
    "on mondays|on weekends|twice|weekly|until Nov|till|through the end of May|overnight|day-long|week long|days ago|" +
    "years of|for the week|since|recent|last week|next month|2023|12:30 pm|noon|said|told|according to|free of charge|" +
    "costs nothing|caused by|blamed on|two million dollars|4.6 billion Norwegian kroner|ten yuan|22.6 million pounds|12 million crowns|5 lire|ten shillings|Ardent Foundation|the Bank|Inc|x|the|a|of|it's|don't|U.S.|3.5|1,000|it’s|_since|naïve|Café|—|-|,|.|(| "
  ).split("|");
  it("give the same answer types as trying every pattern", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }), fc.array(fc.constantFrom(" ", ""), { minLength: 10, maxLength: 10 }), (parts, gaps) => {
        const text = parts.map((part, i) => part + gaps[i]).join("");
        expect(hinted(text)).toBe(sentenceAnswerTypes(text));
      }),
      { numRuns: 3000 },
    );
  });
  it.each([
    "Trains run at 60 m/s between the two towns.",
    "Prices rose 5% and tickets cost $18.",
    "He said \"no\" at 10 o'clock.",
    "The 2.5m-long boat sailed 12 miles on weekends, twice a year.",
    "Entry is free of charge so that everyone can come.",
    "The scheme cost two million dollars and 4.6 billion Norwegian kroner.",
    "The grant of 12 million crowns and 40 dinars came through.",
  ])("%s: the same types with hints", (text) => {
    expect(hinted(text)).toBe(sentenceAnswerTypes(text));
  });
});

describe("definition questions", () => {
  it.each([
    ["What is moorcidin?", true],
    ["who was Tycho Brahe", true],
    ["what's a fiscal quarter?", true],
    ["What is the reason the museum closed after the theft?", false],
    ["What did the council vote for?", false],
  ])("%s → %s", (question, expected) => {
    expect(isDefinitionQuestion(question)).toBe(expected);
  });
});

describe("FAQ question types", () => {
  it("a yes/no FAQ question answers yes or no, not who or how many", () => {
    expect(faqQuestionType("Are there concerns about the deal?")).toBe("yesno");
    expect(faqQuestionType("Can I pay with cash on the tram?")).toBe("yesno");
    expect(faqQuestionType("How much does a ticket cost?")).toBe("money");
    expect(faqQuestionType("What were the outcomes of the visit?")).toBe("none");
    expect(faqQuestionType("What does a severe flood warning mean?")).toBe("definition");
    // What a named thing is; not what a common noun phrase holds.
    expect(faqQuestionType("What is the Weekend Surgery Hub?")).toBe("definition");
    expect(faqQuestionType("What is the noise limit for bars?")).toBe("none");
    expect(faqQuestionType("What is moorcidin?")).toBe("definition");
    expect(faqQuestionType("What are the museum’s opening hours?")).toBe("time");
  });
  it("wh-words count only where a question or clause starts", () => {
    expect(questionAnswerType("What did Kim do when he got back?")).toBe("none");
    expect(questionAnswerType("Tell me who won")).toBe("person");
    expect(questionAnswerType("What was the reason for the cut?")).toBe("reason");
    // A new sentence starts a question too.
    expect(questionAnswerType("My son saw the new ship on the news. Who came up with its name?")).toBe("person");
    expect(questionAnswerType("We drive in every week. Where can we park now?")).toBe("place");
  });
});
