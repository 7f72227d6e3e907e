/**
 * Retrieval benchmark: faqbot against plain Fuse.js and MiniSearch on the same units
 * (every FAQ question and article sentence), for the real seed document and for 100,
 * 1,000 and 10,000 generated documents (bench/generate.ts).
 *
 * For each engine × size it measures, in a child process of its own (so one engine's
 * memory never pollutes another's peak):
 * - index build time (faqbot: `buildKnowledgeBase` with the thesaurus and word vectors, as the
 *   server builds it; the one-off thesaurus and vectors loads are timed apart),
 * - per-question latency p50/p95 over a few hundred generated questions, after a 2 s warm-up
 *   on a different set of questions,
 * - peak RSS (VmHWM, or `process.resourceUsage().maxRSS`), plus the RSS before the engine
 *   was built (Node itself, the corpus text and the parsed documents).
 *
 * Run: `npm run bench` (all sizes), or
 *   `tsx bench/retrieval.ts --sizes 1,100,1000 --engines faqbot,minisearch --questions 200 --json out.json`
 * Worker (spawned by the above): `tsx bench/retrieval.ts --worker --engine faqbot --docs 1000`
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import os from "node:os";
import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import { parseDocument } from "../server/knowledge/parse.ts";
import { buildKnowledgeBase } from "../server/knowledge/knowledge-base.ts";
import type { Document } from "../server/knowledge/types.ts";
import { loadThesaurus } from "../server/retrieval/wordnet.ts";
import { loadEmbeddings } from "../server/retrieval/embeddings.ts";
import { answerQuestion } from "../server/answer/index.ts";
import { generateCorpus, generateQuestions, type GeneratedDocument, type GeneratedQuestion } from "./generate.ts";

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SCRIPT), "..");
const SEED = 42;

const ENGINES = ["faqbot", "minisearch", "fuse"] as const;
type Engine = (typeof ENGINES)[number];
const DEFAULT_SIZES = [1, 100, 1_000, 10_000];

/** Fuse scans every unit per question (seconds at 10,000 docs): its question count is capped. */
function fuseQuestionCap(docs: number): number {
  if (docs >= 10_000) return 10;
  if (docs >= 1_000) return 50;
  return Number.POSITIVE_INFINITY;
}

/**
 * Budgets that bound every worker (ms). The warm-up runs for WARMUP_BUDGET_MS (at least one
 * question), cycling through up to WARMUP_QUESTIONS questions of their own stream: a server
 * answers thousands of questions, so latency is measured with the JIT warm, for every engine alike.
 */
const WARMUP_BUDGET_MS = 2_000;
const WARMUP_QUESTIONS = 1_000;
const MEASURE_BUDGET_MS = 45_000;
/**
 * The measured questions are asked again, round after round, until MEASURE_MIN_MS have passed
 * (at most MEASURE_ROUNDS rounds); percentiles are over every round, quality figures from the
 * first. 300 questions at 40 µs take 12 ms: one pause of a shared machine in so short a window
 * moves the median.
 */
const MEASURE_MIN_MS = 1_000;
const MEASURE_ROUNDS = 20;
const WORKER_TIMEOUT_MS: Record<Engine, number> = { faqbot: 240_000, minisearch: 240_000, fuse: 300_000 };

/** Targets the benchmark reports against. */
const TARGETS = { seedP50Us: 50, p95Ms10k: 5, buildMs10k: 3_000, rssMb10k: 600 };

