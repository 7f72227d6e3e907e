/**
 * Run on install (`postinstall`): build the thesaurus and word-vector caches once, so the
 * first start and the first test do not pay for it (about five seconds and 1 GB, once).
 */
import { loadEmbeddings } from "./embeddings.ts";
import { loadThesaurus } from "./wordnet.ts";

const started = Date.now();
const thesaurus = loadThesaurus();
const embeddings = loadEmbeddings();
console.log(
  `faqbot: thesaurus ${thesaurus.size} words, word vectors ${embeddings ? embeddings.rows.size : "not installed"} (${Date.now() - started} ms)`,
);
