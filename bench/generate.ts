/**
 * Deterministic generator of realistic faqbot documents and of a realistic question mix,
 * for benchmarks. Same `(n, seed)` → byte-identical output on every machine: a seeded
 * PRNG (sfc32), never `Math.random`.
 *
 * A document is a short news-style article (3–5 paragraphs, 7–9 sentences) followed by
 * an FAQ of 3–5 Q/A pairs, so 10,000 documents hold about 120,000 FAQ questions and
 * sentences. Words are drawn Zipf-like from topic lexicons (politics, health, sports,
 * tech, business, travel, science, environment, culture, education), and proper nouns
 * (people, towns, companies, teams, products) are synthesized from syllables out of a
 * space of a million names, also Zipf-like: a few recur everywhere and new ones keep
 * appearing, so the vocabulary grows with the corpus the way real news vocabulary does.
 *
 * @example
 * import { generateCorpus, generateQuestions } from "./generate.ts";
 * const docs = generateCorpus(100, 42);           // [{ id: "gen-00000", text: " date 2019-…" }, …]
 * const questions = generateQuestions(docs, 300, 7); // exact, paraphrase, keywords, typo, unrelated
 *
 * CLI: `tsx bench/generate.ts --docs 1000 --out generated/docs [--seed 42]` writes `<id>.txt` files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// ─── PRNG ────────────────────────────────────────────────────────────────────────────

/** A small seeded PRNG (sfc32) with the helpers the generator needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    // Seed the four words from a string hash (cyrb128-style), so any seed spreads well.
    const text = String(seed);
    let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
    for (let i = 0; i < text.length; i++) {
      const k = text.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    this.a = h1 >>> 0;
    this.b = h2 >>> 0;
    this.c = h3 >>> 0;
    this.d = h4 >>> 0;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniform pick. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /**
   * Zipf-like rank in [0, n): P(k) ∝ 1/(k+1), by inverting the continuous CDF
   * (k = (n+1)^u − 1). Cheap for any n, so it can index a virtual list of a million names.
   */
  zipfIndex(n: number): number {
    const k = Math.floor(Math.pow(n + 1, this.next())) - 1;
    return Math.min(n - 1, Math.max(0, k));
  }

  /** Zipf-like pick: the first items of a list are the common ones. */
  zipf<T>(items: readonly T[]): T {
    return items[this.zipfIndex(items.length)]!;
  }
}

// ─── Lexicons ────────────────────────────────────────────────────────────────────────

interface Topic {
  name: string;
  /** Singular nouns, most common first. */
  nouns: readonly string[];
  /** Regular verbs, base form, most common first. */
  verbs: readonly string[];
  adjectives: readonly string[];
  /** Job titles of the people quoted. */
  roles: readonly string[];
  /** Organization patterns; `{N}` is a synthesized proper name, `{P}` a place. */
  orgs: readonly string[];
  /** Units that numbers count. */
  units: readonly string[];
}

