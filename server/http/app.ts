/**
 * The express app: chat page and widget (static files from the client build), the REST
 * API, health and metrics. Collaborators are injected, so the app is testable alone.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from "express";
import cors from "cors";
import helmet from "helmet";
import type { Logger } from "pino";
import type { Asker } from "../chat/answering.ts";
import type { ErrorCode, ProtocolError } from "../chat/protocol.ts";
import { KeyedRateLimiter, rateLimitedError, takeBoth } from "../chat/rate-limit.ts";
import { validateHttpAsk } from "../chat/validate.ts";
import type { KnowledgeStore } from "../knowledge/watch.ts";
import type { Metrics } from "./metrics.ts";
import type { OriginPolicy } from "./origins.ts";

/** Largest JSON body accepted by the API: a question is at most 500 characters. */
export const MAX_BODY_BYTES = 16 * 1024;

/** `GET /api/faqs`: how many questions by default, and at most. */
export const DEFAULT_FAQ_LIMIT = 20;
export const MAX_FAQ_LIMIT = 500;

export const CLIENT_NOT_BUILT = "client not built: run npm run build";

const STATUS: Record<ErrorCode, number> = {
  invalid_payload: 400,
  empty_question: 400,
  question_too_long: 400,
  unknown_document: 404,
  rate_limited: 429,
  unknown_event: 400,
  not_ready: 503,
  shutting_down: 503,
  payload_too_large: 413,
  internal_error: 500,
};

export interface AppComponents {
  knowledgeStore: KnowledgeStore & { readonly version?: number };
  asker: Asker;
  metrics: Metrics;
  logger: Logger;
  originPolicy: OriginPolicy;
  /** Shared with the socket gateway. */
  ipLimiter: KeyedRateLimiter;
  /** Folder of the built client (`dist/public`): index.html, widget.js and assets. */
  publicDir: string;
  /** True once shutdown has begun: health turns 503 and questions are refused. */
  isShuttingDown: () => boolean;
  /** Honour `X-Forwarded-For` for the client IP (behind a reverse proxy). Default false. */
  trustProxy?: boolean;
}

