/** The parsed form of one document in the data folder. Pure data, no behaviour. */

/** One `Q:`/`A:` pair of a document's FAQ section. */
export interface FaqPair {
  /** Stable id: `<document>#faq-<n>` (n counts from 1). */
  id: string;
  document: string;
  question: string;
  answer: string;
  /** 1-based line of the `Q:` in the source file. */
  line: number;
}

/** One sentence of a document's article. */
export interface Sentence {
  /** Stable id: `<document>#s-<n>` (n counts from 1). */
  id: string;
  document: string;
  text: string;
  /** 0-based paragraph index within the article. */
  paragraph: number;
  /** 1-based line of the paragraph in the source file. */
  line: number;
}

export interface Document {
  /** The file name without extension. */
  id: string;
  /** ISO date from the date line (`YYYY-MM-DD`), or null when the file has none. */
  date: string | null;
  paragraphs: string[];
  sentences: Sentence[];
  faqs: FaqPair[];
}

/** A problem found in a source file: where, and what is wrong. */
export interface ParseIssue {
  file: string;
  /** 1-based line, 0 when the problem concerns the whole file. */
  line: number;
  message: string;
}

export type ParseResult =
  | { ok: true; document: Document; warnings: ParseIssue[] }
  | { ok: false; error: ParseIssue };
