/**
 * End-to-end helpers: Debian's Chromium driven by playwright-core, a real faqbot server on
 * a loopback port serving the built client (dist/public, built by tests/global-setup.ts),
 * and a separate host-page server (another origin) for the widget. Everything listens on
 * 127.0.0.1, port 0; every wait is bounded.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { chromium, type Browser, type Page } from "playwright-core";
import { startServer, type RunningServer, type ServerOptions } from "../../server/http/server.ts";

/** Debian's package puts Chromium here (CI: `apt-get install chromium`); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Bounded waits (ms) for anything the browser does. */
export const UI_TIMEOUT_MS = 10_000;

export const DOCS_DIR = fileURLToPath(new URL("../../docs/", import.meta.url));
/** `UPDATE_SCREENSHOTS=1` writes the README screenshots into docs/; otherwise into a temp folder. */
export const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === "1";

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the end-to-end tests need a real browser. ` +
        "Install Debian's package (apt-get install chromium) or point CHROMIUM_PATH at a Chromium binary.",
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** One document in the data-folder format. */
export function documentText(first: string, paragraphs: string[], faqs: Array<[string, string]>): string {
  const parts = [` date 2023-11-14 ${first}`, ...paragraphs];
  if (faqs.length > 0) parts.push("FAQ:", ...faqs.flatMap(([q, a]) => [`Q: ${q}`, `A: ${a}`]));
  return parts.join("\n\n") + "\n";
}

export const TRAM_FAQ = {
  open: ["When did the Green Line tram open?", "The Green Line opened on 3 March 2021, after four years of works on the harbour front."],
  ticket: [
    "How much does a tram ticket cost?",
    "A single ticket costs 2 euros and is valid for ninety minutes on every tram and bus line of the network, transfers included.",
  ],
  night: ["Do trams run at night?", "On Fridays and Saturdays the last tram leaves Harbour Square at 1:30 in the morning."],
} as const satisfies Record<string, [string, string]>;

export const FESTIVAL_FAQ = {
  start: ["When does the Lantern Festival start?", "The Lantern Festival starts on the first Friday of October at sunset."],
  builders: ["Who builds the lanterns?", "Volunteers from the town build the lanterns in the weeks before the festival."],
} as const satisfies Record<string, [string, string]>;

/** A document whose text tries to inject HTML: the client must show it verbatim. */
export const XSS_MARKUP = `<img src=x onerror="document.title='pwned';window.__pwned=1">`;
export const XSS_FAQ = [
  "Is the <b>harbour</b> museum open?",
  `The museum is open daily ${XSS_MARKUP} from 10 to 18 <script>window.__pwned=2</script>.`,
] as const;

export const DOCUMENTS: Record<string, string> = {
  "green-line-tram.txt": documentText(
    "The Green Line tram of Brackenridge opened on 3 March 2021 after four years of works.",
    ["Trams run every six minutes between Harbour Square and Fenwick Park."],
    Object.values(TRAM_FAQ),
  ),
  "lantern-festival.txt": documentText(
    "The Lantern Festival of Oakhaven takes place every October on the old harbour front.",
    ["Volunteers build more than two hundred paper lanterns for the closing parade."],
    Object.values(FESTIVAL_FAQ),
  ),
  "harbour-museum.txt": documentText(
    `The harbour museum ${XSS_MARKUP} tells the story of the port.`,
    ["Its collection holds ship models, maps and photographs."],
    [[XSS_FAQ[0], XSS_FAQ[1]]],
  ),
};

export interface Faqbot {
  server: RunningServer;
  url: string;
  dataDir: string;
  /** Feedback records (JSON lines) the server wrote. */
  feedbackFile: string;
  /** Close the server (graceful) and start a new one on the same port and data folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** False between stop() and restart(). */
  readonly running: boolean;
  dispose(): Promise<void>;
}

/** A real faqbot server on 127.0.0.1 serving the built client; words streamed `paceMs` apart. */
export async function startFaqbot(overrides: Partial<ServerOptions> = {}, files = DOCUMENTS): Promise<Faqbot> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "faqbot-e2e-"));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dataDir, name), text);
  const options: ServerOptions = {
    dataDir,
    port: 0,
    host: "127.0.0.1",
    paceMs: 15,
    logger: pino({ level: "silent" }),
    processMetrics: false,
    watch: false,
    drainTimeoutMs: 500,
    feedbackFile: path.join(dataDir, "feedback.jsonl"),
    ...overrides,
  };
  let server = await startServer(options);
  let stopped = false;
  const faqbot: Faqbot = {
    server,
    url: server.url,
    dataDir,
    feedbackFile: options.feedbackFile!,
    get running() {
      return !stopped;
    },
    async stop() {
      stopped = true;
      await server.close();
    },
    async restart() {
      if (!stopped) await server.close();
      server = await startServer({ ...options, port: server.port });
      faqbot.server = server;
      stopped = false;
    },
    async dispose() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return faqbot;
}

export interface HostSite {
  url: string;
  /** Set the HTML served at `/` (and any other path). */
  setPage(html: string): void;
  close(): Promise<void>;
}

/** A tiny web server for host pages: another origin (its own port) than the faqbot server. */
export async function startHostSite(): Promise<HostSite> {
  let page = "<!doctype html><title>empty</title>";
  const server = http.createServer((request, response) => {
    if (request.url === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    response.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setPage(html) {
      page = html;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Text of every element matching `selector` (in the page or in the widget's shadow root). */
export async function texts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).allTextContents();
}

/** Where screenshots go: docs/ with UPDATE_SCREENSHOTS=1, else a temp folder (still taken, so they can fail). */
export async function screenshotPath(name: string): Promise<string> {
  if (UPDATE_SCREENSHOTS) return path.join(DOCS_DIR, name);
  const dir = await mkdtemp(path.join(tmpdir(), "faqbot-shots-"));
  return path.join(dir, name);
}

/** Wait until `count` answers are finished (a finished answer carries its kind as a class). */
export async function waitForAnswers(page: Page, count: number): Promise<void> {
  await page.locator('.fb-bot[data-id][class*="fb-kind-"], .fb-bot[data-id].fb-error').nth(count - 1).waitFor({ timeout: UI_TIMEOUT_MS });
}

/** The text of the most recent answer bubble. */
export async function lastAnswerText(page: Page): Promise<string> {
  return (await page.locator(".fb-bot[data-id] .fb-text").last().textContent()) ?? "";
}

/** Every FAQ question → its answer, for chips whose question the test does not choose. */
export const ALL_FAQS: ReadonlyMap<string, string> = new Map<string, string>([
  ...Object.values(TRAM_FAQ),
  ...Object.values(FESTIVAL_FAQ),
  [XSS_FAQ[0], XSS_FAQ[1]],
]);

/**
 * WCAG contrast ratio of an element's text against the first opaque background behind it
 * (evaluated in the page; colours are the computed rgb()/rgba() values).
 */
export async function contrastOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((element) => {
    const parse = (value: string): number[] => (value.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]): number => {
      const channel = (c: number): number => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const foreground = parse(getComputedStyle(element).color);
    let background = [255, 255, 255];
    for (let node: Element | null = element; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
      const color = parse(getComputedStyle(node).backgroundColor);
      if (color.length === 3 || (color.length === 4 && color[3] === 1)) {
        background = color.slice(0, 3);
        break;
      }
    }
    const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  });
}
