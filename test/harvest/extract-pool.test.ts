import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../src/config.js';
import { extractFeed } from '../../src/harvest/extract-feed.js';
import { createExtractPool, workerCount } from '../../src/harvest/extract-pool.js';
import { harvestFeeds } from '../../src/harvest/index.js';
import { openStore } from '../../src/store/open-store.js';
import { atom, rss } from './helpers/make-feeds.js';
import { send, serveTestRoutes, type TestServer } from './helpers/serve-test-routes.js';

const feed = rss('Pool', [
  { guid: 'a', link: 'http://site.example/a', title: 'A &amp; b', html: '<p>First para.</p><script>x()</script><p>Second &eacute;t&eacute;.</p>', comments: 3 },
  { guid: 'b', title: 'B', html: '<ul><li>One</li><li>Two</li></ul>' },
]);

describe('workerCount', () => {
  it('should use the configured count when one is set', () => {
    expect(workerCount(1, 2, 50)).toBe(2);
    expect(workerCount(500, 0, 50)).toBe(0);
  });

  it('should use no worker below the feed threshold', () => {
    expect(workerCount(49, undefined, 50)).toBe(0);
  });
});

describe('createExtractPool', () => {
  it('should extract in a worker exactly what extractFeed extracts in this thread', async () => {
    const input = { bytes: Buffer.from(feed), contentType: 'application/rss+xml', url: 'http://site.example/feed' };
    const pool = createExtractPool(1);
    try {
      const [inWorker, html] = await Promise.all([pool.extract(input), pool.extract({ ...input, bytes: Buffer.from('<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/f.xml"></head></html>') })]);
      expect(inWorker).toEqual(await extractFeed(input));
      expect(pool.live()).toBe(1);
      expect(html).toEqual({ ok: false, failure: { failure: 'html', detail: 'an HTML page' }, discovered: ['http://site.example/f.xml'] });
    } finally {
      await pool.close();
    }
  });

  it('should return every result in order when the worker has a backlog and this thread takes some feeds', async () => {
    const inputs = Array.from({ length: 45 }, (_, n) => ({ bytes: Buffer.from(feed.replace('<title>Pool</title>', `<title>Pool ${n}</title>`)), url: 'http://site.example/feed' }));
    const pool = createExtractPool(1);
    try {
      const results = await Promise.all(inputs.map((i) => pool.extract(i)));
      expect(results.map((r) => (r.ok ? r.feed.title : r.failure.failure))).toEqual(inputs.map((_, n) => `Pool ${n}`));
      expect(results[44]).toEqual(await extractFeed(inputs[44]));
    } finally {
      await pool.close();
    }
  });

  it('should extract in this thread when no worker is asked for', async () => {
    const pool = createExtractPool(0);
    expect(pool.extract).toBe(extractFeed);
    expect(pool.live()).toBe(0);
    await pool.close();
  });
});

describe('harvestFeeds with extract workers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serveTestRoutes({
      '/rss.xml': send(feed),
      '/atom.xml': send(atom('Atom', 'http://site.example/', [{ guid: 'tag:x,1', link: 'http://site.example/x1', title: 'X1', html: '<p>Atom body.</p>' }])),
    });
  });
  afterAll(() => server.close());

  it('should store the same documents with workers as without', async () => {
    const stored = async (extractWorkers: number) => {
      const store = openStore(':memory:');
      const report = await harvestFeeds(store, [`${server.url}/rss.xml`, `${server.url}/atom.xml`], { ...defaults.harvest, comments: false, extractWorkers });
      const docs = store.prepare('SELECT guid, url, title, text, comment_count FROM documents ORDER BY guid').all();
      store.close();
      return { outcomes: report.feeds.map((f) => [f.outcome, f.newItems]), docs };
    };
    const inThread = await stored(0);
    expect(inThread.outcomes).toEqual([['new', 2], ['new', 1]]);
    expect(await stored(2)).toEqual(inThread);
  });
});
