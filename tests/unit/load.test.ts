import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataFolderError } from "../../server/errors.ts";
import { documentIdFor, isDocumentFile, loadDocuments, loadKnowledgeBase } from "../../server/knowledge/load.ts";

const FIXTURES = fileURLToPath(new URL("../fixtures/kb/", import.meta.url));

const GOOD = [
  " date 2024-03-05 The Green Line opened on Monday. It runs 11.4 kilometres.",
  "",
  "FAQ:",
  "",
  "Q: When did it open?",
  "",
  "A: On Monday.",
  "",
].join("\n");

/** A Q: with no answer on line 5. */
const MALFORMED = ["date 2024-01-02 Text.", "", "FAQ:", "", "Q: Where is the answer?", "", "Q: Another?", "", "A: Here."].join("\n");

/** The first bytes of a PNG image. */
const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "faqbot-load-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loadDocuments", () => {
  it("loads the good file and reports the malformed and the binary one with file name and line", async () => {
    await writeFile(path.join(dir, "good.txt"), GOOD);
    await writeFile(path.join(dir, "broken.txt"), MALFORMED);
    await writeFile(path.join(dir, "image.txt"), BINARY);

    const { documents, errors, warnings } = await loadDocuments(dir);

    expect(documents.map((d) => d.id)).toEqual(["good"]);
    expect(documents[0]?.faqs.map((f) => f.question)).toEqual(["When did it open?"]);
    expect(warnings).toEqual([]);
    expect(errors).toHaveLength(2);
    const broken = errors.find((e) => e.file === "broken.txt");
    const image = errors.find((e) => e.file === "image.txt");
    expect(broken).toMatchObject({ file: "broken.txt", line: 5 });
    expect(broken?.message).toContain("Where is the answer?");
    expect(image).toMatchObject({ file: "image.txt", line: 0 });
    expect(image?.message).toMatch(/binary|UTF-8/i);
  });

  it("reports warnings with the file name and still loads the document", async () => {
    await writeFile(path.join(dir, "undated.txt"), "An article without a date line. It still loads.");
    await writeFile(path.join(dir, "baddate.txt"), "\n date 2024-02-30 A date that does not exist.");

    const { documents, errors, warnings } = await loadDocuments(dir);

    expect(documents.map((d) => [d.id, d.date])).toEqual([
      ["baddate", null],
      ["undated", null],
    ]);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => [w.file, w.line])).toEqual([
      ["baddate.txt", 2],
      ["undated.txt", 1],
    ]);
  });

  it("reports an empty file as an error and loads the rest", async () => {
    await writeFile(path.join(dir, "empty.txt"), "");
    await writeFile(path.join(dir, "good.txt"), GOOD);

    const { documents, errors } = await loadDocuments(dir);

    expect(documents.map((d) => d.id)).toEqual(["good"]);
    expect(errors).toEqual([expect.objectContaining({ file: "empty.txt", line: 0 })]);
  });

  it("ignores non-.txt files, hidden files and sub-folders", async () => {
    await writeFile(path.join(dir, "good.txt"), GOOD);
    await writeFile(path.join(dir, "notes.md"), GOOD);
    await writeFile(path.join(dir, "good.txt.bak"), GOOD);
    await writeFile(path.join(dir, ".hidden.txt"), GOOD);
    await writeFile(path.join(dir, ".DS_Store"), BINARY);
    await writeFile(path.join(dir, "logo.png"), BINARY);
    await mkdir(path.join(dir, "drafts"));
    await writeFile(path.join(dir, "drafts", "draft.txt"), GOOD);

    const { documents, errors, warnings } = await loadDocuments(dir);

    expect(documents.map((d) => d.id)).toEqual(["good"]);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("accepts an upper-case .TXT extension", async () => {
    await writeFile(path.join(dir, "SHOUTY.TXT"), GOOD);
    const { documents } = await loadDocuments(dir);
    expect(documents.map((d) => d.id)).toEqual(["SHOUTY"]);
  });

  it("returns the documents sorted by file name, whatever order they were written in", async () => {
    for (const name of ["c.txt", "a.txt", "b.txt"]) await writeFile(path.join(dir, name), GOOD);
    const { documents } = await loadDocuments(dir);
    expect(documents.map((d) => d.id)).toEqual(["a", "b", "c"]);
  });

  it("uses the file name without extension as the document id in sentence and FAQ ids", async () => {
    await writeFile(path.join(dir, "green-line.2024.txt"), GOOD);
    const { documents } = await loadDocuments(dir);
    expect(documents[0]?.id).toBe("green-line.2024");
    expect(documents[0]?.sentences[0]?.id).toBe("green-line.2024#s-1");
    expect(documents[0]?.faqs[0]?.id).toBe("green-line.2024#faq-1");
  });

  it("returns an empty result, not an error, for an empty folder", async () => {
    expect(await loadDocuments(dir)).toEqual({ documents: [], errors: [], warnings: [] });
  });

  it("throws DataFolderError naming the folder when the folder does not exist", async () => {
    const missing = path.join(dir, "no-such-folder");
    await expect(loadDocuments(missing)).rejects.toBeInstanceOf(DataFolderError);
    await expect(loadDocuments(missing)).rejects.toThrow(/does not exist/);
    await expect(loadDocuments(missing)).rejects.toThrow(missing);
  });

  it("throws DataFolderError when the path is a file, not a folder", async () => {
    const file = path.join(dir, "good.txt");
    await writeFile(file, GOOD);
    await expect(loadDocuments(file)).rejects.toBeInstanceOf(DataFolderError);
  });

  it("loads every document of the fixture knowledge base without errors or warnings", async () => {
    const { documents, errors, warnings } = await loadDocuments(FIXTURES);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(documents.map((d) => d.id)).toEqual([
      "brackenridge_maritime_exhibition",
      "brackenridge_tram_line",
      "eastfield_sodium_battery",
      "halvorsen_kettle_recall",
      "port_ellery_volleyball_cup",
    ]);
  });
});