const TOPICS: readonly Topic[] = [
  {
    name: "politics",
    nouns: ["bill", "election", "budget", "reform", "coalition", "vote", "policy", "treaty", "campaign", "parliament", "committee", "proposal", "sanction", "referendum", "cabinet", "constitution", "tariff", "alliance", "summit", "inquiry", "mandate", "ballot", "amendment", "border", "delegation", "ceasefire", "pension", "subsidy"],
    verbs: ["approve", "reject", "propose", "debate", "delay", "support", "oppose", "review", "sign", "announce", "extend", "finalize", "endorse", "block", "revise", "defend", "challenge", "ratify"],
    adjectives: ["controversial", "bipartisan", "landmark", "national", "regional", "provisional", "sweeping", "contested", "long-awaited", "emergency", "federal", "diplomatic", "fragile", "interim"],
    roles: ["minister", "senator", "prime minister", "spokesperson", "governor", "mayor", "party leader", "ambassador", "opposition leader", "deputy"],
    orgs: ["the {N} Party", "the Ministry of Finance of {P}", "the {P} City Council", "the {N} Foundation", "the National Assembly of {P}", "the {N} Institute for Policy Studies"],
    units: ["votes", "seats", "delegates", "signatures", "voters", "districts"],
  },
  {
    name: "health",
    nouns: ["vaccine", "hospital", "clinic", "trial", "treatment", "outbreak", "patient", "therapy", "screening", "diagnosis", "infection", "nurse", "drug", "study", "symptom", "surgery", "pandemic", "diet", "virus", "prescription", "ward", "allergy", "insulin", "antibiotic", "checkup", "booster"],
    verbs: ["test", "approve", "treat", "recommend", "expand", "reduce", "monitor", "prevent", "report", "launch", "fund", "review", "confirm", "warn", "improve", "restrict", "screen", "vaccinate"],
    adjectives: ["clinical", "experimental", "chronic", "preventive", "mental", "seasonal", "rare", "pediatric", "public", "infectious", "early", "promising", "severe", "mild"],
    roles: ["health minister", "chief medical officer", "researcher", "epidemiologist", "surgeon", "hospital director", "nurse", "professor of medicine", "pharmacist"],
    orgs: ["{N} General Hospital", "the {P} Health Authority", "{N} Pharmaceuticals", "the {N} Medical Center", "the {N} Research Institute", "the Department of Health of {P}"],
    units: ["patients", "cases", "doses", "beds", "volunteers", "clinics"],
  },
  {
    name: "sports",
    nouns: ["match", "season", "championship", "coach", "goal", "tournament", "final", "stadium", "league", "striker", "transfer", "injury", "title", "medal", "race", "squad", "record", "penalty", "derby", "marathon", "playoff", "referee", "trophy", "contract", "fixture", "comeback"],
    verbs: ["win", "defeat", "sign", "score", "qualify", "host", "extend", "replace", "announce", "confirm", "train", "celebrate", "appeal", "suspend", "recover", "retire", "compete", "release"],
    adjectives: ["dramatic", "unbeaten", "historic", "decisive", "crowded", "young", "veteran", "international", "domestic", "thrilling", "narrow", "comfortable", "seasoned", "promoted"],
    roles: ["coach", "captain", "striker", "goalkeeper", "manager", "club president", "sprinter", "midfielder", "team doctor", "sporting director"],
    orgs: ["{P} United", "the {P} Rovers", "{N} Athletic", "the {P} Sharks", "the {N} Cycling Team", "{P} City", "the {N} Tennis Club"],
    units: ["points", "goals", "fans", "spectators", "laps", "matches"],
  },
  {
    name: "tech",
    nouns: ["app", "software", "chip", "platform", "update", "device", "network", "server", "algorithm", "startup", "smartphone", "battery", "browser", "database", "robot", "sensor", "satellite", "cloud", "headset", "laptop", "encryption", "outage", "patch", "processor", "drone", "dataset"],
    verbs: ["launch", "release", "develop", "test", "patch", "integrate", "acquire", "upgrade", "disable", "support", "announce", "recall", "license", "design", "deploy", "retire", "encrypt", "update"],
    adjectives: ["open-source", "wireless", "mobile", "digital", "secure", "faster", "cheaper", "experimental", "autonomous", "cloud-based", "quantum", "portable", "smart", "legacy"],
    roles: ["chief executive", "engineer", "chief technology officer", "product manager", "security researcher", "founder", "developer", "analyst", "designer"],
    orgs: ["{N} Systems", "{N} Labs", "{N}soft", "{N} Robotics", "{N} Networks", "the {N} Computing Group", "{N} Semiconductor"],
    units: ["users", "downloads", "devices", "servers", "engineers", "terabytes"],
  },
  {
    name: "business",
    nouns: ["company", "market", "profit", "merger", "share", "investor", "factory", "revenue", "bank", "loan", "deal", "supplier", "retailer", "price", "stake", "dividend", "bond", "export", "brand", "inflation", "union", "warehouse", "forecast", "quarter", "acquisition", "layoff"],
    verbs: ["report", "acquire", "invest", "expand", "reduce", "raise", "lower", "announce", "merge", "close", "open", "borrow", "export", "import", "hire", "restructure", "forecast", "delay"],
    adjectives: ["quarterly", "annual", "record", "weaker", "stronger", "global", "domestic", "listed", "private", "struggling", "profitable", "leading", "independent", "family-owned"],
    roles: ["chief executive", "finance director", "economist", "chair", "analyst", "founder", "union leader", "investor", "trader", "spokesperson"],
    orgs: ["{N} Holdings", "{N} & Sons", "the {N} Group", "{N} Bank", "{P} Steel", "{N} Motors", "{N} Capital", "the {P} Chamber of Commerce"],
    units: ["jobs", "shares", "stores", "employees", "tonnes", "customers"],
  },
  {
    name: "travel",
    nouns: ["airline", "airport", "flight", "hotel", "tourist", "visa", "resort", "cruise", "train", "route", "museum", "beach", "festival", "ticket", "passenger", "border", "guide", "island", "ferry", "terminal", "booking", "itinerary", "landmark", "heritage", "hostel", "lounge"],
    verbs: ["open", "close", "cancel", "delay", "launch", "extend", "restore", "welcome", "attract", "expand", "reopen", "book", "suspend", "renovate", "promote", "reduce", "require", "schedule"],
    adjectives: ["popular", "scenic", "crowded", "affordable", "luxury", "remote", "coastal", "historic", "seasonal", "direct", "overnight", "peak", "quiet", "budget"],
    roles: ["tourism minister", "airline spokesperson", "hotel manager", "tour guide", "airport director", "travel writer", "museum curator", "mayor"],
    orgs: ["{N} Airways", "the {P} Tourism Board", "{N} Hotels", "the {P} Railway Company", "{N} Cruises", "the {P} Heritage Trust"],
    units: ["passengers", "visitors", "flights", "rooms", "tourists", "routes"],
  },
  {
    name: "science",
    nouns: ["telescope", "experiment", "discovery", "planet", "fossil", "species", "laboratory", "mission", "particle", "genome", "theory", "observatory", "sample", "galaxy", "reactor", "probe", "molecule", "expedition", "glacier", "asteroid", "protein", "microscope", "orbit", "signal", "crater", "enzyme"],
    verbs: ["discover", "observe", "measure", "confirm", "publish", "analyze", "detect", "launch", "map", "identify", "sequence", "simulate", "collect", "predict", "describe", "track", "study", "test"],
    adjectives: ["ancient", "distant", "microscopic", "rare", "unexpected", "detailed", "massive", "frozen", "genetic", "orbital", "theoretical", "unusual", "deep", "previously unknown"],
    roles: ["astronomer", "biologist", "physicist", "lead author", "geologist", "chemist", "mission director", "professor", "researcher", "paleontologist"],
    orgs: ["the {N} Observatory", "the University of {P}", "the {N} Space Agency", "the {N} Institute of Technology", "the {P} Natural History Museum", "the {N} Laboratory"],
    units: ["samples", "stars", "species", "kilometres", "years", "images"],
  },
  {
    name: "environment",
    nouns: ["forest", "river", "drought", "flood", "wildfire", "emissions", "pollution", "wildlife", "reserve", "coastline", "recycling", "turbine", "dam", "reef", "heatwave", "storm", "habitat", "carbon", "park", "wetland", "plastic", "harvest", "rainfall", "solar farm", "glacier", "watershed"],
    verbs: ["protect", "restore", "reduce", "ban", "plant", "clean", "monitor", "warn", "evacuate", "pledge", "measure", "recycle", "preserve", "expand", "limit", "rebuild", "flood", "burn"],
    adjectives: ["endangered", "renewable", "coastal", "severe", "record-breaking", "toxic", "sustainable", "protected", "urban", "native", "arid", "green", "fragile", "invasive"],
    roles: ["climate scientist", "environment minister", "park ranger", "activist", "conservationist", "fire chief", "meteorologist", "farmer", "mayor"],
    orgs: ["the {P} Wildlife Trust", "the {N} Climate Alliance", "{N} Energy", "the {P} Water Authority", "the {N} Conservation Society", "{P} Fire and Rescue"],
    units: ["hectares", "trees", "households", "tonnes", "residents", "millimetres"],
  },
  {
    name: "culture",
    nouns: ["film", "album", "novel", "exhibition", "concert", "theatre", "director", "actor", "festival", "award", "gallery", "painting", "series", "premiere", "orchestra", "poet", "musical", "documentary", "sculpture", "tour", "author", "studio", "soundtrack", "choir", "manuscript", "opera"],
    verbs: ["release", "premiere", "celebrate", "honor", "perform", "record", "publish", "display", "launch", "cancel", "announce", "restore", "produce", "adapt", "nominate", "direct", "curate", "stream"],
    adjectives: ["acclaimed", "independent", "classical", "debut", "sold-out", "experimental", "award-winning", "animated", "forthcoming", "retrospective", "beloved", "controversial", "modern", "traditional"],
    roles: ["director", "novelist", "curator", "actor", "singer", "composer", "critic", "producer", "festival director", "painter"],
    orgs: ["the {P} Film Festival", "{N} Records", "the {N} Gallery", "the {P} Symphony Orchestra", "{N} Studios", "the {P} Opera House", "{N} Books"],
    units: ["copies", "tickets", "visitors", "episodes", "performances", "paintings"],
  },
  {
    name: "education",
    nouns: ["school", "university", "student", "teacher", "exam", "curriculum", "scholarship", "campus", "degree", "course", "classroom", "tuition", "graduate", "lecture", "library", "grant", "enrollment", "semester", "textbook", "principal", "kindergarten", "faculty", "diploma", "apprenticeship", "dormitory", "syllabus"],
    verbs: ["enroll", "graduate", "expand", "reform", "fund", "introduce", "require", "offer", "reduce", "train", "hire", "close", "open", "evaluate", "assess", "extend", "update", "support"],
    adjectives: ["public", "private", "primary", "secondary", "vocational", "online", "international", "rural", "underfunded", "free", "compulsory", "bilingual", "part-time", "new"],
    roles: ["education minister", "principal", "dean", "professor", "teacher", "student leader", "university president", "school board member", "researcher"],
    orgs: ["the University of {P}", "{N} College", "the {P} School District", "the {N} Academy", "the {N} Education Trust", "the Ministry of Education of {P}"],
    units: ["students", "teachers", "schools", "places", "graduates", "courses"],
  },
];

