/**
 * Weight stage data. A `Model` is everything generation needs, as plain JSON: how much each
 * source and document counts (after damping), and the language model built from the analysis
 * with those weights. It carries the fingerprint of the corpus and the settings it was built with,
 * so a stale or foreign model file is recognised instead of silently used.
 */
import type { Damping } from './damping.js';
import type { LanguageModel } from './language-model.js';

export interface WeightSettings {
  damping: Damping;
  /** Share of the total weight given to the bot's own past posts (when there are any). */
  ownShare: number;
  /** Own posts over which ownShare is reached gradually (see own-share.ts); 0 or absent: at once. */
  ownRampPosts?: number;
  ownOnly: boolean;
  /** Weight of one comment relative to one post. */
  commentWeight: number;
}

export interface SourceShare {
  sourceId: string;
  title: string;
  kind: 'blog' | 'own' | 'file';
  documents: number;
  tokens: number;
  /** Share of all weight with no damping (proportional to tokens). */
  rawShare: number;
  /** Share of all weight after damping and the own/comment knobs. */
  dampedShare: number;
}

export interface Model {
  version: 1;
  /** Hash of the analysed corpus (document ids + content hashes) and the settings. */
  fingerprint: string;
  settings: WeightSettings;
  sources: SourceShare[];
  /** Final weight of each document (docId → weight); the language model's counts are scaled by it. */
  documentWeights: Record<string, number>;
  lm: LanguageModel;
}
