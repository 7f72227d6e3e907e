/**
 * Process entry (`npm start`): configuration from the environment and argv → load → serve →
 * print the URL; graceful shutdown on SIGTERM/SIGINT. Only wiring: the server is
 * `startServer` (server/http/server.ts).
 *
 *   PORT=8080 DATA_DIR=docs npm start
 *   npm start -- --port 8080 --host 0.0.0.0 --data docs
 *
 * The URL goes to stdout, alone on its line; logs (JSON, pino) go to stderr.
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pino from "pino";
import { FaqbotError } from "./errors.ts";
import { DEFAULT_DRAIN_TIMEOUT_MS, startServer, type RunningServer, type ServerOptions } from "./http/server.ts";
import { parseAllowedOrigins } from "./http/origins.ts";
import { DEFAULT_RATE_LIMITS } from "./chat/rate-limit.ts";
import { DEFAULT_PACE_MS } from "./chat/stream.ts";
import { DEFAULT_ANSWER_CACHE_SIZE } from "./chat/answering.ts";

/** Extra time after the drain timeout before a stuck shutdown gives up (exit 1). */
const SHUTDOWN_GRACE_MS = 5_000;

export class ConfigError extends FaqbotError {
  override name = "ConfigError";
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a number between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function booleanFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

/** Server options from the environment (see README, Configuration). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  let allowedOrigins;
  try {
    allowedOrigins = parseAllowedOrigins(env.ALLOWED_ORIGINS);
  } catch (error) {
    throw new ConfigError(`ALLOWED_ORIGINS: ${(error as Error).message}`);
  }
  return {
    dataDir: env.DATA_DIR?.trim() || "data",
    port: numberFrom(env, "PORT", 3000, 0, 65535),
    host: env.HOST?.trim() || "127.0.0.1",
    paceMs: numberFrom(env, "PACE_MS", DEFAULT_PACE_MS, 0, 10_000),
    allowedOrigins,
    rateLimits: {
      connection: {
        perSecond: numberFrom(env, "RATE_LIMIT_CONNECTION_PER_SECOND", DEFAULT_RATE_LIMITS.connection.perSecond),
        burst: numberFrom(env, "RATE_LIMIT_CONNECTION_BURST", DEFAULT_RATE_LIMITS.connection.burst, 1),
      },
      ip: {
        perSecond: numberFrom(env, "RATE_LIMIT_IP_PER_SECOND", DEFAULT_RATE_LIMITS.ip.perSecond),
        burst: numberFrom(env, "RATE_LIMIT_IP_BURST", DEFAULT_RATE_LIMITS.ip.burst, 1),
      },
    },
    drainTimeoutMs: numberFrom(env, "DRAIN_TIMEOUT_MS", DEFAULT_DRAIN_TIMEOUT_MS, 0, 600_000),
    feedbackFile: env.FEEDBACK_FILE?.trim() || undefined,
    trustProxy: booleanFrom(env, "TRUST_PROXY", false),
    watch: booleanFrom(env, "WATCH", true),
    answerCacheSize: numberFrom(env, "ANSWER_CACHE_SIZE", DEFAULT_ANSWER_CACHE_SIZE, 0, 1_000_000),
  };
}

/**
 * Starts the server with `overrides` on top of the environment's configuration, prints the
 * URL and installs the SIGTERM/SIGINT handlers (graceful shutdown, then exit 0). Resolves
 * once the server is listening. Used by `npm start` and `cli serve`.
 */
export async function runServer(overrides: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const config = { ...configFromEnv(), ...overrides };
  const logger = pino({ name: "faqbot", level: process.env.LOG_LEVEL?.trim() || "info" }, pino.destination(2));
  const server = await startServer({ ...config, logger });
  process.stdout.write(`${server.url}\n`);

  let signals = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    signals++;
    if (signals > 1) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    logger.info({ signal }, "shutting down");
    const deadline = setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, (config.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS) + SHUTDOWN_GRACE_MS);
    deadline.unref();
    server.close().then(
      () => {
        logger.flush();
        process.exit(0);
      },
      (error) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  return server;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      data: { type: "string" },
    },
  });
  const overrides: Partial<ServerOptions> = {};
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port must be 0..65535, got "${values.port}"`);
    overrides.port = port;
  }
  if (values.host !== undefined) overrides.host = values.host;
  if (values.data !== undefined) overrides.dataDir = values.data;
  await runServer(overrides);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    const known = error instanceof FaqbotError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    const listen = (error as NodeJS.ErrnoException).code === "EADDRINUSE" || (error as NodeJS.ErrnoException).code === "EACCES";
    process.stderr.write(`faqbot: ${known || listen ? (error as Error).message : (error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
