/**
 * The `sources` table: feeds to harvest (blogs, the bot's own blog). Adding is idempotent: a URL
 * already present returns its row (its kind, title and site are updated when given).
 */
import type { Store } from './open-store.js';
import { sourceIdOf } from '../harvest/hash-id.js';
import type { Source, SourceKind } from '../harvest/types.js';

export interface SourceRow {
  id: string;
  url: string;
  title: string;
  site_url: string | null;
  kind: SourceKind;
  enabled: number;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: string | null;
  last_status: number | null;
  last_error: string | null;
  failures: number;
  next_attempt_at: string | null;
}

export type SourceListing = Source & { documents: number; lastStatus?: number; lastError?: string; lastFetchedAt?: string };

export function toSource(row: SourceRow): Source {
  const s: Source = { id: row.id, url: row.url, title: row.title, kind: row.kind };
  if (row.site_url) s.siteUrl = row.site_url;
  return s;
}

export function findSource(store: Store, urlOrId: string): SourceRow | undefined {
  return store.prepare('SELECT * FROM sources WHERE url = ? OR id = ?').get(urlOrId, urlOrId) as SourceRow | undefined;
}

export function addSource(store: Store, url: string, init: { kind?: SourceKind; title?: string; siteUrl?: string } = {}): Source {
  const existing = findSource(store, url);
  if (existing) {
    store
      .prepare('UPDATE sources SET kind = COALESCE(?, kind), title = COALESCE(?, title), site_url = COALESCE(?, site_url), enabled = 1 WHERE id = ?')
      .run(init.kind ?? null, init.title ?? null, init.siteUrl ?? null, existing.id);
    return toSource(findSource(store, existing.id)!);
  }
  const id = sourceIdOf(url);
  store
    .prepare('INSERT INTO sources (id, url, title, site_url, kind, added_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, url, init.title ?? '', init.siteUrl ?? null, init.kind ?? 'blog', new Date().toISOString());
  return toSource(findSource(store, id)!);
}

/** Removes a source and (by cascade) its documents. False when nothing matched. */
export function removeSource(store: Store, urlOrId: string): boolean {
  const row = findSource(store, urlOrId);
  if (!row) return false;
  store.prepare('DELETE FROM sources WHERE id = ?').run(row.id);
  return true;
}

export function listSources(store: Store): SourceListing[] {
  const rows = store
    .prepare(
      `SELECT s.*, (SELECT COUNT(*) FROM documents d WHERE d.source_id = s.id) AS documents
       FROM sources s ORDER BY s.added_at, s.url`,
    )
    .all() as Array<SourceRow & { documents: number }>;
  return rows.map((row) => {
    const listing: SourceListing = { ...toSource(row), documents: row.documents };
    if (row.last_status !== null) listing.lastStatus = row.last_status;
    if (row.last_error !== null) listing.lastError = row.last_error;
    if (row.last_fetched_at !== null) listing.lastFetchedAt = row.last_fetched_at;
    return listing;
  });
}

export function enabledSources(store: Store): SourceRow[] {
  return store.prepare('SELECT * FROM sources WHERE enabled = 1 ORDER BY added_at, url').all() as SourceRow[];
}
