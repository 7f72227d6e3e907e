/**
 * Builds the browser side into dist/public/, which the server serves as static files:
 *
 *   index.html            the chat page ("/"), with chat-<hash>.js and chat-<hash>.css
 *   widget.js             the widget loader a host page includes (stable name)
 *   panel-<hash>.js       the widget panel, fetched by widget.js on first open
 *   favicon.svg
 *
 * It measures what a host page downloads before and after the visitor opens the widget
 * and fails when either is over budget. Runs on `npm install` and `npm start` and before
 * the tests (tests/global-setup.ts); `tsx client/build.ts` runs it by hand.
 */
import { build, type Plugin } from "esbuild";
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { CONFIDENCE_BANDS } from "../server/answer/confidence.ts";

/** Size budgets in gzipped bytes (1 KB = 1000 bytes, the stricter reading). */
export const BUDGET = Object.freeze({
  /** widget.js: everything a host page loads before the visitor opens the widget. */
  beforeOpen: 5_000,
  /** The panel bundle: everything loaded on first open, socket.io-client included. */
  afterOpen: 25_000,
});

/** Browsers the bundles are lowered for (esbuild targets). */
const TARGETS = ["es2020", "chrome90", "edge90", "firefox90", "safari15"];

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLIENT = path.join(ROOT, "client");
export const PUBLIC_DIR = path.join(ROOT, "dist", "public");

/** Hashed asset names this build writes; older ones are pruned. */
const HASHED_ASSET = /^(?:chat|panel)-[0-9a-f]{10}\.(?:js|css)$/;

export interface BuildReport {
  outDir: string;
  files: string[];
  /** gzipped and raw bytes */
  sizes: {
    beforeOpen: { file: string; gzip: number; raw: number };
    afterOpen: { file: string; gzip: number; raw: number };
    chatPage: { files: string[]; gzip: number; raw: number };
  };
}

export class BudgetError extends Error {
  override name = "BudgetError";
}

/**
 * The client imports the core's confidence bands (client/shared/wording.ts); in the bundle
 * that module becomes its exported constants only, evaluated here, so the browser gets the
 * exact numbers without the retrieval code the module depends on.
 */
const coreConstants: Plugin = {
  name: "faqbot-core-constants",
  setup(builder) {
    builder.onResolve({ filter: /[\\/]server[\\/]answer[\\/]confidence\.ts$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path),
      namespace: "core-constants",
    }));
    builder.onLoad({ filter: /.*/, namespace: "core-constants" }, () => ({
      contents: `export const CONFIDENCE_BANDS = Object.freeze(${JSON.stringify(CONFIDENCE_BANDS)});`,
      loader: "js",
    }));
  },
};

async function bundleCss(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(CLIENT, entry)],
    bundle: true,
    minify: true,
    write: false,
    target: TARGETS,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

async function bundleJs(entry: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({
    entryPoints: [path.join(CLIENT, entry)],
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: TARGETS,
    write: false,
    legalComments: "none",
    logLevel: "silent",
    plugins: [coreConstants],
    define: Object.fromEntries(Object.entries(define).map(([name, value]) => [name, JSON.stringify(value)])),
  });
  return result.outputFiles[0]!.text;
}

function hashed(prefix: string, extension: string, content: string): string {
  return `${prefix}-${createHash("sha256").update(content).digest("hex").slice(0, 10)}.${extension}`;
}

const gzipSize = (content: string): number => gzipSync(content, { level: 9 }).length;

/** Write via a temporary file and rename, so a running server never serves half a file. */
async function writeAtomic(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

/** Build everything into `outDir`; throws BudgetError when a size budget is exceeded. */
export async function buildClient(
  options: { outDir?: string; quiet?: boolean; budget?: { beforeOpen: number; afterOpen: number } } = {},
): Promise<BuildReport> {
  const outDir = options.outDir ?? PUBLIC_DIR;
  const budget = options.budget ?? BUDGET;

  const [panelCss, launcherCss, pageCss] = await Promise.all([
    bundleCss("widget/panel.css"),
    bundleCss("widget/launcher.css"),
    bundleCss("chat/page.css"),
  ]);
  const [panelJs, pageJs] = await Promise.all([
    bundleJs("widget/panel.ts", { __FAQBOT_PANEL_CSS__: panelCss }),
    bundleJs("chat/main.ts"),
  ]);
  const panelFile = hashed("panel", "js", panelJs);
  const loaderJs = await bundleJs("widget/loader.ts", {
    __FAQBOT_PANEL_FILE__: panelFile,
    __FAQBOT_LAUNCHER_CSS__: launcherCss,
  });
  const pageJsFile = hashed("chat", "js", pageJs);
  const pageCssFile = hashed("chat", "css", pageCss);
  const template = await readFile(path.join(CLIENT, "chat/index.html"), "utf8");
  const html = template.replace("{{js}}", pageJsFile).replace("{{css}}", pageCssFile);
  const favicon = await readFile(path.join(CLIENT, "chat/favicon.svg"), "utf8");

  const outputs: Record<string, string> = {
    "index.html": html,
    "widget.js": loaderJs,
    [panelFile]: panelJs,
    [pageJsFile]: pageJs,
    [pageCssFile]: pageCss,
    "favicon.svg": favicon,
  };

  const report: BuildReport = {
    outDir,
    files: Object.keys(outputs),
    sizes: {
      beforeOpen: { file: "widget.js", gzip: gzipSize(loaderJs), raw: loaderJs.length },
      afterOpen: { file: panelFile, gzip: gzipSize(panelJs), raw: panelJs.length },
      chatPage: {
        files: ["index.html", pageJsFile, pageCssFile],
        gzip: gzipSize(html) + gzipSize(pageJs) + gzipSize(pageCss),
        raw: html.length + pageJs.length + pageCss.length,
      },
    },
  };

  const { beforeOpen, afterOpen, chatPage } = report.sizes;
  if (!options.quiet) {
    const row = (label: string, file: string, size: { gzip: number; raw: number }, budget?: number): string =>
      `  ${label.padEnd(14)}${file.padEnd(28)}${kb(size.gzip).padStart(9)} gzip  ${kb(size.raw).padStart(9)} raw` +
      (budget ? `   budget ${kb(budget)}` : "");
    console.log(
      [
        `faqbot client → ${path.relative(process.cwd(), outDir) || "."}`,
        row("before open", "widget.js", beforeOpen, budget.beforeOpen),
        row("after open", afterOpen.file, afterOpen, budget.afterOpen),
        row("chat page", "index.html + chat.{js,css}", chatPage),
      ].join("\n"),
    );
  }
  const over: string[] = [];
  if (beforeOpen.gzip > budget.beforeOpen) over.push(`widget.js is ${kb(beforeOpen.gzip)} gzipped; the budget before open is ${kb(budget.beforeOpen)}`);
  if (afterOpen.gzip > budget.afterOpen) over.push(`${afterOpen.file} is ${kb(afterOpen.gzip)} gzipped; the budget after open is ${kb(budget.afterOpen)}`);
  if (over.length > 0) throw new BudgetError(`widget size budget exceeded: ${over.join("; ")}`);

  await mkdir(outDir, { recursive: true });
  for (const [name, content] of Object.entries(outputs)) await writeAtomic(path.join(outDir, name), content);
  for (const name of await readdir(outDir)) {
    if (HASHED_ASSET.test(name) && !(name in outputs)) await rm(path.join(outDir, name), { force: true });
  }
  return report;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  buildClient().catch((error: unknown) => {
    console.error(error instanceof BudgetError ? `✘ ${error.message}` : error);
    process.exitCode = 1;
  });
}
