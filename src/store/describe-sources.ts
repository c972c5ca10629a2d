/**
 * Titles and links of the documents a post's sentences came from, read from the harvest tables.
 * The bot's own posts harvested from its box (and comments on them) are named by their slug on
 * the box, so pages link them relatively; the address they were harvested from (a passing port)
 * is never shown.
 */
import type { Post } from '../generate/types.js';
import type { Store } from './open-store.js';
import type { SourceInfo } from '../site/render-sentences.js';
import { OWN_BOX_BASE } from '../site/box-url.js';

export function describeSources(store: Store, post: Post): Record<string, SourceInfo> {
  const ids = new Set<string>();
  for (const s of [post.title, ...post.paragraphs.flat()]) for (const src of s.provenance) ids.add(src.docId);
  if (post.theme) for (const id of [post.theme.seed, ...post.theme.related]) ids.add(id);
  const stmt = store.prepare(
    `SELECT d.title AS title, d.url AS url, s.title AS source_title, s.url AS source_url, b.slug AS own_slug
     FROM documents d JOIN sources s ON s.id = d.source_id
     LEFT JOIN documents p ON p.id = d.parent_id
     LEFT JOIN box_entries b ON s.kind = 'own' AND b.draft = 0 AND b.atom_id = COALESCE(p.guid, d.guid)
     WHERE d.id = ?`,
  );
  const out: Record<string, SourceInfo> = {};
  for (const id of ids) {
    const row = stmt.get(id) as { title: string; url: string | null; source_title: string; source_url: string; own_slug: string | null } | undefined;
    if (!row) continue;
    const info: SourceInfo = { title: row.title, sourceTitle: row.source_title };
    if (row.own_slug !== null) {
      info.ownSlug = row.own_slug;
      const hash = row.url ? /#[\w-]+$/.exec(row.url)?.[0] : undefined;
      if (hash) info.fragment = hash;
    } else if (row.url && !row.source_url.startsWith(OWN_BOX_BASE)) info.url = row.url;
    out[id] = info;
  }
  return out;
}