const FIRST_NAMES = ["Maria", "James", "Anna", "David", "Elena", "Michael", "Sofia", "Daniel", "Laura", "Thomas", "Aisha", "Kenji", "Fatima", "Lucas", "Ingrid", "Omar", "Chloe", "Mateo", "Priya", "Samuel", "Yuki", "Nadia", "Oliver", "Grace", "Hassan", "Emma", "Pedro", "Leila", "Viktor", "Hannah", "Rahul", "Isabel", "Tomasz", "Amara", "Jonas", "Mei", "Carlos", "Zanele", "Henrik", "Rosa", "Arjun", "Claire", "Dmitri", "Lucia", "Kwame", "Sara", "Felix", "Noor", "Andrei", "Julia", "Tariq", "Marta", "Ravi", "Elif", "Patrick", "Chen", "Beatriz", "Nikolai", "Ama", "Stefan"];
const COUNTRIES = ["Canada", "Brazil", "Kenya", "Norway", "India", "Japan", "Mexico", "Germany", "Australia", "Egypt", "Chile", "Portugal", "Vietnam", "Poland", "Ghana", "Ireland", "Peru", "Finland", "Morocco", "Indonesia", "Turkey", "Argentina", "Sweden", "Nigeria", "Thailand", "Greece", "Colombia", "Austria", "Malaysia", "Iceland"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

// Syllables for synthesized proper nouns.
const ONSETS = ["b", "br", "c", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "r", "s", "st", "t", "tr", "v", "w", "z", "sh", "th", "ch", "j", "y"];
const NUCLEI = ["a", "e", "i", "o", "u", "ar", "el", "or", "an", "en", "ia", "ou", "ai", "ei"];
const CODAS = ["", "", "", "n", "r", "s", "l", "m", "k", "t", "nd", "rt", "sk", "th", "v"];
const PLACE_SUFFIXES = ["", "", "ville", "ton", "burg", "ford", "port", "field", "stad", "haven", "wick", "dale", "mouth", "ia"];
const PLACE_PREFIXES = ["", "", "", "", "Port ", "North ", "East ", "New ", "Lake ", "San ", "Upper ", "Fort "];

/** Names drawn from a virtual list of this many entries per kind. */
const NAME_SPACE = 1_000_000;

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The synthesized word at `rank` of a kind (deterministic, and the same in every document). */
function syllableWord(kind: string, rank: number, minSyllables: number, maxSyllables: number): string {
  const rng = new Rng(`${kind}:${rank}`);
  const count = rng.int(minSyllables, maxSyllables);
  let word = "";
  for (let i = 0; i < count; i++) word += rng.pick(ONSETS) + rng.pick(NUCLEI) + (i === count - 1 ? rng.pick(CODAS) : "");
  return capitalize(word);
}

function surname(rank: number): string {
  return syllableWord("surname", rank, 2, rank % 5 === 0 ? 3 : 2);
}

function placeName(rank: number): string {
  const rng = new Rng(`place-affix:${rank}`);
  return rng.pick(PLACE_PREFIXES) + syllableWord("place", rank, 1, 2) + rng.pick(PLACE_SUFFIXES);
}

function orgStem(rank: number): string {
  return syllableWord("org", rank, 2, 3);
}

function pastTense(verb: string): string {
  const irregular: Record<string, string> = {
    win: "won", sign: "signed", map: "mapped", ban: "banned", plan: "planned", open: "opened",
    burn: "burned", hire: "hired", deploy: "deployed", enroll: "enrolled", patch: "patched",
  };
  if (irregular[verb]) return irregular[verb];
  if (verb.endsWith("e")) return verb + "d";
  if (/[^aeiou]y$/.test(verb)) return verb.slice(0, -1) + "ied";
  return verb + "ed";
}

function plural(noun: string): string {
  if (/(s|x|ch|sh)$/.test(noun)) return noun + "es";
  if (/[^aeiou]y$/.test(noun)) return noun.slice(0, -1) + "ies";
  return noun + "s";
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

// ─── Documents ───────────────────────────────────────────────────────────────────────

/** One fact of an article: rendered once as a sentence, and maybe again as an FAQ pair. */
interface Fact {
  person: string;
  role: string;
  org: string;
  place: string;
  verb: string;
  adjective: string;
  noun: string;
  noun2: string;
  number: string;
  unit: string;
  when: string;
  year: number;
}

export interface GeneratedDocument {
  id: string;
  text: string;
}

class DocumentWriter {
  readonly topic: Topic;
  /** A few people and places recur within one article, as in real news. */
  private readonly cast: string[];
  private readonly places: string[];
  private readonly orgs: string[];
  readonly year: number;

  constructor(private readonly rng: Rng) {
    // Topics are mildly skewed (politics and health most common), as in a news feed.
    this.topic = rng.chance(0.5) ? rng.zipf(TOPICS) : rng.pick(TOPICS);
    this.year = rng.int(2012, 2024);
    this.cast = [this.newPerson(), this.newPerson(), this.newPerson()];
    this.places = [this.newPlace(), this.newPlace(), rng.pick(COUNTRIES)];
    this.orgs = [this.newOrg(), this.newOrg()];
  }

  private newPerson(): string {
    return `${this.rng.zipf(FIRST_NAMES)} ${surname(this.rng.zipfIndex(NAME_SPACE))}`;
  }

  private newPlace(): string {
    return placeName(this.rng.zipfIndex(NAME_SPACE));
  }

  private newOrg(): string {
    const pattern = this.rng.pick(this.topic.orgs);
    return pattern.replace("{N}", orgStem(this.rng.zipfIndex(NAME_SPACE))).replace("{P}", this.newPlace());
  }

  private number(): string {
    const r = this.rng.next();
    if (r < 0.35) return String(this.rng.int(2, 99));
    if (r < 0.65) return String(this.rng.int(100, 999));
    if (r < 0.85) return this.rng.int(1, 99).toLocaleString("en-US") + "," + String(this.rng.int(0, 999)).padStart(3, "0");
    return `${this.rng.int(1, 40)}.${this.rng.int(1, 9)} million`;
  }

  private when(): string {
    const r = this.rng.next();
    if (r < 0.4) return `on ${this.rng.pick(WEEKDAYS)}`;
    if (r < 0.75) return `in ${this.rng.pick(MONTHS)} ${this.year}`;
    return `on ${this.rng.pick(MONTHS)} ${this.rng.int(1, 28)}`;
  }

  fact(): Fact {
    const t = this.topic;
    const rng = this.rng;
    return {
      person: rng.chance(0.7) ? rng.zipf(this.cast) : this.newPerson(),
      role: rng.zipf(t.roles),
      org: rng.chance(0.75) ? rng.zipf(this.orgs) : this.newOrg(),
      place: rng.chance(0.7) ? rng.zipf(this.places) : this.newPlace(),
      verb: rng.zipf(t.verbs),
      adjective: rng.zipf(t.adjectives),
      noun: rng.zipf(t.nouns),
      noun2: rng.zipf(t.nouns),
      number: this.number(),
      unit: rng.zipf(t.units),
      when: this.when(),
      year: this.year,
    };
  }

  /** A sentence stating a fact (20–35 words, news register). */
  sentence(f: Fact): string {
    const past = pastTense(f.verb);
    const templates: Array<() => string> = [
      () => `${f.person}, the ${f.role} of ${f.org}, said ${f.when} that the ${f.adjective} ${f.noun} would ${f.verb} about ${f.number} ${f.unit} in ${f.place}.`,
      () => `Officials in ${f.place} ${past} the ${f.adjective} ${f.noun} ${f.when}, a decision that affects roughly ${f.number} ${f.unit} across the region.`,
      () => `According to ${f.org}, the ${f.noun} was ${past} after months of talks, and ${f.number} ${f.unit} are expected to benefit before the end of ${f.year}.`,
      () => `"We have ${past} the ${f.noun} because the ${f.noun2} in ${f.place} could not wait any longer," ${f.person} told reporters ${f.when}.`,
      () => `The ${f.adjective} ${f.noun2} drew criticism from ${f.person}, who argued that ${f.org} had failed to ${f.verb} the ${f.noun} in time.`,
      () => `Critics noted that ${f.number} ${f.unit} in ${f.place} still lack access to the ${f.noun}, despite promises made by ${f.org} ${f.when}.`,
      () => `${f.org} plans to ${f.verb} ${article(f.adjective)} ${f.adjective} ${f.noun} in ${f.place} by ${this.rng.pick(MONTHS)}, ${f.person} confirmed in a statement.`,
      () => `In ${f.place}, where the ${f.noun2} has been a concern for years, ${f.number} ${f.unit} were recorded ${f.when}, up from last year.`,
      () => `The ${f.role}, ${f.person}, described the ${f.noun} as ${f.adjective} and said ${f.org} would ${f.verb} it again if needed.`,
      () => `Analysts expect the ${f.noun} to cost about ${this.rng.int(2, 900)} million dollars, though ${f.org} has not published a detailed estimate for ${f.place}.`,
      () => `Residents of ${f.place} said the ${f.adjective} ${f.noun2} changed little for them, while ${f.person} called it a turning point.`,
      () => `Last ${f.when.startsWith("on ") ? "week" : "year"}, ${f.org} ${past} a smaller ${f.noun} that reached only ${f.number} ${f.unit}.`,
    ];
    return capitalize(this.rng.pick(templates)());
  }

  /** An FAQ pair about a fact already stated in the article. */
  faq(f: Fact): { question: string; answer: string } {
    const past = pastTense(f.verb);
    const pairs: Array<() => { question: string; answer: string }> = [
      () => ({ question: `What did ${f.org} announce about the ${f.noun} in ${f.place}?`, answer: `${f.org} said it would ${f.verb} the ${f.adjective} ${f.noun}, affecting about ${f.number} ${f.unit}.` }),
      () => ({ question: `How many ${f.unit} are affected by the ${f.noun}${this.rng.chance(0.5) ? ` of ${f.org}` : ""}?`, answer: `About ${f.number} ${f.unit} in ${f.place} are affected, according to ${f.org}.` }),
      () => ({ question: `Who is ${f.person}?`, answer: `${f.person} is the ${f.role} of ${f.org}, who spoke about the ${f.noun} ${f.when}.` }),
      () => ({ question: `Why was the ${f.noun} ${past}${this.rng.chance(0.5) ? ` in ${f.place}` : ""}?`, answer: `${f.person} said the ${f.noun2} in ${f.place} could not wait any longer, so the ${f.noun} was ${past}.` }),
      () => ({ question: `When will the ${f.noun} in ${f.place} be ${past}?`, answer: `${f.org} expects to ${f.verb} the ${f.noun} before the end of ${f.year}.` }),
      () => ({ question: `What are the criticisms of the ${f.adjective} ${f.noun}?`, answer: `Critics say ${f.org} failed to ${f.verb} the ${f.noun} in time and that ${f.number} ${f.unit} still lack access to it.` }),
      () => ({ question: `How much will the ${f.noun} in ${f.place} cost?`, answer: `Analysts expect it to cost several hundred million dollars; ${f.org} has not published an estimate for ${f.place}.` }),
      () => ({ question: `What role does ${f.org} play in the ${f.noun}?`, answer: `${f.org} leads the ${f.noun} and plans to ${f.verb} it in ${f.place}.` }),
    ];
    const pair = this.rng.pick(pairs)();
    return { question: capitalize(pair.question), answer: capitalize(pair.answer) };
  }
}

function isoDate(rng: Rng, year: number): string {
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** One document's text in the project's format (DESIGN.md, Document format). */
export function generateDocument(rng: Rng): string {
  const writer = new DocumentWriter(rng);
  const sentenceCount = rng.int(7, 9);
  const facts = Array.from({ length: sentenceCount }, () => writer.fact());
  const sentences = facts.map((f) => writer.sentence(f));
  // 3–5 paragraphs of consecutive sentences (at least one each); the first shares the date line.
  const paragraphCount = Math.min(sentences.length, rng.int(3, 5));
  const sizes = Array.from({ length: paragraphCount }, () => 1);
  for (let extra = sentences.length - paragraphCount; extra > 0; extra--) sizes[rng.int(0, paragraphCount - 1)]!++;
  const ordered: string[] = [];
  let cursor = 0;
  for (const size of sizes) {
    ordered.push(sentences.slice(cursor, cursor + size).join(" "));
    cursor += size;
  }
  const faqCount = rng.int(3, 5);
  const seen = new Set<string>();
  const faqs: Array<{ question: string; answer: string }> = [];
  for (let attempt = 0; attempt < faqCount * 4 && faqs.length < faqCount; attempt++) {
    const pair = writer.faq(rng.pick(facts));
    if (seen.has(pair.question)) continue;
    seen.add(pair.question);
    faqs.push(pair);
  }
  const lines = [` date ${isoDate(rng, writer.year)} ${ordered[0]}`];
  for (const p of ordered.slice(1)) lines.push("", p);
  lines.push("", "FAQ:");
  for (const { question, answer } of faqs) lines.push("", `Q: ${question}`, "", `A: ${answer}`);
  return lines.join("\n") + "\n";
}

/**
 * `n` documents with ids `gen-00000`…, deterministic for `(n, seed)`; a prefix of a
 * larger corpus with the same seed is the smaller corpus.
 */
export function generateCorpus(n: number, seed: number | string = 42): GeneratedDocument[] {
  const docs: GeneratedDocument[] = [];
  const width = Math.max(5, String(Math.max(0, n - 1)).length);
  for (let i = 0; i < n; i++) {
    const rng = new Rng(`${seed}:doc:${i}`);
    docs.push({ id: `gen-${String(i).padStart(width, "0")}`, text: generateDocument(rng) });
  }
  return docs;
}

// ─── Questions ───────────────────────────────────────────────────────────────────────

export type QuestionKind = "exact" | "paraphrase" | "keywords" | "typo" | "unrelated";

export interface GeneratedQuestion {
  question: string;
  kind: QuestionKind;
  /** The document the question was made from (null for unrelated questions). */
  doc: string | null;
  /** The FAQ question it was derived from (null for unrelated questions). */
  faq: string | null;
}

/** The question mix: shares of each kind (sums to 1). */
export const QUESTION_MIX: Readonly<Record<QuestionKind, number>> = {
  exact: 0.3,
  paraphrase: 0.25,
  keywords: 0.2,
  typo: 0.15,
  unrelated: 0.1,
};

const STOPWORDS = new Set("a an the of in on at to for by is are was were be been will would what who why when how which does do did about and or it its that this with from".split(" "));

const PARAPHRASE_WORDS: Record<string, readonly string[]> = {
  announce: ["say", "reveal", "declare"], affected: ["impacted", "hit"], cost: ["be priced at", "cost in total"],
  criticisms: ["complaints", "objections"], role: ["part", "function"], play: ["have"], much: ["much money"],
  many: ["many people and"], will: ["is going to"], who: ["who exactly"], why: ["for what reason"],
  when: ["by what date"], what: ["which"],
};
const PREFIXES = ["", "", "Can you tell me ", "I'd like to know ", "Please explain ", "Quick question: ", "Do you know "];

const UNRELATED = [
  "How do I reset my router password?", "What is the best sourdough recipe?", "Can I bring my dog on the bus?",
  "How do I renew my passport online?", "What time does the pharmacy close on Sundays?", "Tell me a joke about penguins",
  "How many calories are in a banana?", "What is the capital of Mongolia?", "How do I fix a leaking tap?",
  "Which laptop should I buy for gaming?", "How do you say thank you in Korean?", "Is it going to rain tomorrow?",
  "How do I cancel my gym membership?", "What's a good name for a goldfish?", "How long should I boil an egg?",
  "Where can I recycle old batteries?", "How do I change a flat bicycle tyre?", "What is the square root of 1764?",
  "Who painted the ceiling of the Sistine Chapel?", "How do I transfer photos from my phone to my computer?",
  "What are the rules of cricket?", "Can you recommend a podcast about history?", "How do I unblock a sink drain?",
  "What's the difference between a crocodile and an alligator?", "How do I make cold brew coffee?",
];
const UNRELATED_OBJECTS = ["my car insurance", "a wedding speech", "the printer driver", "my tax return", "a birthday cake", "the garden hedge", "my email signature", "a knitting pattern", "the lawn mower", "my phone contract"];
const UNRELATED_VERBS = ["update", "clean", "write", "repair", "cancel", "organize", "paint", "configure"];

function faqQuestionsOf(doc: GeneratedDocument): string[] {
  const out: string[] = [];
  for (const match of doc.text.matchAll(/^\s*Q\s*[:.]\s*(.+)$/gm)) out.push(match[1]!.trim());
  return out;
}

function paraphrase(rng: Rng, question: string): string {
  const words = question.replace(/\?$/, "").split(" ");
  const out = words.map((w) => {
    const lower = w.toLowerCase();
    const options = PARAPHRASE_WORDS[lower];
    if (options && rng.chance(0.6)) {
      const replacement = rng.pick(options);
      return w[0] === w[0]!.toUpperCase() ? capitalize(replacement) : replacement;
    }
    return w;
  });
  let text = out.join(" ");
  const prefix = rng.pick(PREFIXES);
  if (prefix !== "") text = prefix + text.charAt(0).toLowerCase() + text.slice(1);
  return text + (rng.chance(0.7) ? "?" : "");
}

function keywords(rng: Rng, question: string): string {
  const content = question.replace(/[?.,"]/g, "").split(/\s+/).filter((w) => w && !STOPWORDS.has(w.toLowerCase()));
  const keep = content.filter(() => rng.chance(0.75));
  const chosen = keep.length > 0 ? keep : content.slice(0, 2);
  return (rng.chance(0.5) ? chosen.map((w) => w.toLowerCase()) : chosen).join(" ");
}

function typo(rng: Rng, question: string): string {
  const words = question.split(" ");
  const edits = rng.int(1, 2);
  for (let e = 0; e < edits; e++) {
    const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^[A-Za-z]{4,}/.test(w));
    if (candidates.length === 0) break;
    const [word, index] = rng.pick(candidates);
    const at = rng.int(1, word.length - 2);
    const kind = rng.int(0, 3);
    let changed: string;
    if (kind === 0) changed = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2); // swap
    else if (kind === 1) changed = word.slice(0, at) + word.slice(at + 1); // deletion
    else if (kind === 2) changed = word.slice(0, at) + word[at] + word.slice(at); // doubling
    else changed = word.slice(0, at) + "qwertyuiopasdfghjklzxcvbnm"[rng.int(0, 25)] + word.slice(at + 1); // substitution
    words[index] = changed;
  }
  const text = words.join(" ");
  return rng.chance(0.4) ? text.toLowerCase() : text;
}

function unrelated(rng: Rng): string {
  if (rng.chance(0.6)) return rng.pick(UNRELATED);
  return `How do I ${rng.pick(UNRELATED_VERBS)} ${rng.pick(UNRELATED_OBJECTS)}?`;
}

/**
 * A realistic question mix for `docs` (generated ones or any document in the project's
 * format): exact FAQ questions, paraphrases, keyword queries, typos and unrelated
 * questions in the shares of QUESTION_MIX. Deterministic for `(docs, n, seed)`.
 */
export function generateQuestions(docs: readonly GeneratedDocument[], n: number, seed: number | string = 7): GeneratedQuestion[] {
  const rng = new Rng(`${seed}:questions`);
  const withFaq = docs.filter((d) => /^\s*Q\s*[:.]/m.test(d.text));
  const kinds = Object.entries(QUESTION_MIX) as Array<[QuestionKind, number]>;
  const out: GeneratedQuestion[] = [];
  for (let i = 0; i < n; i++) {
    let r = rng.next();
    let kind: QuestionKind = "unrelated";
    for (const [k, share] of kinds) {
      if (r < share) {
        kind = k;
        break;
      }
      r -= share;
    }
    if (kind === "unrelated" || withFaq.length === 0) {
      out.push({ question: unrelated(rng), kind: "unrelated", doc: null, faq: null });
      continue;
    }
    const doc = rng.pick(withFaq);
    const faq = rng.pick(faqQuestionsOf(doc));
    const question =
      kind === "exact" ? faq : kind === "paraphrase" ? paraphrase(rng, faq) : kind === "keywords" ? keywords(rng, faq) : typo(rng, faq);
    out.push({ question, kind, doc: doc.id, faq });
  }
  return out;
}

// ─── CLI ─────────────────────────────────────────────────────────────────────────────

function usage(): never {
  console.error("usage: tsx bench/generate.ts --docs N --out DIR [--seed S] [--questions M]");
  console.error("  writes DIR/<id>.txt for N generated documents (and DIR/../questions.jsonl when --questions is given)");
  process.exit(2);
}

function main(argv: string[]): void {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]!;
    const value = argv[i + 1];
    if (!key.startsWith("--") || value === undefined) usage();
    args.set(key.slice(2), value);
  }
  const n = Number(args.get("docs"));
  const out = args.get("out");
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000 || !out) usage();
  const seed = args.get("seed") ?? "42";
  mkdirSync(out, { recursive: true });
  const docs = generateCorpus(n, seed);
  for (const doc of docs) writeFileSync(path.join(out, `${doc.id}.txt`), doc.text);
  console.log(`wrote ${docs.length} documents to ${out}`);
  const questionCount = Number(args.get("questions") ?? 0);
  if (questionCount > 0) {
    const file = path.join(path.dirname(path.resolve(out)), "questions.jsonl");
    const questions = generateQuestions(docs, Math.min(questionCount, 1_000_000), seed);
    writeFileSync(file, questions.map((q) => JSON.stringify(q)).join("\n") + "\n");
    console.log(`wrote ${questions.length} questions to ${file}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
