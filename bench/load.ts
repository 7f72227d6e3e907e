/**
 * Load benchmark of the realtime server (socket.io), against a bare socket.io server that
 * answers every `ask` with a fixed string, as the ceiling. Loopback only; every phase is
 * bounded in count and time; both servers run at pace 0 in child processes of their own,
 * and the clients in another child, so each side has its own event loop and RSS.
 *
 *   npm run bench:load                                     # 100 and 1,000 clients
 *   npm run bench:load -- --clients 100,1000,5000 --rate 1000 --seconds 10
 *   npm run bench:load -- --data DIR --json                # one JSON object per scenario
 *   npm run bench:load -- --cache 0                        # no answer cache: the core on every question
 *
 * Per scenario (N clients, then both servers):
 * - open loop: the clients together ask `--rate` questions/s for `--seconds` s;
 *   first-chunk and full-answer latency p50/p99, answered/s, errors, lost answers;
 * - closed loop (throughput): every client keeps one question in flight for `--seconds` s;
 *   answered/s is the server's throughput at that concurrency.
 * "Lost" counts questions not ended within the grace period (20 s after the sending
 * phase), or whose chunks did not concatenate to the answer. Server RSS is the peak sampled during the scenario.
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Server } from "socket.io";
import { io as connectClient, type Socket } from "socket.io-client";
import pino from "pino";

const THIS_FILE = fileURLToPath(import.meta.url);

/** Hard bounds, whatever the flags say. */
const MAX_CLIENTS = 10_000;
const MAX_SECONDS = 60;
const MAX_RATE = 20_000;
const CONNECT_TIMEOUT_MS = 60_000;
/** After the sending phase, how long answers may still arrive before they count as lost. */
const GRACE_MS = 20_000;
/** Connections opened at once while connecting N clients. */
const CONNECT_BATCH = 250;
/** How often the open-loop scheduler sends (it catches up to the exact rate each tick). */
const TICK_MS = 5;

// ---------------------------------------------------------------------------------------
// Role: server (faqbot or bare), in its own process. Prints its URL; answers "rss" on IPC.
// ---------------------------------------------------------------------------------------

async function runServerRole(kind: string, dataDir: string, fixedAnswer: string, cacheSize: string): Promise<void> {
  let url: string;
  let close: () => Promise<void>;
  if (kind === "faqbot") {
    const { startServer } = await import("../server/http/server.ts");
    const server = await startServer({
      dataDir,
      port: 0,
      host: "127.0.0.1",
      paceMs: 0,
      ...(cacheSize !== "" ? { answerCacheSize: Number(cacheSize) } : {}),
      // The limits are checked on every question, but set so they never trip: all clients share one IP.
      rateLimits: { connection: { perSecond: 1e6, burst: 1e6 }, ip: { perSecond: 1e6, burst: 1e6 } },
      // One log line per question, as in production, written to /dev/null.
      logger: pino({ level: "info" }, pino.destination({ dest: "/dev/null", sync: true })),
    });
    url = server.url;
    close = () => server.close();
  } else {
    const httpServer = http.createServer();
    const io = new Server(httpServer, { serveClient: false });
    const chunks = fixedAnswer.match(/\s*\S+\s*/gy) ?? [fixedAnswer];
    const answer = { question: "", kind: "faq", answer: fixedAnswer, confidence: 1, sources: [], suggestions: [] };
    io.on("connection", (socket) => {
      socket.on("ask", (payload: { id: string }, ack: (response: unknown) => void) => {
        ack({ ok: true });
        socket.emit("answer:start", { id: payload.id, kind: "faq" });
        for (const text of chunks) socket.emit("answer:chunk", { id: payload.id, text });
        socket.emit("answer:end", { id: payload.id, answer });
      });
    });
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    close = () => io.close();
  }
  process.on("message", (message: { type: string }) => {
    if (message.type === "rss") process.send!({ type: "rss", rss: process.memoryUsage().rss });
    if (message.type === "stop") void close().finally(() => process.exit(0));
  });
  process.stdout.write(`${url}\n`);
}

// ---------------------------------------------------------------------------------------
// Role: clients, in their own process. Receives one job on IPC, sends back raw figures.
// ---------------------------------------------------------------------------------------

