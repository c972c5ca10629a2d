/**
 * Text a user supplies to `brainstorm` and `prompt` (files, folders, URLs, stdin), before it is
 * turned into a `Corpus` of kind-'file' sources.
 */

export type SuppliedFormat = 'text' | 'markdown' | 'html';

export interface SuppliedText {
  /** Where it came from: a path relative to the working directory, a URL, or "stdin". */
  name: string;
  format: SuppliedFormat;
  content: string;
}
