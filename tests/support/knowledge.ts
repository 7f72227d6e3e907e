import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "../../server/knowledge/parse.ts";
import { buildKnowledgeBase, type KnowledgeBase } from "../../server/knowledge/knowledge-base.ts";
import { loadThesaurus } from "../../server/retrieval/wordnet.ts";
import { loadEmbeddings } from "../../server/retrieval/embeddings.ts";
import type { Document } from "../../server/knowledge/types.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURE_KB = path.join(ROOT, "tests/fixtures/kb");
export const SEED_DATA = path.join(ROOT, "data");

/** Parse every .txt of a folder (synchronously, for tests). */
export function documentsIn(dir: string): Document[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const result = parseDocument(f.replace(/\.txt$/, ""), readFileSync(path.join(dir, f), "utf8"), f);
      if (!result.ok) throw new Error(`${result.error.file}:${result.error.line}: ${result.error.message}`);
      return result.document;
    });
}

/** A knowledge base from documents given as text, keyed by id. */
export function knowledgeFrom(texts: Record<string, string>): KnowledgeBase {
  const documents = Object.entries(texts).map(([id, text]) => {
    const result = parseDocument(id, text);
    if (!result.ok) throw new Error(result.error.message);
    return result.document;
  });
  return buildKnowledgeBase(documents, { thesaurus: loadThesaurus(), embeddings: loadEmbeddings() });
}

/** A knowledge base of every .txt of one or more folders. */
export function knowledgeIn(...dirs: string[]): KnowledgeBase {
  return buildKnowledgeBase(dirs.flatMap((dir) => documentsIn(dir)), { thesaurus: loadThesaurus(), embeddings: loadEmbeddings() });
}
