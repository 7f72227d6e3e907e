/**
 * The client build as it ships: budgets enforced, the loader free of socket.io, the chat
 * page CSP-clean (no inline script or style), and no HTML parsing anywhere in client code.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUDGET, BudgetError, buildClient, type BuildReport } from "../../client/build.ts";

let outDir: string;
let report: BuildReport;
const read = (name: string) => readFile(path.join(outDir, name), "utf8");

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), "faqbot-build-"));
  report = await buildClient({ outDir, quiet: true });
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe("The client build", () => {
  it("keeps the widget under 5 KB gzipped before opening and 25 KB after", async () => {
    expect(BUDGET).toEqual({ beforeOpen: 5_000, afterOpen: 25_000 });
    const loader = await read("widget.js");
    const panel = await read(report.sizes.afterOpen.file);
    expect(gzipSync(loader, { level: 9 }).length).toBe(report.sizes.beforeOpen.gzip);
    expect(report.sizes.beforeOpen.gzip).toBeLessThan(BUDGET.beforeOpen);
    expect(gzipSync(panel, { level: 9 }).length).toBe(report.sizes.afterOpen.gzip);
    expect(report.sizes.afterOpen.gzip).toBeLessThan(BUDGET.afterOpen);
  });

  it("fails, writing nothing, when a bundle is over its budget", async () => {
    const elsewhere = await mkdtemp(path.join(tmpdir(), "faqbot-build-"));
    try {
      await expect(buildClient({ outDir: elsewhere, quiet: true, budget: { beforeOpen: 1_000, afterOpen: 25_000 } })).rejects.toThrow(BudgetError);
      expect(await readdir(elsewhere)).toEqual([]);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it("loads the panel lazily: widget.js holds no socket.io and names the panel it fetches", async () => {
    const loader = await read("widget.js");
    expect(loader).not.toMatch(/engine\.io|socket\.io|EIO/);
    expect(loader).toContain(JSON.stringify(report.sizes.afterOpen.file));
    const panel = await read(report.sizes.afterOpen.file);
    expect(panel).toContain("socket.io");
    // Both are IIFEs: nothing is declared at the top level of a classic script.
    for (const bundle of [loader, panel]) expect(bundle).toMatch(/^"use strict";\(\(\)=>\{[\s\S]*\}\)\(\);\n$/);
  });

  it("serves a chat page with external scripts and styles only (CSP: script-src 'self', style-src 'self')", async () => {
    const html = await read("index.html");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src="chat-[0-9a-f]{10}\.js"/);
      expect(body).toBe("");
    }
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    const stylesheet = /href="(chat-[0-9a-f]{10}\.css)"/.exec(html)?.[1];
    expect(stylesheet).toBeDefined();
    expect(await read(stylesheet!)).toContain(".fb-log");
    expect(report.files.sort()).toEqual(
      ["index.html", "widget.js", "favicon.svg", report.sizes.afterOpen.file, ...report.sizes.chatPage.files.slice(1)].sort(),
    );
  });

  it("never parses HTML in client code (everything from documents and visitors is text)", async () => {
    const clientDir = fileURLToPath(new URL("../../client/", import.meta.url));
    const files = (await readdir(clientDir, { recursive: true })).filter((file) => file.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = await readFile(path.join(clientDir, file), "utf8");
      expect({ file, html: /innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment/.test(source) }).toEqual({
        file,
        html: false,
      });
    }
  });
});
