/**
 * Abbreviations a text defines: "the Kestrian Anti-Doping Agency (KADA)". News spells a name
 * out once and abbreviates it after ("KADA chief executive Rune Halstad said…"); a visitor who
 * asks about "the Kestrian Anti-Doping Agency" means the sentences that say "KADA" too. Pure.
 */
import { tokenize } from "./text.ts";

export interface AbbreviationDefinition {
  /** The abbreviation, lower case ("kada"): a document stem. */
  readonly abbreviation: string;
  /** The stems of the name's content words, in order ("kestrian", "antidop", "agenc"). */
  readonly stems: readonly string[];
}

/** "(KADA)": two to eight capitals in brackets. */
const DEFINED = /\(([A-Z]{2,8})\)/g;
/** How far before the brackets the name may start (characters). */
const NAME_REACH = 160;

/**
 * The abbreviations a text defines: capitals in brackets right after capitalized words whose
 * initials spell them, from the end ("Norvalian Union of Rail Workers (NURW)": small stop words
 * inside the name are skipped; a hyphenated word gives the initials of its parts, "Anti-Doping"
 * AD, or its own).
 */
export function definedAbbreviations(text: string): AbbreviationDefinition[] {
  if (text.indexOf("(") < 0) return [];
  const found: AbbreviationDefinition[] = [];
  DEFINED.lastIndex = 0;
  for (let match = DEFINED.exec(text); match !== null; match = DEFINED.exec(text)) {
    const letters = match[1]!.toLowerCase();
    const tokens = tokenize(text.slice(Math.max(0, match.index - NAME_REACH), match.index));
    let left = letters.length; // letters still to spell, from the end
    const stems: string[] = [];
    for (let k = tokens.length - 1; k >= 0 && left > 0; k--) {
      const token = tokens[k]!;
      if (token.stop && !token.capitalized && stems.length > 0) continue; // "of", "for", "and" inside the name
      if (!token.capitalized || token.stop) break;
      const initials = token.parts.length > 1 ? token.parts.map((p) => p[0]).join("") : "";
      if (initials.length > 1 && initials.length <= left && letters.slice(left - initials.length, left) === initials) left -= initials.length;
      else if (letters[left - 1] === token.word[0]) left--;
      else break;
      stems.unshift(token.stem);
    }
    if (left === 0 && stems.length >= 2) found.push({ abbreviation: letters, stems });
  }
  return found;
}