interface ClientJob {
  url: string;
  clients: number;
  mode: "open" | "closed";
  rate: number;
  seconds: number;
  questions: string[];
}

interface ClientResult {
  connected: number;
  connectErrors: number;
  connectMs: number;
  sent: number;
  answered: number;
  errors: number;
  errorCodes: Record<string, number>;
  lost: number;
  mismatched: number;
  durationMs: number;
  firstChunkMs: number[];
  fullMs: number[];
}

interface Pending {
  sentAt: number;
  firstAt: number;
  text: string;
}

async function runClientRole(job: ClientJob): Promise<ClientResult> {
  const result: ClientResult = {
    connected: 0,
    connectErrors: 0,
    connectMs: 0,
    sent: 0,
    answered: 0,
    errors: 0,
    errorCodes: {},
    lost: 0,
    mismatched: 0,
    durationMs: 0,
    firstChunkMs: [],
    fullMs: [],
  };
  const sockets: Socket[] = [];
  const pending = new Map<string, Pending>();
  let sequence = 0;
  let sending = true;
  let onAnswered: (socket: Socket) => void = () => {};

  const ask = (socket: Socket) => {
    const id = `${++sequence}`;
    const question = job.questions[sequence % job.questions.length]!;
    pending.set(id, { sentAt: performance.now(), firstAt: 0, text: "" });
    result.sent++;
    socket.emit("ask", { id, text: question }, (ack: { ok: boolean; error?: { code: string } }) => {
      if (ack.ok) return;
      pending.delete(id);
      result.errors++;
      const code = ack.error?.code ?? "unknown";
      result.errorCodes[code] = (result.errorCodes[code] ?? 0) + 1;
      if (sending) onAnswered(socket);
    });
  };

  const started = performance.now();
  for (let offset = 0; offset < job.clients && performance.now() - started < CONNECT_TIMEOUT_MS; offset += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, job.clients - offset) }, () => {
      const socket = connectClient(job.url, { transports: ["websocket"], forceNew: true, reconnection: false, timeout: 20_000 });
      socket.on("answer:chunk", ({ id, text }: { id: string; text: string }) => {
        const entry = pending.get(id);
        if (!entry) return;
        if (entry.firstAt === 0) entry.firstAt = performance.now();
        entry.text += text;
      });
      socket.on("answer:end", ({ id, answer }: { id: string; answer: { answer: string } }) => {
        const entry = pending.get(id);
        if (!entry) return;
        pending.delete(id);
        const now = performance.now();
        if (entry.text !== answer.answer) result.mismatched++;
        result.answered++;
        result.firstChunkMs.push((entry.firstAt || now) - entry.sentAt);
        result.fullMs.push(now - entry.sentAt);
        if (sending) onAnswered(socket);
      });
      return new Promise<void>((resolve) => {
        socket.once("connect", () => {
          result.connected++;
          sockets.push(socket);
          resolve();
        });
        socket.once("connect_error", () => {
          result.connectErrors++;
          socket.close();
          resolve();
        });
      });
    });
    await Promise.all(batch);
  }
  result.connectMs = performance.now() - started;

  // Warm-up (not measured): JIT and caches of both sides, one question per socket, up to 2 s.
  const warmupEnd = performance.now() + 2_000;
  const warm = sockets.slice(0, 500);
  for (let round = 0; round < 3 && performance.now() < warmupEnd; round++) {
    await Promise.all(
      warm.map(
        (socket) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, Math.max(0, warmupEnd - performance.now()));
            socket.emit("ask", { id: `warm-${round}`, text: job.questions[round % job.questions.length] }, () => {});
            socket.once("answer:end", () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 200));

  const sendStart = performance.now();
  const sendEnd = sendStart + job.seconds * 1000;
  if (sockets.length > 0) {
    if (job.mode === "closed") {
      onAnswered = (socket) => {
        if (performance.now() < sendEnd) ask(socket);
        else sending = false;
      };
      for (const socket of sockets) ask(socket);
      await new Promise((resolve) => setTimeout(resolve, job.seconds * 1000));
      sending = false;
    } else {
      let next = 0;
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          const now = performance.now();
          const due = Math.floor(((Math.min(now, sendEnd) - sendStart) / 1000) * job.rate);
          while (result.sent < due) ask(sockets[next++ % sockets.length]!);
          if (now >= sendEnd) {
            clearInterval(timer);
            resolve();
          }
        }, TICK_MS);
      });
      sending = false;
    }
  }
  result.durationMs = performance.now() - sendStart;
  const graceEnd = performance.now() + GRACE_MS;
  while (pending.size > 0 && performance.now() < graceEnd) await new Promise((resolve) => setTimeout(resolve, 20));
  result.lost = pending.size + result.mismatched;
  for (const socket of sockets) socket.close();
  return result;
}

