import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../server/knowledge/parse.ts";
import type { Document, ParseIssue, ParseResult } from "../../server/knowledge/types.ts";

/** Join lines with the given line end (LF unless told). */
function lines(parts: string[], eol = "\n"): string {
  return parts.join(eol);
}

/** A small but complete document: a dated two-paragraph article and a two-pair FAQ. */
const SAMPLE = lines([
  " date 2024-03-05 The Green Line opened on Monday. It runs 11.4 kilometres.",
  "",
  "A single fare costs $2.75. “It is a great day,” Mayor Vasquez said.",
  "",
  "FAQ:",
  "",
  "Q: When did the line open?",
  "",
  "A: On Monday, March 4.",
  "",
  "Q: How much is a fare?",
  "",
  "A: A single fare costs $2.75.",
  "",
]);

function parsed(result: ParseResult): { document: Document; warnings: ParseIssue[] } {
  if (!result.ok) throw new Error(`expected the document to parse, got ${JSON.stringify(result.error)}`);
  return result;
}

function failed(result: ParseResult): ParseIssue {
  if (result.ok) throw new Error(`expected a parse error, got a document: ${JSON.stringify(result.document)}`);
  return result.error;
}

describe("parseDocument on a well-formed document", () => {
  const { document, warnings } = parsed(parseDocument("tram", SAMPLE, "tram.txt"));

  it("takes the id it is given as the document id", () => {
    expect(document.id).toBe("tram");
  });

  it("reads the ISO date from the date line", () => {
    expect(document.date).toBe("2024-03-05");
  });

  it("keeps the rest of the date line as the start of the first paragraph", () => {
    expect(document.paragraphs).toEqual([
      "The Green Line opened on Monday. It runs 11.4 kilometres.",
      "A single fare costs $2.75. “It is a great day,” Mayor Vasquez said.",
    ]);
  });

  it("splits the article into sentences with ids <doc>#s-<n> counted across paragraphs", () => {
    expect(document.sentences.map((s) => [s.id, s.text, s.paragraph, s.line])).toEqual([
      ["tram#s-1", "The Green Line opened on Monday.", 0, 1],
      ["tram#s-2", "It runs 11.4 kilometres.", 0, 1],
      ["tram#s-3", "A single fare costs $2.75.", 1, 3],
      ["tram#s-4", "“It is a great day,” Mayor Vasquez said.", 1, 3],
    ]);
    expect(document.sentences.every((s) => s.document === "tram")).toBe(true);
  });

  it("reads the FAQ pairs with ids <doc>#faq-<n> and the line of each Q:", () => {
    expect(document.faqs).toEqual([
      { id: "tram#faq-1", document: "tram", question: "When did the line open?", answer: "On Monday, March 4.", line: 7 },
      { id: "tram#faq-2", document: "tram", question: "How much is a fare?", answer: "A single fare costs $2.75.", line: 11 },
    ]);
  });

  it("reports no warnings", () => {
    expect(warnings).toEqual([]);
  });
});

