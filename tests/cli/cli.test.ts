import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FIXTURE_KB, ROOT, SEED_DATA } from "../support/knowledge.ts";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI as a user would (tsx server/cli.ts …), with optional stdin. */
function cli(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server/cli.ts"), ...args], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

describe("cli ask", () => {
  it("prints one Answer as JSON", async () => {
    const run = await cli(["ask", "--data", SEED_DATA, "What was discussed during the politburo meeting?"]);
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(answer).toMatchObject({ kind: "faq", confidence: 1 });
    expect(Object.keys(answer).sort()).toEqual(["answer", "confidence", "kind", "question", "sources", "suggestions"]);
  });

  it("--jsonl answers stdin line by line, in order, with nothing else on stdout", async () => {
    const input = ["hello", JSON.stringify({ question: "How much does a tram ticket cost?", doc: "brackenridge_tram_line" }), "how do I bake bread?"].join("\n");
    const run = await cli(["ask", "--data", FIXTURE_KB, "--jsonl"], input + "\n");
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((a) => a.kind)).toEqual(["smalltalk", "faq", "fallback"]);
    expect(lines[1].sources[0].document).toBe("brackenridge_tram_line");
  });

  it("--explain shows how each term matched", async () => {
    const run = await cli(["ask", "--data", SEED_DATA, "--explain", "outcomse of the vist"]);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(JSON.stringify(output.explain.terms)).toMatch(/fuzzy/);
    expect(output.explain.candidates.length).toBeGreaterThan(0);
  });

  it("a reader that closes the pipe early ends the run quietly (no EPIPE stack trace)", async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server/cli.ts"), "ask", "--jsonl"], { cwd: ROOT });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      // Read the first answer, then close our end of stdout while more are still coming.
      child.stdout.once("data", () => child.stdout.destroy());
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stderr }));
      child.stdin.end(Array.from({ length: 2000 }, (_, i) => `how long was the visit ${i}?`).join("\n"));
    });
    expect(result.stderr).not.toContain("EPIPE");
    expect(result.code).toBe(0);
  });
  it("a missing data folder is a clear error and a non-zero exit", async () => {
    const run = await cli(["ask", "--data", path.join(tmpdir(), "no-such-faqbot-folder"), "hi"]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/does not exist/);
  });

  it("an unknown flag is a usage error", async () => {
    const run = await cli(["ask", "--bogus", "x"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/usage/);
  });
});

describe("cli eval", () => {
  it("prints tables per expect and per tag, then a summary line", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faqbot-eval-"));
    const file = path.join(dir, "q.jsonl");
    writeFileSync(
      file,
      [
        { id: "1", question: "What was discussed during the politburo meeting?", doc: null, expect: "faq", faq_question: ["What was discussed during the politburo meeting?"], tags: ["exact"] },
        { id: "2", question: "How do I bake sourdough bread?", doc: null, expect: "none", tags: ["oos"] },
        { id: "3", question: "thanks!", doc: null, expect: "smalltalk", tags: ["smalltalk"] },
      ].map((o) => JSON.stringify(o)).join("\n"),
    );
    const run = await cli(["eval", "--data", SEED_DATA, "--questions", file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/by expect/);
    expect(run.stdout).toMatch(/by tag/);
    expect(run.stdout.trim().split("\n").at(-1)).toMatch(/^overall 3\/3 = 100.0%/);
  });

  it("an unreadable questions file is a clear error", async () => {
    const run = await cli(["eval", "--data", SEED_DATA, "--questions", "/nonexistent/q.jsonl"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read questions file/);
  });
});