export interface WorkerResult {
  engine: Engine;
  docs: number;
  units: number;
  parseMs: number;
  /** faqbot only: the one-off thesaurus load, not part of buildMs. */
  thesaurusMs: number | null;
  /** faqbot only: the one-off word-vectors load, not part of buildMs. */
  embeddingsMs: number | null;
  buildMs: number;
  warmupQuestions: number;
  questions: number;
  /** True when the question count was cut by the Fuse cap or the time budget. */
  capped: boolean;
  p50Us: number;
  p95Us: number;
  meanUs: number;
  maxUs: number;
  /** Share of FAQ-derived questions whose top result is that FAQ question. */
  foundShare: number;
  /** faqbot only: share of unrelated questions answered with kind "fallback". */
  refusedShare: number | null;
  baseRssMb: number;
  peakRssMb: number;
  /** Latency p50/p95 (µs) per question kind (exact, paraphrase, keywords, typo, unrelated). */
  byKind: Record<string, { n: number; p50Us: number; p95Us: number }>;
}

// ─── Worker ──────────────────────────────────────────────────────────────────────────

function statusKb(field: "VmHWM" | "VmRSS"): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync("/proc/self/status", "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function rssMb(): number {
  return (statusKb("VmRSS") ?? process.memoryUsage().rss / 1024) / 1024;
}

function peakRssMb(): number {
  // VmHWM where /proc exists; maxRSS (kB on Linux) elsewhere.
  return (statusKb("VmHWM") ?? process.resourceUsage().maxRSS) / 1024;
}

/** The seed document of data/ (the first `.txt`, sorted by name). */
function seedCorpus(): GeneratedDocument[] {
  const dir = path.join(ROOT, "data");
  const file = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()[0];
  if (!file) throw new Error(`bench: no .txt document in ${path.relative(process.cwd(), dir) || "data"}`);
  return [{ id: file.replace(/\.txt$/, ""), text: readFileSync(path.join(dir, file), "utf8") }];
}

