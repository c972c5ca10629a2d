/** The log of pipeline runs (`runs` table): one row per run or step, for `webxcreta status`. */
import type { Store } from './open-store.js';

export interface RunRecord {
  id: number;
  kind: string;
  startedAt: string;
  finishedAt?: string;
  ok?: boolean;
  summary?: unknown;
  error?: string;
}

export function startRun(store: Store, kind: string, now: string): number {
  const info = store.prepare('INSERT INTO runs (kind, started_at) VALUES (?, ?)').run(kind, now);
  return Number(info.lastInsertRowid);
}

export function finishRun(store: Store, id: number, now: string, outcome: { ok: boolean; summary?: unknown; error?: string }): void {
  store
    .prepare('UPDATE runs SET finished_at = ?, ok = ?, summary = ?, error = ? WHERE id = ?')
    .run(now, outcome.ok ? 1 : 0, outcome.summary === undefined ? null : JSON.stringify(outcome.summary), outcome.error ?? null, id);
}

export function recentRuns(store: Store, limit = 20): RunRecord[] {
  const rows = store
    .prepare('SELECT id, kind, started_at, finished_at, ok, summary, error FROM runs ORDER BY id DESC LIMIT ?')
    .all(limit) as Array<{ id: number; kind: string; started_at: string; finished_at: string | null; ok: number | null; summary: string | null; error: string | null }>;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    startedAt: r.started_at,
    finishedAt: r.finished_at ?? undefined,
    ok: r.ok === null ? undefined : r.ok === 1,
    summary: r.summary ? JSON.parse(r.summary) : undefined,
    error: r.error ?? undefined,
  }));
}
