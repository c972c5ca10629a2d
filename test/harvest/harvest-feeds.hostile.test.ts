/**
 * Hostile feeds (issue 10, items 1 and 8) from a loopback server, harvested in one run beside a normal
 * feed: each hostile one ends as a clear per-feed error (or, for deep markup, is read), nothing of it is
 * stored huge, and the normal feed of the same harvest is stored in full. Timings and memory are
 * measured by `npm run bench:hostile`, not here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../src/config.js';
import { createExtractPool } from '../../src/harvest/extract-pool.js';
import { harvestFeeds } from '../../src/harvest/index.js';
import { openStore } from '../../src/store/open-store.js';
import { HOSTILE_FEEDS, normalFeed } from './helpers/hostile-feeds.js';
import { send, serveTestRoutes, type TestServer } from './helpers/serve-test-routes.js';

let server: TestServer;
beforeAll(async () => {
  server = await serveTestRoutes(Object.fromEntries(Object.entries(HOSTILE_FEEDS).map(([path, make]) => [path, send(make())])));
});
afterAll(() => server.close());

describe.each([
  ['in this thread', 0],
  ['in a worker', 1],
])('a harvest with hostile feeds, extracting %s', (_, extractWorkers) => {
  it('should end each hostile feed with its own clear error and store the normal feed in full', { timeout: 60_000 }, async () => {
    const store = openStore(':memory:');
    try {
      const urls = Object.keys(HOSTILE_FEEDS).map((p) => `${server.url}${p}`);
      const report = await harvestFeeds(store, urls, { ...defaults.harvest, comments: false, extractWorkers });
      const by = new Map(report.feeds.map((f) => [f.url.slice(server.url.length), f]));
      expect(by.get('/normal.xml')).toMatchObject({ outcome: 'new', newItems: 50 });
      for (const path of ['/entity-21k.xml', '/entity-135k.xml']) {
        expect(by.get(path)).toMatchObject({ outcome: 'error', hint: expect.stringContaining('nothing stored was lost') });
        expect(by.get(path)!.error).toMatch(/^refused to parse http:\/\/127\.0\.0\.1:\d+\/entity-\d+k\.xml: the feed declares entity "e" of 15,000 characters \(the limit is 10,000\): an entity-expansion \("billion laughs"\) document$/);
      }
      expect(by.get('/entity-budget.xml')!.error).toMatch(/entity references expand to more than 1,000,000 characters/);
      // 20,000 nested <div>s in an item's HTML: the feed is read, the words kept.
      expect(by.get('/deep-div-20k.xml')).toMatchObject({ outcome: 'new', newItems: 2 });
      // Inline XHTML nested that deep is past the XML nesting limit: a clear error for that feed alone.
      expect(by.get('/deep-xhtml-20k.xml')!.error).toMatch(/^refused to parse .*: the feed nests elements more than 1,000 levels deep$/);
      const docs = store.prepare('SELECT title, text FROM documents').all() as Array<{ title: string; text: string }>;
      expect(docs.find((d) => d.title === 'Deep')?.text).toBe('deep words here');
      expect(Math.max(...docs.map((d) => d.text.length))).toBeLessThan(10_000);
      const failed = store.prepare('SELECT url, last_error FROM sources WHERE last_error IS NOT NULL ORDER BY url').all() as Array<{ url: string; last_error: string }>;
      expect(failed.map((f) => f.url.slice(server.url.length))).toEqual(['/deep-xhtml-20k.xml', '/entity-135k.xml', '/entity-21k.xml', '/entity-budget.xml']);
    } finally {
      store.close();
    }
  });
});

describe('the extract pool under a timeout', () => {
  it('should stop a feed that takes longer than its time, replace the worker and go on with the next', { timeout: 60_000 }, async () => {
    const slow = createExtractPool(1, { timeoutMs: 1 });
    const normal = createExtractPool(1, { timeoutMs: 30_000 });
    try {
      const big = { bytes: Buffer.from(normalFeed(4_000)), url: 'http://site.example/big.xml' };
      const small = { bytes: Buffer.from(normalFeed(3)), url: 'http://site.example/small.xml' };
      const [stopped, read] = await Promise.all([slow.extract(big), normal.extract(small)]);
      expect(stopped).toEqual({ ok: false, failure: { failure: 'timeout', detail: 'stopped after 1 ms' }, discovered: [] });
      expect(read).toMatchObject({ ok: true, feed: { title: 'Normal feed', items: [{ title: 'Post 0' }, { title: 'Post 1' }, { title: 'Post 2' }] } });
      expect(normal.live()).toBe(1);
    } finally {
      await Promise.all([slow.close(), normal.close()]);
    }
  });
});
