/**
 * Each harvested blog's share of the weight, for the "about the statistics" page: raw (by words)
 * and damped (the configured damping applied to each blog's word count), from the harvest tables.
 */
import type { Store } from '../store/open-store.js';
import { dampings, type Damping } from '../model/damping.js';
import type { SourceShareRow } from '../site/render-about.js';

export function sourceShares(store: Store, damping: Damping): SourceShareRow[] {
  const rows = store
    .prepare(
      `SELECT s.title AS title, s.url AS url, COUNT(d.id) AS documents,
         COALESCE(SUM(LENGTH(d.text) - LENGTH(REPLACE(d.text, ' ', '')) + 1), 0) AS tokens
       FROM sources s JOIN documents d ON d.source_id = s.id
       WHERE s.enabled = 1 GROUP BY s.id ORDER BY tokens DESC, s.title`,
    )
    .all() as Array<{ title: string; url: string; documents: number; tokens: number }>;
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
