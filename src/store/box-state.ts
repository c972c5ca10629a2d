/**
 * The box's state that survives a restart (tables `box_secrets`, `box_rate_limits`): a named secret
 * made once per database, and per-address counters (timestamps of recent hits, and a time until
 * which the address is refused) for the box's rate limits. The limits' logic lives in the box.
 */
import type { Store } from './open-store.js';

/** The secret called `name`, made with `make` the first time (by whichever process asks first). */
export function boxSecret(store: Store, name: string, make: () => Buffer): Buffer {
  store.prepare('INSERT OR IGNORE INTO box_secrets (name, value, created_at) VALUES (?, ?, ?)').run(name, make(), new Date().toISOString());
  return (store.prepare('SELECT value FROM box_secrets WHERE name = ?').get(name) as { value: Buffer }).value;
}

export interface RateEntry {
  /** Times (ms) of the hits still counted, oldest first. */
  hits: number[];
  /** Refused until this time (ms); 0 when not blocked. */
  blockedUntil: number;
}

/**
 * Reads one address's entry, lets `change` decide (it gets a copy it may modify and returns its
 * verdict), and writes the entry back, in one transaction, so two boxes on one database count together.
 */
export function updateRateEntry<T>(store: Store, bucket: string, key: string, nowMs: number, change: (entry: RateEntry) => T): T {
  return store.transaction(() => {
    const row = store.prepare('SELECT hits, blocked_until FROM box_rate_limits WHERE bucket = ? AND key = ?').get(bucket, key) as
      | { hits: string; blocked_until: number }
      | undefined;
    const entry: RateEntry = { hits: row ? parseHits(row.hits) : [], blockedUntil: row?.blocked_until ?? 0 };
    const verdict = change(entry);
    store
      .prepare(
        `INSERT INTO box_rate_limits (bucket, key, hits, blocked_until, updated_ms) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(bucket, key) DO UPDATE SET hits = excluded.hits, blocked_until = excluded.blocked_until, updated_ms = excluded.updated_ms`,
      )
      .run(bucket, key, JSON.stringify(entry.hits), entry.blockedUntil, nowMs);
    return verdict;
  }).immediate();
}

/** One address's entry as stored, without changing it (undefined when it has none). */
export function readRateEntry(store: Store, bucket: string, key: string): RateEntry | undefined {
  const row = store.prepare('SELECT hits, blocked_until FROM box_rate_limits WHERE bucket = ? AND key = ?').get(bucket, key) as
    | { hits: string; blocked_until: number }
    | undefined;
  return row && { hits: parseHits(row.hits), blockedUntil: row.blocked_until };
}

/** Forgets entries untouched since `beforeMs` that are not blocked any more; returns how many. */
export function pruneRateEntries(store: Store, beforeMs: number, nowMs: number): number {
  return store.prepare('DELETE FROM box_rate_limits WHERE updated_ms < ? AND blocked_until <= ?').run(beforeMs, nowMs).changes;
}

function parseHits(json: string): number[] {
  try {
    const hits = JSON.parse(json) as unknown;
    return Array.isArray(hits) ? hits.filter((t): t is number => typeof t === 'number') : [];
  } catch {
    return [];
  }
}
