import { describe, expect, it } from 'vitest';
import { addSource, listSources, removeSource } from '../../src/store/sources.js';
import { openStore } from '../../src/store/open-store.js';

const addDocument = (store: ReturnType<typeof openStore>, sourceId: string, id: string) =>
  store
    .prepare(`INSERT INTO documents (id, source_id, kind, guid, title, text, content_hash, fetched_at, updated_at) VALUES (?, ?, 'post', ?, 't', 'x', ?, 'now', 'now')`)
    .run(id, sourceId, id, id);

describe('addSource', () => {
  it('should be idempotent and update kind, title and site when given', () => {
    const store = openStore(':memory:');
    const first = addSource(store, 'http://a.example/feed');
    expect(first).toEqual({ id: first.id, url: 'http://a.example/feed', title: '', kind: 'blog' });
    const again = addSource(store, 'http://a.example/feed', { kind: 'own', title: 'Mine', siteUrl: 'http://a.example/' });
    expect(again).toEqual({ id: first.id, url: 'http://a.example/feed', title: 'Mine', kind: 'own', siteUrl: 'http://a.example/' });
    expect(addSource(store, 'http://a.example/feed')).toEqual(again);
    expect(listSources(store)).toHaveLength(1);
  });
});

describe('removeSource', () => {
  it('should remove by URL or id, with the documents, and say false when nothing matched', () => {
    const store = openStore(':memory:');
    const a = addSource(store, 'http://a.example/feed');
    const b = addSource(store, 'http://b.example/feed');
    addDocument(store, a.id, 'd1');
    addDocument(store, b.id, 'd2');
    expect(removeSource(store, a.id)).toBe(true);
    expect(removeSource(store, 'http://b.example/feed')).toBe(true);
    expect(removeSource(store, 'http://b.example/feed')).toBe(false);
    expect(store.prepare('SELECT COUNT(*) AS n FROM documents').get()).toEqual({ n: 0 });
  });
});

describe('listSources', () => {
  it('should list sources in the order added, with document counts and fetch state', () => {
    const store = openStore(':memory:');
    const a = addSource(store, 'http://a.example/feed');
    addSource(store, 'http://b.example/feed');
    addDocument(store, a.id, 'd1');
    store.prepare("UPDATE sources SET last_status = 404, last_error = 'gone', last_fetched_at = '2024-01-01T00:00:00.000Z' WHERE id = ?").run(a.id);
    expect(listSources(store).map((s) => [s.url, s.documents, s.lastStatus, s.lastError, s.lastFetchedAt])).toEqual([
      ['http://a.example/feed', 1, 404, 'gone', '2024-01-01T00:00:00.000Z'],
      ['http://b.example/feed', 0, undefined, undefined, undefined],
    ]);
  });
});
