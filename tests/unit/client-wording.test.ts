/** What the chat says around an answer: confidence wording, chip labels, error messages. */
import { describe, expect, it } from "vitest";
import { CONFIDENCE_BANDS } from "../../server/answer/confidence.ts";
import type { Answer, ErrorCode } from "../../server/chat/protocol.ts";
import { DID_YOU_MEAN_BELOW, errorText, wordingFor } from "../../client/shared/wording.ts";

const faq = (confidence: number): Answer => ({
  question: "how much is a ticket",
  kind: "faq",
  answer: "2 euros.",
  confidence,
  sources: [{ document: "tram", type: "faq", text: "How much does a tram ticket cost?", score: confidence }],
  suggestions: ["When did the tram open?"],
});

describe("Confidence wording", () => {
  it("switches to 'did you mean' exactly below the core's 'answer' band", () => {
    expect(DID_YOU_MEAN_BELOW).toBe(CONFIDENCE_BANDS.answer);
    expect(wordingFor(faq(CONFIDENCE_BANDS.answer)).lead).toBeNull();
    expect(wordingFor(faq(CONFIDENCE_BANDS.answer - 0.001)).lead).toBe("I think you mean:");
  });

  it("answers a confident FAQ match plainly, with its source and 'You may also ask'", () => {
    expect(wordingFor(faq(0.9))).toEqual({ lead: null, matched: null, chipsLabel: "You may also ask:", showSources: true, rateable: true });
  });

  it("says 'I think you mean' with the matched FAQ question below the answer band", () => {
    const wording = wordingFor(faq(DID_YOU_MEAN_BELOW - 0.01));
    expect(wording.lead).toBe("I think you mean:");
    expect(wording.matched).toBe("How much does a tram ticket cost?");
    expect(wording.chipsLabel).toBe("Or did you mean:");
  });

  it("hedges an unsure article answer without claiming a matched question", () => {
    const answer: Answer = { ...faq(0.45), kind: "article", sources: [{ document: "tram", type: "sentence", text: "Tickets cost 2 euros.", score: 0.45 }] };
    expect(wordingFor(answer)).toMatchObject({ lead: "I’m not sure, but this may help:", matched: null, showSources: true });
  });

  it("offers chips after a fallback and does not rate small talk", () => {
    const fallback: Answer = { ...faq(0.1), kind: "fallback", sources: [] };
    expect(wordingFor(fallback)).toMatchObject({ lead: null, chipsLabel: "Try one of these:", showSources: false, rateable: true });
    const smalltalk: Answer = { ...faq(1), kind: "smalltalk", sources: [] };
    expect(wordingFor(smalltalk).rateable).toBe(false);
  });
});

describe("Error messages", () => {
  it("explain every server error code in plain words, and anything else generically", () => {
    const codes: ErrorCode[] = ["empty_question", "question_too_long", "unknown_document", "rate_limited", "not_ready", "shutting_down", "internal_error"];
    const texts = codes.map((code) => errorText({ code, message: "" }));
    expect(new Set(texts).size).toBe(codes.length);
    expect(errorText({ code: "question_too_long", message: "" })).toContain("500 characters");
    expect(errorText({ code: "something_new", message: "" })).toBe("Sorry, something went wrong. Please try again.");
  });
});
