/**
 * Supplied text for `brainstorm` and `prompt`:
 *   1. readSupplied              files, folders, URLs, stdin → raw texts (I/O)
 *   2. buildSuppliedCorpus       raw texts → Corpus, one 'file' source per input (pure)
 *   3. loadOrBuildSuppliedModel  Corpus → Model, cached by content hash in the user's cache folder
 */
export { readSupplied, type ReadSuppliedOptions, type FetchLimits } from './read-supplied.js';
export { buildSuppliedCorpus, chunkParagraphs, CHUNK_WORDS } from './build-supplied-corpus.js';
export { markdownToText } from './markdown-to-text.js';
export { noSuppliedText } from './errors.js';
export type { SuppliedText, SuppliedFormat } from './types.js';
export { makePrompts, toWhatIf, PROMPT_COUNTS, type WritingPrompt, type PromptKind } from './make-prompts.js';
