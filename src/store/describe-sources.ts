/** Titles and links of the documents a post's sentences came from, read from the harvest tables. */
import type { Post } from '../generate/types.js';
import type { Store } from './open-store.js';
import type { SourceInfo } from '../site/render-sentences.js';

export function describeSources(store: Store, post: Post): Record<string, SourceInfo> {
  const ids = new Set<string>();
  for (const s of [post.title, ...post.paragraphs.flat()]) for (const src of s.provenance) ids.add(src.docId);
  if (post.theme) for (const id of [post.theme.seed, ...post.theme.related]) ids.add(id);
  const stmt = store.prepare(
    `SELECT d.title AS title, d.url AS url, s.title AS source_title
     FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.id = ?`,
  );
  const out: Record<string, SourceInfo> = {};
  for (const id of ids) {
    const row = stmt.get(id) as { title: string; url: string | null; source_title: string } | undefined;
    if (row) out[id] = { title: row.title, url: row.url ?? undefined, sourceTitle: row.source_title };
  }
  return out;
}
