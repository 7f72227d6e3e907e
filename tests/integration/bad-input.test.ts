import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_QUESTION_LENGTH, type ProtocolError } from "../../server/chat/protocol.ts";
import { ask, emitWithAck, startTestServer, waitFor, type ClientSocket, type TestServer } from "../support/server.ts";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.dispose();
  server = undefined;
});

/** Bad inputs must not be throttled in these tests: every one is checked for its own code. */
const generous = { rateLimits: { connection: { perSecond: 1000, burst: 1000 }, ip: { perSecond: 1000, burst: 1000 } } };

async function stillAnswers(socket: ClientSocket): Promise<void> {
  const result = await ask(socket, { text: "When did the Green Line tram open?" });
  expect(result.ack).toEqual({ ok: true });
  expect(result.answer?.kind).toBe("faq");
}

function errorOf(ack: unknown): ProtocolError {
  const value = ack as { ok: boolean; error?: ProtocolError };
  expect(value.ok).toBe(false);
  expect(typeof value.error?.message).toBe("string");
  expect(value.error!.message.length).toBeGreaterThan(0);
  return value.error!;
}

describe("bad input on the socket", () => {
  const cases: Array<[name: string, payload: unknown, code: ProtocolError["code"]]> = [
    ["a payload that is not an object", "just a string", "invalid_payload"],
    ["a null payload", null, "invalid_payload"],
    ["a missing text", { id: "a1" }, "invalid_payload"],
    ["a non-string text", { id: "a2", text: 42 }, "invalid_payload"],
    ["a text that is an object", { id: "a3", text: { toString: "x" } }, "invalid_payload"],
    ["a missing id", { text: "hello" }, "invalid_payload"],
    ["an id that is too long", { id: "x".repeat(65), text: "hello" }, "invalid_payload"],
    ["a non-string doc", { id: "a4", text: "hello", doc: 7 }, "invalid_payload"],
    ["an empty text", { id: "a5", text: "" }, "empty_question"],
    ["a text of white space", { id: "a6", text: " \n\t " }, "empty_question"],
    ["a text over the length limit", { id: "a7", text: "why ".repeat(MAX_QUESTION_LENGTH) }, "question_too_long"],
    ["binary data as text", { id: "a8", text: Buffer.from([0, 1, 2, 255]) }, "invalid_payload"],
    ["control characters in the text", { id: "a9", text: "hello\u0000\u0007world" }, "invalid_payload"],
    ["an unknown document", { id: "a10", text: "hello", doc: "nope" }, "unknown_document"],
  ];

  it.each(cases)("acks %s with an error code and keeps the connection usable", async (_name, payload, code) => {
    server ??= await startTestServer(undefined, generous);
    const socket = await server.connect();
    const ack = await emitWithAck(socket, "ask", payload);
    expect(errorOf(ack).code).toBe(code);
    expect(socket.connected).toBe(true);
    await stillAnswers(socket);
  });

  it("accepts a question of exactly the length limit", async () => {
    server = await startTestServer(undefined, generous);
    const socket = await server.connect();
    const text = "a".repeat(MAX_QUESTION_LENGTH);
    const result = await ask(socket, { text });
    expect(result.ack).toEqual({ ok: true });
  });

  it("sends an error event for an ask without ack, and still answers", async () => {
    server = await startTestServer(undefined, generous);
    const socket = await server.connect();
    const error = new Promise<ProtocolError>((resolve) => socket.once("error", resolve));
    (socket as any).emit("ask", { id: "no-ack", text: "" });
    expect((await error).code).toBe("empty_question");
    await stillAnswers(socket);
  });

  it("answers an unknown event with an error event, and with an error ack when one is given", async () => {
    server = await startTestServer(undefined, generous);
    const socket = await server.connect();
    const errorEvent = new Promise<ProtocolError>((resolve) => socket.once("error", resolve));
    (socket as any).emit("delete-everything", { now: true });
    expect((await errorEvent).code).toBe("unknown_event");
    const ack = await emitWithAck(socket, "answer:start", { id: "x" });
    expect(errorOf(ack).code).toBe("unknown_event");
    await stillAnswers(socket);
  });

  it("validates feedback, acks valid feedback and appends it to the feedback file", async () => {
    server = await startTestServer(undefined, { ...generous, feedbackFile: path.join(tmpdir(), `faqbot-it-feedback-${process.pid}.jsonl`) });
    const socket = await server.connect();
    const answered = await ask(socket, { id: "fb1", text: "Who builds the lanterns?" });
    expect(answered.ack.ok).toBe(true);
    expect(await emitWithAck(socket, "feedback", { id: "fb1", helpful: true })).toEqual({ ok: true });
    expect(errorOf(await emitWithAck(socket, "feedback", { id: "fb1", helpful: "yes" })).code).toBe("invalid_payload");
    expect(errorOf(await emitWithAck(socket, "feedback", "nope")).code).toBe("invalid_payload");
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/faqbot_feedback_total\{helpful="true"\} 1/);
    const line = server.logLines.map((l) => JSON.parse(l)).find((entry) => entry.event === "feedback");
    expect(line).toMatchObject({ id: "fb1", helpful: true, kind: "faq", question: "Who builds the lanterns?" });
    await stillAnswers(socket);
    const file = path.join(tmpdir(), `faqbot-it-feedback-${process.pid}.jsonl`);
    await server.dispose();
    server = undefined;
    const records = (await readFile(file, "utf8")).trim().split("\n").map((line) => JSON.parse(line));
    await rm(file, { force: true });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: "fb1", helpful: true, kind: "faq", source: "festival" });
  });

  it("closes the transport of a frame over the size limit, stays up, and lets the client reconnect", async () => {
    server = await startTestServer(undefined, { ...generous, maxFrameBytes: 16 * 1024 });
    const victim = await server.connect({ reconnection: true, reconnectionDelay: 20, reconnectionDelayMax: 50 });
    const bystander = await server.connect();
    const dropped = new Promise<string>((resolve) => victim.once("disconnect", (reason) => resolve(reason)));
    victim.emit("ask", { id: "huge", text: "x".repeat(100 * 1024) }, () => {});
    expect(await dropped).toBe("transport close");
    await stillAnswers(bystander);
    await waitFor(() => victim.connected, 5_000, "the client to reconnect");
    await stillAnswers(victim);
  });

  it("writes one JSON log line per question, escaped, without the full text of long inputs", async () => {
    server = await startTestServer(undefined, generous);
    const socket = await server.connect();
    // Line breaks are allowed in a question (a pasted paragraph); they must not split a log line.
    const nasty = "red\r\n{\"level\":60,\"msg\":\"INJECTED\"}\n" + "long ".repeat(100);
    await ask(socket, { id: "nasty", text: nasty.slice(0, 480) });
    await emitWithAck(socket, "ask", { id: "control", text: "\u001b[31mred\u001b[0m" });
    await emitWithAck(socket, "ask", { id: "too-long", text: "secret ".repeat(200) });
    for (const line of server.logLines) {
      expect(() => JSON.parse(line)).not.toThrow();
      // eslint-disable-next-line no-control-regex
      expect(line).not.toMatch(/[\u0000-\u001f]/);
      expect(line).not.toContain("secret secret secret secret secret secret secret secret secret secret secret secret");
    }
    const entries = server.logLines.map((line) => JSON.parse(line));
    const question = entries.find((entry) => entry.msg === "question" && entry.id === "nasty");
    expect(question).toMatchObject({ channel: "socket", kind: expect.any(String), latencyMs: expect.any(Number), chars: nasty.slice(0, 480).trim().length });
    expect(question.question.length).toBeLessThanOrEqual(81);
    expect(entries.filter((entry) => entry.msg === "question")).toHaveLength(1);
  });
});
