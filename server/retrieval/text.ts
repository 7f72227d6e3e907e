/**
 * Text analysis shared by indexing and querying: normalization, tokens, stems.
 * Pure functions; the only state is the frozen word lists below.
 */
import { PorterStemmer, createTokenizer, naturalStopwords } from "./nlp.ts";
import { AMERICAN_SPELLINGS } from "./spelling.ts";

/** Words that start a question and say what kind of answer it wants. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(["who", "whom", "whose", "what", "when", "where", "why", "how", "which"]);

/**
 * Function words: dropped from matching. natural's list without its single letters and
 * digits (numbers are content), plus contractions and auxiliaries visitors type.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  ...naturalStopwords.filter((w) => /^[a-z]{2,}$/.test(w)),
  "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "couldnt", "wont", "wouldnt",
  "shouldnt", "havent", "hasnt", "hadnt", "im", "ive", "youre", "theyre", "thats", "whats", "theres",
  "hows", "whos", "wheres", "whens", "the", "a", "an", "i", "is", "are", "am", "will", "shall", "may",
  "us", "anyone", "anybody", "someone", "somebody", "everyone", "there", "yet", "ever", "just", "even",
  // chat spellings
  "wat", "wut", "wht", "u", "ur", "pls", "plz", "pleas", "thx", "im", "ya", "yall", "gonna", "wanna", "gotta",
]);

/**
 * Light words: they carry little of a question's meaning ("tell me", "what happened",
 * "any info on"). They still match, but weigh little, and missing them is no sign that the
 * documents lack the answer.
 */
export const LIGHT_WORDS: ReadonlySet<string> = new Set([
  "happen", "thing", "stuff", "tell", "know", "say", "mean", "get", "go", "give", "kind", "type", "lot",
  "want", "need", "think", "pleas", "info", "inform", "detail", "anyth", "someth", "exactli", "realli",
  "actual", "possibl", "explain", "describ", "question", "answer", "find", "let", "look", "use",
  "whether", "wonder", "curiou", "anybodi", "talk", "do", "becom", "one", "said", "new", "like", "abl",
  // indefinite words: "is there somewhere else…", "can anyone…"
  "somewhere", "anywhere", "everywhere", "elsewhere", "else", "someone", "somebody", "anyone", "everyone",
  "everybody", "everything", "anyway", "somehow",
  // degree words: "isn't enough", "quite expensive"
  "enough", "quite", "rather", "somewhat", "fairli", "almost", "alreadi", "roughli", "approxim", "whole",
  // hedges: "I honestly don't know…", "maybe", "probably"
  "honestli", "frankli", "truli", "certainli", "perhap", "mayb", "probabl", "hopefulli",
].map((w) => PorterStemmer.stem(w)));

/**
 * Misspelled and chat spellings of function and question words, which typo correction
 * leaves alone (it corrects content words to the documents' words): "wen wil it open" →
 * "when will it open". Only spellings that are no English word of their own.
 */
const CHAT_SPELLINGS: ReadonlyMap<string, string> = new Map(
  (
    "wat:what wut:what wht:what whta:what waht:what wen:when whn:when wehn:when wher:where whre:where wehre:where " +
    "hw:how hwo:how whcih:which wich:which whihc:which wil:will wiil:will teh:the hte:the thier:their taht:that " +
    "adn:and becuase:because becasue:because bcause:because bc:because cuz:because coz:because abt:about " +
    "u:you ur:your pls:please plz:please frm:from thru:through ppl:people wud:would cud:could shud:should"
  )
    .split(" ")
    .map((pair) => pair.split(":") as [string, string]),
);
const CHAT_WORD = new RegExp(`(?<![\\p{L}\\p{N}'])(?:${[...CHAT_SPELLINGS.keys()].join("|")})(?![\\p{L}\\p{N}'])`, "giu");

