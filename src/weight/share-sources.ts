/**
 * Each source's share of the weight — the one place this arithmetic lives. `weighDocuments` calls
 * it to weigh the documents, and the model records its result (`Model.sources[].dampedShare`,
 * `Model.own`); inspect, the weight plot and the blog's /about page show those recorded numbers.
 *
 *   mass of a source s   W_s = damp(tokens_s)                (0 for a source that carries no weight)
 *   share                S_s = W_s / Σ W                     — or, when own and other sources both
 *                        carry weight: the own ones share effectiveOwnShare (ownShare approached
 *                        over the bot's first ownRampPosts posts, see own-share.ts), the others
 *                        the rest, each pro rata W_s.
 * Pure.
 */
import type { SourceKind } from '../harvest/types.js';
import { dampings, type Damping } from '../model/damping.js';
import type { OwnShare } from '../model/types.js';
import { effectiveOwnShare } from './own-share.js';

export interface SourceMass {
  /** Tokens of all the source's documents; 0 when none of them carries weight. */
  tokens: number;
  kind: SourceKind;
}

export interface ShareSettings {
  damping: Damping;
  /** The own blog's share once it has many posts (weight.ownShare). */
  ownShare: number;
  /** Own posts over which ownShare is reached (weight.ownRampPosts); 0 or absent: at once. */
  ownRampPosts?: number;
}

export interface Shares {
  /** S_s for each source, in the order given; they sum to 1 (or are all 0 when no source weighs). */
  shares: number[];
  /** What the own sources got together. */
  own: OwnShare;
}

export function shareSources(sources: readonly SourceMass[], settings: ShareSettings, ownPosts: number): Shares {
  const damp = dampings[settings.damping];
  const mass = sources.map((s) => damp(s.tokens));
  const isOwn = sources.map((s) => s.kind === 'own');
  const ownMass = mass.reduce((a, m, i) => a + (isOwn[i] ? m : 0), 0);
  const otherMass = mass.reduce((a, m, i) => a + (isOwn[i] ? 0 : m), 0);
  const split = ownMass > 0 && otherMass > 0;
  const ownShare = split ? effectiveOwnShare(settings.ownShare, ownPosts, settings.ownRampPosts) : ownMass > 0 ? 1 : 0;
  const shares = mass.map((m, i) => {
    const groupMass = isOwn[i] ? ownMass : otherMass;
    if (groupMass === 0) return 0;
    return (m / groupMass) * (isOwn[i] ? ownShare : 1 - ownShare);
  });
  return { shares, own: { posts: ownPosts, share: ownShare } };
}
