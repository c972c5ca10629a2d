import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addSource,
  anySourceFetched,
  enabledSources,
  failingSources,
  findSource,
  harvestSummary,
  listSources,
  moveSource,
  recordFailure,
  recordNotModified,
  recordSuccess,
  removeSource,
  sourceWordCounts,
} from '../../src/store/sources.js';
import { openStore } from '../../src/store/open-store.js';
import { makeTempStore } from '../helpers/temp-store.js';

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

describe('harvest state of a source', () => {
  let t: ReturnType<typeof makeTempStore>;
  beforeEach(() => (t = makeTempStore()));
  afterEach(() => t.remove());
  const row = (url: string) => findSource(t.store, url)!;

  it('should record a success: validators and status kept, failures cleared, a blank title and site filled in but not replaced', () => {
    addSource(t.store, 'http://a.example/feed');
    recordFailure(t.store, row('http://a.example/feed'), '2026-01-01T00:00:00.000Z', 'timed out');
    recordFailure(t.store, row('http://a.example/feed'), '2026-01-01T01:00:00.000Z', 'timed out');
    recordSuccess(t.store, row('http://a.example/feed'), '2026-01-02T00:00:00.000Z', {
      status: 200, etag: '"v1"', lastModified: 'Thu, 01 Jan 2026 00:00:00 GMT', title: 'Blog A', siteUrl: 'http://a.example/',
    });
    expect(row('http://a.example/feed')).toMatchObject({
      etag: '"v1"', last_modified: 'Thu, 01 Jan 2026 00:00:00 GMT', last_fetched_at: '2026-01-02T00:00:00.000Z', last_status: 200,
      last_error: null, failures: 0, next_attempt_at: null, title: 'Blog A', site_url: 'http://a.example/',
    });
    recordSuccess(t.store, row('http://a.example/feed'), '2026-01-03T00:00:00.000Z', { status: 200, title: 'Renamed', siteUrl: 'http://elsewhere.example/' });
    expect(row('http://a.example/feed')).toMatchObject({ etag: null, last_modified: null, title: 'Blog A', site_url: 'http://a.example/' });
  });

  it('should count failures in a row and back off from the second, and clear them on a 304', () => {
    addSource(t.store, 'http://a.example/feed');
    expect(recordFailure(t.store, row('http://a.example/feed'), '2026-01-01T00:00:00.000Z', 'HTTP 500', 500)).toBeUndefined();
    expect(row('http://a.example/feed')).toMatchObject({ failures: 1, last_status: 500, last_error: 'HTTP 500', next_attempt_at: null });
    const next = recordFailure(t.store, row('http://a.example/feed'), '2026-01-01T01:00:00.000Z', 'refused');
    expect(next).toBe('2026-01-01T01:30:00.000Z');
    expect(row('http://a.example/feed')).toMatchObject({ failures: 2, last_status: null, last_error: 'refused', next_attempt_at: next });
    expect(recordFailure(t.store, row('http://a.example/feed'), '2026-01-01T02:00:00.000Z', 'slow down', 429, '7200')).toBe('2026-01-01T04:00:00.000Z');
    recordNotModified(t.store, row('http://a.example/feed'), '2026-01-02T00:00:00.000Z');
    expect(row('http://a.example/feed')).toMatchObject({
      failures: 0, last_status: 304, last_error: null, next_attempt_at: null, last_fetched_at: '2026-01-02T00:00:00.000Z',
    });
  });

  it('should move a source to its feed URL keeping its id, the old URL becoming its site only when it had none', () => {
    const page = addSource(t.store, 'http://a.example/');
    moveSource(t.store, page.id, 'http://a.example/feed.xml', 'http://a.example/');
    expect(findSource(t.store, 'http://a.example/')).toBeUndefined();
    expect(findSource(t.store, page.id)).toMatchObject({ url: 'http://a.example/feed.xml', site_url: 'http://a.example/' });
    moveSource(t.store, page.id, 'http://a.example/atom.xml', 'http://a.example/feed.xml');
    expect(findSource(t.store, page.id)).toMatchObject({ url: 'http://a.example/atom.xml', site_url: 'http://a.example/' });
  });
});

describe('harvest summaries', () => {
  let t: ReturnType<typeof makeTempStore>;
  beforeEach(() => (t = makeTempStore()));
  afterEach(() => t.remove());
  const row = (url: string) => findSource(t.store, url)!;

  it('should say nothing was harvested until a source is fetched', () => {
    addSource(t.store, 'http://a.example/feed');
    expect(anySourceFetched(t.store)).toBe(false);
    expect(harvestSummary(t.store)).toBeUndefined();
    expect(failingSources(t.store, 5)).toEqual([]);
    recordNotModified(t.store, row('http://a.example/feed'), '2026-01-01T00:00:00.000Z');
    expect(anySourceFetched(t.store)).toBe(true);
    expect(harvestSummary(t.store)).toEqual({ at: '2026-01-01T00:00:00.000Z', sources: 1, failing: 0 });
  });

  it('should summarise enabled sources only, and list failing ones most recent first, up to the limit', () => {
    for (const u of ['a', 'b', 'c', 'd']) addSource(t.store, `http://${u}.example/feed`);
    recordSuccess(t.store, row('http://a.example/feed'), '2026-01-01T00:00:00.000Z', { status: 200 });
    recordFailure(t.store, row('http://b.example/feed'), '2026-01-01T02:00:00.000Z', 'gone', 410);
    recordFailure(t.store, row('http://c.example/feed'), '2026-01-01T03:00:00.000Z', 'refused');
    recordFailure(t.store, row('http://d.example/feed'), '2026-01-01T09:00:00.000Z', 'off');
    t.store.prepare('UPDATE sources SET enabled = 0 WHERE url = ?').run('http://d.example/feed');
    expect(enabledSources(t.store)).toHaveLength(3);
    expect(harvestSummary(t.store)).toEqual({ at: '2026-01-01T03:00:00.000Z', sources: 3, failing: 2 });
    expect(failingSources(t.store, 2)).toEqual([
      { url: 'http://d.example/feed', error: 'off' },
      { url: 'http://c.example/feed', error: 'refused' },
    ]);
    expect(failingSources(t.store, 5).map((s) => s.url)).toEqual(['http://d.example/feed', 'http://c.example/feed', 'http://b.example/feed']);
  });

  it('should count each enabled source\'s documents and words, most words first, leaving out sources with none', () => {
    const a = addSource(t.store, 'http://a.example/feed', { title: 'A' });
    const b = addSource(t.store, 'http://b.example/feed');
    addSource(t.store, 'http://empty.example/feed');
    const off = addSource(t.store, 'http://off.example/feed');
    const add = (sourceId: string, id: string, text: string) =>
      t.store
        .prepare(`INSERT INTO documents (id, source_id, kind, guid, title, text, content_hash, fetched_at, updated_at) VALUES (?, ?, 'post', ?, 't', ?, ?, 'now', 'now')`)
        .run(id, sourceId, id, text, id);
    add(a.id, 'a1', 'one two three');
    add(b.id, 'b1', 'one two');
    add(b.id, 'b2', 'three four five');
    add(off.id, 'o1', 'many many many many many words');
    t.store.prepare('UPDATE sources SET enabled = 0 WHERE id = ?').run(off.id);
    expect(sourceWordCounts(t.store)).toEqual([
      { title: '', url: 'http://b.example/feed', documents: 2, tokens: 5 },
      { title: 'A', url: 'http://a.example/feed', documents: 1, tokens: 3 },
    ]);
  });
});
