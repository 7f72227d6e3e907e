/** The FAQ questions offered as chips before the first question (GET /api/faqs). */

/** Chips shown under the greeting: enough to show the range, few enough to read at a glance. */
export const MAX_WELCOME_CHIPS = 4;

/**
 * Fetch the FAQ questions of a server (optionally of one document). Failure is not an
 * error the visitor needs to see: the chat simply starts without chips.
 */
export async function loadFaqQuestions(server: string, doc?: string): Promise<string[]> {
  try {
    const url = new URL("api/faqs", server);
    if (doc) url.searchParams.set("doc", doc);
    const response = await fetch(url, { credentials: "omit", headers: { accept: "application/json" } });
    if (!response.ok) return [];
    return questionsOf(await response.json(), doc);
  } catch {
    return [];
  }
}

/** The questions of a /api/faqs body: `{ faqs: [{ document, question }] }`. */
export function questionsOf(body: unknown, doc?: string): string[] {
  const list = (body as { faqs?: unknown } | null)?.faqs;
  if (!Array.isArray(list)) return [];
  const questions: string[] = [];
  for (const item of list) {
    const faq = item as { question?: unknown; document?: unknown } | null;
    if (typeof faq?.question !== "string") continue;
    if (doc && typeof faq.document === "string" && faq.document !== doc) continue;
    if (!questions.includes(faq.question)) questions.push(faq.question);
  }
  return questions;
}