/** The longest chat spelling ("becuase"). */
const CHAT_SPELLING_MAX = Math.max(...[...CHAT_SPELLINGS.keys()].map((k) => k.length));
/** The chat spellings by length and first letter (at length × 128 + letter code): a word costs an array read, not a string. */
const CHAT_SPELLINGS_BY_START: Array<string[] | undefined> = new Array((CHAT_SPELLING_MAX + 1) * 128);
for (const key of CHAT_SPELLINGS.keys()) (CHAT_SPELLINGS_BY_START[key.length * 128 + key.charCodeAt(0)] ??= []).push(key);

/** The chat spelling that text[start, end) is, in any ASCII case; undefined when none. */
function chatSpellingAt(text: string, start: number, end: number): string | undefined {
  const length = end - start;
  if (length > CHAT_SPELLING_MAX) return undefined;
  let first = text.charCodeAt(start);
  if (first >= 65 && first <= 90) first += 32;
  const keys = CHAT_SPELLINGS_BY_START[length * 128 + first];
  if (keys === undefined) return undefined;
  for (const key of keys) {
    let k = 1;
    for (; k < length; k++) {
      let code = text.charCodeAt(start + k);
      if (code >= 65 && code <= 90) code += 32;
      if (code !== key.charCodeAt(k)) break;
    }
    if (k === length) return key;
  }
  return undefined;
}

/**
 * Function words a typo may be read as (fixFunctionWordTypos): the stop words of three
 * letters or more and the question words, plus the words that name an answer type after
 * "how" ("how lnog").
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...[...STOPWORDS].filter((w) => w.length >= 3 && /^[a-z]+$/.test(w)),
  ...QUESTION_WORDS,
  "long", "often", "old", "far",
]);
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** The spellings of a word with two adjacent letters swapped (other than itself). */
export function transpositions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return out;
}

/**
 * The function word a typed word is one slip away from, if any: two letters swapped ("whne",
 * "mnay"), and for words of four letters or more also one letter left out or one too many
 * ("ther", "whhat"). Not a letter typed for another: "hom" is more likely "home" than "how".
 * The first found: a swap, then a missing letter, then an extra one.
 */
export function functionWordFor(word: string): string | undefined {
  let found = functionWordCache.get(word);
  if (found === undefined) {
    found = findFunctionWord(word) ?? null;
    if (functionWordCache.size >= FUNCTION_WORD_CACHE_LIMIT) functionWordCache.clear();
    functionWordCache.set(word, found);
  }
  return found ?? undefined;
}

/** functionWordFor's answers (null: none), kept (bounded): a question's words are tried again and again, each at up to 234 spellings. */
const functionWordCache = new Map<string, string | null>();
const FUNCTION_WORD_CACHE_LIMIT = 10_000;

function findFunctionWord(word: string): string | undefined {
  const n = word.length;
  for (const swapped of transpositions(word)) if (FUNCTION_WORDS.has(swapped)) return swapped;
  if (n < 4) return undefined;
  for (let i = 0; i <= n; i++) {
    for (const letter of LETTERS) {
      const longer = word.slice(0, i) + letter + word.slice(i);
      if (FUNCTION_WORDS.has(longer)) return longer;
    }
  }
  for (let i = 0; i < n; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (FUNCTION_WORDS.has(shorter)) return shorter;
  }
  return undefined;
}

const LOWER_CASE_WORD = /(?<![\p{L}\p{N}'])[a-z]{3,8}(?![\p{L}\p{N}'])/gu;

/**
 * Replace typos of function and question words that `isWord` does not know ("is ther a
 * café", "whne does it open", "how mnay steps") with the words, so that they count as
 * function words and ask what they ask. Lower-case words only: a capitalized one may be a name.
 */
export function fixFunctionWordTypos(text: string, isWord: (word: string) => boolean, inDocuments?: (word: string) => boolean): string {
  return text.replace(LOWER_CASE_WORD, (word, offset: number) => {
    if (FUNCTION_WORDS.has(word)) return word;
    if (isWord(word)) return (inDocuments && !inDocuments(word) && auxiliaryFor(word, text.slice(Math.max(0, offset - 24), offset))) || word;
    return functionWordFor(word) ?? word;
  });
}

