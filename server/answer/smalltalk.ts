/**
 * Small talk: greetings, thanks, farewells and "what can you do?". Recognized only when the
 * whole message is small talk, so "hi, when does the tram open?" is still a question.
 */

export type SmalltalkIntent = "greeting" | "thanks" | "goodbye" | "help" | "identity" | "wellbeing" | "acknowledgement";

const FILLER = "(?:\\s*(?:there|again|bot|faqbot|so much|a lot|very much|lots|you|everyone|all|folks|friend|mate|team|!|\\.|,))*";
const INTENTS: ReadonlyArray<[SmalltalkIntent, RegExp]> = [
  ["greeting", new RegExp(`^(?:hi+|hello+|hey+|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)|hallo|heya|sup)${FILLER}$`)],
  ["thanks", new RegExp(`^(?:thanks?|thank you|thx|ty|cheers|much appreciated|appreciate it|great,? thanks?|ok,? thanks?|thanks? a lot)${FILLER}$`)],
  ["goodbye", new RegExp(`^(?:bye+|goodbye|good bye|see you(?: later| soon)?|see ya|cya|farewell|good night|later|take care|that'?s all)${FILLER}$`)],
  ["help", /^(?:help|help me|what can you do|what do you do|what can i ask(?: you)?|what do you know(?: about)?|how does this work|how do i use this|what are you for|menu|options|what can you help (?:me )?with)\s*[?!.]*$/],
  ["identity", /^(?:who are you|what are you|are you (?:a )?(?:bot|robot|human|real|an? ai)|what(?:'s| is) your name)\s*[?!.]*$/],
  ["wellbeing", /^(?:how are you(?: doing)?(?: today)?|how'?s it going|what'?s up|how do you do)\s*[?!.]*$/],
  ["acknowledgement", /^(?:ok(?:ay)?|cool|great|nice|got it|i see|alright|perfect|awesome|good|understood)\s*[!.]*$/],
];

/** The small-talk intent of a message, or null when it is (also) a real question. */
export function smalltalkIntent(message: string): SmalltalkIntent | null {
  const text = message
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}'?!., ]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (text === "" || text.split(" ").length > 8) return null;
  for (const [intent, pattern] of INTENTS) if (pattern.test(text)) return intent;
  return null;
}

/** The reply to a small-talk intent. `topics` are a few FAQ questions to offer. */
export function smalltalkReply(intent: SmalltalkIntent): string {
  switch (intent) {
    case "greeting":
      return "Hello! Ask me a question about these documents and I'll find the answer.";
    case "thanks":
      return "You're welcome! Anything else you'd like to know?";
    case "goodbye":
      return "Goodbye! Come back any time you have a question.";
    case "help":
      return "I answer questions from the documents on this site: their FAQs and articles. Ask in your own words, for example one of these:";
    case "identity":
      return "I'm faqbot, an assistant that answers questions from the documents on this site. I show where each answer comes from.";
    case "wellbeing":
      return "I'm doing well, thanks for asking! What would you like to know?";
    case "acknowledgement":
      return "Glad that helped. Anything else?";
  }
}
