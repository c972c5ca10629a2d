/**
 * Writing harvested documents. A document is matched to a stored row by its key (`guid`: the feed's id,
 * made unique per entry by to-documents.ts, so entries sharing an id or a link are not one), then by
 * content hash (same text seen before is stored once, even from another source); never by link alone.
 * A match whose content changed is updated in place and keeps its id. Callers wrap this in the feed's
 * transaction.
 */
import type { Store } from './open-store.js';
import { cachedStatement } from './cached-statement.js';
import { contentHashOf, documentIdOf } from '../text/hash-id.js';
import type { DocumentKind } from '../harvest/types.js';

/** One post or comment ready to store: clean text, absolute URLs, ISO dates. */
export interface HarvestedDocument {
  kind: DocumentKind;
  /** The row's key within its source: the feed's id, link or content hash, unique per entry (to-documents.ts). */
  guid: string;
  parentId?: string;
  url?: string;
  title: string;
  text: string;
  author?: string;
  published?: string;
  commentCount?: number;
  commentsUrl?: string;
}

export type WriteOutcome = 'new' | 'updated' | 'unchanged' | 'duplicate';

interface Row {
  id: string;
  guid: string;
  source_id: string;
  content_hash: string;
  comment_count: number;
  comments_url: string | null;
  comments_seen: number | null;
}

/** What matching needs of a row (not its text). */
const COLUMNS = 'id, guid, source_id, content_hash, comment_count, comments_url, comments_seen';

export function findDocument(store: Store, sourceId: string, doc: Pick<HarvestedDocument, 'guid' | 'kind' | 'parentId'>, hash?: string): Row | undefined {
  const byGuid = cachedStatement(store, `SELECT ${COLUMNS} FROM documents WHERE source_id = ? AND guid = ?`).get(sourceId, doc.guid) as Row | undefined;
  if (byGuid || !hash) return byGuid;
  // The same comment text under two posts ("Great post!") is two comments; the same post text is one post.
  if (doc.kind === 'comment') {
    return cachedStatement(store, `SELECT ${COLUMNS} FROM documents WHERE content_hash = ? AND parent_id = ? LIMIT 1`).get(hash, doc.parentId ?? '') as Row | undefined;
  }
  return cachedStatement(store, `SELECT ${COLUMNS} FROM documents WHERE content_hash = ? AND kind = 'post' LIMIT 1`).get(hash) as Row | undefined;
}

const UPDATE = `UPDATE documents SET url = ?, title = ?, text = ?, author = ?, published = COALESCE(?, published),
  comment_count = ?, comments_url = ?, content_hash = ?, updated_at = ? WHERE id = ?`;
const INSERT = `INSERT INTO documents (id, source_id, kind, parent_id, guid, url, title, text, author, published,
  comment_count, comments_url, content_hash, fetched_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const REKEY = 'UPDATE documents SET guid = ? WHERE id = ?';
const COUNT_COMMENTS = 'UPDATE documents SET comment_count = (SELECT COUNT(*) FROM documents c WHERE c.parent_id = ?) WHERE id = ?';

/** Inserts or updates one document; returns what happened and the row's id. */
export function writeDocument(store: Store, sourceId: string, doc: HarvestedDocument, now: string): { outcome: WriteOutcome; id: string } {
  const hash = contentHashOf(doc.title, doc.text);
  const row = findDocument(store, sourceId, doc, hash);
  if (row && row.source_id !== sourceId) return { outcome: 'duplicate', id: row.id };
  // A row stored under an id that entries of its feed now share ("dup" → "dup#link-…", to-documents.ts):
  // found by its unchanged content, it takes its new key, so that it is found by key once edited.
  if (row && row.guid !== doc.guid && doc.guid.startsWith(`${row.guid}#`)) cachedStatement(store, REKEY).run(doc.guid, row.id);
  const count = doc.commentCount ?? row?.comment_count ?? 0;
  const url = doc.url ?? null;
  const author = doc.author ?? null;
  const published = doc.published ?? null;
  const commentsUrl = doc.commentsUrl ?? null;
  if (row) {
    const edited = row.content_hash !== hash;
    if (!edited && row.comment_count === count && row.comments_url === commentsUrl) return { outcome: 'unchanged', id: row.id };
    cachedStatement(store, UPDATE).run(url, doc.title, doc.text, author, published, count, commentsUrl, hash, now, row.id);
    return { outcome: edited ? 'updated' : 'unchanged', id: row.id };
  }
  const id = documentIdOf(sourceId, doc.guid);
  const parentId = doc.parentId ?? null;
  cachedStatement(store, INSERT).run(id, sourceId, doc.kind, parentId, doc.guid, url, doc.title, doc.text, author, published, count, commentsUrl, hash, now, now);
  return { outcome: 'new', id };
}

/** A post without a count in its feed: its count is the number of its comments we hold. */
export function countStoredComments(store: Store, postId: string): void {
  cachedStatement(store, COUNT_COMMENTS).run(postId, postId);
}

/** A post's comment feed was read: `seen` is the count it was read at (its comments are not read again until that changes). */
export function markCommentsSeen(store: Store, postId: string, seen: number): void {
  cachedStatement(store, 'UPDATE documents SET comments_seen = ? WHERE id = ?').run(seen, postId);
}

/** Stored posts of a source with comments whose comment feed was never read, in the order stored (at most `max`). */
export function unreadCommentFeeds(store: Store, sourceId: string, max: number): Array<{ guid: string; commentsUrl: string; commentCount: number }> {
  const rows = cachedStatement(
    store,
    `SELECT guid, comments_url, comment_count FROM documents WHERE source_id = ? AND kind = 'post' AND comments_url IS NOT NULL
       AND comments_seen IS NULL AND comment_count > 0 ORDER BY rowid LIMIT ?`,
  ).all(sourceId, max) as Array<{ guid: string; comments_url: string; comment_count: number }>;
  return rows.map((r) => ({ guid: r.guid, commentsUrl: r.comments_url, commentCount: r.comment_count }));
}

export function countDocuments(store: Store): number {
  return (store.prepare('SELECT count(*) FROM documents').pluck().get() as number) ?? 0;
}

/** What analysing a document reads of it. */
export interface DocumentText {
  id: string;
  sourceId: string;
  kind: DocumentKind;
  title: string;
  text: string;
  contentHash: string;
}

export function readDocumentText(store: Store, id: string): DocumentText | undefined {
  return cachedStatement(
    store,
    'SELECT id, source_id AS sourceId, kind, title, text, content_hash AS contentHash FROM documents WHERE id = ?',
  ).get(id) as DocumentText | undefined;
}
