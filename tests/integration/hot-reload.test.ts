import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FESTIVAL, TRAM, ask, documentText, postAsk, startTestServer, waitFor, type TestServer } from "../support/server.ts";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.dispose();
  server = undefined;
});

const TICKET = "How much does a tram ticket cost?";

async function answerTo(question: string): Promise<{ kind: string; answer: string }> {
  return (await postAsk(server!.url, { question })).body;
}

function tramWithPrice(price: string): string {
  return documentText({
    paragraphs: ["The Green Line tram of Brackenridge opened on 3 March 2021."],
    faqs: [
      ["When did the Green Line tram open?", "The Green Line opened on 3 March 2021."],
      [TICKET, `A single tram ticket costs ${price}.`],
    ],
  });
}

describe("hot reload of the data folder", () => {
  it("serves the new answer after a file is edited", async () => {
    server = await startTestServer({ "tram.txt": tramWithPrice("2 euros"), "festival.txt": FESTIVAL });
    expect((await answerTo(TICKET)).answer).toBe("A single tram ticket costs 2 euros.");
    await writeFile(path.join(server.dataDir, "tram.txt"), tramWithPrice("3 euros"));
    await waitFor(async () => (await answerTo(TICKET)).answer === "A single tram ticket costs 3 euros.", 5_000, "the edited answer");
    // The socket path reads the same swapped knowledge base.
    const socket = await server.connect();
    const streamed = await ask(socket, { text: TICKET });
    expect(streamed.chunks.join("")).toBe("A single tram ticket costs 3 euros.");
    const health = await (await fetch(`${server.url}/healthz`)).json();
    expect(health.version).toBeGreaterThan(1);
  });

  it("answers from an added file and stops answering from a removed one", async () => {
    server = await startTestServer({ "tram.txt": TRAM });
    expect((await answerTo("Who builds the lanterns?")).kind).toBe("fallback");
    await writeFile(path.join(server.dataDir, "festival.txt"), FESTIVAL);
    await waitFor(async () => (await answerTo("Who builds the lanterns?")).kind === "faq", 5_000, "the added document");
    expect((await postAsk(server.url, { question: "Who builds the lanterns?", doc: "festival" })).status).toBe(200);
    await rm(path.join(server.dataDir, "festival.txt"));
    await waitFor(async () => (await postAsk(server!.url, { question: "hello", doc: "festival" })).status === 404, 5_000, "the removal");
    expect((await answerTo("Who builds the lanterns?")).kind).toBe("fallback");
    expect((await answerTo(TICKET)).kind).toBe("faq");
  });

  it("reports a broken file with file and line and keeps serving its last good version", async () => {
    server = await startTestServer({ "tram.txt": tramWithPrice("2 euros"), "festival.txt": FESTIVAL });
    const broken = tramWithPrice("4 euros") + "\nA: an answer that follows an answer\n";
    await writeFile(path.join(server.dataDir, "tram.txt"), broken);
    const report = await waitFor(
      () => server!.logLines.map((line) => JSON.parse(line)).find((entry) => entry.msg === "document not reloaded"),
      5_000,
      "the parse error to be logged",
    );
    expect(report).toMatchObject({ file: "tram.txt", keptLastGood: true });
    expect(report.line).toBeGreaterThan(0);
    expect(typeof report.reason).toBe("string");
    expect((await answerTo(TICKET)).answer).toBe("A single tram ticket costs 2 euros.");
    // Fixing the file right after (within chokidar's 50 ms change throttle) brings the new version in.
    await writeFile(path.join(server.dataDir, "tram.txt"), tramWithPrice("5 euros"));
    await waitFor(async () => (await answerTo(TICKET)).answer === "A single tram ticket costs 5 euros.", 5_000, "the fixed file");
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/faqbot_knowledge_reloads_total\{result="error"\} 1/);
  });

  it("loses no question asked while files change", async () => {
    server = await startTestServer({ "tram.txt": tramWithPrice("2 euros"), "festival.txt": FESTIVAL }, {
      rateLimits: { connection: { perSecond: 10_000, burst: 10_000 }, ip: { perSecond: 10_000, burst: 10_000 } },
    });
    const socket = await server.connect();
    const asked: Array<ReturnType<typeof ask>> = [];
    for (let round = 0; round < 10; round++) {
      await writeFile(path.join(server.dataDir, "tram.txt"), tramWithPrice(`${round} euros`));
      for (let i = 0; i < 10; i++) asked.push(ask(socket, { text: TICKET }));
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    const results = await Promise.all(asked);
    expect(results).toHaveLength(100);
    for (const result of results) {
      expect(result.ack.ok).toBe(true);
      expect(result.answer?.answer).toMatch(/^A single tram ticket costs \d euros\.$/);
      expect(result.chunks.join("")).toBe(result.answer?.answer);
    }
  });
});
