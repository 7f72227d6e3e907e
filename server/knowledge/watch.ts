/**
 * Edge: keeps a KnowledgeBase in step with its data folder (hot reload).
 *
 * Every edit, addition or removal of a `*.txt` file re-parses that file only, rebuilds the
 * knowledge base in the background (debounced) and swaps the reference atomically: a
 * question reads `store.current` once, so it is answered entirely by one version. A file
 * that no longer parses is reported (file, line, message) and its last good version keeps
 * serving; a removed file is dropped.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { watch, type FSWatcher } from "chokidar";
import type { Logger } from "pino";
import { buildKnowledgeBase, type KnowledgeBase } from "./knowledge-base.ts";
import { documentIdFor, isDocumentFile, loadDocumentFile, loadKnowledgeBase } from "./load.ts";
import type { Document, ParseIssue } from "./types.ts";
import { loadThesaurus } from "../retrieval/wordnet.ts";
import { loadEmbeddings } from "../retrieval/embeddings.ts";

/** Quiet period after the last file event before rebuilding: editors write in bursts. */
export const DEFAULT_RELOAD_DEBOUNCE_MS = 100;

/**
 * chokidar drops a second `change` of a file within 50 ms of the first (leading-edge
 * throttle, no trailing event), so a quick second save could be missed. After each reload,
 * the files of that round are checked again once this long after, and re-read if changed.
 */
const VERIFY_AFTER_MS = 120;

/** Where the edges read the knowledge base that answers now. */
export interface KnowledgeStore {
  /** The current knowledge base; undefined while the first load is still running. */
  readonly current: KnowledgeBase | undefined;
}

/** A store that never changes (tests, one-shot tools). */
export function fixedKnowledgeStore(knowledge: KnowledgeBase | undefined): KnowledgeStore {
  return { current: knowledge };
}

export interface ReloadEvent {
  /** Increases by one on every swap. */
  version: number;
  /** Files (base names) whose new content was taken, and files dropped. */
  updated: string[];
  removed: string[];
  /** Files that failed to parse in this round (their last good version keeps serving). */
  errors: ParseIssue[];
  documents: number;
  faqs: number;
}

export interface WatchOptions {
  logger?: Pick<Logger, "info" | "warn" | "error">;
  debounceMs?: number;
  /** Called after each reload round, swapped or not (errors only). */
  onReload?: (event: ReloadEvent) => void;
}

export interface WatchedKnowledgeBase extends KnowledgeStore {
  readonly current: KnowledgeBase;
  readonly version: number;
  /** Files of the folder that do not parse now (reported again on every change). */
  readonly issues: readonly ParseIssue[];
  /** Initial-load warnings and errors (files skipped at start). */
  readonly startupIssues: { errors: readonly ParseIssue[]; warnings: readonly ParseIssue[] };
  close(): Promise<void>;
}

const silent = { info() {}, warn() {}, error() {} };

