import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createAsker } from "../../server/chat/answering.ts";
import { KeyedRateLimiter } from "../../server/chat/rate-limit.ts";
import { createApp } from "../../server/http/app.ts";
import { createMetrics } from "../../server/http/metrics.ts";
import { createOriginPolicy } from "../../server/http/origins.ts";
import { fixedKnowledgeStore } from "../../server/knowledge/watch.ts";
import { ask, captureLogger, connect, postAsk, startTestServer, type TestServer } from "../support/server.ts";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.dispose();
  server = undefined;
});

describe("POST /api/ask", () => {
  it("returns the Answer as JSON for an FAQ question, small talk and an unrelated question", async () => {
    server = await startTestServer();
    const faq = await postAsk(server.url, { question: "How much does a tram ticket cost?" });
    expect(faq.status).toBe(200);
    expect(faq.body).toMatchObject({ question: "How much does a tram ticket cost?", kind: "faq" });
    expect(faq.body.sources[0]).toMatchObject({ document: "tram", type: "faq", text: "How much does a tram ticket cost?" });
    expect(Array.isArray(faq.body.suggestions)).toBe(true);
    expect((await postAsk(server.url, { question: "hello" })).body.kind).toBe("smalltalk");
    expect((await postAsk(server.url, { question: "What is the boiling point of mercury on Jupiter?" })).body.kind).toBe("fallback");
  });

  it("answers a repeated question from the cache, with the same Answer", async () => {
    server = await startTestServer();
    const first = await postAsk(server.url, { question: "Who builds the lanterns?" });
    const second = await postAsk(server.url, { question: "Who builds the lanterns?" });
    expect(second.body).toEqual(first.body);
    const lines = server.logLines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === "question");
    expect(lines.map((entry) => entry.cached)).toEqual([false, true]);
  });

  it("scopes with doc and refuses an unknown one", async () => {
    server = await startTestServer();
    const scoped = await postAsk(server.url, { question: "Who builds the lanterns?", doc: "festival" });
    expect(scoped.body.sources[0].document).toBe("festival");
    const unknown = await postAsk(server.url, { question: "Who builds the lanterns?", doc: "atlantis" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("unknown_document");
  });

  it("refuses bad bodies with an error code", async () => {
    server = await startTestServer();
    const expectError = async (body: unknown, status: number, code: string) => {
      const response = await postAsk(server!.url, body);
      expect(response.status).toBe(status);
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.message.length).toBeGreaterThan(0);
    };
    await expectError("{not json", 400, "invalid_payload");
    await expectError({ text: "wrong field" }, 400, "invalid_payload");
    await expectError({ question: 5 }, 400, "invalid_payload");
    await expectError({ question: "  " }, 400, "empty_question");
    await expectError({ question: "x".repeat(501) }, 400, "question_too_long");
    await expectError({ question: "x".repeat(20_000) }, 413, "payload_too_large");
    await expectError({ question: "nul\u0000byte" }, 400, "invalid_payload");
    // The server is still fine.
    expect((await postAsk(server.url, { question: "hello" })).status).toBe(200);
  });
});

describe("GET /api/faqs", () => {
  it("lists FAQ questions for suggestion chips, scoped and limited", async () => {
    server = await startTestServer();
    const all = await (await fetch(`${server.url}/api/faqs`)).json();
    expect(all.total).toBe(4);
    expect(all.faqs).toContainEqual({ question: "Who builds the lanterns?", document: "festival" });
    const scoped = await (await fetch(`${server.url}/api/faqs?doc=tram&limit=1`)).json();
    expect(scoped).toEqual({ total: 2, faqs: [{ question: "When did the Green Line tram open?", document: "tram" }] });
    expect((await fetch(`${server.url}/api/faqs?doc=nope`)).status).toBe(404);
  });
});