/** Auxiliaries a real word may be a swap of, just after a question word: "how long dose it take". */
const AUXILIARIES: ReadonlySet<string> = new Set(["does", "did", "are", "was", "were", "can", "has", "have", "will"]);
/** A question word, and at most one word after it ("how long", "what time"), ending where the next word starts. */
const AFTER_QUESTION_WORD = /\b(?:how|when|where|what|why|who|which)(?:\s+[a-z]+)?\s+$/i;

/** The auxiliary a real word is two letters swapped of ("dose" → "does") when `before` ends with a question word. */
function auxiliaryFor(word: string, before: string): string | undefined {
  if (!AFTER_QUESTION_WORD.test(before)) return undefined;
  return transpositions(word).find((w) => AUXILIARIES.has(w));
}

/** Replace chat spellings of function and question words with the words ("wen" → "when"). */
export function fixChatSpelling(text: string): string {
  return fixAsciiChatSpelling(text) ?? fixChatSpellingByRegex(text);
}

/** fixChatSpelling by the regex, for any text (what the fast path is tested against). */
export function fixChatSpellingByRegex(text: string): string {
  return text.replace(CHAT_WORD, (word) => CHAT_SPELLINGS.get(word.toLowerCase()) ?? word);
}

/** Non-ASCII characters that are neither letters nor digits, nor fold to either (/iu): a no-break space, « », and general punctuation (dashes, curly quotes, bullets, ellipsis). */
function isPunctuation(code: number): boolean {
  return (code >= 0x2010 && code <= 0x2027) || code === 0xa0 || code === 0xab || code === 0xbb;
}

/**
 * fixChatSpelling of an ASCII text without the regex (whose look-behind is tried at every
 * position): within ASCII, CHAT_WORD matches exactly the runs of letters, digits and
 * apostrophes that are a chat spelling (any case), since its look-around forbids those
 * characters on either side. Undefined for a text with a non-ASCII character (case-insensitive
 * unicode matching folds some of them to ASCII letters: the regex decides), unless it is
 * punctuation (isPunctuation), which the look-around reads like ASCII punctuation.
 */
function fixAsciiChatSpelling(text: string): string | undefined {
  let out: string | undefined;
  let copied = 0;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    if (code >= 128 && !isPunctuation(code)) return undefined;
    if (isAsciiAlnum(code) || code === 39) {
      if (start < 0) start = i;
      continue;
    }
    const key = start >= 0 ? chatSpellingAt(text, start, i) : undefined;
    if (key !== undefined) {
      out = (out ?? "") + text.slice(copied, start) + CHAT_SPELLINGS.get(key)!;
      copied = i;
    }
    start = -1;
  }
  return out === undefined ? text : out + text.slice(copied);
}

/** A Latin letter with a diacritic (Latin-1 Supplement to Latin Extended-B, Latin Extended Additional). */
const ACCENTED_LATIN = /[\u00C0-\u024F\u1E00-\u1EFF]/;
/** A Latin letter followed by combining diacritics (in NFD). */
const LATIN_WITH_MARKS = /([a-z])[\u0300-\u036f]+/g;

/**
 * Fold typography a visitor cannot type (curly quotes, dashes, ligatures), case, and the
 * diacritics of Latin letters: visitors type "cafe" for "café", "Sao Paulo" for "São Paulo".
 * Each letter folds to one letter (é → e; ø, æ and ß have no decomposition and stay), so
 * offsets into the NFKC text stay the same.
 */
