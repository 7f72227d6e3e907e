/**
 * Document parsing: the text of one file → a Document, or a ParseIssue saying where and
 * what is wrong. Pure: takes a string, returns data.
 *
 * Format (see README): an optional date line `date YYYY-MM-DD` that starts the first
 * article paragraph, paragraphs separated by blank lines, then an optional `FAQ:` line and
 * `Q:`/`A:` pairs. Tolerated: a BOM, CRLF or CR line ends, leading white space, curly
 * quotes, a missing FAQ section, an FAQ without an article, `Q:` and `A:` on adjacent
 * lines or separated by blank lines, answers (and questions) spanning several lines.
 */
import { splitSentences } from "./sentences.ts";
import type { Document, FaqPair, ParseIssue, ParseResult, Sentence } from "./types.ts";

/** Files larger than this are refused: a FAQ document is a few KB; 5 MB is a mistake. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const DATE_LINE = /^date\s+(\d{4}-\d{2}-\d{2})\b\s*/i;
const FAQ_HEADER = /^faq\s*:?\s*$/i;
const QUESTION_LINE = /^q\s*:\s*/i;
const ANSWER_LINE = /^a\s*:\s*/i;
/** Control characters that never occur in text files (NUL and friends, not tab/CR/LF). */
const BINARY_CHARS = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/;

function issue(file: string, line: number, message: string): ParseIssue {
  return { file, line, message };
}

function isValidDate(iso: string): boolean {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

interface Block {
  text: string;
  line: number;
}

interface PendingPair {
  question: string[];
  answer: string[] | null;
  line: number;
  answerLine: number;
}

/**
 * Parse the text of one document.
 *
 * @param id   the document id (file name without extension)
 * @param text the file's content, decoded as UTF-8
 * @param file the name used in issues (defaults to the id)
 */
export function parseDocument(id: string, text: string, file = id): ParseResult {
  if (text.includes("\uFFFD") || BINARY_CHARS.test(text)) {
    return { ok: false, error: issue(file, 0, "not a UTF-8 text file (binary content or invalid bytes)") };
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const warnings: ParseIssue[] = [];

  let date: string | null = null;
  const paragraphs: Block[] = [];
  let paragraph: Block | null = null;
  let inFaq = false;
  const pairs: PendingPair[] = [];
  let pair: PendingPair | null = null;
  let sawDateLine = false;

  const closeParagraph = () => {
    if (paragraph && paragraph.text.trim() !== "") paragraphs.push(paragraph);
    paragraph = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = lines[i]!.trim();
    if (!inFaq) {
      if (line === "") {
        closeParagraph();
        continue;
      }
      if (FAQ_HEADER.test(line)) {
        closeParagraph();
        inFaq = true;
        continue;
      }
      if (!sawDateLine && paragraphs.length === 0 && paragraph === null) {
        const m = DATE_LINE.exec(line);
        if (m) {
          sawDateLine = true;
          if (isValidDate(m[1]!)) date = m[1]!;
          else warnings.push(issue(file, lineNo, `invalid date "${m[1]}" on the date line; the document has no date`));
          line = line.slice(m[0].length);
          if (line === "") continue;
        }
      }
      if (QUESTION_LINE.test(line) && !sawDateLine && paragraphs.length === 0 && paragraph === null) {
        // An FAQ with no article and no `FAQ:` header.
        inFaq = true;
      } else {
        if (paragraph) (paragraph as Block).text += " " + line;
        else paragraph = { text: line, line: lineNo };
        continue;
      }
    }

    // FAQ section.
    if (line === "") continue;
    if (QUESTION_LINE.test(line)) {
      if (pair && pair.answer === null) {
        return { ok: false, error: issue(file, pair.line, `question has no answer: "${pair.question.join(" ").slice(0, 80)}"`) };
      }
      pair = { question: [line.replace(QUESTION_LINE, "")], answer: null, line: lineNo, answerLine: 0 };
      pairs.push(pair);
    } else if (ANSWER_LINE.test(line)) {
      if (!pair) return { ok: false, error: issue(file, lineNo, "answer without a question (A: before any Q:)") };
      if (pair.answer !== null) {
        return { ok: false, error: issue(file, lineNo, "second answer for one question (A: follows an A: without a Q:)") };
      }
      pair.answer = [line.replace(ANSWER_LINE, "")];
      pair.answerLine = lineNo;
    } else if (pair) {
      // A continuation line of the current answer (or of a question that spans lines).
      (pair.answer ?? pair.question).push(line);
    } else {
      return { ok: false, error: issue(file, lineNo, `text in the FAQ section before the first "Q:": "${line.slice(0, 80)}"`) };
    }
  }
  closeParagraph();

  const faqs: FaqPair[] = [];
  for (const p of pairs) {
    const question = p.question.join(" ").replace(/\s+/g, " ").trim();
    if (p.answer === null) {
      return { ok: false, error: issue(file, p.line, `question has no answer: "${question.slice(0, 80)}"`) };
    }
    const answer = p.answer.join(" ").replace(/\s+/g, " ").trim();
    if (question === "") return { ok: false, error: issue(file, p.line, "empty question after Q:") };
    if (answer === "") return { ok: false, error: issue(file, p.answerLine, "empty answer after A:") };
    faqs.push({ id: `${id}#faq-${faqs.length + 1}`, document: id, question, answer, line: p.line });
  }
  if (inFaq && faqs.length === 0) warnings.push(issue(file, 0, "FAQ section has no Q:/A: pairs"));
  if (!sawDateLine) warnings.push(issue(file, 1, 'no "date YYYY-MM-DD" line; the document has no date'));

  const sentences: Sentence[] = [];
  paragraphs.forEach((block, index) => {
    for (const text of splitSentences(block.text)) {
      sentences.push({ id: `${id}#s-${sentences.length + 1}`, document: id, text, paragraph: index, line: block.line });
    }
  });
  if (sentences.length === 0 && faqs.length === 0) {
    return { ok: false, error: issue(file, 0, "empty document: no article text and no FAQ pairs") };
  }
  const document: Document = { id, date, paragraphs: paragraphs.map((b) => b.text), sentences, faqs };
  return { ok: true, document, warnings };
}
