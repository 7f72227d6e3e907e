/**
 * Confidence: from the best candidate's score and what the question asked that the
 * documents do not hold, a number in 0..1 whose bands mean the same on any corpus.
 */
import type { Candidate } from "../retrieval/rank.ts";
import type { Query } from "../retrieval/query.ts";

/**
 * The bands. At or above `answer`: answer. From `suggest` up to `answer`: answer, and offer
 * "did you mean" suggestions. Below `suggest`: say the documents do not hold the answer.
 */
export const CONFIDENCE_BANDS = Object.freeze({ answer: 0.6, suggest: 0.42 });

/** Each content word that no document uses at all (after typo and synonym matching) multiplies confidence by this. */
export const UNKNOWN_TERM_FACTOR = 0.6;

/** The question's content terms the whole knowledge base has no trace of. */
export function unknownTerms(query: Query): string[] {
  return query.terms.filter((t) => !t.known && !t.light).map((t) => t.word);
}

/**
 * Confidence for answering with `best`. Deterministic: same question, same knowledge base,
 * same number.
 */
export function confidenceOf(query: Query, best: Candidate): number {
  let confidence = best.score;
  for (const _ of unknownTerms(query)) confidence *= UNKNOWN_TERM_FACTOR;
  // A question whose non-name words the unit does not cover asks something else about the
  // same names ("How old is Putin?" against sentences that only name Putin).
  const focus = best.features.focusCoverage;
  if (focus < 0.5) confidence *= 0.55 + 0.9 * focus;
  return Math.round(Math.min(1, Math.max(0, confidence)) * 1000) / 1000;
}
