/**
 * The box's entries in the store (table `box_entries`). Ids are short random hex strings used in
 * the AtomPub member URIs; slugs are unique (a taken slug gets `-2`, `-3`, …); the client's
 * atom:id is kept when it sends one, so a publisher can find its entry again.
 */
import { randomBytes } from 'node:crypto';
import { toSlug } from '../text/slug.js';
import type { Store } from './open-store.js';

export type ContentType = 'html' | 'text' | 'xhtml';

export interface BoxEntry {
  id: string;
  atomId: string;
  slug: string;
  postId?: string;
  title: string;
  content: string;
  contentType: ContentType;
  author: string;
  categories: string[];
  draft: boolean;
  published: string;
  updated: string;
  edited: string;
}

export type BoxEntryInput = Pick<BoxEntry, 'title' | 'content' | 'contentType' | 'author' | 'categories' | 'draft'> & {
  atomId?: string;
  slug?: string;
  postId?: string;
  published?: string;
  updated?: string;
};

interface Row {
  id: string; atom_id: string; slug: string; post_id: string | null; title: string; content: string;
  content_type: ContentType; author: string; categories: string; draft: number; published: string; updated: string; edited: string;
}

const fromRow = (r: Row): BoxEntry => ({
  id: r.id, atomId: r.atom_id, slug: r.slug, postId: r.post_id ?? undefined, title: r.title, content: r.content,
  contentType: r.content_type, author: r.author, categories: JSON.parse(r.categories) as string[], draft: r.draft === 1,
  published: r.published, updated: r.updated, edited: r.edited,
});

export function createBoxEntry(store: Store, input: BoxEntryInput, now: string): BoxEntry {
  return store.transaction(() => {
    const id = randomBytes(6).toString('hex');
    const slug = freeSlug(store, toSlug(input.slug || input.title));
    const atomId = input.atomId || `tag:webxcreta-box,${now.slice(0, 10)}:entry/${id}`;
    const seq = (store.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM box_entries').get() as { n: number }).n;
    store
      .prepare(
        `INSERT INTO box_entries (id, atom_id, slug, post_id, title, content, content_type, author, categories, draft,
           published, updated, edited, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, atomId, slug, input.postId ?? null, input.title, input.content, input.contentType, input.author,
        JSON.stringify(input.categories), input.draft ? 1 : 0, input.published ?? now, input.updated ?? now, now, seq);
    return getBoxEntry(store, id)!;
  }).immediate();
}

export function updateBoxEntry(store: Store, id: string, input: BoxEntryInput, now: string): BoxEntry | undefined {
  store
    .prepare(
      `UPDATE box_entries SET title = ?, content = ?, content_type = ?, author = ?, categories = ?, draft = ?,
         updated = ?, edited = ? WHERE id = ?`,
    )
    .run(input.title, input.content, input.contentType, input.author, JSON.stringify(input.categories),
      input.draft ? 1 : 0, input.updated ?? now, now, id);
  return getBoxEntry(store, id);
}

export function deleteBoxEntry(store: Store, id: string): boolean {
  return store.prepare('DELETE FROM box_entries WHERE id = ?').run(id).changes > 0;
}

export function getBoxEntry(store: Store, id: string): BoxEntry | undefined {
  const row = store.prepare('SELECT * FROM box_entries WHERE id = ?').get(id) as Row | undefined;
  return row && fromRow(row);
}

export function findBoxEntry(store: Store, by: { slug?: string; atomId?: string }): BoxEntry | undefined {
  const row = by.slug !== undefined
    ? store.prepare('SELECT * FROM box_entries WHERE slug = ?').get(by.slug)
    : store.prepare('SELECT * FROM box_entries WHERE atom_id = ?').get(by.atomId ?? '');
  return row ? fromRow(row as Row) : undefined;
}

/**
 * Newest first. The public views leave drafts out and order by creation; the AtomPub collection
 * shows drafts too (to its user) and orders by app:edited, as RFC 5023 §10 asks.
 */
export function listBoxEntries(store: Store, options: { drafts: boolean; limit: number; offset?: number }): BoxEntry[] {
  const order = options.drafts ? 'edited DESC, seq DESC' : 'seq DESC';
  const rows = store
    .prepare(`SELECT * FROM box_entries ${options.drafts ? '' : 'WHERE draft = 0'} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(options.limit, options.offset ?? 0) as Row[];
  return rows.map(fromRow);
}

export function countBoxEntries(store: Store, drafts: boolean): number {
  return (store.prepare(`SELECT COUNT(*) AS n FROM box_entries ${drafts ? '' : 'WHERE draft = 0'}`).get() as { n: number }).n;
}

function freeSlug(store: Store, base: string): string {
  const taken = store.prepare('SELECT 1 FROM box_entries WHERE slug = ?');
  if (!taken.get(base)) return base;
  for (let i = 2; ; i++) if (!taken.get(`${base}-${i}`)) return `${base}-${i}`;
}

/** The id of the box's public (not draft) entry of a generated post, if it was published there. */
export function publicEntryIdOfPost(store: Store, postId: string): string | undefined {
  const row = store.prepare('SELECT id FROM box_entries WHERE post_id = ? AND draft = 0').get(postId) as { id: string } | undefined;
  return row?.id;
}

/** Entries stored before the box sanitised content at its edge (migration 045); cleaned once by the box. */
export function listUnsanitizedEntries(store: Store): Array<Pick<BoxEntry, 'id' | 'content' | 'contentType'>> {
  const rows = store.prepare('SELECT id, content, content_type FROM box_entries WHERE sanitized = 0').all() as Array<Pick<Row, 'id' | 'content' | 'content_type'>>;
  return rows.map((r) => ({ id: r.id, content: r.content, contentType: r.content_type }));
}

/** Stores an entry's cleaned content and marks it clean (`edited` is left alone: nothing a client changed). */
export function markEntrySanitized(store: Store, id: string, content: string, contentType: ContentType): void {
  store.prepare('UPDATE box_entries SET content = ?, content_type = ?, sanitized = 1 WHERE id = ?').run(content, contentType, id);
}
