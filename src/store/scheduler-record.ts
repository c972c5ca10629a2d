/**
 * What a running scheduler fires on: its effective cron expressions and time zone (after the file,
 * the environment and the flags were merged), kept in the `meta` table while it runs, so that
 * `webxcreta status` — started with another environment — shows the scheduler's real next runs.
 */
import type { Store } from './open-store.js';

const KEY = 'scheduler';

export interface SchedulerRecord {
  /** The owner of the scheduler's lock (see locks.ts): the record is current only while it holds it. */
  owner: string;
  startedAt: string;
  timezone?: string;
  /** Step name → cron expression. */
  steps: Record<string, string>;
}

export function recordScheduler(store: Store, record: SchedulerRecord): void {
  store.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(record));
}

export function readScheduler(store: Store): SchedulerRecord | undefined {
  const row = store.prepare('SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as SchedulerRecord;
  } catch {
    return undefined;
  }
}

/** Removes the record if it is this owner's (a newer scheduler's record is left alone). */
export function clearScheduler(store: Store, owner: string): void {
  const current = readScheduler(store);
  if (current?.owner === owner) store.prepare('DELETE FROM meta WHERE key = ?').run(KEY);
}
