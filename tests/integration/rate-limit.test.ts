import { afterEach, describe, expect, it } from "vitest";
import { TokenBucket } from "../../server/chat/rate-limit.ts";
import { ask, postAsk, startTestServer, waitFor, type TestServer } from "../support/server.ts";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.dispose();
  server = undefined;
});

const question = { text: "When did the Green Line tram open?" };

describe("token bucket", () => {
  it("allows the burst, then one request per refill interval, and says when to retry", () => {
    let now = 0;
    const bucket = new TokenBucket({ perSecond: 2, burst: 3 }, () => now);
    expect([bucket.take(), bucket.take(), bucket.take()].every((r) => r.ok)).toBe(true);
    expect(bucket.take()).toEqual({ ok: false, retryAfterMs: 500 });
    now = 499;
    expect(bucket.take().ok).toBe(false);
    now = 500;
    expect(bucket.take().ok).toBe(true);
    now = 10_000;
    expect(bucket.isFull).toBe(true);
  });
});

describe("rate limits", () => {
  it("refuses questions over the per-connection limit with rate_limited and a retry-after, then recovers", async () => {
    server = await startTestServer(undefined, { rateLimits: { connection: { perSecond: 2, burst: 3 }, ip: { perSecond: 1000, burst: 1000 } } });
    const socket = await server.connect();
    const results = await Promise.all([1, 2, 3, 4].map(() => ask(socket, question)));
    expect(results.slice(0, 3).every((r) => r.ack.ok)).toBe(true);
    const refused = results[3]!.ack;
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe("rate_limited");
    expect(refused.error.retryAfterMs).toBeGreaterThan(0);
    expect(refused.error.retryAfterMs).toBeLessThanOrEqual(500);
    // Another connection of the same IP is not affected by this connection's limit.
    const other = await server.connect();
    expect((await ask(other, question)).ack.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, refused.error.retryAfterMs));
    expect((await ask(socket, question)).ack.ok).toBe(true);
  });

  it("shares the per-IP limit across the connections of one IP and POST /api/ask", async () => {
    server = await startTestServer(undefined, { rateLimits: { connection: { perSecond: 1000, burst: 1000 }, ip: { perSecond: 0.5, burst: 4 } } });
    const a = await server.connect();
    const b = await server.connect();
    expect((await ask(a, question)).ack.ok).toBe(true);
    expect((await ask(b, question)).ack.ok).toBe(true);
    expect((await postAsk(server.url, { question: question.text })).status).toBe(200);
    expect((await ask(a, question)).ack.ok).toBe(true);
    const refusedSocket = (await ask(b, question)).ack;
    expect(refusedSocket.ok === false && refusedSocket.error.code).toBe("rate_limited");
    const refusedHttp = await postAsk(server.url, { question: question.text });
    expect(refusedHttp.status).toBe(429);
    expect(refusedHttp.body.error.code).toBe("rate_limited");
    expect(refusedHttp.body.error.retryAfterMs).toBeGreaterThan(0);
    expect(Number(refusedHttp.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/faqbot_rejected_total\{code="rate_limited",channel="socket"\} 1/);
    expect(metrics).toMatch(/faqbot_rejected_total\{code="rate_limited",channel="http"\} 1/);
  });

  it("applies the limit to unknown events too, so junk cannot flood the server", async () => {
    server = await startTestServer(undefined, { rateLimits: { connection: { perSecond: 0.1, burst: 2 }, ip: { perSecond: 1000, burst: 1000 } } });
    const socket = await server.connect();
    const codes: string[] = [];
    socket.on("error", (error) => codes.push(error.code));
    for (let i = 0; i < 4; i++) (socket as any).emit("junk", i);
    await waitFor(() => codes.length === 4, 2_000, "four error events");
    expect(codes).toEqual(["unknown_event", "unknown_event", "rate_limited", "rate_limited"]);
  });
});
