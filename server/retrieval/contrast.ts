/**
 * Words that word vectors place close together because they contrast: numbers, ordinals,
 * months, directions, colours, family roles and antonym pairs ("second" ~ "first", "six" ~
 * "seven", "increase" ~ "decrease"). They share contexts, not meanings, so one is never a
 * paraphrase of the other: "the Seven-Day War" is not "the Six-Day War". Likewise sibling
 * kinds of everyday things (pets and farm animals, drinks, people by age): a question about a
 * cat is not answered by the rule for dogs, nor a child's fare by the adult one.
 */
import { stem } from "./text.ts";

const GROUPS: readonly string[] = [
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen half quarter",
  "first second third fourth fifth sixth seventh eighth ninth tenth last final previous next",
  "january february march april may june july august september october november december",
  "monday tuesday wednesday thursday friday saturday sunday weekday weekend today yesterday tomorrow",
  "spring summer autumn fall winter",
  "morning afternoon evening night midnight noon dawn dusk day",
  "north south east west northern southern eastern western northeast northwest southeast southwest",
  "left right up down upper lower top bottom inside outside inner outer internal external front back",
  "red orange yellow green blue purple violet pink brown black white grey gray",
  "man woman men women male female boy girl husband wife father mother son daughter brother sister king queen prince princess uncle aunt",
  "before after earlier later early late past future",
  "more less fewer most least many few",
  "high low higher lower highest lowest",
  "big small large little huge tiny larger smaller bigger largest smallest biggest",
  "long short longer shorter longest shortest",
  "old new young older newer younger oldest newest youngest modern ancient",
  "current currently existing new",
  "increase decrease rise fall raise lower grow shrink gain loss lose win",
  "open close start end begin finish",
  "buy sell import export lend borrow",
  "maximum minimum max min",
  "positive negative",
  "hot cold warm cool",
  "wet dry",
  "rich poor",
  "true false",
  "accept reject allow forbid ban permit",
  "success failure succeed fail",
  "private public",
  "dog cat rabbit hamster horse parrot ferret snake lizard tortoise cow sheep goat pig chicken",
  "tea coffee beer wine cider",
  "baby babies toddler child children kid kids teenager teen adult adults pensioner senior man men woman women",
];

/** stem → the groups it belongs to (bit mask). */
const memberships = new Map<string, number>();
GROUPS.forEach((group, g) => {
  for (const word of group.split(" ")) {
    for (const key of [word, stem(word)]) memberships.set(key, (memberships.get(key) ?? 0) | (1 << g));
  }
});

/**
 * The groups whose members say opposite things of the same subject ("open" / "close", "first"
 * / "last", "buy" / "sell"): numbers, months, weekdays, seasons and times of day are left
 * out, since texts list several of them at once ("Monday to Saturday").
 */
const OPPOSITES_MASK = GROUPS.reduce((mask, _, g) => (g === 0 || (g >= 2 && g <= 5) ? mask : mask | (1 << g)), 0);

/** Months and days of the week: a text may list several, but an FAQ question names the one it asks about. */
const CALENDAR_MASK = (1 << 2) | (1 << 3);

/** The calendar groups (months, weekdays) of a word or stem: an FAQ question about May is not one about October. */
export function calendarGroups(word: string): number {
  return groupsOf(word) & CALENDAR_MASK;
}

/** calendarGroups of a lower-case stem, as the index holds them. */
export function calendarGroupsOfStem(stem: string): number {
  return (memberships.get(stem) ?? 0) & CALENDAR_MASK;
}

/** The opposite-word groups of a word or stem (bit mask; 0: none, as for most words). */
export function oppositeGroups(word: string): number {
  return groupsOf(word) & OPPOSITES_MASK;
}

/** oppositeGroups of a lower-case stem, as the index holds them (one look-up, no stemming). */
export function oppositeGroupsOfStem(stem: string): number {
  return (memberships.get(stem) ?? 0) & OPPOSITES_MASK;
}

function groupsOf(word: string): number {
  const lower = word.toLowerCase();
  return memberships.get(lower) ?? memberships.get(stem(lower)) ?? 0;
}

const NUMBER_START = /^\p{N}/u;

/** True when two different words contrast (both numbers, or both in one group above). */
export function contrasting(a: string, b: string): boolean {
  return contrastsWith(a)?.(b) ?? false;
}

/**
 * `contrasting` with its first word fixed, or null when that word contrasts with nothing
 * (it starts with no digit and is in no group): most words, which then cost nothing per
 * word compared with them.
 */
export function contrastsWith(a: string): ((b: string) => boolean) | null {
  let contraster = contrasters.get(a);
  if (contraster === undefined) {
    contraster = makeContraster(a);
    if (contrasters.size >= MAX_CONTRASTERS) contrasters.clear();
    contrasters.set(a, contraster);
  }
  return contraster;
}

/** contrastsWith by word, bounded: questions use the same words again and again. */
const contrasters = new Map<string, ((b: string) => boolean) | null>();
const MAX_CONTRASTERS = 10_000;

function makeContraster(a: string): ((b: string) => boolean) | null {
  const numeric = NUMBER_START.test(a);
  const groups = groupsOf(a);
  if (!numeric && groups === 0) return null;
  return (b) => ((numeric && NUMBER_START.test(b)) || (groups & groupsOf(b)) !== 0) && a !== b && stem(a) !== stem(b);
}
