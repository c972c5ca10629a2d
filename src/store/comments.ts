/** Readers' comments on the box's entries (table `box_comments`): plain text, stored as given, escaped on output. */
import type { BoxComment } from '../site/page-entry.js';
import type { Store } from './open-store.js';

export type { BoxComment };

export function addComment(store: Store, c: Omit<BoxComment, 'id'>): BoxComment {
  const info = store
    .prepare('INSERT INTO box_comments (entry_id, author, text, created_at) VALUES (?, ?, ?, ?)')
    .run(c.entryId, c.author, c.text, c.createdAt);
  return { ...c, id: Number(info.lastInsertRowid) };
}

export function listComments(store: Store, entryId: string): BoxComment[] {
  const rows = store
    .prepare('SELECT id, entry_id, author, text, created_at FROM box_comments WHERE entry_id = ? ORDER BY id')
    .all(entryId) as Array<{ id: number; entry_id: string; author: string; text: string; created_at: string }>;
  return rows.map((r) => ({ id: r.id, entryId: r.entry_id, author: r.author, text: r.text, createdAt: r.created_at }));
}

/** entry id → number of comments, for the feed's thr:total. */
export function countComments(store: Store, entryIds: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  const stmt = store.prepare('SELECT COUNT(*) AS n FROM box_comments WHERE entry_id = ?');
  for (const id of entryIds) out[id] = (stmt.get(id) as { n: number }).n;
  return out;
}
