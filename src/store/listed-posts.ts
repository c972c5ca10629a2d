/** The posts a reader can see: stored posts that were not retracted from a blog. */
import type { Store } from './open-store.js';

/** The newest stored post that is not retracted (what `status` calls the last post). */
export function latestListedPost(store: Store): { id: string; title: string; createdAt: string } | undefined {
  const row = store
    .prepare(
      `SELECT id, title, created_at FROM posts p
       WHERE NOT EXISTS (SELECT 1 FROM publications x WHERE x.post_id = p.id AND x.state = 'retracted')
       ORDER BY created_at DESC, id DESC LIMIT 1`,
    )
    .get() as { id: string; title: string; created_at: string } | undefined;
  return row && { id: row.id, title: row.title, createdAt: row.created_at };
}

/** How many stored posts were retracted. */
export function countRetractedPosts(store: Store): number {
  return (store.prepare("SELECT COUNT(DISTINCT post_id) AS n FROM publications WHERE state = 'retracted'").get() as { n: number }).n;
}