describe("GET /healthz and /metrics", () => {
  it("is not ready (503) while the knowledge base is loading, and refuses questions with not_ready", async () => {
    const { logger } = captureLogger();
    const metrics = createMetrics({ processMetrics: false });
    const knowledgeStore = fixedKnowledgeStore(undefined);
    const ipLimiter = new KeyedRateLimiter({ perSecond: 100, burst: 100 });
    const app = createApp({
      knowledgeStore,
      asker: createAsker({ knowledgeStore, metrics, logger }),
      metrics,
      logger,
      originPolicy: createOriginPolicy(undefined),
      ipLimiter,
      publicDir: "does-not-exist",
      isShuttingDown: () => false,
    });
    const httpServer = http.createServer(app);
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: "loading" });
      const asked = await postAsk(url, { question: "hello" });
      expect(asked.status).toBe(503);
      expect(asked.body.error.code).toBe("not_ready");
    } finally {
      ipLimiter.close();
      await new Promise((resolve) => httpServer.close(resolve));
    }
  });

  it("reports ready with document counts", async () => {
    server = await startTestServer();
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", documents: 2, faqs: 4 });
  });

  it("exposes questions, answers by kind, fallbacks, latency and connected clients", async () => {
    server = await startTestServer();
    const socket = await server.connect();
    await ask(socket, { text: "Who builds the lanterns?" });
    await ask(socket, { text: "What is the boiling point of mercury on Jupiter?" });
    await postAsk(server.url, { question: "hello" });
    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/faqbot_questions_total\{channel="socket"\} 2/);
    expect(text).toMatch(/faqbot_questions_total\{channel="http"\} 1/);
    expect(text).toMatch(/faqbot_answers_total\{kind="faq",channel="socket"\} 1/);
    expect(text).toMatch(/faqbot_answers_total\{kind="smalltalk",channel="http"\} 1/);
    expect(text).toMatch(/faqbot_fallbacks_total 1/);
    expect(text).toMatch(/faqbot_answer_latency_seconds_count\{kind="faq"\} 1/);
    expect(text).toMatch(/faqbot_connected_clients 1/);
    expect(text).toMatch(/faqbot_documents 2/);
    socket.disconnect();
  });
});

describe("static client", () => {
  it("answers / with 503 and a clear text when the client is not built", async () => {
    server = await startTestServer();
    for (const route of ["/", "/widget.js"]) {
      const response = await fetch(`${server.url}${route}`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain("client not built: run npm run build");
    }
  });

  it("serves the built chat page with a strict CSP and the widget loadable from other origins", async () => {
    server = await startTestServer();
    const publicDir = path.join(server.dataDir, "public");
    await mkdir(path.join(publicDir, "assets"), { recursive: true });
    await writeFile(path.join(publicDir, "index.html"), "<!doctype html><title>chat</title><script src=\"/chat.js\"></script>");
    await writeFile(path.join(publicDir, "widget.js"), "console.log('widget')");
    await writeFile(path.join(publicDir, "assets", "panel.css"), "body{}");
    await server.close();
    const built = await startTestServer(undefined, { publicDir });
    try {
      const page = await fetch(`${built.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<title>chat</title>");
      const csp = page.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain("unsafe");
      expect(csp).toContain("img-src 'self' data:");
      expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${built.port} wss://127.0.0.1:${built.port}`);
      expect(page.headers.get("x-content-type-options")).toBe("nosniff");
      for (const asset of ["/widget.js", "/assets/panel.css"]) {
        const response = await fetch(`${built.url}${asset}`, { headers: { origin: "https://some-blog.example" } });
        expect(response.status).toBe(200);
        expect(response.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
        expect(response.headers.get("access-control-allow-origin")).toBe("*");
      }
      expect((await fetch(`${built.url}/nothing-here.js`)).status).toBe(404);
    } finally {
      await built.dispose();
    }
  });
});

describe("origins", () => {
  it("accepts the own origin and localhost by default, refuses others on the handshake and the API", async () => {
    server = await startTestServer();
    const own = `http://127.0.0.1:${server.port}`;
    (await connect(server.url, { extraHeaders: { origin: own } })).disconnect();
    (await connect(server.url, { extraHeaders: { origin: "http://localhost:5173" } })).disconnect();
    await expect(connect(server.url, { extraHeaders: { origin: "https://evil.example" } })).rejects.toThrow();
    const refused = await postAsk(server.url, { question: "hello" }, { origin: "https://evil.example" });
    expect(refused.status).toBe(403);
    const allowed = await postAsk(server.url, { question: "hello" }, { origin: "http://localhost:5173" });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
  });

  it("enforces ALLOWED_ORIGINS: listed origins pass, localhost no longer does", async () => {
    server = await startTestServer(undefined, { allowedOrigins: ["https://shop.example"] });
    (await connect(server.url, { extraHeaders: { origin: "https://shop.example" } })).disconnect();
    (await connect(server.url, { extraHeaders: { origin: `http://127.0.0.1:${server.port}` } })).disconnect();
    await expect(connect(server.url, { extraHeaders: { origin: "http://localhost:5173" } })).rejects.toThrow();
    await expect(connect(server.url, { extraHeaders: { origin: "https://shop.example.evil.example" } })).rejects.toThrow();
    const preflight = await fetch(`${server.url}/api/ask`, {
      method: "OPTIONS",
      headers: { origin: "https://shop.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://shop.example");
    expect((await postAsk(server.url, { question: "hello" }, { origin: "https://other.example" })).status).toBe(403);
  });
});