/** Size and modification time of a file, or undefined when it is not a readable file. */
async function fingerprint(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() ? `${info.size}:${info.mtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads `dir` and keeps watching it. Throws DataFolderError (from load.ts) when the folder
 * is missing or holds no loadable document.
 *
 * @example
 * const kb = await watchKnowledgeBase("data", { logger });
 * answerQuestion(kb.current, "hello");
 * await kb.close();
 */
export async function watchKnowledgeBase(dir: string, options: WatchOptions = {}): Promise<WatchedKnowledgeBase> {
  const logger = options.logger ?? silent;
  const debounceMs = options.debounceMs ?? DEFAULT_RELOAD_DEBOUNCE_MS;
  const root = path.resolve(dir);

  // Watch before loading, so a change made during the initial load is not missed.
  const watcher: FSWatcher = watch(root, { ignoreInitial: true, depth: 0 });
  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let verifyTimer: NodeJS.Timeout | undefined;
  /** What each file looked like when last read (see VERIFY_AFTER_MS). */
  const seen = new Map<string, string | undefined>();
  let closed = false;
  let work: Promise<void> = Promise.resolve();
  const onFileEvent = (file: string) => {
    if (closed || !isDocumentFile(file) || path.dirname(path.resolve(file)) !== root) return;
    dirty.add(path.resolve(file));
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  watcher.on("add", onFileEvent).on("change", onFileEvent).on("unlink", onFileEvent);
  watcher.on("error", (error) => logger.error({ err: error, dir: root }, "data folder watcher error"));
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));

  let loaded: Awaited<ReturnType<typeof loadKnowledgeBase>>;
  try {
    loaded = await loadKnowledgeBase(root);
  } catch (error) {
    closed = true;
    if (timer !== undefined) clearTimeout(timer);
    await watcher.close();
    throw error;
  }

  /** Last good Document per document id. */
  const documents = new Map<string, Document>(loaded.documents.map((document) => [document.id, document]));
  const issues = new Map<string, ParseIssue>(loaded.errors.map((issue) => [issue.file, issue]));
  let current: KnowledgeBase = loaded.knowledge;
  let version = 1;

  function flush(): void {
    timer = undefined;
    if (closed || dirty.size === 0) return;
    const batch = [...dirty];
    dirty.clear();
    work = work.then(() => apply(batch)).catch((error) => logger.error({ err: error }, "reload failed; the previous knowledge base keeps serving"));
  }

  function scheduleVerify(): void {
    if (closed || verifyTimer !== undefined) return;
    verifyTimer = setTimeout(() => {
      verifyTimer = undefined;
      const files = [...seen];
      seen.clear();
      work = work
        .then(async () => {
          for (const [file, before] of files) if ((await fingerprint(file)) !== before) onFileEvent(file);
        })
        .catch((error) => logger.error({ err: error }, "reload check failed"));
    }, VERIFY_AFTER_MS);
  }

  async function apply(files: string[]): Promise<void> {
    const updated: string[] = [];
    const removed: string[] = [];
    const errors: ParseIssue[] = [];
    for (const file of files) {
      const name = path.basename(file);
      const id = documentIdFor(file);
      const print = await fingerprint(file);
      seen.set(file, print);
      if (print === undefined) {
        issues.delete(name);
        if (documents.delete(id)) removed.push(name);
        continue;
      }
      const result = await loadDocumentFile(file);
      if (!result.ok) {
        errors.push(result.error);
        issues.set(name, result.error);
        logger.warn(
          { file: result.error.file, line: result.error.line, reason: result.error.message, keptLastGood: documents.has(id) },
          "document not reloaded",
        );
        continue;
      }
      for (const warning of result.warnings) logger.warn({ file: warning.file, line: warning.line, reason: warning.message }, "document warning");
      issues.delete(name);
      documents.set(id, result.document);
      updated.push(name);
    }
    if (closed) return;
    if (updated.length + removed.length > 0) {
      const sorted = [...documents.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const next = buildKnowledgeBase(sorted, { thesaurus: loadThesaurus(), embeddings: loadEmbeddings() });
      current = next; // the atomic swap: one assignment
      version++;
      if (sorted.length === 0) logger.warn({ dir: root }, "data folder holds no document now; every question falls back");
      logger.info({ version, updated, removed, documents: next.documents.size, faqs: next.faqs.length }, "knowledge base reloaded");
    }
    options.onReload?.({ version, updated, removed, errors, documents: current.documents.size, faqs: current.faqs.length });
    scheduleVerify();
  }

  return {
    get current() {
      return current;
    },
    get version() {
      return version;
    },
    get issues() {
      return [...issues.values()];
    },
    startupIssues: { errors: loaded.errors, warnings: loaded.warnings },
    async close() {
      if (closed) return;
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      if (verifyTimer !== undefined) clearTimeout(verifyTimer);
      timer = verifyTimer = undefined;
      dirty.clear();
      await watcher.close();
      await work;
    },
  };
}