describe("loadKnowledgeBase", () => {
  it("throws DataFolderError when the folder is empty", async () => {
    await expect(loadKnowledgeBase(dir)).rejects.toBeInstanceOf(DataFolderError);
  });

  it("throws DataFolderError when no file in the folder can be loaded, saying how many failed", async () => {
    await writeFile(path.join(dir, "broken.txt"), MALFORMED);
    await writeFile(path.join(dir, "image.txt"), BINARY);
    await expect(loadKnowledgeBase(dir)).rejects.toBeInstanceOf(DataFolderError);
    await expect(loadKnowledgeBase(dir)).rejects.toThrow(/2 file/);
  });

  it("throws DataFolderError when the folder holds only ignored files", async () => {
    await writeFile(path.join(dir, "readme.md"), GOOD);
    await writeFile(path.join(dir, ".hidden.txt"), GOOD);
    await expect(loadKnowledgeBase(dir)).rejects.toBeInstanceOf(DataFolderError);
  });

  it("throws DataFolderError when the folder does not exist", async () => {
    await expect(loadKnowledgeBase(path.join(dir, "missing"))).rejects.toBeInstanceOf(DataFolderError);
  });

  it("builds a knowledge base from the loadable files and still reports the broken ones", async () => {
    await writeFile(path.join(dir, "good.txt"), GOOD);
    await writeFile(path.join(dir, "broken.txt"), MALFORMED);
    const { knowledge, documents, errors } = await loadKnowledgeBase(dir);
    expect(documents.map((d) => d.id)).toEqual(["good"]);
    expect([...knowledge.documents.keys()]).toEqual(["good"]);
    expect(errors).toEqual([expect.objectContaining({ file: "broken.txt", line: 5 })]);
  });
});

describe("the data folder’s file rules", () => {
  it("documentIdFor drops the folder and the last extension", () => {
    expect(documentIdFor(path.join("some", "dir", "tram_line.txt"))).toBe("tram_line");
    expect(documentIdFor("a.b.txt")).toBe("a.b");
  });

  it("isDocumentFile accepts visible .txt files only", () => {
    expect(isDocumentFile("tram.txt")).toBe(true);
    expect(isDocumentFile("TRAM.TXT")).toBe(true);
    expect(isDocumentFile(".tram.txt")).toBe(false);
    expect(isDocumentFile("tram.md")).toBe(false);
    expect(isDocumentFile("tram.txt~")).toBe(false);
    expect(isDocumentFile("tram.txt.swp")).toBe(false);
  });
});
