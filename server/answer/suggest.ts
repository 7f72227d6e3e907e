/**
 * "Did you mean": when nothing answers well, the FAQ questions whose wording is closest to
 * what the visitor typed, by Fuse.js fuzzy matching (it forgives typos, missing words and
 * word order). Runs on the fallback path only, over a bounded list.
 */
import Fuse from "fuse.js";

/** Fuse.js options: match anywhere in the question; scores above the threshold are dropped. */
const FUSE_OPTIONS = Object.freeze({ includeScore: true, ignoreLocation: true, threshold: 0.5, minMatchCharLength: 3 });
/** Questions searched at most (the best-ranked candidates and the scope's FAQs come first). */
export const MAX_FUZZY_POOL = 60;

/** The pool's questions closest to `question`, best first, at most `limit`. */
export function closestQuestions(question: string, pool: readonly string[], limit: number): string[] {
  const unique = [...new Set(pool)].slice(0, MAX_FUZZY_POOL);
  if (unique.length === 0 || question.trim() === "") return [];
  const fuse = new Fuse(unique, FUSE_OPTIONS);
  return fuse
    .search(question.slice(0, 120))
    .slice(0, limit)
    .map((hit) => hit.item);
}
