/**
 * Analyze stage data. Every document is split into sentences and tagged once by wink-nlp; the
 * result is stored per document, so adding documents never re-tags the others.
 * Sentences are stored column-wise (parallel arrays) because a million-token corpus holds
 * millions of tokens and one object per token would cost ten times the memory.
 */

export interface TaggedSentence {
  /** Surface forms as written. */
  words: string[];
  /** Lemmas from wink-nlp (lower case). */
  lemmas: string[];
  /** Universal POS tags from wink-nlp (NOUN, VERB, DET, PUNCT, ...). */
  pos: string[];
  /** Whether whitespace precedes each token ("" or " " joins the prose back). */
  spaces: boolean[];
}

export interface AnalyzedDocument {
  docId: string;
  sourceId: string;
  kind: 'post' | 'comment';
  /** The title analysed apart from the body (posts only). */
  title?: TaggedSentence;
  sentences: TaggedSentence[];
  tokens: number;
}

export interface Analysis {
  version: 1;
  documents: AnalyzedDocument[];
}