export function normalizeText(text: string): string {
  const folded = text
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC`´]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .toLowerCase();
  return ACCENTED_LATIN.test(folded) ? folded.normalize("NFD").replace(LATIN_WITH_MARKS, "$1").normalize("NFC") : folded;
}

/**
 * A word: letters and digits, with inner apostrophes (don't, Putin's), dotted acronyms
 * (U.S., U.N.), decimal and thousands separators (3.5, 1,000) and inner hyphens (week-long).
 */
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['.,-][\p{L}\p{N}]+)*/gu;
const tokenizer = createTokenizer(WORD);

export interface Token {
  /** The normalized surface form (lower case, no apostrophes or dots). */
  word: string;
  /** Porter stem of `word`. */
  stem: string;
  /** Position among all tokens of the text (stop words included). */
  position: number;
  stop: boolean;
  /** True when the original text wrote the word with a capital (a name, unless first). */
  capitalized: boolean;
  /** Parts of a hyphenated word (week-long → week, long); empty otherwise. Shared between tokens: never mutated. */
  parts: readonly string[];
}

/**
 * Irregular past forms and plurals → base form, so "led" matches "lead", "bought" matches
 * "buy" and "thieves" matches "thief" (Porter stemming only strips regular suffixes). Forms that are also common words with
 * another meaning (found, left, saw, lay, ground, felt, wound, rose, fell) are left out.
 */
const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map(
  (
    "arose:arise arisen:arise awoke:awake was:be were:be been:be bore:bear borne:bear beat:beat beaten:beat became:become " +
    "began:begin begun:begin bent:bend bet:bet bound:bind bit:bite bitten:bite bled:bleed blew:blow blown:blow broke:break " +
    "broken:break bred:breed brought:bring broadcast:broadcast built:build burnt:burn burst:burst bought:buy caught:catch " +
    "chose:choose chosen:choose came:come cost:cost crept:creep cut:cut dealt:deal dug:dig did:do done:do drew:draw " +
    "drawn:draw dreamt:dream drank:drink drunk:drink drove:drive driven:drive ate:eat eaten:eat fed:feed fought:fight " +
    "fled:flee flew:fly flown:fly forbade:forbid forbidden:forbid forecast:forecast foresaw:foresee foreseen:foresee " +
    "forgot:forget forgotten:forget forgave:forgive forgiven:forgive froze:freeze frozen:freeze got:get gotten:get gave:give " +
    "given:give went:go gone:go grew:grow grown:grow hung:hang had:have heard:hear hid:hide hidden:hide hit:hit held:hold " +
    "hurt:hurt kept:keep knelt:kneel knew:know known:know laid:lay led:lead leapt:leap learnt:learn lent:lend let:let " +
    "lit:light lost:lose made:make meant:mean met:meet mistook:mistake mistaken:mistake overcame:overcome overcome:overcome " +
    "overtook:overtake overtaken:overtake paid:pay put:put quit:quit ran:run rang:ring rung:ring rode:ride ridden:ride " +
    "risen:rise said:say seen:see sought:seek sold:sell sent:send set:set shook:shake shaken:shake shed:shed shone:shine shot:shoot " +
    "showed:show shown:show shrank:shrink shrunk:shrink shut:shut sang:sing sung:sing sank:sink sunk:sink sat:sit slept:sleep " +
    "slid:slide spoke:speak spoken:speak sped:speed spent:spend spun:spin split:split spread:spread sprang:spring stood:stand " +
    "stole:steal stolen:steal stuck:stick stung:sting struck:strike strove:strive swore:swear sworn:swear swept:sweep " +
    "swam:swim swum:swim swung:swing took:take taken:take taught:teach tore:tear torn:tear told:tell thought:think " +
    "threw:throw thrown:throw understood:understand undertook:undertake undertaken:undertake upset:upset woke:wake " +
    "woken:wake wore:wear worn:wear wove:weave woven:weave wept:weep won:win withdrew:withdraw withdrawn:withdraw " +
    "wrote:write written:write children:child men:man women:woman people:person feet:foot teeth:tooth mice:mouse " +
    "thieves:thief wives:wife knives:knife halves:half shelves:shelf wolves:wolf loaves:loaf calves:calf scarves:scarf " +
    "crises:crisis theses:thesis hypotheses:hypothesis criteria:criterion phenomena:phenomenon geese:goose oxen:ox"
  )
    .split(" ")
    .map((pair) => pair.split(":") as [string, string]),
);

/** The base form of an irregular past form or plural ("got" → "get"); the word itself otherwise. */
export function baseForm(word: string): string {
  return IRREGULAR_FORMS.get(word) ?? word;
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/**
 * Short "-ie" verbs, which Porter stems apart from their base ("died" → "di", "die" → "die"):
 * died, dies, dying → die; likewise lie and vie. Not "ties", mostly the noun (bilateral
 * ties), which would then match WordNet's "tie" (marry).
 */
const SHORT_IE_VERB = /^([dlv])(?:ied|ies|ying)$/;

/** Porter stem, memoized (stemming dominates indexing time otherwise). */
export function stem(word: string): string {
  let result = stemCache.get(word);
  if (result === undefined) {
    // (SHORT_IE_VERB only matches four or five letters; a first character below 128 is a digit (\p{N}) only from 0 to 9.)
    const first = word.charCodeAt(0);
    if (first < 128 ? first >= 48 && first <= 57 : /^\p{N}/u.test(word)) result = word;
    else result = PorterStemmer.stem(IRREGULAR_FORMS.get(word) ?? AMERICAN_SPELLINGS.get(word) ?? (word.length <= 5 ? word.replace(SHORT_IE_VERB, "$1ie") : word));
    if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(word, result);
  }
  return result;
}

function cleanWord(raw: string): string {
  // Fast path: without an apostrophe, dot or comma none of the rules below can apply.
  if (raw.indexOf("'") < 0 && raw.indexOf(".") < 0 && raw.indexOf(",") < 0) return raw;
  let word = raw;
  if (/^(?:\p{L}\.){2,}$/u.test(word)) return word.replace(/\./g, ""); // U.S. → us
  // Possessives and contractions: Putin's → putin, I'd → i, they'll → they, we're → we.
  word = word.replace(/'(?:s|d|ll|ve|re|m)$/, "").replace(/'/g, "");
  if (/^\p{N}/u.test(word)) word = word.replace(/,(?=\d{3}\b)/g, ""); // 1,000 → 1000
  return word;
}

/** Curly and angle double quotes: normalizeText folds them to '"'; all are non-word characters. */
const DOUBLE_QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xab, 0xbb]);

/**
 * True when `folded` differs from `cased` only by ASCII case and double quotes. Then both
 * tokenize at the same offsets (each change keeps the character's class for WORD), so one
 * regex pass over `folded` plus a look at `cased` at each match start gives the same tokens
 * and capitals as tokenizing both strings. Anything else falls back to two passes.
 */
function sameOffsets(folded: string, cased: string): boolean {
  if (folded.length !== cased.length) return false;
  for (let i = 0; i < folded.length; i++) {
    const a = folded.charCodeAt(i);
    const b = cased.charCodeAt(i);
    if (a === b) continue;
    if (b >= 65 && b <= 90 && a === b + 32) continue;
    if (a === 34 && DOUBLE_QUOTES.has(b)) continue;
    return false;
  }
  return true;
}

/**
 * Text made of ASCII characters and curly single quotes only (most text, and questions such
 * as "Kim Jong Un’s visit"): tokenize skips Unicode normalization.
 */
const ASCII_OR_CURLY_QUOTES = /^[\x00-\x7F\u2018\u2019]*$/;
const CURLY_QUOTES = /[\u2018\u2019]/g;

/** Stop words that are content words when capitalized mid-sentence (the month May). */
const CAPITALIZED_CONTENT: ReadonlySet<string> = new Set(["may"]);

/** Shared by every token without parts (most of them): one allocation less per token. */
const NO_PARTS: readonly string[] = Object.freeze([]);

/** What a tokenizer match yields wherever it occurs: its word, stem, stop-word flag and parts. */
export interface WordForm {
  /**
   * Dense id (0, 1, 2…) of a memoized form, so that callers can keep per-word data in an
   * array; -1 for a form made after the memo filled up (it never gets the same object twice).
   */
  readonly id: number;
  readonly word: string;
  readonly stem: string;
  /** In STOPWORDS (a token of it is a stop word unless CAPITALIZED_CONTENT applies). */
  readonly stopWord: boolean;
  readonly parts: readonly string[];
}

/**
 * Word forms by the text of their match, memoized: a corpus repeats a few tens of thousands
 * of distinct words millions of times, and cleaning and stemming each occurrence dominated
 * indexing. Keys are matches as the regex tokenizer sees them (lower case, backticks as
 * apostrophes). The table is looked up by a range of characters of the text, so that a word
 * seen before costs no string of its own (see scanAscii): an open-addressing hash table over
 * typed arrays. Bounded like the stem cache.
 */
class FormTable {
  /** Per slot, side by side (a probe reads one cache line): entry index + 1 (0 = empty), and the entry's hash. */
  private slots = new Int32Array(2 << 12);
  private readonly keys: string[] = [];
  /** `null` for a match that cleans to nothing. */
  private readonly forms: (WordForm | null)[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** The form memoized for the folded characters text[start, end) with hash `hash`; undefined when none is. */
  get(text: string, start: number, end: number, hash: number): WordForm | null | undefined {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot]!;
      if (entry === 0) return undefined;
      if (slots[2 * slot + 1] === hash && sameFolded(text, start, end, this.keys[entry - 1]!)) return this.forms[entry - 1];
    }
  }

  /** Memoize the form of `key` (folded) whose hash is `hash`; the key must not be present. */
  add(key: string, hash: number, form: WordForm | null): void {
    this.keys.push(key);
    this.forms.push(form);
    if (this.keys.length * 4 > this.slots.length) this.grow();
    else this.place(this.keys.length, hash);
  }

  private place(entry: number, hash: number): void {
    const mask = (this.slots.length >> 1) - 1;
    let slot = hash & mask;
    while (this.slots[2 * slot] !== 0) slot = (slot + 1) & mask;
    this.slots[2 * slot] = entry;
    this.slots[2 * slot + 1] = hash;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.keys.forEach((key, i) => this.place(i + 1, foldedHash(key, 0, key.length)));
  }
}

/** A character of a match as its key has it: ASCII capitals in lower case, a backtick as an apostrophe. */
function foldedCode(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 65 && code <= 90) return code + 32;
  return code === 96 ? 39 : code;
}

/** FNV-1a over the folded characters text[start, end) (scanAscii computes the same as it goes). */
function foldedHash(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ foldedCode(text, i), FNV_PRIME);
  return hash;
}
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function sameFolded(text: string, start: number, end: number, key: string): boolean {
  if (key.length !== end - start) return false;
  for (let i = start; i < end; i++) if (foldedCode(text, i) !== key.charCodeAt(i - start)) return false;
  return true;
}

const wordForms = new FormTable();
const WORD_FORM_CACHE_LIMIT = 200_000;
let nextFormId = 0;

/** The form of the match text[start, end) (read folded, see foldedCode), whose foldedHash is `hash`. */
function wordForm(text: string, start: number, end: number, hash: number): WordForm | null {
  let form = wordForms.get(text, start, end, hash);
  if (form === undefined) {
    const cached = wordForms.size < WORD_FORM_CACHE_LIMIT;
    let raw = "";
    for (let i = start; i < end; i++) raw += String.fromCharCode(foldedCode(text, i));
    const word = cleanWord(raw);
    if (word === "") {
      form = null;
    } else {
      const hyphenated = word.includes("-");
      const joined = hyphenated ? word.replace(/-/g, "") : word;
      form = {
        id: cached ? nextFormId++ : -1,
        word: joined,
        stem: stem(joined),
        stopWord: STOPWORDS.has(joined),
        parts: hyphenated ? Object.freeze(word.split("-").filter((p) => p !== "")) : numberWithUnit(word),
      };
    }
    if (cached) wordForms.add(raw, hash, form);
  }
  return form;
}

/** A number run together with its unit ("20mph", "9am", "5kg"), not an ordinal or a decade ("21st", "1990s"). */
const NUMBER_WITH_UNIT = /^(\d+(?:\.\d+)?)([a-z]{1,4})$/;
const NOT_UNITS: ReadonlySet<string> = new Set(["st", "nd", "rd", "th", "s"]);

/** The parts of a number run together with its unit ("20mph" → 20, mph): the number alone finds it. */
function numberWithUnit(word: string): readonly string[] {
  const match = NUMBER_WITH_UNIT.exec(word);
  return match && !NOT_UNITS.has(match[2]!) ? Object.freeze([match[1]!, match[2]!]) : NO_PARTS;
}

/** ASCII letters and digits: what \p{L} and \p{N} are within ASCII. */
function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}
function isAsciiAlnum(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57);
}
/**
 * Per ASCII code: its foldedCode when it is a letter or digit, 0 otherwise. The hot loops of
 * scanAscii read this table instead of testing ranges and folding case.
 */
const ASCII_ALNUM_FOLDED = new Uint8Array(128).map((_, code) => (!isAsciiAlnum(code) ? 0 : code <= 90 && code >= 65 ? code + 32 : code));
/** Joiners inside a word: apostrophe (or backtick, read as one), dot, comma, hyphen. */
function isJoiner(code: number): boolean {
  return code === 39 || code === 96 || code === 46 || code === 44 || code === 45;
}

/**
 * The matches of WORD in an ASCII text, by hand: calls `emitWord(text, start, end, hash,
 * capital)` for each, in order, with the foldedHash of its characters. Within ASCII, WORD is: at the first letter
 * or digit, two or more (letter, dot) pairs ("u.s."); failing that, a run of letters and
 * digits, then any number of (joiner, run) ("don't", "3.5", "week-long"). Both are greedy
 * and need no backtracking, so one pass finds what the regex finds (a property test checks
 * this), without a string per match.
 */
function scanAscii(text: string): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (ASCII_ALNUM_FOLDED[text.charCodeAt(i)] === 0) {
      i++;
      continue;
    }
    const start = i;
    let pairs = 0;
    while (i + 1 < n && isAsciiLetter(text.charCodeAt(i)) && text.charCodeAt(i + 1) === 46) {
      i += 2;
      pairs++;
    }
    if (pairs >= 2) {
      emitWord(text, start, i, foldedHash(text, start, i), text.charCodeAt(start));
      continue;
    }
    let hash = FNV_OFFSET;
    i = start;
    for (let folded: number; i < n && (folded = ASCII_ALNUM_FOLDED[text.charCodeAt(i)]!) !== 0; i++) hash = Math.imul(hash ^ folded, FNV_PRIME);
    while (i + 1 < n && isJoiner(text.charCodeAt(i)) && ASCII_ALNUM_FOLDED[text.charCodeAt(i + 1)] !== 0) {
      hash = Math.imul(hash ^ foldedCode(text, i++), FNV_PRIME);
      for (let folded: number; i < n && (folded = ASCII_ALNUM_FOLDED[text.charCodeAt(i)]!) !== 0; i++) hash = Math.imul(hash ^ folded, FNV_PRIME);
    }
    emitWord(text, start, i, hash, text.charCodeAt(start));
  }
}

/** True when a UTF-16 unit is upper or title case (it changes when lower-cased); false for NaN (no character). */
function isCapital(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  if (Number.isNaN(code)) return false;
  const char = String.fromCharCode(code);
  return char !== char.toLowerCase();
}

/** What `scanWords` reports per word: its form, whether it was written with a capital, and whether it is a stop word there. */
export type WordVisitor = (form: WordForm, capitalized: boolean, stop: boolean) => void;

/**
 * The words of a text, in order, as `tokenize` finds them, without a Token object each
 * (indexing scans millions of words and keeps none of the tokens). Returns true when the text
 * is ASCII (and curly single quotes), read as it is: then every ASCII letter and digit of it
 * is in one of the words visited (their WordForm.word, in the same order within the word).
 */
export function scanWords(text: string, visit: WordVisitor): boolean {
  const outerVisitor = visitor;
  const outerCount = visited;
  visitor = visit;
  visited = 0;
  try {
    return scanText(text);
  } finally {
    visitor = outerVisitor;
    visited = outerCount;
  }
}

/**
 * The scanWords call in progress: its visitor, and how many words it has visited. Module
 * state rather than closures made per text (160,000 texts at 10,000 documents); a visitor
 * that scans another text gets the outer call's state back afterwards.
 */
let visitor: WordVisitor = () => {};
let visited = 0;

/** One match of the text being scanned: read folded from source[start, end), its capital from `capital`. */
function emitWord(source: string, start: number, end: number, hash: number, capital: number): void {
  const form = wordForm(source, start, end, hash);
  if (form === null) return;
  const capitalized = isCapital(capital);
  // "May" written with a capital inside a sentence is the month, not the verb.
  const stop = form.stopWord && !(capitalized && visited > 0 && CAPITALIZED_CONTENT.has(form.word));
  visited++;
  visitor(form, capitalized, stop);
}

/** scanWords' work, reporting each word through emitWord. */
function scanText(text: string): boolean {
  if (ASCII_OR_CURLY_QUOTES.test(text)) {
    // NFKC leaves ASCII and curly quotes as they are, and normalizeText folds the quotes to
    // apostrophes (one character for one: offsets stay), after which of the characters it
    // folds only the backtick (and case) is ASCII: wordForm reads matches folded, capitals
    // come from the text.
    scanAscii(text.replace(CURLY_QUOTES, "'"));
    return true;
  }
  const original = text.normalize("NFKC");
  const folded = normalizeText(original);
  const cased = original.replace(/[\u2018\u2019`´]/g, "'");
  const matches = tokenizer.tokenize(folded) ?? [];
  if (sameOffsets(folded, cased)) {
    // One tokenizer pass; capitals read from `cased` at each match's offset. A match starts
    // at the first occurrence of its text after the previous match: an earlier occurrence
    // would itself begin a match (every match starts with a letter or digit).
    let offset = 0;
    for (const raw of matches) {
      offset = folded.indexOf(raw, offset);
      emitWord(raw, 0, raw.length, foldedHash(raw, 0, raw.length), cased.charCodeAt(offset));
      offset += raw.length;
    }
    return false;
  }
  // Recover capitalization from the original: same tokenizer, same order.
  const originalMatches = tokenizer.tokenize(cased) ?? [];
  matches.forEach((raw, i) => emitWord(raw, 0, raw.length, foldedHash(raw, 0, raw.length), originalMatches[i]?.charCodeAt(0) ?? Number.NaN));
  return false;
}