function sendError(res: Response, error: ProtocolError): void {
  if (error.retryAfterMs !== undefined) res.setHeader("Retry-After", String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
  res.status(STATUS[error.code]).json({ error });
}

/** Only host names that can appear in a CSP source expression. */
const SAFE_HOST = /^[A-Za-z0-9.\-:[\]]+$/;

/**
 * @example
 * const app = createApp({ knowledgeStore, asker, metrics, logger, originPolicy, ipLimiter, publicDir, isShuttingDown: () => false });
 * http.createServer(app).listen(0);
 */
export function createApp(components: AppComponents): express.Express {
  const { knowledgeStore, asker, metrics, logger, originPolicy, ipLimiter, publicDir } = components;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", components.trustProxy ?? false);

  const sameHostSockets = (req: Request): string => {
    const host = req.headers.host;
    return host && SAFE_HOST.test(host) ? `ws://${host} wss://${host}` : "";
  };
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:"],
          fontSrc: ["'self'", "data:"],
          connectSrc: ["'self'", (req) => sameHostSockets(req as Request)],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: originPolicy.frameAncestors,
        },
      },
      // frame-ancestors above decides who may embed the chat page (allowed origins).
      xFrameOptions: false,
    }),
  );

  app.get("/healthz", (_req, res) => {
    const knowledge = knowledgeStore.current;
    if (components.isShuttingDown()) return void res.status(503).json({ status: "shutting_down" });
    if (!knowledge) return void res.status(503).json({ status: "loading" });
    res.json({
      status: "ok",
      documents: knowledge.documents.size,
      faqs: knowledge.faqs.length,
      ...(knowledgeStore.version !== undefined ? { version: knowledgeStore.version } : {}),
    });
  });

  app.get("/metrics", async (_req, res, next) => {
    try {
      res.setHeader("Content-Type", metrics.registry.contentType);
      res.send(await metrics.registry.metrics());
    } catch (error) {
      next(error);
    }
  });

  // --- API: origin-checked, CORS for allowed origins, JSON only ---
  const api = express.Router();
  const originGuard: RequestHandler = (req, res, next) => {
    if (originPolicy.allows(req.headers.origin, req.headers.host)) return next();
    res.status(403).json({ error: { code: "invalid_payload", message: "origin not allowed; add it to ALLOWED_ORIGINS" } });
  };
  api.use(originGuard);
  api.use(cors({ origin: true, methods: ["GET", "POST"], allowedHeaders: ["Content-Type"], maxAge: 600 }));
  api.use(express.json({ limit: MAX_BODY_BYTES, strict: true }));

  api.post("/ask", (req, res) => {
    metrics.question("http");
    if (components.isShuttingDown()) {
      metrics.rejected("http", "shutting_down");
      return sendError(res, { code: "shutting_down", message: "the server is shutting down; retry in a moment" });
    }
    const taken = takeBoth(undefined, ipLimiter, req.ip ?? "unknown");
    if (!taken.ok) {
      metrics.rejected("http", "rate_limited");
      return sendError(res, rateLimitedError(taken.retryAfterMs));
    }
    const valid = validateHttpAsk(req.body);
    if (!valid.ok) {
      metrics.rejected("http", valid.error.code);
      return sendError(res, valid.error);
    }
    const outcome = asker({ text: valid.value.question, doc: valid.value.doc, channel: "http" });
    if (!outcome.ok) return sendError(res, outcome.error);
    res.json(outcome.answer);
  });

  api.get("/faqs", (req, res) => {
    const knowledge = knowledgeStore.current;
    if (!knowledge) return sendError(res, { code: "not_ready", message: "the knowledge base is still loading; retry in a moment" });
    const doc = typeof req.query.doc === "string" && req.query.doc !== "" ? req.query.doc : undefined;
    if (doc !== undefined && !knowledge.documents.has(doc)) {
      return sendError(res, { code: "unknown_document", message: `unknown document "${doc.slice(0, 200)}"; use one of the ids in the data folder` });
    }
    const requested = Number(req.query.limit ?? DEFAULT_FAQ_LIMIT);
    const limit = Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_FAQ_LIMIT) : DEFAULT_FAQ_LIMIT;
    const faqs = doc === undefined ? knowledge.faqs : knowledge.faqs.filter((faq) => faq.document === doc);
    res.json({
      total: faqs.length,
      faqs: faqs.slice(0, limit).map((faq) => ({ question: faq.question, document: faq.document })),
    });
  });

  api.use((_req, res) => {
    res.status(404).json({ error: { code: "not_found", message: "no such API route; see README, HTTP API" } });
  });
  app.use("/api", api);

  // --- The built client: chat page at /, widget.js and its lazy-loaded assets ---
  app.use(
    express.static(publicDir, {
      index: "index.html",
      setHeaders(res, file) {
        if (path.extname(file) !== ".html") {
          // The widget runs on other sites: its scripts, styles and assets must load there.
          res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
          res.setHeader("Access-Control-Allow-Origin", "*");
        }
      },
    }),
  );
  app.get(["/", "/index.html", "/widget.js"], (req, res) => {
    const file = path.join(publicDir, req.path === "/widget.js" ? "widget.js" : "index.html");
    if (!existsSync(file)) {
      res.status(503).type("text/plain").send(`${CLIENT_NOT_BUILT}\n`);
      return;
    }
    res.status(404).type("text/plain").send("not found\n");
  });

  app.use((_req, res) => {
    res.status(404).type("text/plain").send("not found\n");
  });

  const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
    const type = (error as { type?: string }).type;
    if (type === "entity.too.large") {
      metrics.rejected("http", "payload_too_large");
      return sendError(res, { code: "payload_too_large", message: `request body is larger than ${MAX_BODY_BYTES} bytes` });
    }
    if (type === "entity.parse.failed" || type === "encoding.unsupported" || type === "charset.unsupported") {
      metrics.rejected("http", "invalid_payload");
      return sendError(res, { code: "invalid_payload", message: "request body is not valid JSON; send {\"question\": \"…\"}" });
    }
    logger.error({ err: error, method: req.method, path: req.path.slice(0, 200) }, "request failed");
    if (res.headersSent) return;
    sendError(res, { code: "internal_error", message: "an internal error occurred; please try again" });
  };
  app.use(errorHandler);

  return app;
}
