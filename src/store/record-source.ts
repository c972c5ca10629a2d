/** What a harvest learnt about a source, written on its row: validators, status, failures, backoff. */
import type { Store } from './open-store.js';
import { nextAttemptAt } from '../harvest/backoff.js';
import { cachedStatement } from './cached-statement.js';
import type { SourceRow } from './sources.js';

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
