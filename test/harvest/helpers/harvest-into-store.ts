/**
 * webXcreta's harvester over one feed body, as the fidelity suite sees it: extractFeed (decode,
 * repair, parse, HTML→text), the entry keys of to-documents.ts, and writeDocument into a fresh
 * in-memory store; the entries are the stored rows, in the order they were written. `id` is the id
 * the feed gave the entry (the row's key may carry a suffix that tells entries sharing it apart).
 */
import { extractFeed } from '../../../src/harvest/extract-feed.js';
import { toPostDocuments } from '../../../src/harvest/to-documents.js';
import { writeDocument } from '../../../src/store/documents.js';
import { openStore } from '../../../src/store/open-store.js';
import { addSource } from '../../../src/store/sources.js';
import type { HarvestResult } from './fidelity-suite.js';

export async function harvestIntoStore(bytes: Buffer, { contentType, url }: { contentType?: string; url: string }): Promise<HarvestResult> {
  const r = await extractFeed({ bytes, contentType, url });
  if (!r.ok) return { error: `${r.failure.failure}: ${r.failure.detail}` };
  const docs = toPostDocuments(r.feed.items);
  // toPostDocuments keeps the items that have a title or text, in order.
  const kept = r.feed.items.filter((item) => item.title || item.text);
  const feedIds = new Map(docs.map((d, i) => [d.guid, kept[i]?.guid]));
  const store = openStore(':memory:');
  try {
    const source = addSource(store, url);
    const now = new Date().toISOString();
    for (const doc of docs) writeDocument(store, source.id, doc, now);
    const rows = store.prepare('SELECT guid, url, title, text, published FROM documents WHERE source_id = ? ORDER BY rowid').all(source.id) as Array<Record<string, string | null>>;
    return { entries: rows.map((row) => ({ title: row.title, text: row.text, published: row.published, link: row.url, id: feedIds.get(row.guid!) ?? null })) };
  } finally {
    store.close();
  }
}
