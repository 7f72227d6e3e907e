/**
 * Small talk: greetings, thanks, farewells and "what can you do?". Recognized only when the
 * whole message is small talk, so "hi, when does the tram open?" is still a question.
 */

export type SmalltalkIntent = "greeting" | "thanks" | "goodbye" | "help" | "identity" | "wellbeing" | "acknowledgement";

/**
 * Each intent's phrases, matched as whole words anywhere in a short message; the rest of
 * the message may only be filler ("so much", "that really helped", "ok").
 */
const INTENTS: ReadonlyArray<[SmalltalkIntent, RegExp]> = [
  ["help", /\b(?:help|what can you do|what do you do|what can i ask|what (?:kind|sort|type)s? of (?:questions|things)|what do you know|how does this work|how do i use (?:this|you)|what are you for|menu|what can you help|what questions)\b/],
  ["identity", /\b(?:who are you|what are you|who am i (?:talking|speaking|chatting) (?:to|with)|who is this|are you (?:just )?(?:a |an )?(?:bot|robot|chatbot|human|real|person|ai|computer|machine)|what(?:'s| is) your name)\b/],
  ["wellbeing", /\b(?:how are you|how'?s it going|what'?s up|how do you do)\b/],
  ["thanks", /\b(?:thanks?|thank you|thx|ty|cheers|appreciated?|appreciate it)\b/],
  ["goodbye", /\b(?:bye+|goodbye|good bye|see you|see ya|cya|farewell|good night|take care|that'?s all)\b/],
  ["greeting", /^(?:hi+|hello+|hey+|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)|hallo|heya|sup|(?:is )?(?:any|some)(?:one|body) (?:there|here|around|online))\b/],
  ["acknowledgement", /^(?:ok(?:ay)?|cool|great|nice|got it|i see|alright|perfect|awesome|good|understood)\b/],
];

/** Words that may surround small talk without making the message a question. */
const FILLER = new Set(
  ("there again bot faqbot so much a lot very lots you everyone all folks friend mate team that this it really " +
    "helped helps helpful was is great ok okay thanks thank bye goodbye for the help your and i see got nice " +
    "cool perfect awesome good have day later now me just well oh ah hi hello hey that's what's it's you're " +
    "can do what how who are kind sort type of questions things ask know about use work menu up going name real " +
    "human robot ai person doing today fine morning afternoon evening night day everybody guys anyone anybody someone " +
    "somebody here around online listening awake with am talking speaking chatting to answer " +
    // The intents' own words (a message may be nothing else: "cheers, bye!").
    "cheers thx ty appreciated appreciate byee cya ya farewell take care all greetings hiya howdy yo hallo heya sup " +
    "alright understood or an just actual live chatbot computer machine").split(" "),
);

/**
 * True when an ASCII message has a word that is not filler, as smalltalkIntent reads its
 * words: a run of letters, digits and `'?!.,` (lower-cased), less its `?!.,`. Such a message
 * is no small talk, whatever its length: read without the normalizing and the unicode regex
 * replaces (most messages are questions, rejected at their first content word). False for a
 * message with a non-ASCII character (it is read the long way).
 */
function asciiContentWord(message: string): boolean {
  let word = "";
  for (let i = 0; i <= message.length; i++) {
    let code = i < message.length ? message.charCodeAt(i) : 32;
    if (code >= 128) return false;
    if (code >= 65 && code <= 90) code += 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 39) word += String.fromCharCode(code);
    else if (code !== 63 && code !== 33 && code !== 46 && code !== 44) {
      // A separator ends the word.
      if (word !== "" && !FILLER.has(word)) return true;
      word = "";
    }
  }
  return false;
}

/** The small-talk intent of a message, or null when it is (also) a real question. */
export function smalltalkIntent(message: string): SmalltalkIntent | null {
  return asciiContentWord(message) ? null : smalltalkIntentByPatterns(message);
}

/** smalltalkIntent read the long way, for any message (what the ASCII shortcut is tested against). */
export function smalltalkIntentByPatterns(message: string): SmalltalkIntent | null {
  const text = message
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}'?!., ]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const words = text.split(" ");
  if (text === "" || words.length > 10) return null;
  // Every word must be filler: "thanks, when does it open?" is a question. (Checked before the
  // intents' patterns: a question fails at its first content word.)
  for (const w of words) {
    const word = w.replace(/[?!.,]/g, "");
    if (word !== "" && !FILLER.has(word)) return null;
  }
  return INTENTS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
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
