// TEMPORARY (being written): WordNet thesaurus loader.
export type Thesaurus = ReadonlyMap<string, readonly string[]>;
export function loadThesaurus(): Thesaurus { return new Map(); }
