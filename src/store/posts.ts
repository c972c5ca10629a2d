/** Generated posts in the store: saved whole (the Post as JSON) and read back unchanged. */
import type { Post } from '../generate/types.js';
import type { Store } from './open-store.js';

export function savePost(store: Store, post: Post): void {
  store
    .prepare(
      `INSERT INTO posts (id, seed, title, data, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET title = excluded.title, data = excluded.data`,
    )
    .run(post.id, post.seed, post.title.text, JSON.stringify(post), post.createdAt);
}

export function readPost(store: Store, id: string): Post | undefined {
  const row = store.prepare('SELECT data FROM posts WHERE id = ?').get(id) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as Post) : undefined;
}

export function readPosts(store: Store): Post[] {
  const rows = store.prepare('SELECT data FROM posts ORDER BY created_at, id').all() as { data: string }[];
  return rows.map((r) => JSON.parse(r.data) as Post);
}

export function hasPosts(store: Store): boolean {
  return store.prepare('SELECT 1 FROM posts LIMIT 1').get() !== undefined;
}

/** The newest stored post's id, title and creation time. */
export function latestPost(store: Store): { id: string; title: string; createdAt: string } | undefined {
  const row = store.prepare('SELECT id, title, created_at FROM posts ORDER BY created_at DESC, id DESC LIMIT 1').get() as
    | { id: string; title: string; created_at: string }
    | undefined;
  return row && { id: row.id, title: row.title, createdAt: row.created_at };
}

/** The newest n stored posts, newest first (for the variety rules: sentences and templates not to repeat). */
export function recentPosts(store: Store, n: number): Post[] {
  if (n <= 0) return [];
  const rows = store.prepare('SELECT data FROM posts ORDER BY created_at DESC, id DESC LIMIT ?').all(n) as { data: string }[];
  return rows.map((r) => JSON.parse(r.data) as Post);
}