function corpusFor(docs: number): GeneratedDocument[] {
  return docs === 1 ? seedCorpus() : generateCorpus(docs, SEED);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

interface Unit {
  id: number;
  text: string;
  type: "faq" | "sentence";
}

/** Ask one question; returns the top unit's text (or null) and, for faqbot, the answer kind. */
type Asker = (question: string) => { top: string | null; refused: boolean | null };

interface Built {
  ask: Asker;
  buildMs: number;
  thesaurusMs: number | null;
  embeddingsMs: number | null;
}

function buildEngine(engine: Engine, documents: Document[], units: Unit[]): Built {
  if (engine === "faqbot") {
    let t = performance.now();
    const thesaurus = loadThesaurus();
    const thesaurusMs = performance.now() - t;
    t = performance.now();
    const embeddings = loadEmbeddings();
    const embeddingsMs = performance.now() - t;
    t = performance.now();
    // As server/knowledge/load.ts builds it: thesaurus and word vectors.
    const kb = buildKnowledgeBase(documents, { thesaurus, embeddings });
    const buildMs = performance.now() - t;
    const ask: Asker = (q) => {
      const answer = answerQuestion(kb, q);
      return { top: answer.kind === "faq" ? (answer.sources[0]?.text ?? null) : null, refused: answer.kind === "fallback" };
    };
    return { ask, buildMs, thesaurusMs, embeddingsMs };
  }
  if (engine === "fuse") {
    const t = performance.now();
    const fuse = new Fuse(units, { keys: ["text"], includeScore: true });
    const buildMs = performance.now() - t;
    const ask: Asker = (q) => ({ top: fuse.search(q, { limit: 5 })[0]?.item.text ?? null, refused: null });
    return { ask, buildMs, thesaurusMs: null, embeddingsMs: null };
  }
  const t = performance.now();
  const mini = new MiniSearch<Unit>({ fields: ["text"], storeFields: ["text"], searchOptions: { fuzzy: 0.2, prefix: true } });
  mini.addAll(units);
  const buildMs = performance.now() - t;
  const ask: Asker = (q) => {
    const hit = mini.search(q)[0];
    return { top: hit ? (hit["text"] as string) : null, refused: null };
  };
  return { ask, buildMs, thesaurusMs: null, embeddingsMs: null };
}

function runWorker(engine: Engine, docs: number, questionCount: number): WorkerResult {
  const corpus = corpusFor(docs);
  let t = performance.now();
  const documents: Document[] = [];
  for (const { id, text } of corpus) {
    const parsed = parseDocument(id, text);
    if (!parsed.ok) throw new Error(`bench: generated document ${id} does not parse: ${parsed.error.message} (line ${parsed.error.line})`);
    documents.push(parsed.document);
  }
  const parseMs = performance.now() - t;
  const units: Unit[] = [];
  for (const d of documents) {
    for (const f of d.faqs) units.push({ id: units.length, text: f.question, type: "faq" });
    for (const s of d.sentences) units.push({ id: units.length, text: s.text, type: "sentence" });
  }
  const cap = engine === "fuse" ? fuseQuestionCap(docs) : Number.POSITIVE_INFINITY;
  const wanted = Math.min(questionCount, cap);
  const questions = generateQuestions(corpus, wanted, "measure");
  const warmup = generateQuestions(corpus, WARMUP_QUESTIONS, "warmup");
  const baseRssMb = rssMb();

  const { ask, buildMs, thesaurusMs, embeddingsMs } = buildEngine(engine, documents, units);

  // Warm up on other questions: at least one, then round the list until the budget runs out.
  t = performance.now();
  let warmed = 0;
  do ask(warmup[warmed++ % warmup.length]!.question);
  while (performance.now() - t < WARMUP_BUDGET_MS);

  const latencies: number[] = [];
  const kindLatencies = new Map<string, number[]>();
  let found = 0;
  let fromFaq = 0;
  let refused = 0;
  let unrelated = 0;
  const start = performance.now();
  let asked = 0;
  measure: for (let round = 0; round < MEASURE_ROUNDS; round++) {
    for (const q of questions as GeneratedQuestion[]) {
      const t0 = process.hrtime.bigint();
      const result = ask(q.question);
      const us = Number(process.hrtime.bigint() - t0) / 1_000;
      latencies.push(us);
      const perKind = kindLatencies.get(q.kind) ?? [];
      perKind.push(us);
      kindLatencies.set(q.kind, perKind);
      if (round === 0) {
        asked++;
        if (q.faq !== null) {
          fromFaq++;
          if (result.top === q.faq) found++;
        } else {
          unrelated++;
          if (result.refused) refused++;
        }
      }
      if (latencies.length >= 3 && performance.now() - start > MEASURE_BUDGET_MS) break measure;
    }
    if (performance.now() - start >= MEASURE_MIN_MS) break;
  }
  latencies.sort((a, b) => a - b);
  const byKind: WorkerResult["byKind"] = {};
  for (const [kind, values] of kindLatencies) {
    values.sort((a, b) => a - b);
    byKind[kind] = { n: values.length, p50Us: percentile(values, 50), p95Us: percentile(values, 95) };
  }
  return {
    engine,
    docs,
    units: units.length,
    parseMs,
    thesaurusMs,
    embeddingsMs,
    buildMs,
    warmupQuestions: warmed,
    questions: asked,
    capped: asked < questionCount,
    p50Us: percentile(latencies, 50),
    p95Us: percentile(latencies, 95),
    meanUs: latencies.reduce((a, b) => a + b, 0) / latencies.length,
    maxUs: latencies[latencies.length - 1] ?? Number.NaN,
    foundShare: fromFaq > 0 ? found / fromFaq : Number.NaN,
    refusedShare: engine === "faqbot" && unrelated > 0 ? refused / unrelated : null,
    baseRssMb,
    peakRssMb: peakRssMb(),
    byKind,
  };
}

// ─── Parent ──────────────────────────────────────────────────────────────────────────

const RESULT_PREFIX = "BENCH_RESULT ";

function spawnWorker(engine: Engine, docs: number, questions: number): Promise<WorkerResult | { error: string }> {
  return new Promise((resolve) => {
    // Re-run this script under the same loader (tsx) in a fresh process.
    const args = [...process.execArgv, SCRIPT, "--worker", "--engine", engine, "--docs", String(docs), "--questions", String(questions)];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], timeout: WORKER_TIMEOUT_MS[engine], killSignal: "SIGKILL" });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
    child.on("close", (code, signal) => {
      const line = stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
      if (line) return resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as WorkerResult);
      const why = signal ? `killed by ${signal} (time limit ${WORKER_TIMEOUT_MS[engine] / 1000} s)` : `exit code ${code}`;
      resolve({ error: `${why}${stderr.trim() ? `: ${stderr.trim().split("\n").slice(-3).join(" | ")}` : ""}` });
    });
  });
}

