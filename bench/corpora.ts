/**
 * Public-corpora eval: runs the project's eval (server/eval.ts — the same scorer as
 * `cli eval`) over every corpus in `../shared/corpora/<name>/` (relative to the repo
 * root), both scoped (each question's `doc` as its scope; `doc: null` questions asked
 * unscoped) and against the whole corpus, and prints answered right / refused right /
 * their mean next to the peer engines' numbers (whole corpus loaded).
 *
 * Each corpus is loaded once and every question is answered in-process.
 *
 * Run: `npm run bench:corpora` or `tsx bench/corpora.ts [--corpus stackfaq,xquad] [--limit N]`
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadKnowledgeBase } from "../server/knowledge/load.ts";
import { answerQuestion } from "../server/answer/index.ts";
import { isCorrect, parseEvalItems, summarize, type EvalItem, type EvalResult } from "../server/eval.ts";
import type { KnowledgeBase } from "../server/knowledge/knowledge-base.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CORPORA_DIR = path.join(ROOT, "..", "shared", "corpora");
const CORPORA_LABEL = "../shared/corpora";

/** A peer engine's figures: answered right and refused right, in percent (whole corpus loaded). */
interface PeerFigures {
  answered: number;
  refused: number;
  /** How to print `refused` when the corpus has few none items (trecqa: "7 of 9"). */
  refusedLabel?: string;
}

interface Peers {
  minisearch: PeerFigures;
  nlpjs: PeerFigures;
  bestMean: number;
}

const PEERS: Readonly<Record<string, Peers>> = {
  stackfaq: { minisearch: { answered: 67.7, refused: 46.8 }, nlpjs: { answered: 39.2, refused: 84.3 }, bestMean: 61.7 },
  "covid-faq": { minisearch: { answered: 51.9, refused: 53.5 }, nlpjs: { answered: 19.1, refused: 85.2 }, bestMean: 52.7 },
  xquad: { minisearch: { answered: 76.1, refused: 7.1 }, nlpjs: { answered: 25.5, refused: 74.0 }, bestMean: 49.8 },
  "squad2-sample": { minisearch: { answered: 81.8, refused: 1.2 }, nlpjs: { answered: 27.7, refused: 71.7 }, bestMean: 49.9 },
  wikiqa: { minisearch: { answered: 35.0, refused: 0.4 }, nlpjs: { answered: 0.5, refused: 97.0 }, bestMean: 48.8 },
  trecqa: {
    minisearch: { answered: 44.3, refused: 0, refusedLabel: "0 of 9" },
    nlpjs: { answered: 5.4, refused: (7 / 9) * 100, refusedLabel: "7 of 9" },
    bestMean: 41.6,
  },
};

interface Score {
  answered: number;
  answeredTotal: number;
  refused: number;
  refusedTotal: number;
}

const share = (right: number, total: number) => (total === 0 ? Number.NaN : (100 * right) / total);
const pct = (n: number) => (Number.isNaN(n) ? "–" : `${n.toFixed(1)}`);

function meanOf(answered: number, refused: number): number {
  if (Number.isNaN(answered)) return refused;
  if (Number.isNaN(refused)) return answered;
  return (answered + refused) / 2;
}

