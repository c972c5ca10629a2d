/**
 * How much each document counts. Every level where counts compete is damped (`damping`:
 * log-squared by default):
 *
 *   raw mass of a source s      m_s = tokens of all its documents (posts and comments)
 *   source weight               W_s = damp(m_s)
 *   boost of a post d           b_d = 1 + damp(comments of d)
 *   boost of a comment          b_d = commentWeight          (its tokens count at that fraction of a post's)
 *   source share                S_s = W_s / Σ W              — or, when the bot has own posts and others:
 *                               own sources share ownShare (approached gradually over the bot's
 *                               first posts, see own-share.ts), the others the rest, each pro rata W_s
 *                               (`shareSources`, the one place shares are computed)
 *   document weight (per token) w_d = N · S_s · b_d / Σ_{e ∈ s} (b_e · t_e)
 *
 * where t_d is the document's token count and N the corpus's. So Σ w_d·t_d = N: a weight is a
 * multiplier on every count the document contributes, 1 on average; a source's documents together
 * carry exactly its share S_s; within a source a post's tokens weigh b_d times a plain post's.
 * Token count (not post count) is the raw mass because tokens are what the language model counts:
 * a source of a few long essays and one of many one-liners contribute in proportion to their text.
 */
import type { Analysis } from '../analyze/types.js';
import type { Corpus, Source } from '../harvest/types.js';
import { dampings } from '../model/damping.js';
import { emptyCorpus, noOwnPosts } from './errors.js';
import { shareSources } from './share-sources.js';
import type { OwnShare, SourceShare, WeightSettings } from '../model/types.js';

export interface DocumentWeights {
  /** docId → per-token weight (> 0 only; documents left out count 0). */
  documentWeights: Record<string, number>;
  sources: SourceShare[];
  /** The own blog's posts and the share its sources got (after the ramp). */
  own: OwnShare;
}

interface SourceTally {
  source: Source;
  documents: number;
  tokens: number;
  /** Σ b_d · t_d */
  units: number;
  share: number;
}

export function weighDocuments(corpus: Corpus, analysis: Analysis, settings: WeightSettings): DocumentWeights {
  const damp = dampings[settings.damping];
  const tokensOf = new Map(analysis.documents.map((d) => [d.docId, d.tokens]));
  const included = settings.ownOnly ? corpus.sources.filter((s) => s.kind === 'own') : corpus.sources;
  if (settings.ownOnly && included.length === 0) throw noOwnPosts();
  const tallies = new Map<string, SourceTally>(included.map((s) => [s.id, { source: s, documents: 0, tokens: 0, units: 0, share: 0 }]));
  const boostOf = (kind: 'post' | 'comment', comments: number) => (kind === 'comment' ? settings.commentWeight : 1 + damp(comments));
  let totalTokens = 0;
  let ownPosts = 0;
  for (const doc of corpus.documents) {
    const tally = tallies.get(doc.sourceId);
    const tokens = tokensOf.get(doc.id) ?? 0;
    if (!tally) continue;
    if (tally.source.kind === 'own' && doc.kind === 'post') ownPosts++;
    tally.documents += 1;
    tally.tokens += tokens;
    tally.units += boostOf(doc.kind, doc.commentCount) * tokens;
    totalTokens += tokens;
  }
  if (totalTokens === 0) throw settings.ownOnly ? noOwnPosts() : emptyCorpus('the corpus');
  const list = [...tallies.values()];
  // A source whose documents all weigh nothing (only comments, at commentWeight 0) has no mass.
  const { shares, own } = shareSources(list.map((t) => ({ tokens: t.units > 0 ? t.tokens : 0, kind: t.source.kind })), settings, ownPosts);
  list.forEach((t, i) => (t.share = shares[i]));
  const documentWeights: Record<string, number> = {};
  for (const doc of corpus.documents) {
    const tally = tallies.get(doc.sourceId);
    const tokens = tokensOf.get(doc.id) ?? 0;
    if (!tally || tokens === 0 || tally.units === 0) continue;
    const weight = (totalTokens * tally.share * boostOf(doc.kind, doc.commentCount)) / tally.units;
    if (weight > 0) documentWeights[doc.id] = weight;
  }
  const sources = list.map((t) => toSourceShare(t, totalTokens));
  return { documentWeights, sources, own };
}

function toSourceShare(t: SourceTally, totalTokens: number): SourceShare {
  return {
    sourceId: t.source.id,
    title: t.source.title,
    kind: t.source.kind,
    documents: t.documents,
    tokens: t.tokens,
    rawShare: t.tokens / totalTokens,
    dampedShare: t.share,
  };
}