const fmt = (n: number | null | undefined, digits = 0): string =>
  n === null || n === undefined || Number.isNaN(n) ? "–" : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function sizeLabel(docs: number): string {
  return docs === 1 ? "1 (seed)" : docs.toLocaleString("en-US");
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => "| " + r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(" | ") + " |";
  return [line(rows[0]!), "|" + widths.map((w, c) => (c < 2 ? "-".repeat(w + 1) + "-" : "-".repeat(w + 1) + ":")).join("|") + "|", ...rows.slice(1).map(line)].join("\n");
}

function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return "–";
  const r = a / b;
  return r >= 10 ? `${r.toFixed(0)}×` : r >= 1 ? `${r.toFixed(1)}×` : `${Number(r.toPrecision(2))}×`;
}

/** Log-log slope of p50 against the number of units: 1 is linear growth, < 1 sublinear. */
function growthSlope(results: WorkerResult[]): { slope: number; from: WorkerResult; to: WorkerResult } | null {
  const generated = results.filter((r) => r.docs > 1).sort((a, b) => a.units - b.units);
  if (generated.length < 2) return null;
  const from = generated[0]!;
  const to = generated[generated.length - 1]!;
  return { slope: Math.log(to.p50Us / from.p50Us) / Math.log(to.units / from.units), from, to };
}

