/**
 * The command line: `ask`, `eval`, `serve` (DESIGN.md, CLI contract).
 *
 *   npm run --silent cli -- ask --data DIR "question" [--doc ID] [--explain]
 *   npm run --silent cli -- ask --data DIR --jsonl < questions.txt
 *   npm run --silent cli -- eval --data DIR --questions FILE [--scoped] [--misses]
 *   npm run --silent cli -- serve --data DIR --port N [--host H]
 *
 * Only this file and main.ts touch process.argv, stdout and exit codes.
 */
import { parseArgs } from "node:util";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { loadKnowledgeBase } from "./knowledge/load.ts";
import { answerQuestion, explainQuestion } from "./answer/index.ts";
import { FaqbotError, UnknownDocumentError } from "./errors.ts";
import { formatSummary, isCorrect, parseEvalItems, summarize, type EvalResult } from "./eval.ts";
import type { ParseIssue } from "./knowledge/types.ts";

const USAGE = `usage:
  faqbot ask [--data DIR] [--doc ID] [--explain] "question"
  faqbot ask [--data DIR] --jsonl            (questions on stdin, one a line: text or {"question","doc"})
  faqbot eval [--data DIR] --questions FILE [--scoped] [--misses]
  faqbot serve [--data DIR] [--port N] [--host H]
--data defaults to data/`;

class UsageError extends FaqbotError {
  override name = "UsageError";
}

function reportIssues(issues: readonly ParseIssue[], label: string): void {
  for (const i of issues) process.stderr.write(`${label}: ${i.file}${i.line ? `:${i.line}` : ""}: ${i.message}\n`);
}

async function load(data: string) {
  const loaded = await loadKnowledgeBase(data);
  reportIssues(loaded.errors, "skipped");
  return loaded.knowledge;
}

async function ask(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      data: { type: "string", default: "data" },
      doc: { type: "string" },
      jsonl: { type: "boolean", default: false },
      explain: { type: "boolean", default: false },
    },
  });
  if (values.jsonl && positionals.length > 0) throw new UsageError("ask: give either a question or --jsonl, not both");
  if (!values.jsonl && positionals.length === 0) throw new UsageError('ask: a question is required, e.g. ask "How long was the visit?"');
  const kb = await load(values.data);
  if (!values.jsonl) {
    const question = positionals.join(" ");
    const options = values.doc !== undefined ? { document: values.doc } : {};
    if (!values.explain) {
      process.stdout.write(JSON.stringify(answerQuestion(kb, question, options)) + "\n");
      return 0;
    }
    const { answer, explanation } = explainQuestion(kb, question, options);
    const output = {
      answer,
      explain: {
        answerType: explanation.query.answerType,
        unknownTerms: explanation.unknownTerms,
        terms: explanation.query.terms.map((t) => ({
          term: t.word,
          weight: Math.round(t.weight * 100) / 100,
          light: t.light,
          name: t.name,
          matches: t.expansions.map((e) => `${e.word} (${e.via}${e.weight < 1 ? ` ${e.weight.toFixed(2)}` : ""})`),
        })),
        candidates: explanation.candidates.slice(0, 5).map((c) => ({
          document: c.unit.doc !== undefined ? kb.index.documents[c.unit.doc]!.id : "",
          type: c.unit.kind,
          text: c.unit.kind === "faq" ? c.unit.faq!.question : c.unit.sentence!.text,
          score: Math.round(c.score * 1000) / 1000,
          features: Object.fromEntries(Object.entries(c.features).map(([k, v]) => [k, Math.round(v * 1000) / 1000])),
          matched: c.matches.filter((m) => m.matched).map((m) => `${m.term} → ${m.matched} (${m.via}, ${m.field})`),
          unmatched: c.matches.filter((m) => !m.matched).map((m) => m.term),
        })),
      },
    };
    process.stdout.write(JSON.stringify(output, null, 2) + "\n");
    return 0;
  }
  // --jsonl: one answer a line, in order, nothing else on stdout.
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === "") continue;
    let question = line;
    let document = values.doc;
    if (line.trimStart().startsWith("{")) {
      try {
        const parsed = JSON.parse(line) as { question?: unknown; doc?: unknown };
        if (typeof parsed.question !== "string") throw new Error("no question");
        question = parsed.question;
        if (typeof parsed.doc === "string") document = parsed.doc;
      } catch {
        process.stderr.write(`stdin:${lineNo}: not a JSON object with a string "question"; answered as plain text\n`);
      }
    }
    let answer;
    try {
      answer = answerQuestion(kb, question, document !== undefined ? { document } : {});
    } catch (error) {
      if (!(error instanceof UnknownDocumentError)) throw error;
      process.stderr.write(`stdin:${lineNo}: ${error.message}; answered from all documents\n`);
      answer = answerQuestion(kb, question);
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
  }
  return 0;
}

async function evaluate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: "string", default: "data" },
      questions: { type: "string" },
      scoped: { type: "boolean", default: false },
      misses: { type: "boolean", default: false },
    },
  });
  if (!values.questions) throw new UsageError("eval: --questions FILE is required");
  let text: string;
  try {
    text = await readFile(values.questions, "utf8");
  } catch (error) {
    throw new UsageError(`eval: cannot read questions file "${values.questions}" (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  let items;
  try {
    items = parseEvalItems(text);
  } catch (error) {
    throw new UsageError(`eval: ${values.questions}: ${(error as Error).message}`);
  }
  const kb = await load(values.data);
  const results: EvalResult[] = items.map((item) => {
    const scoped = values.scoped && item.doc !== null && kb.documents.has(item.doc);
    const answer = answerQuestion(kb, item.question, scoped ? { document: item.doc! } : {});
    return { item, answer, correct: isCorrect(item, answer) };
  });
  if (values.misses) {
    for (const r of results.filter((x) => !x.correct)) {
      process.stdout.write(
        `MISS ${r.item.id} [${r.item.expect}] ${r.item.question}\n   got ${r.answer.kind} ${r.answer.confidence}: ${(r.answer.sources[0]?.text ?? r.answer.answer).slice(0, 140)}\n`,
      );
    }
  }
  process.stdout.write(formatSummary(summarize(results)) + "\n");
  return 0;
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: "string", default: "data" },
      port: { type: "string", default: process.env.PORT ?? "3000" },
      host: { type: "string", default: "127.0.0.1" },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`serve: --port must be 0..65535, got "${values.port}"`);
  const { runServer } = await import("./main.ts");
  await runServer({ dataDir: values.data, port, host: values.host });
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "ask":
        return await ask(rest);
      case "eval":
        return await evaluate(rest);
      case "serve":
        return await serve(rest);
      case "-h":
      case "--help":
      case "help":
        process.stdout.write(USAGE + "\n");
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : "a command is required");
    }
  } catch (error) {
    if (error instanceof FaqbotError) {
      process.stderr.write(`faqbot: ${error.message}\n${error instanceof UsageError ? USAGE + "\n" : ""}`);
      return 2;
    }
    if ((error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`faqbot: ${(error as Error).message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

// A reader that stops early (`ask --jsonl | head -1`) closes the pipe: that ends the run
// quietly instead of with an unhandled EPIPE stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const exitCode = await main(process.argv.slice(2));
if (exitCode !== 0 || !process.argv.includes("serve")) process.exitCode = exitCode;
