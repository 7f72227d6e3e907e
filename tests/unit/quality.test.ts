/**
 * Quality gates: the project's own question sets, scored with the eval's rules. They guard
 * against regressions; the figures they protect are in README "Quality". Raise the floors
 * when the engine improves, never lower them to make a change pass.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../server/answer/index.ts";
import { isCorrect, parseEvalItems, summarize, type EvalResult } from "../../server/eval.ts";
import type { KnowledgeBase } from "../../server/knowledge/knowledge-base.ts";
import { FIXTURE_KB, ROOT, SEED_DATA, knowledgeIn } from "../support/knowledge.ts";

/** Share of a tally that is right. */
function share(tally: { right: number; total: number }): number {
  return tally.right / tally.total;
}

function evaluate(kb: KnowledgeBase, file: string): EvalResult[] {
  const items = parseEvalItems(readFileSync(path.join(ROOT, file), "utf8"));
  return items.map((item) => {
    const answer = answerQuestion(kb, item.question);
    return { item, answer, correct: isCorrect(item, answer) };
  });
}

describe("questions about the seed document (tests/fixtures/seed-questions.jsonl)", () => {
  const results = evaluate(knowledgeIn(SEED_DATA), "tests/fixtures/seed-questions.jsonl");
  const summary = summarize(results);

  it("answers at least 89% right", () => {
    expect(share(summary.overall)).toBeGreaterThanOrEqual(0.89);
  });
  it("refuses every question the document does not answer", () => {
    const wrong = results.filter((r) => r.item.expect === "none" && !r.correct).map((r) => r.item.question);
    expect(wrong).toEqual([]);
  });
  it("recognizes all small talk", () => {
    const wrong = results.filter((r) => r.item.expect === "smalltalk" && !r.correct).map((r) => r.item.question);
    expect(wrong).toEqual([]);
  });
});

describe("the five-document fixture (tests/fixtures/questions.jsonl, deliberately hard)", () => {
  const results = evaluate(knowledgeIn(FIXTURE_KB), "tests/fixtures/questions.jsonl");
  const summary = summarize(results);

  it("answers at least 72% of all questions right", () => {
    expect(share(summary.overall)).toBeGreaterThanOrEqual(0.72);
  });
  it("answers and refuses well at once: the mean of answered right and refused right is at least 60%", () => {
    const mean = (share(summary.answered) + share(summary.refused)) / 2;
    expect(mean).toBeGreaterThanOrEqual(0.6);
  });
});

describe("six news documents in the seed's style (tests/fixtures/news-questions.jsonl)", () => {
  const results = evaluate(knowledgeIn(path.join(ROOT, "tests/fixtures/news")), "tests/fixtures/news-questions.jsonl");
  const summary = summarize(results);

  it("answers at least 85% of all questions right", () => {
    expect(share(summary.overall)).toBeGreaterThanOrEqual(0.85);
  });
  it("refuses at least 60% of the unanswerable ones", () => {
    expect(share(summary.refused)).toBeGreaterThanOrEqual(0.6);
  });
  it("recognizes all small talk", () => {
    expect(results.filter((r) => r.item.expect === "smalltalk" && !r.correct).map((r) => r.item.question)).toEqual([]);
  });
});

/**
 * A held-out set (tests/fixtures/NAME/docs and questions.jsonl), written before the engine
 * ever ran on it: floors for all questions and for the unanswerable ones, every FAQ question
 * typed exactly answered, all small talk recognized.
 */
function heldOutSet(title: string, name: string, floors: { overall: number; refused: number }): void {
  describe(`${title} (tests/fixtures/${name})`, () => {
    const results = evaluate(knowledgeIn(path.join(ROOT, `tests/fixtures/${name}/docs`)), `tests/fixtures/${name}/questions.jsonl`);
    const summary = summarize(results);

    it(`answers at least ${floors.overall * 100}% of all questions right`, () => {
      expect(share(summary.overall)).toBeGreaterThanOrEqual(floors.overall);
    });
    it(`refuses at least ${floors.refused * 100}% of the unanswerable ones`, () => {
      expect(share(summary.refused)).toBeGreaterThanOrEqual(floors.refused);
    });
    it("answers every FAQ question typed exactly, and recognizes all small talk", () => {
      const wrong = results.filter((r) => (r.item.tags?.includes("exact") || r.item.expect === "smalltalk") && !r.correct).map((r) => r.item.question);
      expect(wrong).toEqual([]);
    });
  });
}

