/**
 * Edge: reads the data folder from disk and builds a KnowledgeBase. Everything here does
 * I/O; parsing and indexing stay pure in parse.ts and knowledge-base.ts.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { MAX_DOCUMENT_BYTES, parseDocument } from "./parse.ts";
import type { Document, ParseIssue } from "./types.ts";
import { buildKnowledgeBase, type KnowledgeBase } from "./knowledge-base.ts";
import { loadThesaurus } from "../retrieval/wordnet.ts";
import { loadEmbeddings } from "../retrieval/embeddings.ts";
import { DataFolderError } from "../errors.ts";

export interface LoadedDocuments {
  documents: Document[];
  /** Files that were skipped (errors) and files that loaded with remarks (warnings). */
  errors: ParseIssue[];
  warnings: ParseIssue[];
}

/** Document id for a file path: the file name without its extension. */
export function documentIdFor(file: string): string {
  return path.basename(file).replace(/\.[^.]*$/, "");
}

/** True for the files the data folder serves: `*.txt`, not hidden. */
export function isDocumentFile(file: string): boolean {
  const name = path.basename(file);
  return name.toLowerCase().endsWith(".txt") && !name.startsWith(".");
}

/** Read and parse one file. Unreadable, oversized and malformed files come back as an issue. */
export async function loadDocumentFile(
  file: string,
): Promise<{ ok: true; document: Document; warnings: ParseIssue[] } | { ok: false; error: ParseIssue }> {
  const name = path.basename(file);
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, error: { file: name, line: 0, message: "not a regular file" } };
    if (info.size > MAX_DOCUMENT_BYTES) {
      return { ok: false, error: { file: name, line: 0, message: `file is ${info.size} bytes; the limit is ${MAX_DOCUMENT_BYTES}` } };
    }
    const text = await readFile(file, "utf8");
    return parseDocument(documentIdFor(file), text, name);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { ok: false, error: { file: name, line: 0, message: `cannot read file (${reason})` } };
  }
}

/** Read every document of a folder (sorted by file name, so ids and ties are deterministic). */
export async function loadDocuments(dir: string): Promise<LoadedDocuments> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataFolderError(
      code === "ENOENT" ? `data folder "${dir}" does not exist` : `cannot read data folder "${dir}" (${code ?? error})`,
    );
  }
  const files = names.filter(isDocumentFile).sort();
  const results = await Promise.all(files.map((name) => loadDocumentFile(path.join(dir, name))));
  const documents: Document[] = [];
  const errors: ParseIssue[] = [];
  const warnings: ParseIssue[] = [];
  for (const result of results) {
    if (result.ok) {
      documents.push(result.document);
      warnings.push(...result.warnings);
    } else {
      errors.push(result.error);
    }
  }
  return { documents, errors, warnings };
}

/**
 * Load a data folder into a KnowledgeBase.
 * Throws DataFolderError when the folder is missing or holds no loadable document.
 */
export async function loadKnowledgeBase(dir: string): Promise<LoadedDocuments & { knowledge: KnowledgeBase }> {
  const loaded = await loadDocuments(dir);
  if (loaded.documents.length === 0) {
    const detail = loaded.errors.length > 0 ? ` (${loaded.errors.length} file(s) could not be loaded)` : "";
    throw new DataFolderError(`data folder "${dir}" holds no loadable .txt document${detail}`);
  }
  const knowledge = buildKnowledgeBase(loaded.documents, { thesaurus: loadThesaurus(), embeddings: loadEmbeddings() });
  return { ...loaded, knowledge };
}
