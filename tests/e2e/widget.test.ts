/**
 * The embeddable widget, as a host page on another origin uses it: one <script> tag,
 * real headless Chromium, a real faqbot server, and a host site on its own port.
 */
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  FESTIVAL_FAQ,
  lastAnswerText,
  launchChromium,
  startFaqbot,
  startHostSite,
  TRAM_FAQ,
  UI_TIMEOUT_MS,
  waitForAnswers,
  type Faqbot,
  type HostSite,
} from "./support.ts";
import type { Answer } from "../../server/chat/protocol.ts";

const HOSTILE_CSS = "* { all: unset; font-size: 40px !important }";

let browser: Browser;
let bot: Faqbot;
let site: HostSite;
let context: BrowserContext | undefined;
/** Uncaught exceptions in any page of the test (there must be none). */
let pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  site = await startHostSite();
  bot = await startFaqbot({ allowedOrigins: [site.url] });
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  const errors = pageErrors;
  pageErrors = [];
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await bot?.dispose();
  await site?.close();
});

/** A host page with the widget's one tag (attributes as given) and optional page CSS. */
function hostPage(options: { attributes?: string; css?: string; widget?: boolean; body?: string } = {}): string {
  const tag =
    options.widget === false
      ? ""
      : `<script src="${bot.url}/widget.js" async ${options.attributes ?? 'data-title="Ask us" data-greeting="Hi! Ask me about this article."'}></script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page</title>${options.css ? `<style>${options.css}</style>` : ""}</head>
<body><h1>The Green Line turns three</h1><p class="fb fb-bubble panel launcher" id="probe">Article text.</p>${options.body ?? ""}${tag}</body></html>`;
}

