/**
 * The analyze stage: documents → tagged sentences (wink-nlp), stored once per document version.
 *   1. analyzeDocument   one document, title apart from body (pure)
 *   2. analyzeStore      every new or edited document in the store, incrementally
 *   3. loadAnalysis      the stored analyses as one `Analysis`
 *   analyzeCorpus        the same for supplied text that never enters the store (pure)
 */
export { analyzeDocument } from './analyze-document.js';
export { analyzeCorpus } from './analyze-corpus.js';
export { tagText } from './tag-text.js';
export { ANALYZER_VERSION } from '../model/analyzer-version.js';
export type { Analysis, AnalyzedDocument, TaggedSentence } from './types.js';
