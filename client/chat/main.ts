/**
 * Entry of the standalone chat page (dist/public/index.html). The server it talks to is
 * the one that served the page; `?doc=<id>` scopes the answers to one document.
 */
import { createChat } from "../shared/chat.ts";
import { followVisualViewport } from "../shared/viewport.ts";

const root = document.getElementById("app");
if (root) {
  const doc = new URLSearchParams(location.search).get("doc") ?? undefined;
  const chat = createChat({
    server: new URL(".", location.href).href,
    doc,
    title: "FAQ assistant",
    greeting: "Hi! Ask me a question about our documents, or pick one below.",
    heading: "h1",
  });
  root.replaceChildren(chat.element);
  followVisualViewport(root);
  // A desktop visitor can type at once; on touch screens focusing would pop up the keyboard.
  if (matchMedia("(pointer: fine)").matches) chat.focusInput();
}
