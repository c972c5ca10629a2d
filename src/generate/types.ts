/**
 * Generate stage data. A `Post` is structure, not markup: a title, paragraphs of sentences, the
 * seed that made it, and for every sentence where its template and words came from. `publish`
 * renders it; nothing here is HTML.
 */

export interface ProvenanceSource {
  docId: string;
  sourceId: string;
  /** Share of the sentence's weight this document contributed (0..1). */
  weight: number;
  /** What it gave: the template, or the words at these token positions. */
  gave: 'template' | 'words';
  positions?: number[];
}

export interface GeneratedSentence {
  text: string;
  /** Template id (tag sequence) the sentence was built from. */
  template: string;
  provenance: ProvenanceSource[];
}

export interface Post {
  version: 1;
  /** Stable id, derived from seed + model fingerprint. */
  id: string;
  title: GeneratedSentence;
  paragraphs: GeneratedSentence[][];
  seed: string;
  /** Fingerprint of the model that produced it. */
  modelFingerprint: string;
  topic?: string[];
  /** What the post is about (generate.focus > 0): absent in posts made without a theme. */
  theme?: PostTheme;
  createdAt: string;
}

/** A post's theme: its words (best first) and the documents they were drawn from (docIds). */
export interface PostTheme {
  words: string[];
  /** The document the theme was seeded from. */
  seed: string;
  /** Documents close to the seed that widened the theme. */
  related: string[];
}
