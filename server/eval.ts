/**
 * The eval: score Answers against expected outcomes (DESIGN.md, Eval format) and tabulate.
 * Pure: items and answers in, tables out.
 */
import type { Answer } from "./answer/types.ts";

export type Expect = "faq" | "article" | "none" | "smalltalk";

export interface EvalItem {
  id: string;
  question: string;
  doc: string | null;
  expect: Expect;
  faq_question?: string[];
  contains?: string[];
  tags?: string[];
}

/** Parse questions.jsonl. Throws with the line number on a malformed line. */
export function parseEvalItems(text: string): EvalItem[] {
  const items: EvalItem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1}: not valid JSON`);
    }
    const item = value as Partial<EvalItem>;
    if (typeof item !== "object" || item === null || typeof item.question !== "string") {
      throw new Error(`line ${i + 1}: an object with a string "question" is required`);
    }
    if (!["faq", "article", "none", "smalltalk"].includes(item.expect as string)) {
      throw new Error(`line ${i + 1}: "expect" must be faq, article, none or smalltalk`);
    }
    items.push({ ...item, id: String(item.id ?? `line-${i + 1}`), doc: item.doc ?? null } as EvalItem);
  });
  return items;
}

const fold = (s: string) => s.normalize("NFKC").replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').toLowerCase();

/** True when the answer is right for the item, by the rules of DESIGN.md. */
export function isCorrect(item: EvalItem, answer: Answer): boolean {
  const contains = (item.contains ?? []).some((c) => fold(answer.answer).includes(fold(c)));
  switch (item.expect) {
    case "faq":
      return (answer.kind === "faq" && (item.faq_question ?? []).some((q) => fold(q) === fold(answer.sources[0]?.text ?? ""))) || contains;
    case "article":
      return answer.kind !== "fallback" && answer.kind !== "smalltalk" && contains;
    case "none":
      return answer.kind === "fallback";
    case "smalltalk":
      return answer.kind === "smalltalk";
  }
}

export interface EvalResult {
  item: EvalItem;
  answer: Answer;
  correct: boolean;
}

interface Tally {
  right: number;
  total: number;
}

export interface EvalSummary {
  byExpect: Map<string, Tally>;
  byTag: Map<string, Tally>;
  overall: Tally;
  /** Share right of faq + article items. */
  answered: Tally;
  /** Share right of none items. */
  refused: Tally;
}

export function summarize(results: readonly EvalResult[]): EvalSummary {
  const byExpect = new Map<string, Tally>();
  const byTag = new Map<string, Tally>();
  const overall = { right: 0, total: 0 };
  const answered = { right: 0, total: 0 };
  const refused = { right: 0, total: 0 };
  const add = (map: Map<string, Tally>, key: string, right: boolean) => {
    const t = map.get(key) ?? { right: 0, total: 0 };
    t.total++;
    if (right) t.right++;
    map.set(key, t);
  };
  for (const r of results) {
    add(byExpect, r.item.expect, r.correct);
    for (const tag of r.item.tags ?? []) add(byTag, tag, r.correct);
    overall.total++;
    if (r.correct) overall.right++;
    const bucket = r.item.expect === "none" ? refused : r.item.expect === "smalltalk" ? null : answered;
    if (bucket) {
      bucket.total++;
      if (r.correct) bucket.right++;
    }
  }
  return { byExpect, byTag, overall, answered, refused };
}

const pct = (t: Tally) => (t.total === 0 ? "   -  " : `${((100 * t.right) / t.total).toFixed(1).padStart(5)}%`);

/** Render the tables: per expect, per tag, then one summary line. */
export function formatSummary(summary: EvalSummary): string {
  const lines: string[] = [];
  const table = (title: string, map: Map<string, Tally>) => {
    lines.push(`${title.padEnd(24)} right/total   accuracy`);
    for (const [key, t] of [...map].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      lines.push(`  ${key.padEnd(22)} ${`${t.right}/${t.total}`.padStart(11)}   ${pct(t)}`);
    }
    lines.push("");
  };
  table("by expect", summary.byExpect);
  table("by tag", summary.byTag);
  const { overall, answered, refused } = summary;
  const mean = answered.total && refused.total ? ((answered.right / answered.total + refused.right / refused.total) / 2) * 100 : NaN;
  lines.push(
    `overall ${overall.right}/${overall.total} = ${pct(overall).trim()}; answered right ${pct(answered).trim()} (${answered.right}/${answered.total}); refused right ${pct(refused).trim()} (${refused.right}/${refused.total})${Number.isNaN(mean) ? "" : `; mean ${mean.toFixed(1)}%`}`,
  );
  return lines.join("\n");
}
