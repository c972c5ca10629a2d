/** The store's sources and documents as one plain-JSON `Corpus` (the harvest stage's output). */
import type { Store } from './open-store.js';
import { toSource, type SourceRow } from './sources.js';
import type { Corpus, CorpusDocument } from '../harvest/types.js';

interface DocumentRow {
  id: string;
  source_id: string;
  kind: 'post' | 'comment';
  parent_id: string | null;
  title: string;
  text: string;
  url: string | null;
  author: string | null;
  published: string | null;
  comment_count: number;
  content_hash: string;
}

export function readCorpus(store: Store, filter: { ownOnly?: boolean } = {}): Corpus {
  const own = filter.ownOnly ? "WHERE s.kind = 'own'" : '';
  const sources = (store.prepare(`SELECT * FROM sources s ${own} ORDER BY s.added_at, s.url`).all() as SourceRow[]).map(toSource);
  const rows = store
    .prepare(
      `SELECT d.* FROM documents d JOIN sources s ON s.id = d.source_id ${own}
       ORDER BY s.added_at, s.url, d.kind DESC, d.published IS NULL, d.published, d.rowid`,
    )
    .all() as DocumentRow[];
  return { version: 1, sources, documents: rows.map(toDocument) };
}

function toDocument(row: DocumentRow): CorpusDocument {
  const doc: CorpusDocument = {
    id: row.id,
    sourceId: row.source_id,
    kind: row.kind,
    title: row.title,
    text: row.text,
    commentCount: row.comment_count,
    contentHash: row.content_hash,
  };
  if (row.parent_id) doc.parentId = row.parent_id;
  if (row.url) doc.url = row.url;
  if (row.author) doc.author = row.author;
  if (row.published) doc.published = row.published;
  return doc;
}