describe("parseDocument tolerates", () => {
  it("a date line without leading white space, or with tabs and several spaces", () => {
    for (const prefix of ["", "   ", "\t", " \t "]) {
      const { document, warnings } = parsed(parseDocument("d", SAMPLE.replace(/^ /, prefix)));
      expect(document.date).toBe("2024-03-05");
      expect(document.sentences[0]?.text).toBe("The Green Line opened on Monday.");
      expect(warnings).toEqual([]);
    }
  });

  it("CRLF line ends, giving the same document as LF", () => {
    const lf = parsed(parseDocument("d", SAMPLE)).document;
    const crlf = parsed(parseDocument("d", SAMPLE.replace(/\n/g, "\r\n"))).document;
    expect(crlf).toEqual(lf);
    expect(crlf.faqs.map((f) => f.answer).join("")).not.toContain("\r");
  });

  it("old Mac CR line ends, giving the same document as LF", () => {
    const lf = parsed(parseDocument("d", SAMPLE)).document;
    const cr = parsed(parseDocument("d", SAMPLE.replace(/\n/g, "\r"))).document;
    expect(cr).toEqual(lf);
  });

  it("a byte order mark before the date line", () => {
    const { document, warnings } = parsed(parseDocument("d", "\uFEFF" + SAMPLE));
    expect(document.date).toBe("2024-03-05");
    expect(document.paragraphs[0]).toBe("The Green Line opened on Monday. It runs 11.4 kilometres.");
    expect(warnings).toEqual([]);
  });

  it("curly quotes and apostrophes, which are kept exactly as written", () => {
    const text = lines([
      "date 2024-05-18 The museum’s director said: “These are the people who built this city.”",
      "",
      "FAQ:",
      "",
      "Q: What is the museum’s ‘star’ object?",
      "",
      "A: The bow of the “Northern Gannet”.",
    ]);
    const { document } = parsed(parseDocument("d", text));
    expect(document.sentences[0]?.text).toBe("The museum’s director said: “These are the people who built this city.”");
    expect(document.faqs[0]?.question).toBe("What is the museum’s ‘star’ object?");
    expect(document.faqs[0]?.answer).toBe("The bow of the “Northern Gannet”.");
  });

  it("a missing FAQ section: the article alone is a document with no FAQ pairs", () => {
    const text = lines(["date 2024-01-02 First paragraph. Second sentence.", "", "Another paragraph."]);
    const { document, warnings } = parsed(parseDocument("d", text));
    expect(document.faqs).toEqual([]);
    expect(document.sentences.map((s) => s.text)).toEqual(["First paragraph.", "Second sentence.", "Another paragraph."]);
    expect(warnings).toEqual([]);
  });

  it("an FAQ with no article: no sentences, and the pairs are read", () => {
    const text = lines(["date 2024-01-02", "", "FAQ:", "", "Q: Is it open?", "", "A: Yes, every day."]);
    const { document, warnings } = parsed(parseDocument("d", text));
    expect(document.date).toBe("2024-01-02");
    expect(document.sentences).toEqual([]);
    expect(document.paragraphs).toEqual([]);
    expect(document.faqs.map((f) => [f.question, f.answer])).toEqual([["Is it open?", "Yes, every day."]]);
    expect(warnings).toEqual([]);
  });

  it("an FAQ-only file without a date line or an FAQ: header (with a warning about the date)", () => {
    const { document, warnings } = parsed(parseDocument("d", lines(["Q: Is it open?", "A: Yes."])));
    expect(document.faqs.map((f) => [f.question, f.answer, f.line])).toEqual([["Is it open?", "Yes.", 1]]);
    expect(warnings.map((w) => w.line)).toEqual([1]);
  });

  it("Q: and A: on adjacent lines, with no blank line between pairs either", () => {
    const text = lines(["date 2024-01-02 Text.", "", "FAQ:", "Q: One?", "A: First.", "Q: Two?", "A: Second."]);
    const { document } = parsed(parseDocument("d", text));
    expect(document.faqs.map((f) => [f.question, f.answer, f.line])).toEqual([
      ["One?", "First.", 4],
      ["Two?", "Second.", 6],
    ]);
  });

  it("answers spanning several lines, joined with single spaces", () => {
    const text = lines([
      "date 2024-01-02 Text.",
      "",
      "FAQ:",
      "",
      "Q: How do I return it?",
      "",
      "A: Call the toll-free line.",
      "The company sends a prepaid label.",
      "",
      "Q: Next?",
      "",
      "A: Yes.",
    ]);
    const { document } = parsed(parseDocument("d", text));
    expect(document.faqs[0]?.answer).toBe("Call the toll-free line. The company sends a prepaid label.");
    expect(document.faqs[1]?.line).toBe(10);
  });

  it("blank lines inside an answer: the following lines still belong to that answer", () => {
    const text = lines([
      "date 2024-01-02 Text.",
      "",
      "FAQ:",
      "",
      "Q: What are the opening hours?",
      "",
      "A: Tuesday to Sunday, 10 a.m. to 6 p.m.",
      "",
      "",
      "On Thursdays the museum stays open until 9 p.m.",
      "",
      "Q: Is there parking?",
      "",
      "A: Only 60 spaces.",
    ]);
    const { document } = parsed(parseDocument("d", text));
    expect(document.faqs.map((f) => f.answer)).toEqual([
      "Tuesday to Sunday, 10 a.m. to 6 p.m. On Thursdays the museum stays open until 9 p.m.",
      "Only 60 spaces.",
    ]);
  });

  it("a question spanning two lines", () => {
    const text = lines(["FAQ:", "Q: When does the", "exhibition close?", "A: On Jan. 12, 2025."]);
    const { document } = parsed(parseDocument("d", text));
    expect(document.faqs[0]?.question).toBe("When does the exhibition close?");
  });

  it("an answer that begins with a person’s initial after the A: marker", () => {
    const text = lines(["FAQ:", "Q: Who led the study?", "A: A. J. Okafor led it."]);
    const { document } = parsed(parseDocument("d", text));
    expect(document.faqs[0]?.answer).toBe("A. J. Okafor led it.");
  });

  it("a continuation line of an answer that starts with a person’s initial “A.”", () => {
    // A hand-wrapped answer: the second line begins with the initial of a name, not with an A: marker.
    const text = lines(["FAQ:", "", "Q: Who led the study?", "", "A: The study was led by the chemist", "A. J. Okafor of the University of Eastfield."]);
    const { document } = parsed(parseDocument("d", text));
    expect(document.faqs).toHaveLength(1);
    expect(document.faqs[0]?.answer).toBe("The study was led by the chemist A. J. Okafor of the University of Eastfield.");
  });

  it("a continuation line of an answer that starts with a person’s initial “Q.”", () => {
    const text = lines(["FAQ:", "", "Q: Who designed the trams?", "", "A: The lead designer was", "Q. Zhang of Vennström AB."]);
    const { document } = parsed(parseDocument("d", text));
    expect(document.faqs).toHaveLength(1);
    expect(document.faqs[0]?.answer).toBe("The lead designer was Q. Zhang of Vennström AB.");
  });

  it("paragraphs written over several lines, joined with spaces", () => {
    const text = lines(["date 2024-01-02 The first line", "continues here.", "", "Second paragraph."]);
    const { document } = parsed(parseDocument("d", text));
    expect(document.paragraphs).toEqual(["The first line continues here.", "Second paragraph."]);
    expect(document.sentences.map((s) => s.line)).toEqual([1, 4]);
  });

  it("blank lines before the date line, keeping real line numbers", () => {
    const text = lines(["", "", " date 2024-01-02 Text here.", "", "FAQ:", "Q: Why?", "A: Because."]);
    const { document, warnings } = parsed(parseDocument("d", text));
    expect(document.date).toBe("2024-01-02");
    expect(document.sentences[0]?.line).toBe(3);
    expect(document.faqs[0]?.line).toBe(6);
    expect(warnings).toEqual([]);
  });

  it("a date line that holds only the date: the article starts with the next paragraph", () => {
    const text = lines(["date 2024-01-02", "", "First paragraph."]);
    const { document } = parsed(parseDocument("d", text));
    expect(document.date).toBe("2024-01-02");
    expect(document.paragraphs).toEqual(["First paragraph."]);
  });
});

