import { describe, expect, it } from "vitest";
import { cosine, type Embeddings } from "../../server/retrieval/embeddings.ts";
import { MAX_RELATED_STRENGTH, MIN_SIMILARITY, relatedStrength } from "../../server/retrieval/semantic.ts";
import { contrasting } from "../../server/retrieval/contrast.ts";
import { answerQuestion, explainQuestion } from "../../server/answer/index.ts";
import { parseDocument } from "../../server/knowledge/parse.ts";
import { buildKnowledgeBase } from "../../server/knowledge/knowledge-base.ts";

/** Tiny hand-made vectors: "fans" and "supporters" point the same way, "bake" elsewhere. */
function embeddings(vectors: Record<string, number[]>): Embeddings {
  const words = Object.keys(vectors);
  const dimensions = vectors[words[0]!]!.length;
  const data = new Int8Array(words.length * dimensions);
  words.forEach((w, i) => vectors[w]!.forEach((v, k) => (data[i * dimensions + k] = v)));
  return { dimensions, rows: new Map(words.map((w, i) => [w, i])), vectors: data };
}

const vectors = embeddings({
  fans: [100, 20, 0, 0],
  supporters: [95, 30, 5, 0],
  bake: [0, 0, 100, 10],
  transfer: [10, 100, 0, 0],
});

describe("word vectors", () => {
  it("cosine is 1 for a word with itself and low for unrelated words", () => {
    expect(cosine(vectors, 0, 0)).toBeCloseTo(1, 6);
    expect(cosine(vectors, 0, 1)).toBeGreaterThan(0.95);
    expect(cosine(vectors, 0, 2)).toBeLessThan(0.1);
  });
  it("related strength is 0 below the similarity floor and capped below an exact match", () => {
    expect(relatedStrength(MIN_SIMILARITY - 0.01)).toBe(0);
    expect(relatedStrength(MIN_SIMILARITY + 0.1)).toBeGreaterThan(0);
    expect(relatedStrength(1)).toBe(MAX_RELATED_STRENGTH);
    expect(MAX_RELATED_STRENGTH).toBeLessThan(1);
  });
});

describe("related-word matching in answers", () => {
  const text =
    " date 2024-05-01 Borussia Dortmund completed the signing of a striker on Monday.\n\nFAQ:\n\nQ: How have supporters reacted to the transfer?\n\nA: Supporters welcomed it.\n\nQ: Where will the new stadium be built?\n\nA: Next to the old one.\n";
  const parsed = parseDocument("club", text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const withVectors = buildKnowledgeBase([parsed.document], { embeddings: vectors });
  const without = buildKnowledgeBase([parsed.document]);

  it("a word the documents do not use matches a word of the same meaning", () => {
    const question = "how did fans react to the transfer";
    const answer = answerQuestion(withVectors, question);
    expect(answer.kind).toBe("faq");
    expect(answer.sources[0]!.text).toBe("How have supporters reacted to the transfer?");
    // Without vectors the same question is matched on fewer words: never more confidently.
    expect(answerQuestion(without, question).confidence).toBeLessThanOrEqual(answer.confidence);
  });
});

describe("British spellings in word vectors", () => {
  // Rows are in order of frequency: a rare British spelling (past the well-trained rows) has
  // a poor vector, its American twin a good one.
  const words: Record<string, number[]> = { restructuring: [100, 20, 0, 0], reorganization: [95, 30, 5, 0], cinema: [0, 100, 0, 0] };
  const rows = new Map(Object.keys(words).map((w, i) => [w, i]));
  const rare = 40_000;
  rows.set("reorganisation", rare);
  const data = new Int8Array((rare + 1) * 4);
  Object.values(words).forEach((v, i) => v.forEach((x, k) => (data[i * 4 + k] = x)));
  [0, 0, 100, 10].forEach((x, k) => (data[rare * 4 + k] = x));
  const text =
    " date 2024-05-01 Corvex will cut 300 jobs.\n\nFAQ:\n\nQ: Why is Corvex restructuring?\n\nA: To cut costs.\n\nQ: Where is the cinema?\n\nA: In Tessvik.\n";
  const parsed = parseDocument("firm", text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const kb = buildKnowledgeBase([parsed.document], { embeddings: { dimensions: 4, rows, vectors: data } });

  it("a rare British spelling is compared through its American twin's vector", () => {
    const { explanation } = explainQuestion(kb, "why the reorganisation at corvex");
    const best = explanation.candidates[0]!;
    expect(best.unit.faq?.question).toBe("Why is Corvex restructuring?");
    expect(best.matches.find((m) => m.term === "reorganisation")?.strength).toBeGreaterThan(0.5);
  });
});

describe("an FAQ pair's meaning", () => {
  const words = embeddings({
    money: [100, 0, 0, 0],
    refund: [98, 15, 0, 0],
    ticket: [0, 100, 0, 0],
    happen: [0, 0, 100, 0],
    concert: [0, 0, 0, 100],
    harwick: [0, 0, 100, 0],
    cash: [100, 5, 0, 0],
    pass: [5, 100, 0, 0],
  });
  const pair = (answer: string) => {
    const parsed = parseDocument("gig", ` date 2024-05-01 The concert is cancelled.\n\nFAQ:\n\nQ: What happens to my ticket?\n\nA: ${answer}\n`);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return buildKnowledgeBase([parsed.document], { embeddings: words });
  };
  const meaning = (kb: ReturnType<typeof pair>, question = "money for the ticket") =>
    explainQuestion(kb, question).explanation.candidates.find((c) => c.unit.kind === "faq")!.features.meaning;

  it("is its question's and its short answer's: the answer says what the pair is about", () => {
    // The question alone ("happens", "ticket") is far from the visitor's ("money", "ticket"); with its answer, near.
    expect(meaning(pair("A full refund."))).toBeGreaterThan(0.3);
    // The names an answer gives in passing are left out of its meaning.
    expect(meaning(pair("A full refund from Harwick."))).toBeGreaterThan(0.3);
  });
  it("brings the pairs nearest in meaning to the candidates, even when they share no word with the question", () => {
    const { explanation } = explainQuestion(pair("A full refund."), "cash for my pass");
    expect(explanation.candidates.map((c) => c.unit.faq?.question)).toContain("What happens to my ticket?");
  });
  it("is its question's alone for a long message (a long message's words are its topic's)", () => {
    const long = "money for the ticket, says my aunt who bought seats online for her grandsons last spring before moving abroad";
    expect(meaning(pair("A full refund."), long)).toBe(0);
  });
  it("is its question's alone when the answer is long (a long answer's words are its topic's)", () => {
    const long = "A full refund. " + Array.from({ length: 40 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`).join(" ") + ".";
    expect(meaning(pair(long))).toBe(0);
  });
});

describe("contrasting words", () => {
  it("numbers, ordinals, months and antonyms are never related words", () => {
    expect(contrasting("second", "first")).toBe(true);
    expect(contrasting("six", "seven")).toBe(true);
    expect(contrasting("1967", "1968")).toBe(true);
    expect(contrasting("increase", "decreased")).toBe(true);
    expect(contrasting("trip", "visit")).toBe(false);
    expect(contrasting("second", "seconds")).toBe(false);
  });
});