async function visit(html: string, contextOptions: Parameters<Browser["newContext"]>[0] = {}): Promise<{ page: Page; requests: string[] }> {
  context = await browser.newContext({ viewport: { width: 1200, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  const requests: string[] = [];
  page.on("request", (request: Request) => requests.push(request.url()));
  site.setPage(html);
  await page.goto(site.url);
  return { page, requests };
}

const launcher = (page: Page) => page.locator("faqbot-widget button.launcher");
const panel = (page: Page) => page.locator("faqbot-widget .panel");
const shadowFocus = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector("faqbot-widget")?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    return active ? `${active.tagName.toLowerCase()}.${active.className}` : null;
  });
const globals = (page: Page) => page.evaluate(() => Object.getOwnPropertyNames(window));

describe("The widget", () => {
  it("never blocks the host page, draws only the launcher, and adds no global but FaqBot and no cookie", async () => {
    const { page: bare } = await visit(hostPage({ widget: false }));
    const before = await globals(bare);
    await context!.close();

    // widget.js is slow to arrive: the host page must not wait for it.
    context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.route(`${bot.url}/widget.js`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.continue();
    });
    site.setPage(hostPage());
    await page.goto(site.url, { waitUntil: "domcontentloaded" });
    expect(await page.evaluate(() => "FaqBot" in window)).toBe(false);
    await launcher(page).waitFor();

    expect(await launcher(page).getAttribute("aria-label")).toBe("Open chat");
    expect(requests.filter((url) => url.startsWith(bot.url))).toEqual([`${bot.url}/widget.js`]);
    expect((await globals(page)).filter((name) => !before.includes(name))).toEqual(["FaqBot"]);
    expect(
      await page.evaluate(() => {
        const api = (window as unknown as { FaqBot: object }).FaqBot;
        (window as unknown as { FaqBot: unknown }).FaqBot = null; // non-writable: ignored
        return [Object.isFrozen(api), (window as unknown as { FaqBot: unknown }).FaqBot === api, Object.keys(api).sort().join()];
      }),
    ).toEqual([true, true, "ask,close,on,open"]);
    expect(await page.evaluate(() => document.cookie)).toBe("");
    expect(await context.cookies()).toEqual([]);
  });

  it("on a hostile page from another origin: opens, answers, closes with Escape", async () => {
    const { page: bare } = await visit(hostPage({ widget: false, css: HOSTILE_CSS }));
    const before = await globals(bare);
    await context!.close();
    const { page, requests } = await visit(hostPage({ css: HOSTILE_CSS }));
    await launcher(page).waitFor();
    // The page's CSS cannot restyle the launcher.
    const size = await launcher(page).evaluate((button) => [(button as HTMLElement).offsetWidth, (button as HTMLElement).offsetHeight, getComputedStyle(button).position]);
    expect(size).toEqual([60, 60, "fixed"]);
    expect(requests.some((url) => url.includes("/panel-"))).toBe(false);

    await launcher(page).click();
    const input = page.getByRole("textbox", { name: "Ask a question" });
    await input.waitFor();
    expect(requests.some((url) => url.startsWith(`${bot.url}/panel-`))).toBe(true);
    expect(await shadowFocus(page)).toBe("textarea.fb-input");
    expect(await launcher(page).getAttribute("aria-expanded")).toBe("true");
    expect(await page.getByRole("dialog", { name: "Ask us" }).isVisible()).toBe(true);
    expect(await page.locator("faqbot-widget .fb-welcome .fb-bubble").textContent()).toBe("Hi! Ask me about this article.");

    const [question, answer] = TRAM_FAQ.ticket;
    await input.fill(question);
    await page.keyboard.press("Enter");
    await waitForAnswers(page, 1);
    expect(await lastAnswerText(page)).toBe(answer);
    expect(await page.locator("faqbot-widget .fb-source summary").textContent()).toBe("Source: green-line-tram");
    // Inside, the widget's own sizes hold (16 px input, 15 px text), not the page's 40 px.
    expect(await input.evaluate((el) => getComputedStyle(el).fontSize)).toBe("16px");
    expect(await page.locator("faqbot-widget .fb-text").last().evaluate((el) => getComputedStyle(el).fontSize)).toBe("15px");

    await page.keyboard.press("Escape");
    expect(await panel(page).isHidden()).toBe(true);
    expect(await shadowFocus(page)).toBe("button.launcher right");
    expect(await launcher(page).getAttribute("aria-expanded")).toBe("false");
    expect(await launcher(page).getAttribute("aria-label")).toBe("Open chat");

    // Opening loaded socket.io and the panel, still without globals or cookies.
    expect((await globals(page)).filter((name) => !before.includes(name))).toEqual(["FaqBot"]);
    expect(await context!.cookies()).toEqual([]);
  });

  it("keeps its CSS to itself", async () => {
    const { page } = await visit(hostPage());
    const probe = () =>
      page.locator("#probe").evaluate((p) => {
        const style = getComputedStyle(p);
        return [style.position, style.paddingTop, style.backgroundColor, style.borderRadius, style.fontSize].join(" ");
      });
    const unstyled = await probe();
    await launcher(page).click();
    await page.getByRole("textbox", { name: "Ask a question" }).waitFor();
    expect(await probe()).toBe(unstyled);
    expect(unstyled).toBe("static 0px rgba(0, 0, 0, 0) 0px 16px");
  });

  it("has a JS API: open({ question }), on('answer'), close() and ask(text)", async () => {
    const { page } = await visit(hostPage());
    await launcher(page).waitFor();
    const first = await page.evaluate(
      (question) =>
        new Promise<Answer>((resolve) => {
          const bot = (window as unknown as { FaqBot: import("../../client/widget/loader.ts").FaqBotApi }).FaqBot;
          const off = bot.on("answer", (answer) => {
            off();
            resolve(answer);
          });
          bot.open({ question });
        }),
      TRAM_FAQ.open[0],
    );
    expect(first).toMatchObject({ kind: "faq", answer: TRAM_FAQ.open[1] });
    expect(first.sources[0]).toMatchObject({ document: "green-line-tram", type: "faq", text: TRAM_FAQ.open[0] });
    expect(await panel(page).isVisible()).toBe(true);

    await page.evaluate(() => (window as unknown as { FaqBot: { close(): void } }).FaqBot.close());
    expect(await panel(page).isHidden()).toBe(true);

    await page.evaluate((question) => (window as unknown as { FaqBot: { ask(text: string): void } }).FaqBot.ask(question), TRAM_FAQ.night[0]);
    await waitForAnswers(page, 2);
    expect(await panel(page).isVisible()).toBe(true);
    expect(await lastAnswerText(page)).toBe(TRAM_FAQ.night[1]);

    const misuse = await page.evaluate(() => {
      const api = (window as unknown as { FaqBot: { on(event: string, fn: unknown): void } }).FaqBot;
      try {
        api.on("message", () => {});
        return "accepted";
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(misuse).toBe("TypeError");
  });

  it("reads data-title, data-greeting, data-color, data-position, data-open and data-document", async () => {
    const attributes =
      'data-title="Ask the festival" data-greeting="Questions about the festival?" data-color="#b3261e" ' +
      'data-position="left" data-open data-document="lantern-festival"';
    const { page } = await visit(hostPage({ attributes }));
    // data-open: the panel opens by itself.
    await page.getByRole("dialog", { name: "Ask the festival" }).waitFor();
    expect(await page.locator("faqbot-widget .fb-title").textContent()).toBe("Ask the festival");
    expect(await page.locator("faqbot-widget .fb-welcome .fb-bubble").textContent()).toBe("Questions about the festival?");
    const look = await launcher(page).evaluate((button) => [getComputedStyle(button).backgroundColor, button.getBoundingClientRect().left]);
    expect(look[0]).toBe("rgb(179, 38, 30)");
    expect(look[1]).toBeLessThan(100);

    // data-document: the chips and the answers come from that document only.
    const chips = page.locator("faqbot-widget .fb-welcome .fb-chip");
    await chips.first().waitFor();
    expect((await chips.allTextContents()).sort()).toEqual(Object.values(FESTIVAL_FAQ).map(([q]) => q).sort());
    const answers: Answer[] = [];
    await page.exposeFunction("recordAnswer", (answer: Answer) => answers.push(answer));
    await page.evaluate(() => {
      const w = window as unknown as { FaqBot: { on(e: "answer", fn: (a: unknown) => void): void }; recordAnswer(a: unknown): void };
      w.FaqBot.on("answer", (answer) => w.recordAnswer(answer));
    });
    await chips.filter({ hasText: FESTIVAL_FAQ.builders[0] }).click();
    await waitForAnswers(page, 1);
    expect(await lastAnswerText(page)).toBe(FESTIVAL_FAQ.builders[1]);
    await page.getByRole("textbox", { name: "Ask a question" }).fill(TRAM_FAQ.ticket[0]);
    await page.keyboard.press("Enter");
    await waitForAnswers(page, 2);
    expect(await lastAnswerText(page)).not.toBe(TRAM_FAQ.ticket[1]);
    expect(answers).toHaveLength(2);
    for (const answer of answers) for (const source of answer.sources) expect(source.document).toBe("lantern-festival");
  });

  it("keeps the conversation, and the open panel, over a reload of the host page", async () => {
    const { page } = await visit(hostPage());
    await launcher(page).click();
    const [question, answer] = TRAM_FAQ.ticket;
    await page.getByRole("textbox", { name: "Ask a question" }).fill(question);
    await page.keyboard.press("Enter");
    await waitForAnswers(page, 1);

    await page.reload();
    await waitForAnswers(page, 1);
    expect(await panel(page).isVisible()).toBe(true);
    expect(await page.locator("faqbot-widget .fb-user .fb-bubble").textContent()).toBe(`You: ${question}`);
    expect(await lastAnswerText(page)).toBe(answer);

    await page.getByRole("button", { name: "Close chat" }).first().click();
    await page.reload();
    await launcher(page).waitFor();
    expect(await panel(page).count()).toBe(0); // closed before the reload: the panel does not even load
  });

  it("fills the screen at 375 px, with a 16 px input and its own close button", async () => {
    const { page } = await visit(hostPage({ css: HOSTILE_CSS }), {
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
    });
    await launcher(page).click();
    const input = page.getByRole("textbox", { name: "Ask a question" });
    await input.waitFor();
    await panel(page).evaluate((element) => Promise.all(element.getAnimations().map((animation) => animation.finished)));
    expect(await panel(page).boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 667 });
    expect(await launcher(page).isHidden()).toBe(true);
    expect(await input.evaluate((el) => getComputedStyle(el).fontSize)).toBe("16px");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.locator("faqbot-widget .fb-head").getByRole("button", { name: "Close chat" }).click();
    expect(await panel(page).isHidden()).toBe(true);
    expect(await shadowFocus(page)).toBe("button.launcher right");
  });
});