async function runParent(sizes: number[], engines: Engine[], questions: number, jsonFile: string | null): Promise<void> {
  const results: WorkerResult[] = [];
  const failures: string[] = [];
  console.log(`faqbot retrieval benchmark — Node ${process.version}, ${questions} questions per engine and size (Fuse capped), one child process per engine × size`);
  const cores = os.cpus().length;
  const load = () => os.loadavg()[0]!;
  console.log(`machine: ${cores} cores, load average ${load().toFixed(1)} at start\n`);
  const startLoad = load();
  for (const docs of sizes) {
    for (const engine of engines) {
      process.stdout.write(`  ${engine.padEnd(10)} ${sizeLabel(docs).padStart(8)} docs … `);
      const t = performance.now();
      const result = await spawnWorker(engine, docs, questions);
      if ("error" in result) {
        failures.push(`${engine} at ${sizeLabel(docs)} docs: ${result.error}`);
        console.log(`FAILED (${result.error})`);
      } else {
        results.push(result);
        console.log(`done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      }
    }
  }

  const endLoad = load();
  if (Math.max(startLoad, endLoad) > cores * 0.75) {
    console.log(`\nWARNING: load average ${startLoad.toFixed(1)} → ${endLoad.toFixed(1)} on ${cores} cores: other processes competed for the CPU; timings are inflated.`);
  }
  const rows: string[][] = [["engine", "docs", "units", "build ms", "p50 µs", "p95 µs", "peak RSS MB", "base RSS MB", "questions", "top-1 FAQ found"]];
  for (const r of results) {
    rows.push([
      r.engine,
      sizeLabel(r.docs),
      fmt(r.units),
      fmt(r.buildMs, r.buildMs < 10 ? 2 : 0),
      fmt(r.p50Us, r.p50Us < 100 ? 1 : 0),
      fmt(r.p95Us, r.p95Us < 100 ? 1 : 0),
      fmt(r.peakRssMb),
      fmt(r.baseRssMb),
      `${r.questions}${r.capped ? "*" : ""}`,
      `${fmt(r.foundShare * 100, 1)}%`,
    ]);
  }
  console.log("\n" + table(rows));
  console.log("\n* question count capped: Fuse scans every unit for each question (~seconds per question at 1,000+ docs),");
  console.log(`  so it gets at most ${fuseQuestionCap(1_000)} questions at 1,000 docs and ${fuseQuestionCap(10_000)} at 10,000; every engine stops measuring after ${MEASURE_BUDGET_MS / 1000} s.`);
  console.log("  build = index construction from parsed documents (faqbot: buildKnowledgeBase with thesaurus and word vectors; their loads below);");
  console.log("  base RSS = the worker before any engine is built (Node, tsx, corpus text, parsed documents); peak RSS includes it.");
  console.log("  top-1 FAQ found = share of FAQ-derived questions (exact, paraphrase, keywords, typo) whose best hit is that FAQ question.");
  console.log(`  p50/p95 = after a warm-up of ${WARMUP_BUDGET_MS / 1000} s (at least one question) on other generated questions (their own stream, never the`);
  console.log("  measured ones), the same for every engine: a server answers thousands of questions, so the JIT is warm.");

  const faqbot = results.filter((r) => r.engine === "faqbot");
  const thesaurus = faqbot.find((r) => r.thesaurusMs !== null);
  if (thesaurus) console.log(`\nThesaurus load (one-off per process, not in build): ${fmt(thesaurus.thesaurusMs, 1)} ms`);
  const vectors = faqbot.find((r) => r.embeddingsMs !== null && r.embeddingsMs !== undefined);
  if (vectors) console.log(`Word-vectors load (one-off per process, not in build): ${fmt(vectors.embeddingsMs, 1)} ms`);
  const refused = faqbot.map((r) => `${sizeLabel(r.docs)}: ${fmt((r.refusedShare ?? Number.NaN) * 100, 0)}%`).join(", ");
  if (faqbot.length > 0) console.log(`faqbot refusals of unrelated questions (kind fallback): ${refused}`);

  if (faqbot.length > 0) {
    const kinds = ["exact", "paraphrase", "keywords", "typo", "unrelated"];
    const kindRows: string[][] = [["faqbot by kind", "docs", ...kinds.map((k) => `${k} p50/p95 µs`)]];
    for (const r of faqbot) {
      kindRows.push(["faqbot", sizeLabel(r.docs), ...kinds.map((k) => (r.byKind[k] ? `${fmt(r.byKind[k].p50Us)} / ${fmt(r.byKind[k].p95Us)}` : "–"))]);
    }
    console.log("\n" + table(kindRows));
  }

  // Ratios faqbot vs each alternative (< 1× means faqbot is smaller/faster).
  const others = engines.filter((e) => e !== "faqbot");
  if (faqbot.length > 0 && others.length > 0) {
    const ratioRows: string[][] = [["faqbot vs", "docs", "build", "p50", "p95", "peak RSS"]];
    for (const other of others) {
      for (const docs of sizes) {
        const a = faqbot.find((r) => r.docs === docs);
        const b = results.find((r) => r.engine === other && r.docs === docs);
        if (!a || !b) continue;
        ratioRows.push([other, sizeLabel(docs), ratio(a.buildMs, b.buildMs), ratio(a.p50Us, b.p50Us), ratio(a.p95Us, b.p95Us), ratio(a.peakRssMb, b.peakRssMb)]);
      }
    }
    console.log("\nfaqbot ÷ alternative (below 1× means faqbot is faster / smaller):\n" + table(ratioRows));
  }

  // Growth and targets.
  console.log("\nLatency growth (log-log slope of p50 against units, smallest to largest generated corpus; 1 = linear):");
  for (const engine of engines) {
    const g = growthSlope(results.filter((r) => r.engine === engine));
    if (!g) continue;
    const verdict = g.slope < 0.9 ? "sublinear" : g.slope <= 1.1 ? "about linear" : "superlinear";
    console.log(`  ${engine.padEnd(10)} slope ${g.slope.toFixed(2)} (${fmt(g.from.p50Us, 1)} µs at ${fmt(g.from.units)} units → ${fmt(g.to.p50Us, 1)} µs at ${fmt(g.to.units)} units): ${verdict}`);
  }
  const seed = faqbot.find((r) => r.docs === 1);
  const big = faqbot.find((r) => r.docs === 10_000);
  const check = (ok: boolean) => (ok ? "PASS" : "FAIL");
  console.log("\nTargets (faqbot):");
  if (seed) console.log(`  p50 on the seed document < ${TARGETS.seedP50Us} µs: ${fmt(seed.p50Us, 1)} µs — ${check(seed.p50Us < TARGETS.seedP50Us)}`);
  if (big) {
    console.log(`  10,000 docs p95 < ${TARGETS.p95Ms10k} ms: ${fmt(big.p95Us / 1000, 2)} ms — ${check(big.p95Us < TARGETS.p95Ms10k * 1000)}`);
    console.log(`  10,000 docs build < ${TARGETS.buildMs10k / 1000} s: ${fmt(big.buildMs / 1000, 2)} s — ${check(big.buildMs < TARGETS.buildMs10k)}`);
    console.log(`  10,000 docs peak RSS < ${TARGETS.rssMb10k} MB: ${fmt(big.peakRssMb)} MB — ${check(big.peakRssMb < TARGETS.rssMb10k)}`);
  }
  if (failures.length > 0) {
    console.log("\nFailed runs:");
    for (const f of failures) console.log(`  ${f}`);
  }
  if (jsonFile) {
    writeFileSync(jsonFile, JSON.stringify({ node: process.version, questions, results, failures }, null, 2) + "\n");
    console.log(`\nwrote ${jsonFile}`);
  }
  if (failures.some((f) => f.startsWith("faqbot"))) process.exitCode = 1;
}

// ─── CLI ─────────────────────────────────────────────────────────────────────────────

function usage(message?: string): never {
  if (message) console.error(`bench: ${message}`);
  console.error("usage: tsx bench/retrieval.ts [--sizes 1,100,1000,10000] [--engines faqbot,minisearch,fuse] [--questions 300] [--json FILE]");
  console.error("       tsx bench/retrieval.ts --worker --engine ENGINE --docs N [--questions 300]");
  process.exit(2);
}

function parseArgs(argv: string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i]!;
    if (!key.startsWith("--")) usage(`unexpected argument "${key}"`);
    if (key === "--worker") {
      args.set("worker", "true");
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) usage(`${key} needs a value`);
    args.set(key.slice(2), value);
    i++;
  }
  return args;
}

function parseEngine(name: string): Engine {
  if (!(ENGINES as readonly string[]).includes(name)) usage(`unknown engine "${name}" (one of ${ENGINES.join(", ")})`);
  return name as Engine;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const questions = Number(args.get("questions") ?? 300);
  if (!Number.isInteger(questions) || questions < 1 || questions > 100_000) usage("--questions must be an integer in 1..100000");
  if (args.has("worker")) {
    const engine = parseEngine(args.get("engine") ?? "");
    const docs = Number(args.get("docs"));
    if (!Number.isInteger(docs) || docs < 1 || docs > 200_000) usage("--docs must be an integer in 1..200000");
    const result = runWorker(engine, docs, questions);
    console.log(RESULT_PREFIX + JSON.stringify(result));
    return;
  }
  const sizes = (args.get("sizes") ?? DEFAULT_SIZES.join(",")).split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 200_000)) usage("--sizes must be integers in 1..200000");
  const engines = (args.get("engines") ?? ENGINES.join(",")).split(",").map(parseEngine);
  await runParent(sizes, engines, questions, args.get("json") ?? null);
}

await main();
