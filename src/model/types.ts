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
  /** Share of all tokens: what the source's size alone would give (no damping, no own share). */
  rawShare: number;
  /**
   * Share of the model's weight: the damped size, with the own blog's share as it was when the
   * model was built (after the ramp, see `Model.own`). What generation draws with, and what every
   * view of the shares shows.
   */
  dampedShare: number;
}

/** The bot's own blog in a model. */
export interface OwnShare {
  /** Posts of its own the bot had when the model was built. */
  posts: number;
  /**
   * The share of the weight its own sources got: with other sources beside them,
   * `weight.ownShare` approached over `weight.ownRampPosts` posts (see weight/own-share.ts);
   * 1 when they are all there is, 0 when there are none. The sum of the own sources' `dampedShare`.
   */
  share: number;
}

export interface Model {
  version: 1;
  /** Hash of the analysed corpus (document ids + content hashes) and the settings. */
  fingerprint: string;
  settings: WeightSettings;
  /** Every source with its shares, as weighed (see `sortByShare` for the order to show them in). */
  sources: SourceShare[];
  own: OwnShare;
  /** Final weight of each document (docId → weight); the language model's counts are scaled by it. */
  documentWeights: Record<string, number>;
  lm: LanguageModel;
}
