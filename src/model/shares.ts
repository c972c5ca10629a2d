/**
 * How every view shows a model's source shares (`inspect`'s text and JSON, the weight plot, the
 * blog's /about page), so they list the same numbers in the same order with the same labels.
 * The shares themselves are computed once, by the weight stage (`shareSources`), and recorded in
 * the model; nothing here computes a share.
 */
import type { SourceShare } from './types.js';

/** Heaviest first (by the share of the weight), then by label: the order every view lists sources in. */
export function sortByShare<T extends Pick<SourceShare, 'dampedShare' | 'title' | 'sourceId' | 'kind'>>(sources: readonly T[]): T[] {
  return [...sources].sort((a, b) => b.dampedShare - a.dampedShare || cmp(shareLabel(a), shareLabel(b)) || cmp(a.sourceId, b.sourceId));
}

/** A source as views name it: its title (else its id), "(own)" for the bot's own blog. */
export const shareLabel = (s: Pick<SourceShare, 'title' | 'sourceId' | 'kind'>): string =>
  `${s.title || s.sourceId}${s.kind === 'own' ? ' (own)' : ''}`;

/** A share as a percentage: two decimals below 10% ("2.38%"), one above ("25.0%"). */
export const formatShare = (share: number): string => `${(share * 100).toFixed(share < 0.1 ? 2 : 1)}%`;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
