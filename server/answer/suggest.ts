/**
 * "Did you mean": when nothing answers well, the FAQ questions whose wording is closest to
 * what the visitor typed, by Fuse.js fuzzy matching (it forgives typos, missing words and
 * word order). Runs on the fallback path only, over a bounded list.
 */
import Fuse from "fuse.js";
import { tokenize } from "../retrieval/text.ts";

/** Fuse.js options: match anywhere in the question; scores above the threshold are dropped. */
const FUSE_OPTIONS = Object.freeze({ includeScore: true, ignoreLocation: true, threshold: 0.5, minMatchCharLength: 3 });
/** Questions searched at most (the best-ranked candidates and the scope's FAQs come first). */
export const MAX_FUZZY_POOL = 60;

/** Characters of the visitor's words searched at most. */
const MAX_PATTERN = 120;

/**
 * The pool's questions closest to `question`, best first, at most `limit`. Only the
 * question's content words are searched for: "how", "is" and "the" would match every FAQ
 * question a little (and a shorter pattern is searched faster).
 */
export function closestQuestions(question: string, pool: readonly string[], limit: number): string[] {
  const unique = [...new Set(pool)].slice(0, MAX_FUZZY_POOL);
  const pattern = tokenize(question.slice(0, 4 * MAX_PATTERN))
    .filter((token) => !token.stop)
    .map((token) => token.word)
    .join(" ")
    .slice(0, MAX_PATTERN);
  if (unique.length === 0 || pattern === "") return [];
  const fuse = new Fuse(unique, FUSE_OPTIONS);
  return fuse
    .search(pattern)
    .slice(0, limit)
    .map((hit) => hit.item);
}
