import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { FESTIVAL, LONG_ANSWER, STORY, TRAM, ask, connect, makeDataDir, startTestServer, type TestServer } from "../support/server.ts";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.dispose();
  server = undefined;
});

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const files = { "tram.txt": TRAM, "festival.txt": FESTIVAL, "story.txt": STORY };

describe("graceful shutdown", () => {
  it("finishes a stream in flight, refuses new questions, then disconnects", async () => {
    server = await startTestServer(files, { paceMs: 5 });
    const socket = await server.connect();
    const late = await server.connect();
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
    const firstChunk = new Promise<void>((resolve) => socket.once("answer:chunk", () => resolve()));
    const streaming = ask(socket, { text: "Tell me the long story?" });
    await firstChunk;
    const closed = server.close();
    const refused = await ask(late, { text: "When did the Green Line tram open?" });
    expect(refused.ack.ok === false && refused.ack.error.code).toBe("shutting_down");
    const result = await streaming;
    expect(result.chunks.join("")).toBe(LONG_ANSWER);
    expect(result.answer?.answer).toBe(LONG_ANSWER);
    await closed;
    // A transport close (not "io server disconnect"): clients reconnect to the next instance.
    expect(await disconnected).toBe("transport close");
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    await expect(connect(server.url)).rejects.toThrow();
  });

  it("bounds the wait: after the drain timeout, streams are sent at once and still end", async () => {
    // 61 words at 200 ms would take 12 s; the drain timeout is 100 ms.
    server = await startTestServer(files, { paceMs: 200, drainTimeoutMs: 100 });
    const socket = await server.connect();
    const firstChunk = new Promise<void>((resolve) => socket.once("answer:chunk", () => resolve()));
    const streaming = ask(socket, { text: "Tell me the long story?" });
    await firstChunk;
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    const result = await streaming;
    expect(result.chunks.join("")).toBe(LONG_ANSWER);
    expect(server.activeStreams).toBe(0);
  });

  it("does not wait 30 s for a websocket peer that never answers the closing handshake", async () => {
    server = await startTestServer(files);
    const { port } = new URL(server.url);
    // A raw websocket upgrade, then silence: no pong, no close frame, ever.
    const peer = net.connect(Number(port), "127.0.0.1");
    const upgraded = new Promise<void>((resolve, reject) => {
      peer.once("data", (data) => (data.toString("latin1").startsWith("HTTP/1.1 101") ? resolve() : reject(new Error(data.toString("latin1")))));
      peer.once("error", reject);
    });
    peer.write(
      "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
    );
    peer.on("data", () => {}); // read and ignore everything the server sends
    await upgraded;
    const peerClosed = new Promise<void>((resolve) => peer.once("close", () => resolve()));
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(10_000);
    await peerClosed;
  }, 20_000);
});

describe("the npm start process", () => {
  function run(env: Record<string, string>, args: string[] = []) {
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (data) => (stdout += data));
    child.stderr.on("data", (data) => (stderr += data));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    exited.finally(() => clearTimeout(killer));
    return { child, exited, out: () => stdout, err: () => stderr };
  }

  it("prints the URL, serves, and exits 0 on SIGTERM", async () => {
    const dataDir = await makeDataDir(files);
    try {
      const proc = run({ DATA_DIR: dataDir, PACE_MS: "0" });
      const deadline = Date.now() + 15_000;
      while (!/^http:\/\/\S+\n/.test(proc.out()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      const url = proc.out().trim();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      const socket = await connect(url);
      const answered = await ask(socket, { text: "Who builds the lanterns?" });
      expect(answered.answer?.kind).toBe("faq");
      proc.child.kill("SIGTERM");
      expect(await proc.exited).toBe(0);
      socket.disconnect();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("exits non-zero with a clear message when the data folder is missing or empty", async () => {
    const missing = path.join(tmpdir(), "faqbot-it-does-not-exist");
    const proc = run({ DATA_DIR: missing });
    expect(await proc.exited).not.toBe(0);
    expect(proc.err()).toContain(`data folder "${missing}" does not exist`);
    expect(proc.out()).toBe("");

    const empty = await makeDataDir({});
    try {
      const second = run({}, ["--data", empty]);
      expect(await second.exited).not.toBe(0);
      expect(second.err()).toContain("holds no loadable .txt document");
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