function score(kb: KnowledgeBase, items: readonly EvalItem[], scoped: boolean): { score: Score; msPerQuestion: number } {
  const started = performance.now();
  const results: EvalResult[] = items.map((item) => {
    const inScope = scoped && item.doc !== null && kb.documents.has(item.doc);
    const answer = answerQuestion(kb, item.question, inScope ? { document: item.doc! } : {});
    return { item, answer, correct: isCorrect(item, answer) };
  });
  const elapsed = performance.now() - started;
  const { answered, refused } = summarize(results);
  return {
    score: { answered: answered.right, answeredTotal: answered.total, refused: refused.right, refusedTotal: refused.total },
    msPerQuestion: items.length > 0 ? elapsed / items.length : 0,
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => "| " + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(" | ") + " |";
  const rule = "|" + widths.map((w, c) => "-".repeat(w + 1) + (c === 0 ? "-" : ":")).join("|") + "|";
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join("\n");
}

function scoreRow(label: string, s: Score): string[] {
  const a = share(s.answered, s.answeredTotal);
  const r = share(s.refused, s.refusedTotal);
  const refusedText = s.refusedTotal > 0 && s.refusedTotal < 20 ? `${pct(r)} (${s.refused} of ${s.refusedTotal})` : pct(r);
  return [label, pct(a), refusedText, pct(meanOf(a, r))];
}

function peerRow(label: string, p: PeerFigures): string[] {
  return [label, pct(p.answered), p.refusedLabel ? `${pct(p.refused)} (${p.refusedLabel})` : pct(p.refused), pct(meanOf(p.answered, p.refused))];
}

interface CorpusSummary {
  name: string;
  whole: number;
  scoped: number;
  bestPeer: number | null;
}

async function runCorpus(name: string, limit: number): Promise<CorpusSummary | null> {
  const dir = path.join(CORPORA_DIR, name);
  const questionsFile = path.join(dir, "questions.jsonl");
  const docsDir = path.join(dir, "docs");
  if (!existsSync(questionsFile) || !existsSync(docsDir)) return null;
  const items = parseEvalItems(readFileSync(questionsFile, "utf8")).slice(0, limit);
  const t = performance.now();
  const loaded = await loadKnowledgeBase(docsDir);
  const loadMs = performance.now() - t;
  const whole = score(loaded.knowledge, items, false);
  const scoped = score(loaded.knowledge, items, true);

  const skipped = loaded.errors.length > 0 ? `, ${loaded.errors.length} file(s) skipped` : "";
  console.log(
    `\n${name}: ${loaded.documents.length.toLocaleString("en-US")} docs${skipped}, ${items.length.toLocaleString("en-US")} questions; ` +
      `load + index ${loadMs.toFixed(0)} ms; ${(whole.msPerQuestion * 1000).toFixed(0)} µs/question whole, ${(scoped.msPerQuestion * 1000).toFixed(0)} µs/question scoped`,
  );
  const rows: string[][] = [["", "answered right %", "refused right %", "mean %"]];
  rows.push(scoreRow("faqbot, whole corpus", whole.score));
  rows.push(scoreRow("faqbot, scoped", scoped.score));
  const peers = PEERS[name];
  if (peers) {
    rows.push(peerRow("peer: MiniSearch (whole)", peers.minisearch));
    rows.push(peerRow("peer: nlp.js (whole)", peers.nlpjs));
    rows.push(["best peer mean", "", "", pct(peers.bestMean)]);
  }
  console.log(table(rows));
  const mean = (s: Score) => meanOf(share(s.answered, s.answeredTotal), share(s.refused, s.refusedTotal));
  return { name, whole: mean(whole.score), scoped: mean(scoped.score), bestPeer: peers?.bestMean ?? null };
}

function usage(message: string): never {
  console.error(`bench: ${message}`);
  console.error("usage: tsx bench/corpora.ts [--corpus NAME[,NAME…]] [--limit N]");
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  let only: string[] | null = null;
  let limit = Number.POSITIVE_INFINITY;
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (value === undefined) usage(`${argv[i]} needs a value`);
    if (argv[i] === "--corpus") only = value.split(",");
    else if (argv[i] === "--limit") {
      limit = Number(value);
      if (!Number.isInteger(limit) || limit < 1) usage("--limit must be a positive integer");
    } else usage(`unknown option ${argv[i]}`);
  }
  if (!existsSync(CORPORA_DIR)) {
    console.log(`bench:corpora: ${CORPORA_LABEL} is absent (the public corpora live beside the repository, not in it); nothing to run.`);
    return;
  }
  const names = readdirSync(CORPORA_DIR)
    .filter((n) => !n.startsWith("_") && !n.startsWith(".") && statSync(path.join(CORPORA_DIR, n)).isDirectory())
    .filter((n) => only === null || only.includes(n))
    .sort();
  if (names.length === 0) {
    console.log(`bench:corpora: no corpus found in ${CORPORA_LABEL}${only ? ` matching ${only.join(", ")}` : ""}.`);
    return;
  }
  console.log(`faqbot on the public corpora in ${CORPORA_LABEL} (scorer: server/eval.ts, the one \`cli eval\` uses)`);
  console.log("answered right = share of faq/article items right; refused right = share of none items answered with kind fallback");
  const summaries: CorpusSummary[] = [];
  for (const name of names) {
    const summary = await runCorpus(name, limit);
    if (summary) summaries.push(summary);
    else console.log(`\n${name}: no docs/ or questions.jsonl; skipped`);
  }
  const rows: string[][] = [["corpus", "faqbot whole mean %", "faqbot scoped mean %", "best peer mean %", "whole − best peer"]];
  for (const s of summaries) {
    const delta = s.bestPeer === null ? "–" : `${s.whole - s.bestPeer >= 0 ? "+" : ""}${(s.whole - s.bestPeer).toFixed(1)}`;
    rows.push([s.name, pct(s.whole), pct(s.scoped), s.bestPeer === null ? "–" : pct(s.bestPeer), delta]);
  }
  console.log("\nSummary (mean of answered right and refused right):\n" + table(rows));
}

await main(process.argv.slice(2));