describe("parseDocument warns, and still returns the document, when", () => {
  it("the date on the date line does not exist (Feb. 30): the date is null and the warning names the line", () => {
    const { document, warnings } = parsed(parseDocument("d", " date 2024-02-30 The text.", "d.txt"));
    expect(document.date).toBeNull();
    expect(document.sentences.map((s) => s.text)).toEqual(["The text."]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: "d.txt", line: 1 });
    expect(warnings[0]?.message).toContain("2024-02-30");
  });

  it("the month is out of range (2024-13-01)", () => {
    const { document, warnings } = parsed(parseDocument("d", "\n\ndate 2024-13-01 The text.", "d.txt"));
    expect(document.date).toBeNull();
    expect(warnings).toEqual([expect.objectContaining({ file: "d.txt", line: 3 })]);
  });

  it("February 29 is accepted in a leap year and warned about otherwise", () => {
    expect(parsed(parseDocument("d", "date 2024-02-29 Text.")).document.date).toBe("2024-02-29");
    const { document, warnings } = parsed(parseDocument("d", "date 2023-02-29 Text."));
    expect(document.date).toBeNull();
    expect(warnings).toHaveLength(1);
  });

  it("there is no date line: the date is null and the warning points at line 1", () => {
    const { document, warnings } = parsed(parseDocument("d", "Just an article. With two sentences.", "d.txt"));
    expect(document.date).toBeNull();
    expect(document.sentences).toHaveLength(2);
    expect(warnings).toEqual([expect.objectContaining({ file: "d.txt", line: 1 })]);
  });

  it("the FAQ: header is followed by no pairs", () => {
    const { document, warnings } = parsed(parseDocument("d", lines(["date 2024-01-02 Text.", "", "FAQ:", ""])));
    expect(document.faqs).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/FAQ/);
  });
});