// ---------------------------------------------------------------------------------------
// Role: orchestrator (default).
// ---------------------------------------------------------------------------------------

function child(args: string[]): ChildProcess {
  // Raise the soft open-files limit to the hard one for this child only (5,000 sockets each side).
  return spawn("/bin/sh", ["-c", 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"', "sh", process.execPath, "--import", "tsx", THIS_FILE, ...args], {
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    }),
  ]);
}

async function startServerChild(kind: string, dataDir: string, fixedAnswer: string, cacheSize: string) {
  const proc = child(["--role", "server", "--kind", kind, "--data", dataDir, "--fixed", fixedAnswer, "--cache", cacheSize]);
  const url = await withTimeout(
    new Promise<string>((resolve, reject) => {
      let out = "";
      proc.stdout!.on("data", (data) => {
        out += data;
        const line = out.split("\n").find((l) => l.startsWith("http://"));
        if (line) resolve(line.trim());
      });
      proc.once("exit", (code) => reject(new Error(`${kind} server exited (${code}) before printing its URL`)));
    }),
    30_000,
    `starting the ${kind} server`,
  );
  let peakRss = 0;
  proc.on("message", (message: { type: string; rss: number }) => {
    if (message.type === "rss") peakRss = Math.max(peakRss, message.rss);
  });
  const sampler = setInterval(() => proc.connected && proc.send({ type: "rss" }), 250);
  return {
    url,
    peakRss: () => peakRss,
    async stop() {
      clearInterval(sampler);
      if (proc.connected) proc.send({ type: "stop" });
      const exited = new Promise((resolve) => proc.once("exit", resolve));
      await withTimeout(exited, 15_000, "stopping the server").catch(() => proc.kill("SIGKILL"));
    },
  };
}

