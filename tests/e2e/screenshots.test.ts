/**
 * The README screenshots: the chat page, and the widget on an article page (desktop and a
 * 375 px phone). They are taken on every run (so a broken page fails here too) and written
 * into docs/ when UPDATE_SCREENSHOTS=1.
 */
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DOCUMENTS,
  launchChromium,
  screenshotPath,
  startFaqbot,
  startHostSite,
  TRAM_FAQ,
  UI_TIMEOUT_MS,
  waitForAnswers,
  type Faqbot,
  type HostSite,
} from "./support.ts";

let browser: Browser;
let bot: Faqbot;
let site: HostSite;

beforeAll(async () => {
  browser = await launchChromium();
  site = await startHostSite();
  // The documents without the HTML-injection one, whose markup would only distract here.
  const { "harbour-museum.txt": _markup, ...documents } = DOCUMENTS;
  bot = await startFaqbot({ allowedOrigins: [site.url], paceMs: 0 }, documents);
});

afterAll(async () => {
  await browser?.close();
  await bot?.dispose();
  await site?.close();
});

const ARTICLE_PAGE = (widgetUrl: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>The Green Line turns three — Brackenridge Transit</title>
<style>
  body { margin: 0; font: 18px/1.65 Georgia, "Times New Roman", serif; color: #222; background: #fff; }
  header { background: #0d3b2e; color: #fff; padding: 14px 32px; font: 600 17px system-ui, sans-serif; letter-spacing: .02em; }
  header span { opacity: .75; font-weight: 400; margin-left: 18px; }
  main { max-width: 680px; margin: 40px auto; padding: 0 24px; }
  .kicker { font: 600 13px system-ui, sans-serif; text-transform: uppercase; letter-spacing: .08em; color: #0d6b50; }
  h1 { font-size: 40px; line-height: 1.15; margin: 8px 0 12px; }
  .meta { font: 14px system-ui, sans-serif; color: #666; margin-bottom: 28px; }
  .hero { height: 180px; border-radius: 10px; background: linear-gradient(120deg, #0d6b50, #5fb58f 60%, #d6eadf); margin-bottom: 28px; }
  @media (max-width: 500px) { h1 { font-size: 30px; } main { margin-top: 24px; } .hero { height: 120px; } }
</style></head>
<body>
<header>Brackenridge Transit <span>News · Lines · Tickets</span></header>
<main>
  <div class="kicker">City</div>
  <h1>The Green Line turns three</h1>
  <div class="meta">14 November 2023 · 4 min read</div>
  <div class="hero" role="img" aria-label="A green tram on the harbour front"></div>
  <p>The Green Line tram of Brackenridge opened on 3 March 2021 after four years of works. Trams now run every six minutes between Harbour Square and Fenwick Park, and ridership has doubled since the first year.</p>
  <p>The city plans to extend the line towards the university campus, with three new stops and a second depot by the end of the decade.</p>
</main>
<script src="${widgetUrl}" async data-title="Ask us" data-greeting="Hi! Ask me anything about the Green Line." data-color="#0d6b50"></script>
</body></html>`;

async function blurAll(page: Page): Promise<void> {
  await page.evaluate(() => {
    (document.querySelector("faqbot-widget")?.shadowRoot?.activeElement as HTMLElement | null)?.blur();
    (document.activeElement as HTMLElement | null)?.blur();
  });
}

async function expectPng(file: string): Promise<void> {
  const bytes = await readFile(file);
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  expect(bytes.length).toBeGreaterThan(10_000);
}

async function askInWidget(page: Page, question: string, count: number): Promise<void> {
  await page.getByRole("textbox", { name: "Ask a question" }).fill(question);
  await page.keyboard.press("Enter");
  await waitForAnswers(page, count);
}

describe("Screenshots", () => {
  it("of the chat page", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(UI_TIMEOUT_MS);
      await page.goto(bot.url);
      await page.locator(".fb-welcome .fb-chip").first().waitFor();
      await page.locator(".fb-welcome .fb-chip", { hasText: TRAM_FAQ.open[0] }).click();
      await waitForAnswers(page, 1);
      await page.getByRole("button", { name: "Helpful", exact: true }).first().click();
      await page.getByRole("textbox", { name: "Ask a question" }).fill(TRAM_FAQ.ticket[0]);
      await page.keyboard.press("Enter");
      await waitForAnswers(page, 2);
      await page.locator(".fb-source summary").last().click();
      await blurAll(page);
      const file = await screenshotPath("chat-page.png");
      await page.screenshot({ path: file, caret: "hide", animations: "disabled" });
      await expectPng(file);
    } finally {
      await context.close();
    }
  });

  for (const [name, viewport] of [
    ["widget-desktop.png", { width: 1280, height: 800 }],
    ["widget-mobile.png", { width: 375, height: 740 }],
  ] as const) {
    it(`of the widget on a host page (${name})`, async () => {
      const mobile = viewport.width < 500;
      const context = await browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile, reducedMotion: "reduce" });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(UI_TIMEOUT_MS);
        site.setPage(ARTICLE_PAGE(`${bot.url}/widget.js`));
        await page.goto(site.url);
        await page.getByRole("button", { name: "Open chat" }).click();
        await page.locator("faqbot-widget .fb-welcome .fb-chip").first().waitFor();
        await askInWidget(page, TRAM_FAQ.ticket[0], 1);
        await page.locator("faqbot-widget .fb-source summary").last().click();
        await blurAll(page);
        const file = await screenshotPath(name);
        await page.screenshot({ path: file, caret: "hide", animations: "disabled" });
        await expectPng(file);
      } finally {
        await context.close();
      }
    });
  }
});