heldOutSet("eight news documents whose questions were written before the engine ever ran on them", "fresh", { overall: 0.8, refused: 0.7 });
heldOutSet("six more news documents, also written before the engine ran on them", "holdout", { overall: 0.77, refused: 0.5 });
heldOutSet("seven documents on other topics, also written before the engine ran on them", "third", { overall: 0.78, refused: 0.6 });
heldOutSet("seven documents on yet other topics (hospitals, a marathon, tuition, a bridge, recycling, a museum, a ferry strike)", "fourth", { overall: 0.8, refused: 0.7 });
heldOutSet("seven more documents (a water-main break, a wildfire, layoffs, a fare cap, a heatwave, a stadium move, measles clinics)", "fifth", { overall: 0.78, refused: 0.45 });
heldOutSet("seven more (a market move, parking permits, a landslide, bird flu, a research ship, chess, a tax deadline)", "sixth", { overall: 0.72, refused: 0.75 });
heldOutSet("seven more in British and American English (cliff erosion, a hosepipe ban, a plant closure, park fees, surgery, a ride accident, broadband)", "seventh", { overall: 0.78, refused: 0.7 });
heldOutSet("seven more (school meals, a lighthouse, a ski resort, a student satellite, dog licences, a heritage railway, a noise ordinance)", "eighth", { overall: 0.76, refused: 0.45 });
heldOutSet("seven more (new flight routes, library fines, bin collections, hospital parking, a hosepipe ban, a ferry timetable, a museum reopening)", "ninth", { overall: 0.79, refused: 0.65 });
heldOutSet("seven more in American, British and Australian English (a pool closure, a market move, bike share, outage payments, a zoo birth, walk permits, vaccination clinics)", "tenth", { overall: 0.68, refused: 0.5 });
heldOutSet("seven more, paraphrase-heavy (a library move, bin collections, a music festival, a bus route, a kettle recall, an energy rebate, a parking zone)", "eleventh", { overall: 0.65, refused: 0.45 });
heldOutSet("seven more, typed as visitors type, some as company announcements (a broadband outage, a council tax rebate, a software price rise, a gym closure, a timetable, term dates, season tickets)", "twelfth", { overall: 0.7, refused: 0.45 });
heldOutSet("seven more in British, Australian and American English (a cinema reopening, NHS dentistry, a 20mph limit, an ice rink, garden plots, a food pantry, street trees)", "thirteenth", { overall: 0.75, refused: 0.45 });
heldOutSet("seven more in British, Australian, American and Scottish settings (hospital parking, a market move, a vet hospital, a theatre festival, fibre broadband, a software price change, a ferry timetable)", "fourteenth", { overall: 0.72, refused: 0.6 });
heldOutSet("seven more in British, Australian, Canadian and American English (GP opening hours, a recycling centre booking system, a shipwreck exhibition, bus routes, a charity 5K, a car-share club, a gym refurbishment)", "fifteenth", { overall: 0.74, refused: 0.7 });
heldOutSet("seven more in British, Irish, Australian, Canadian and American English (a concert-venue bag policy, an e-scooter trial, hospital visiting hours, water bills, a dog park, a lifeguard season, a beer festival)", "sixteenth", { overall: 0.68, refused: 0.6 });
heldOutSet("seven more, three of them on one borough's council (a library refurbishment, school admissions, council-tax support, airport routes, allotments, flu jabs, a new cinema)", "seventeenth", { overall: 0.66, refused: 0.5 });
heldOutSet("seven more around one town and its university (a bridge closure, energy prices, an open day, a repairs service, a market's move, youth football, a museum's late openings)", "eighteenth", { overall: 0.64, refused: 0.6 });
heldOutSet("six wire-service news stories in the dev set's mix (a rate rise, a maritime treaty, a football transfer, an earthquake, a smartwatch recall, a Pacific summit)", "nineteenth", { overall: 0.68, refused: 0.65 });
heldOutSet("six more wire-service stories, two pairs sharing names (a rail strike, a drug recall, a wildfire, tech layoffs, a regional election, a marathon and a doping case)", "twentieth", { overall: 0.59, refused: 0.75 });
heldOutSet("six more wire-service stories, two pairs sharing names (a ferry aground, a food-poisoning outbreak, a census, a failed satellite launch, a teachers' strike, an art theft)", "twentyfirst", { overall: 0.62, refused: 0.6 });
heldOutSet("six more wire-service stories sharing a minister and a city (a hospital ransomware attack, a congestion charge in court, a drought, a forged painting, a football club in administration, a late high-speed line)", "twentysecond", { overall: 0.57, refused: 0.6 });
heldOutSet("six more wire-service stories, two sharing a regulator (a baby-formula recall, a tuition-fee protest, a cabin-crew strike, a vaccine rollout, a festival's move, a bank merger)", "twentythird", { overall: 0.58, refused: 0.6 });
heldOutSet("six more wire-service stories (a river flood, a loyalty-scheme data breach, a driverless metro line, a minimum-wage ruling, escaped snow leopards, an earthquake in an old town)", "twentyfourth", { overall: 0.68, refused: 0.75 });
heldOutSet("six regional-newspaper stories sharing towns (short-term holiday-let rules, microplastics in a lake, a train timetable overhaul, a lung-screening programme, a brewery takeover, a marathon stopped by a heatwave)", "twentyfifth", { overall: 0.67, refused: 0.62 });
heldOutSet("six local-news stories sharing towns (a four-day school week trial, bird flu on poultry farms, protected cycle lanes, a theatre ceiling collapse, a supermarket chain's closures and price cuts, a storm power cut)", "twentysixth", { overall: 0.63, refused: 0.8 });
heldOutSet("six more local-news stories sharing towns (town-centre parking charges, a boil-water notice, a children's hospital wing, a ferry fleet's replacement, a bridge closed for repairs, a festival cancelled over its licence)", "twentyseventh", { overall: 0.74, refused: 0.7 });
heldOutSet("six international and national stories, two sharing an app and a minister (an asteroid sample return, a health-app data breach, a central bank rate cut, a canoe championship moved, a noblewoman's tomb, an RSV vaccine rollout)", "twentyeighth", { overall: 0.66, refused: 0.75 });
heldOutSet("six world-politics stories, two sharing a president and a region (a presidential summit, an election, a ceasefire, residence permits for migrants, a cabin-crew strike, an earthquake)", "twentyninth", { overall: 0.66, refused: 0.62 });
heldOutSet("six wire-service stories in the dev set's style, three sharing a president and a minister (a state visit, a radar satellite, a nickel and battery plant deal, an antitrust ruling, steel duties, a Marburg outbreak)", "thirtieth", { overall: 0.67, refused: 0.62 });
heldOutSet("six more wire-service stories, three sharing a prime minister (a state visit and its deals, a national budget, a cup final, a nurses' strike, a new tram line, a wildfire)", "thirtyfirst", { overall: 0.67, refused: 0.62 });

describe("chatty messages, a story before the question, half of them unanswerable (tests/fixtures/chatty-questions.jsonl, on the fourth, sixth and eighth sets' documents)", () => {
  const fixtures = (name: string) => path.join(ROOT, `tests/fixtures/${name}/docs`);
  const results = evaluate(knowledgeIn(fixtures("fourth"), fixtures("sixth"), fixtures("eighth")), "tests/fixtures/chatty-questions.jsonl");
  const summary = summarize(results);

  it("answers at least 55% of all questions right", () => {
    expect(share(summary.overall)).toBeGreaterThanOrEqual(0.55);
  });
  // A trade-off, set on purpose: an FAQ answer to a message that tells a story is calibrated
  // up (STORY_CALIBRATION), which answers about half of the answerable ones (a third
  // without it) and refuses two thirds of the others (nine in ten without it). On the blind
  // sets, whose unanswerable questions are rarely stories, it only gained.
  it("answers at least half of the answerable ones right", () => {
    expect(share(summary.answered)).toBeGreaterThanOrEqual(0.5);
  });
  it("refuses at least 65% of the unanswerable ones: a story around a question is no reason to guess", () => {
    expect(share(summary.refused)).toBeGreaterThanOrEqual(0.65);
  });
});