async function runClients(job: ClientJob): Promise<ClientResult> {
  const proc = child(["--role", "clients"]);
  const done = new Promise<ClientResult>((resolve, reject) => {
    proc.once("message", (message: ClientResult) => resolve(message));
    proc.once("exit", (code) => reject(new Error(`client process exited (${code}) without a result`)));
  });
  proc.send(job);
  try {
    return await withTimeout(done, CONNECT_TIMEOUT_MS + job.seconds * 1000 + GRACE_MS + 30_000, "the client run");
  } finally {
    proc.kill();
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Row {
  clients: number;
  server: string;
  mode: string;
  connected: number;
  answeredPerSecond: number;
  firstP50: number;
  firstP99: number;
  fullP50: number;
  fullP99: number;
  errors: number;
  lost: number;
  rssMb: number;
}

function summarize(clients: number, server: string, mode: string, result: ClientResult, rss: number): Row {
  return {
    clients,
    server,
    mode,
    connected: result.connected,
    answeredPerSecond: Math.round(result.answered / (result.durationMs / 1000)),
    firstP50: percentile(result.firstChunkMs, 50),
    firstP99: percentile(result.firstChunkMs, 99),
    fullP50: percentile(result.fullMs, 50),
    fullP99: percentile(result.fullMs, 99),
    errors: result.errors + result.connectErrors,
    lost: result.lost,
    rssMb: Math.round(rss / 1024 / 1024),
  };
}

async function orchestrate(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clients: { type: "string", default: "100,1000" },
      rate: { type: "string", default: "1000" },
      seconds: { type: "string", default: "10" },
      data: { type: "string", default: "data" },
      json: { type: "boolean", default: false },
      /** faqbot's answer cache size (default: the server's default; 0 measures the core on every question). */
      cache: { type: "string", default: "" },
    },
  });
  const clientCounts = values.clients.split(",").map(Number);
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  if (clientCounts.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_CLIENTS)) throw new Error(`--clients: integers 1..${MAX_CLIENTS}`);
  if (!(rate > 0 && rate <= MAX_RATE)) throw new Error(`--rate: 1..${MAX_RATE}`);
  if (!(seconds > 0 && seconds <= MAX_SECONDS)) throw new Error(`--seconds: 1..${MAX_SECONDS}`);

  const { loadDocuments } = await import("../server/knowledge/load.ts");
  const { documents } = await loadDocuments(values.data);
  const faqs = documents.flatMap((document) => document.faqs);
  if (faqs.length === 0) throw new Error(`no FAQ in ${values.data}`);
  // Mostly exact FAQ questions, plus small talk and an unrelated question (a fallback).
  const questions = [...faqs.map((faq) => faq.question), "hello", "What is the boiling point of mercury on Jupiter?"];
  // The bare server's fixed string: as many words as the average FAQ answer (the same number of chunks).
  const averageWords = Math.round(faqs.reduce((sum, faq) => sum + faq.answer.split(/\s+/).length, 0) / faqs.length);
  const fixedAnswer = Array.from({ length: averageWords }, (_, i) => `word${i}`).join(" ");

  const loadAtStart = loadavg()[0]!;
  const rows: Row[] = [];
  for (const clients of clientCounts) {
    for (const kind of ["bare", "faqbot"]) {
      for (const mode of ["open", "closed"] as const) {
        const server = await startServerChild(kind, values.data, fixedAnswer, values.cache);
        try {
          const result = await runClients({ url: server.url, clients, mode, rate, seconds, questions });
          const row = summarize(clients, kind, mode === "open" ? `${rate}/s` : "max", result, server.peakRss());
          rows.push(row);
          if (values.json) process.stdout.write(`${JSON.stringify({ ...row, errorCodes: result.errorCodes, connectMs: Math.round(result.connectMs) })}\n`);
          else process.stderr.write(`done: ${clients} clients, ${kind}, ${row.mode}: ${row.answeredPerSecond}/s, lost ${row.lost}\n`);
        } finally {
          await server.stop();
        }
      }
    }
  }
  if (values.json) return;
  const f = (n: number) => (Number.isNaN(n) ? "–" : n < 10 ? n.toFixed(1) : Math.round(n).toString());
  const lines = [
    "| clients | server | load | connected | answered/s | first chunk p50 / p99 (ms) | full answer p50 / p99 (ms) | errors | lost | server RSS (MB) |",
    "|---:|---|---|---:|---:|---|---|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.clients} | ${r.server} | ${r.mode} | ${r.connected} | ${r.answeredPerSecond} | ${f(r.firstP50)} / ${f(r.firstP99)} | ${f(r.fullP50)} / ${f(r.fullP99)} | ${r.errors} | ${r.lost} | ${r.rssMb} |`,
    ),
  ];
  const ratios = clientCounts.map((clients) => {
    const bare = rows.find((r) => r.clients === clients && r.server === "bare" && r.mode === "max");
    const ours = rows.find((r) => r.clients === clients && r.server === "faqbot" && r.mode === "max");
    return bare && ours ? `${clients} clients: faqbot ${ours.answeredPerSecond}/s = ${Math.round((100 * ours.answeredPerSecond) / bare.answeredPerSecond)}% of bare` : "";
  });
  const [load1] = loadavg();
  process.stdout.write(
    `${lines.join("\n")}\n\nThroughput (closed loop): ${ratios.filter(Boolean).join("; ")}\n` +
      `Machine: ${cpus().length} CPUs, load average ${loadAtStart.toFixed(1)} at start, ${load1!.toFixed(1)} at end ` +
      `(other processes compete with the servers and the clients when it is above ~1).\n`,
  );
}

// ---------------------------------------------------------------------------------------

const roleIndex = process.argv.indexOf("--role");
const role = roleIndex > 0 ? process.argv[roleIndex + 1] : undefined;
if (role === "server") {
  const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1] ?? "";
  await runServerRole(arg("--kind"), arg("--data"), arg("--fixed"), arg("--cache"));
} else if (role === "clients") {
  process.once("message", (job: ClientJob) => {
    runClientRole(job).then(
      (result) => process.send!(result, () => process.exit(0)),
      (error) => {
        process.stderr.write(`clients: ${(error as Error).stack}\n`);
        process.exit(1);
      },
    );
  });
} else {
  await orchestrate();
}
