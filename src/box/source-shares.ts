/**
 * Each harvested blog's share of the weight, for the "about the statistics" page: raw (by words)
 * and damped (the configured damping applied to each blog's word count), from the harvest tables.
 */
import type { Store } from '../store/open-store.js';
import { dampings, type Damping } from '../model/damping.js';
import type { SourceShareRow } from '../site/render-about.js';
import { sourceWordCounts } from '../store/sources.js';

export function sourceShares(store: Store, damping: Damping): SourceShareRow[] {
  const rows = sourceWordCounts(store);
  const damp = dampings[damping];
  const rawTotal = rows.reduce((a, r) => a + r.tokens, 0) || 1;
  const dampedTotal = rows.reduce((a, r) => a + damp(r.tokens), 0) || 1;
  return rows.map((r) => ({
    title: r.title || r.url,
    documents: r.documents,
    tokens: r.tokens,
    rawShare: r.tokens / rawTotal,
    dampedShare: damp(r.tokens) / dampedTotal,
  }));
}