describe("parseDocument rejects, naming the file and the line,", () => {
  it("binary content (a NUL byte)", () => {
    const error = failed(parseDocument("d", "date 2024-01-02 Text\u0000\u0001\u0002 more", "d.txt"));
    expect(error.file).toBe("d.txt");
    expect(error.message).toMatch(/binary|UTF-8/i);
  });

  it("bytes that were not valid UTF-8 (decoded as U+FFFD)", () => {
    const bytes = Buffer.from([0x64, 0x61, 0x74, 0x65, 0x20, 0xff, 0xfe, 0x00, 0x89, 0x50, 0x4e, 0x47]);
    const error = failed(parseDocument("d", bytes.toString("utf8"), "d.txt"));
    expect(error.file).toBe("d.txt");
    expect(error.message).toMatch(/binary|UTF-8/i);
  });

  it("an empty file", () => {
    const error = failed(parseDocument("d", "", "d.txt"));
    expect(error).toMatchObject({ file: "d.txt", line: 0 });
    expect(error.message).toMatch(/empty/i);
  });

  it("a file holding only white space, line ends and a BOM", () => {
    const error = failed(parseDocument("d", "\uFEFF  \r\n\t\n\n   ", "d.txt"));
    expect(error.message).toMatch(/empty/i);
  });

  it("a question without an answer, followed by another pair (the line of that Q:)", () => {
    const text = lines(["date 2024-01-02 Text.", "", "FAQ:", "", "Q: First?", "", "Q: Second?", "", "A: Answer."]);
    const error = failed(parseDocument("d", text, "d.txt"));
    expect(error).toMatchObject({ file: "d.txt", line: 5 });
    expect(error.message).toContain("First?");
  });

  it("a question without an answer at the end of the file (the line of that Q:)", () => {
    const text = lines(["date 2024-01-02 Text.", "", "FAQ:", "", "Q: One?", "", "A: Yes.", "", "Q: Dangling?", ""]);
    const error = failed(parseDocument("d", text, "d.txt"));
    expect(error).toMatchObject({ file: "d.txt", line: 9 });
  });

  it("an answer before any question (the line of that A:)", () => {
    const text = lines(["date 2024-01-02 Text.", "", "FAQ:", "", "A: An answer to nothing.", "", "Q: Later?", "A: Yes."]);
    const error = failed(parseDocument("d", text, "d.txt"));
    expect(error).toMatchObject({ file: "d.txt", line: 5 });
    expect(error.message).toMatch(/answer/i);
  });

  it("two answers in a row for one question (the line of the second A:)", () => {
    const text = lines(["FAQ:", "Q: One?", "A: First.", "A: Second."]);
    const error = failed(parseDocument("d", text, "d.txt"));
    expect(error).toMatchObject({ file: "d.txt", line: 4 });
  });

  it("text in the FAQ section before the first Q: (the line of that text)", () => {
    const text = lines(["date 2024-01-02 Text.", "", "FAQ:", "", "Here are some common questions.", "", "Q: One?", "A: Yes."]);
    const error = failed(parseDocument("d", text, "d.txt"));
    expect(error).toMatchObject({ file: "d.txt", line: 5 });
    expect(error.message).toContain("Here are some common questions.");
  });

  it("an empty answer (the line of that A:)", () => {
    const text = lines(["FAQ:", "Q: One?", "A:", "", "Q: Two?", "A: Yes."]);
    const error = failed(parseDocument("d", text, "d.txt"));
    expect(error).toMatchObject({ file: "d.txt", line: 3 });
  });

  it("an empty question (the line of that Q:)", () => {
    const text = lines(["FAQ:", "Q: One?", "A: Yes.", "Q:", "A: An answer."]);
    const error = failed(parseDocument("d", text, "d.txt"));
    expect(error).toMatchObject({ file: "d.txt", line: 4 });
  });

  it("uses the id as the file name in the issue when no file name is given", () => {
    expect(failed(parseDocument("orphan", "")).file).toBe("orphan");
  });
});

describe("the fixture knowledge base", () => {
  const FIXTURES = new URL("../fixtures/kb/", import.meta.url);
  const NAMES = [
    "brackenridge_maritime_exhibition",
    "brackenridge_tram_line",
    "eastfield_sodium_battery",
    "halvorsen_kettle_recall",
    "port_ellery_volleyball_cup",
  ];

  it.each(NAMES)("%s parses with a date, 4–6 paragraphs, 17–30 sentences, 5–8 FAQ pairs and no warnings", (name) => {
    const text = readFileSync(new URL(`${name}.txt`, FIXTURES), "utf8");
    const { document, warnings } = parsed(parseDocument(name, text, `${name}.txt`));
    expect(warnings).toEqual([]);
    expect(document.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(document.paragraphs.length).toBeGreaterThanOrEqual(4);
    expect(document.paragraphs.length).toBeLessThanOrEqual(6);
    expect(document.sentences.length).toBeGreaterThanOrEqual(17);
    expect(document.sentences.length).toBeLessThanOrEqual(30);
    expect(document.faqs.length).toBeGreaterThanOrEqual(5);
    expect(document.faqs.length).toBeLessThanOrEqual(8);
    for (const faq of document.faqs) {
      expect(faq.question.endsWith("?")).toBe(true);
      expect(faq.answer).not.toMatch(/^A:/);
    }
  });
});
