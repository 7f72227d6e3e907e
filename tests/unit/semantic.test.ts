import { describe, expect, it } from "vitest";
import { cosine, type Embeddings } from "../../server/retrieval/embeddings.ts";
import { MAX_RELATED_STRENGTH, MIN_SIMILARITY, relatedStrength } from "../../server/retrieval/semantic.ts";
import { contrasting } from "../../server/retrieval/contrast.ts";
import { answerQuestion } from "../../server/answer/index.ts";
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
