/**
 * The standalone chat page at "/", in real headless Chromium against a real server.
 * Questions are exact FAQ questions (or chips), so the tests hold as the core improves.
 */
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ALL_FAQS,
  contrastOf,
  lastAnswerText,
  launchChromium,
  startFaqbot,
  TRAM_FAQ,
  UI_TIMEOUT_MS,
  waitForAnswers,
  XSS_FAQ,
  XSS_MARKUP,
  type Faqbot,
} from "./support.ts";

let browser: Browser;
let bot: Faqbot;
let context: BrowserContext | undefined;
/** Uncaught exceptions in any page of the test (there must be none). */
let pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  bot = await startFaqbot();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  // A test that failed while the server was down must not fail every test after it.
  if (!bot.running) await bot.restart();
  const errors = pageErrors;
  pageErrors = [];
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await bot?.dispose();
});

async function openChat(options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1000, height: 760 }, ...options });
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  await page.goto(bot.url);
  await page.getByRole("textbox", { name: "Ask a question" }).waitFor();
  return page;
}

async function askByTyping(page: Page, question: string): Promise<void> {
  await page.getByRole("textbox", { name: "Ask a question" }).fill(question);
  await page.keyboard.press("Enter");
}

describe("The chat page", () => {
  it("streams an answer in place after a typing indicator, then shows its source", async () => {
    const page = await openChat();
    // Record, in the page, whether the typing indicator showed and how the answer text grew.
    await page.evaluate(() => {
      const seen = { typing: false, lengths: [] as number[] };
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        if (document.querySelector(".fb-typing")) seen.typing = true;
        const text = document.querySelector(".fb-bot[data-id] .fb-text");
        const length = text?.textContent?.length ?? 0;
        if (length > 0 && seen.lengths.at(-1) !== length) seen.lengths.push(length);
      }).observe(document.querySelector(".fb-log")!, { childList: true, subtree: true, characterData: true });
    });

    const [question, answer] = TRAM_FAQ.ticket;
    await askByTyping(page, question);
    await waitForAnswers(page, 1);

    expect(await page.locator(".fb-user .fb-bubble").last().textContent()).toBe(`You: ${question}`);
    expect(await lastAnswerText(page)).toBe(answer);
    const seen = await page.evaluate(() => (window as unknown as { seen: { typing: boolean; lengths: number[] } }).seen);
    expect(seen.typing).toBe(true);
    // Streamed: the text grew in several steps before reaching its full length.
    expect(seen.lengths.length).toBeGreaterThanOrEqual(3);
    expect(seen.lengths).toEqual([...seen.lengths].sort((a, b) => a - b));
    expect(seen.lengths.at(-1)).toBe(answer.length);
    expect(await page.locator(".fb-typing").count()).toBe(0);

    // The input is cleared and keeps the focus for the next question.
    expect(await page.getByRole("textbox", { name: "Ask a question" }).inputValue()).toBe("");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("fb-input");

    // The source names the document; expanded, it shows the matched FAQ question.
    const source = page.locator(".fb-bot[data-id] .fb-source").last();
    expect(await source.locator("summary").textContent()).toBe("Source: green-line-tram");
    expect(await source.locator("li").first().isVisible()).toBe(false);
    await source.locator("summary").click();
    expect(await source.locator("li").first().textContent()).toContain(question);
  });

  it("has a polite log, a labelled text box, Enter to send and Shift+Enter for a new line", async () => {
    const page = await openChat();
    const log = page.getByRole("log");
    expect(await log.getAttribute("aria-live")).toBe("polite");
    const input = page.getByRole("textbox", { name: "Ask a question" });
    await input.focus();
    await page.keyboard.type("first line");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("second line");
    expect(await input.inputValue()).toBe("first line\nsecond line");
    expect(await page.locator(".fb-user").count()).toBe(0);
    await page.keyboard.press("Enter");
    await waitForAnswers(page, 1);
    expect(await page.locator(".fb-user .fb-bubble").textContent()).toBe("You: first line\nsecond line");
    expect(await page.getByRole("button", { name: "New conversation" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Send" }).count()).toBe(1);
  });

  it("asks a suggestion chip's question, and a fallback offers chips too", async () => {
    const page = await openChat();
    const [question, answer] = TRAM_FAQ.open;
    await page.locator(".fb-welcome .fb-chip", { hasText: question }).click();
    await waitForAnswers(page, 1);
    expect(await page.locator(".fb-user .fb-bubble").last().textContent()).toBe(`You: ${question}`);
    expect(await lastAnswerText(page)).toBe(answer);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("fb-input");

    await askByTyping(page, "qwxz vbnm zzyzx?");
    await waitForAnswers(page, 2);
    const fallback = page.locator(".fb-bot[data-id]").last();
    expect(await fallback.getAttribute("class")).toContain("fb-kind-fallback");
    const chip = fallback.locator(".fb-chip").first();
    await chip.waitFor();
    const chipQuestion = (await chip.textContent()) ?? "";
    expect(ALL_FAQS.has(chipQuestion)).toBe(true);
    await chip.click();
    await waitForAnswers(page, 3);
    expect(await lastAnswerText(page)).toBe(ALL_FAQS.get(chipQuestion));
  });

  it("sends thumbs up or down as feedback", async () => {
    const page = await openChat();
    await askByTyping(page, TRAM_FAQ.night[0]);
    await waitForAnswers(page, 1);
    const helpful = page.getByRole("button", { name: "Helpful", exact: true }).last();
    await helpful.click();
    expect(await helpful.getAttribute("aria-pressed")).toBe("true");
    await page.locator(".fb-thanks", { hasText: "Thanks for your feedback." }).waitFor();
    const id = await page.locator(".fb-bot[data-id]").last().getAttribute("data-id");
    const deadline = Date.now() + UI_TIMEOUT_MS;
    let records: Array<{ id: string; helpful: boolean }> = [];
    while (Date.now() < deadline) {
      const text = await readFile(bot.feedbackFile, "utf8").catch(() => "");
      records = text.split("\n").filter(Boolean).map((line) => JSON.parse(line) as { id: string; helpful: boolean });
      if (records.some((record) => record.id === id)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(records).toContainEqual(expect.objectContaining({ id, helpful: true }));
  });

  it("keeps the conversation over a reload, and 'New conversation' clears it", async () => {
    const page = await openChat();
    const [question, answer] = TRAM_FAQ.ticket;
    await askByTyping(page, question);
    await waitForAnswers(page, 1);
    await page.getByRole("button", { name: "Not helpful" }).last().click();

    await page.reload();
    await waitForAnswers(page, 1);
    expect(await page.locator(".fb-user .fb-bubble").textContent()).toBe(`You: ${question}`);
    expect(await lastAnswerText(page)).toBe(answer);
    expect(await page.locator(".fb-source summary").textContent()).toBe("Source: green-line-tram");
    expect(await page.getByRole("button", { name: "Not helpful" }).getAttribute("aria-pressed")).toBe("true");

    await page.getByRole("button", { name: "New conversation" }).click();
    expect(await page.locator(".fb-user").count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("fb-input");
    await page.reload();
    await page.locator(".fb-welcome").waitFor();
    expect(await page.locator(".fb-user").count()).toBe(0);
  });

  it("says 'Reconnecting…' while the server restarts, then re-sends the unanswered question", async () => {
    const page = await openChat();
    await askByTyping(page, TRAM_FAQ.open[0]);
    await waitForAnswers(page, 1);

    await bot.stop();
    await page.locator(".fb-status", { hasText: "Reconnecting…" }).waitFor();
    const [question, answer] = TRAM_FAQ.night;
    await askByTyping(page, question);
    await page.locator(".fb-bot[data-id]").nth(1).locator(".fb-typing").waitFor();

    await bot.restart();
    await waitForAnswers(page, 2);
    expect(await lastAnswerText(page)).toBe(answer);
    expect(await page.locator(".fb-status").textContent()).toBe("");
  }, 30_000);

  it("shows HTML from documents and from visitors as text", async () => {
    const page = await openChat();
    const title = await page.title();
    // From a visitor:
    await askByTyping(page, XSS_MARKUP);
    await waitForAnswers(page, 1);
    expect(await page.locator(".fb-user .fb-bubble").first().textContent()).toBe(`You: ${XSS_MARKUP}`);
    // From a document (question, answer and source all hold markup):
    await page.locator(".fb-welcome .fb-chip", { hasText: "<b>harbour</b>" }).click();
    await waitForAnswers(page, 2);
    expect(await lastAnswerText(page)).toBe(XSS_FAQ[1]);
    await page.locator(".fb-source summary").last().click();
    expect(await page.locator(".fb-source li").last().textContent()).toContain(XSS_FAQ[0]);

    expect(await page.locator(".fb-log img, .fb-log script, .fb-log b").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.title()).toBe(title);
  });

  it("meets WCAG AA contrast for its text", async () => {
    const page = await openChat();
    await askByTyping(page, TRAM_FAQ.ticket[0]);
    await waitForAnswers(page, 1);
    for (const selector of [
      ".fb-title",
      ".fb-welcome .fb-bubble",
      ".fb-chips-label",
      ".fb-chip",
      ".fb-user .fb-bubble",
      ".fb-bot[data-id] .fb-text",
      ".fb-source summary",
      ".fb-new",
    ]) {
      expect({ selector, ratio: await contrastOf(page, selector) }).toEqual({ selector, ratio: expect.toSatisfy((r: number) => r >= 4.5) });
    }
  });

  it("works at 320 px: no sideways scrolling, 16 px input, input above the keyboard", async () => {
    const page = await openChat({ viewport: { width: 320, height: 568 }, isMobile: true, hasTouch: true });
    await askByTyping(page, TRAM_FAQ.ticket[0]);
    await waitForAnswers(page, 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await page.locator(".fb-log").evaluate((log) => log.scrollWidth <= log.clientWidth)).toBe(true);
    const input = page.getByRole("textbox", { name: "Ask a question" });
    expect(parseFloat(await input.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
    // An on-screen keyboard shrinks the viewport (interactive-widget=resizes-content): the input stays visible.
    await page.setViewportSize({ width: 320, height: 300 });
    const box = await input.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(300);
    const send = await page.getByRole("button", { name: "Send" }).boundingBox();
    expect(send!.x + send!.width).toBeLessThanOrEqual(320);
  });

  it("respects prefers-reduced-motion", async () => {
    const page = await openChat({ reducedMotion: "reduce" });
    const animation = await page.locator(".fb").evaluate((root) => {
      const typing = document.createElement("span");
      typing.className = "fb-typing";
      const dot = document.createElement("span");
      typing.append(dot);
      root.append(typing);
      return getComputedStyle(dot).animationName;
    });
    expect(animation).toBe("none");
  });
});
