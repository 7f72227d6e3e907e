/**
 * What the visitor reads around an answer: lead-ins by confidence, labels for suggestion
 * chips, and plain-language messages for error codes. Pure functions of the Answer.
 */
import { MAX_QUESTION_LENGTH } from "../../server/chat/protocol.ts";
import type { Answer, ErrorCode, ProtocolError } from "../../server/chat/protocol.ts";
import { CONFIDENCE_BANDS } from "../../server/answer/confidence.ts";
import type { ClientErrorCode } from "./connection.ts";

/**
 * Below the core's "answer" band a non-fallback answer is a guess (the core offers "did you
 * mean" suggestions there): the view says "I think you mean" and names the question it
 * matched, so the visitor can tell a near miss at a glance.
 *
 * In the browser bundle, client/build.ts replaces the confidence module by its constants
 * alone, so the band stays the core's own without shipping retrieval code.
 */
export const DID_YOU_MEAN_BELOW = CONFIDENCE_BANDS.answer;

export interface Wording {
  /** Shown above the answer text, or null. */
  lead: string | null;
  /** The matched FAQ question to quote after the lead, or null. */
  matched: string | null;
  /** Label of the suggestion chips. */
  chipsLabel: string;
  /** Whether the answer shows its sources. */
  showSources: boolean;
  /** Whether thumbs up/down are offered. */
  rateable: boolean;
}

export function wordingFor(answer: Answer): Wording {
  const top = answer.sources[0];
  switch (answer.kind) {
    case "fallback":
      return { lead: null, matched: null, chipsLabel: "Try one of these:", showSources: false, rateable: true };
    case "smalltalk":
      return { lead: null, matched: null, chipsLabel: "You can ask, for example:", showSources: false, rateable: false };
    case "faq":
    case "article": {
      const unsure = answer.confidence < DID_YOU_MEAN_BELOW;
      const matched = answer.kind === "faq" && top ? top.text : null;
      return {
        lead: unsure ? (matched ? "I think you mean:" : "I’m not sure, but this may help:") : null,
        matched: unsure ? matched : null,
        chipsLabel: unsure ? "Or did you mean:" : "You may also ask:",
        showSources: answer.sources.length > 0,
        rateable: true,
      };
    }
  }
}

const ERROR_TEXT: Partial<Record<ErrorCode | ClientErrorCode, string>> = {
  invalid_payload: "Sorry, that question could not be sent.",
  empty_question: "Please type a question first.",
  question_too_long: `That question is too long: please keep it under ${MAX_QUESTION_LENGTH} characters.`,
  unknown_document: "This chat is set up for a document that the server does not have.",
  rate_limited: "You’re asking faster than I can answer. Please wait a moment and try again.",
  unknown_event: "Sorry, that question could not be sent.",
  not_ready: "I’m still starting up. Please try again in a moment.",
  shutting_down: "The server is restarting. Please try again in a moment.",
  internal_error: "Sorry, something went wrong on our side. Please try again.",
  timeout: "The server did not answer in time. Please try again.",
};

export function errorText(error: Pick<ProtocolError, "message"> & { code: string }): string {
  return ERROR_TEXT[error.code as ErrorCode] ?? "Sorry, something went wrong. Please try again.";
}
