/** The one answer shape that flows from the core to every edge (CLI, HTTP, socket, widget). */

export type AnswerKind = "faq" | "article" | "smalltalk" | "fallback";

export interface AnswerSource {
  /** Document id (file name without extension). */
  document: string;
  type: "faq" | "sentence";
  /** For an FAQ source, the FAQ question; for a sentence source, the sentence. */
  text: string;
  /** Relevance in 0..1 (the answer's confidence for sources[0]). */
  score: number;
}

export interface Answer {
  question: string;
  kind: AnswerKind;
  /** The text shown to the user. */
  answer: string;
  /** 0..1, calibrated: see CONFIDENCE_BANDS in server/answer/confidence.ts. */
  confidence: number;
  /** Best first; for kind "faq", sources[0].text is the matched FAQ question. */
  sources: AnswerSource[];
  /** Related FAQ questions ("did you mean", "you may also ask"). */
  suggestions: string[];
}

export interface AskOptions {
  /** Answer from this document only (DESIGN.md, Scope). Unknown ids: see UnknownDocumentError. */
  document?: string;
  /** A soft preference (conversation context): the document of the previous answer. */
  preferDocument?: string;
}
