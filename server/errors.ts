/** The few named errors of faqbot. Edges convert them to messages or error codes at one place. */

export class FaqbotError extends Error {
  override name = "FaqbotError";
}

/** The data folder is missing, unreadable or holds no loadable document. */
export class DataFolderError extends FaqbotError {
  override name = "DataFolderError";
}

/** A question was scoped to a document id that the knowledge base does not hold. */
export class UnknownDocumentError extends FaqbotError {
  override name = "UnknownDocumentError";
  constructor(readonly document: string) {
    super(`unknown document "${document}"; ask without a document or use one of the ids in the data folder`);
  }
}