/**
 * Tokenize text for matching.
 *
 * @example tokenize("Kim Jong Un’s week-long visit").map(t => t.stem)
 * // → ["kim", "jong", "un", "week-long", "visit"] (with parts ["week", "long"] on the hyphenated one)
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanWords(text, (form, capitalized, stop) => {
    tokens.push({ word: form.word, stem: form.stem, position: tokens.length, stop, capitalized, parts: form.parts });
  });
  return tokens;
}

/** The stems a text is indexed under: content tokens, plus the parts of hyphenated words. */
export function indexStems(tokens: readonly Token[]): string[] {
  const stems: string[] = [];
  for (const token of tokens) {
    if (token.stop) continue;
    stems.push(token.stem);
    for (const part of token.parts) if (!STOPWORDS.has(part)) stems.push(stem(part));
  }
  return stems;
}

/**
 * True for a "sentence" that does not end like one (no final . ! or ?, perhaps inside quotes
 * or brackets): a heading, an image caption or a list lead-in ("Some species include:").
 */
export function isFragment(text: string): boolean {
  // Read from the end (the regex /[.!?…]["'”’)\]]*\s*$/u, unanchored, would try every
  // position of the sentence): past white space, then closing quotes and brackets, the final mark.
  const trimmed = text.trimEnd();
  let end = trimmed.length;
  while (end > 0 && CLOSERS.includes(trimmed[end - 1]!)) end--;
  return end === 0 || !FINAL_MARKS.includes(trimmed[end - 1]!);
}
/** Closing quotes and brackets that may follow a sentence's final mark. */
const CLOSERS = `"'”’)]`;
const FINAL_MARKS = ".!?…";
