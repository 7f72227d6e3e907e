/**
 * British spellings folded into American ones before stemming, so "organisers" matches
 * "organizers", "colour" matches "color" and "centre" matches "center": about 1,700 words
 * from the `american-english` package. Pairs whose American form is also another word are
 * left out: "cheque" (check), "tyre" (tire), "storey" (story), "draught" (draft).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** British spellings whose American form would merge them with another word. */
const MERGING = /^(?:cheque|chequebook|chequered|tyre|storey|draught)/;

const { us_spelling: usSpelling } = require("american-english") as { us_spelling: Record<string, string> };

/** British spelling → American spelling, lower case. */
export const AMERICAN_SPELLINGS: ReadonlyMap<string, string> = new Map(
  Object.entries(usSpelling).filter(([british, american]) => /^[a-z]+$/.test(british) && /^[a-z]+$/.test(american) && !MERGING.test(british)),
);
