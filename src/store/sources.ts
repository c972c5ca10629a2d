/**
 * The `sources` table: feeds to harvest (blogs, the bot's own blog). Adding is idempotent: a URL
 * already present returns its row (its kind, title and site are updated when given). A harvest
 * writes what it learnt about a source on its row: validators, status, failures, backoff.
 */
import type { Store } from './open-store.js';
import { nextAttemptAt } from './backoff.js';
import { sourceIdOf } from '../text/hash-id.js';
import { cachedStatement } from './cached-statement.js';
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

/** A source's feed URL changes (discovered from its home page, or moved for good); the old URL is kept as its site when it had none. */
export function moveSource(store: Store, id: string, url: string, previousUrl: string): void {
  store.prepare('UPDATE sources SET url = ?, site_url = COALESCE(site_url, ?) WHERE id = ?').run(url, previousUrl, id);
}

export function recordSuccess(store: Store, source: SourceRow, now: string, seen: { status: number; etag?: string; lastModified?: string; title?: string; siteUrl?: string }): void {
  cachedStatement(
    store,
    `UPDATE sources SET etag = ?, last_modified = ?, last_fetched_at = ?, last_status = ?, last_error = NULL, failures = 0,
       next_attempt_at = NULL, title = CASE WHEN title = '' THEN ? ELSE title END, site_url = COALESCE(site_url, ?) WHERE id = ?`,
  ).run(seen.etag ?? null, seen.lastModified ?? null, now, seen.status, seen.title ?? '', seen.siteUrl ?? null, source.id);
}

export function recordNotModified(store: Store, source: SourceRow, now: string): void {
  cachedStatement(store, `UPDATE sources SET last_fetched_at = ?, last_status = 304, last_error = NULL, failures = 0, next_attempt_at = NULL WHERE id = ?`).run(now, source.id);
}

/** Counts the failure and sets when to try again; returns that time, if any. */
export function recordFailure(store: Store, source: SourceRow, now: string, error: string, status?: number, retryAfter?: string): string | undefined {
  const failures = source.failures + 1;
  const next = nextAttemptAt(failures, now, retryAfter);
  cachedStatement(store, `UPDATE sources SET last_fetched_at = ?, last_status = ?, last_error = ?, failures = ?, next_attempt_at = ? WHERE id = ?`).run(
    now,
    status ?? null,
    error,
    failures,
    next ?? null,
    source.id,
  );
  return next;
}

/** Whether any source was ever fetched. */
export function anySourceFetched(store: Store): boolean {
  return store.prepare('SELECT 1 FROM sources WHERE last_fetched_at IS NOT NULL LIMIT 1').get() !== undefined;
}

export interface HarvestSummary {
  /** The latest fetch of an enabled source. */
  at: string;
  /** Enabled sources. */
  sources: number;
  /** Enabled sources whose last fetch failed. */
  failing: number;
}

/** The last harvest as `webxcreta status` shows it; undefined when no enabled source was ever fetched. */
export function harvestSummary(store: Store): HarvestSummary | undefined {
  const row = store
    .prepare(`SELECT MAX(last_fetched_at) AS at, COUNT(*) AS sources, SUM(CASE WHEN last_error IS NOT NULL THEN 1 ELSE 0 END) AS failing FROM sources WHERE enabled = 1`)
    .get() as { at: string | null; sources: number; failing: number | null };
  return row.at ? { at: row.at, sources: row.sources, failing: row.failing ?? 0 } : undefined;
}

/** Sources whose last fetch failed, most recently fetched first. */
export function failingSources(store: Store, limit: number): Array<{ url: string; error: string }> {
  const rows = store.prepare('SELECT url, last_error FROM sources WHERE last_error IS NOT NULL ORDER BY last_fetched_at DESC LIMIT ?').all(limit) as Array<{
    url: string;
    last_error: string;
  }>;
  return rows.map((r) => ({ url: r.url, error: r.last_error }));
}

export interface SourceWords {
  title: string;
  url: string;
  documents: number;
  /** Words (space-separated runs) in the source's documents. */
  tokens: number;
}

/** Each enabled source with documents: its document and word counts, most words first. */
export function sourceWordCounts(store: Store): SourceWords[] {
  return store
    .prepare(
      `SELECT s.title AS title, s.url AS url, COUNT(d.id) AS documents,
         COALESCE(SUM(LENGTH(d.text) - LENGTH(REPLACE(d.text, ' ', '')) + 1), 0) AS tokens
       FROM sources s JOIN documents d ON d.source_id = s.id
       WHERE s.enabled = 1 GROUP BY s.id ORDER BY tokens DESC, s.title`,
    )
    .all() as SourceWords[];
}
