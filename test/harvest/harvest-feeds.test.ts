import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaults } from '../../src/config.js';
import { addSource, harvestFeeds, listSources, readCorpus, type HarvestOptions } from '../../src/harvest/index.js';
import type { FeedResult } from '../../src/harvest/types.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { atom, rss } from './helpers/make-feeds.js';
import { send, serveTestRoutes, type TestServer } from './helpers/serve-test-routes.js';

let server: TestServer;
let store: Store;
const options: HarvestOptions = { ...defaults.harvest, timeoutMs: 1_500, connectTimeoutMs: 1_000 };

const comment = (n: number, post: string) => ({ guid: `${post}-c${n}`, title: `Comment ${n} on ${post}`, html: `<p>Comment number ${n} on ${post}.</p>`, author: `Reader ${n}` });

beforeAll(async () => {
  server = await serveTestRoutes();
});
afterAll(() => server.close());
beforeEach(() => {
  store = openStore(':memory:');
});
afterEach(() => store.close());

describe('harvestFeeds', () => {
  it('should store posts as clean text with comments linked to their post', async () => {
    server.route(
      '/blog/feed.xml',
      send(
        rss('Blog', [
          { guid: 'p1', link: `${server.url}/blog/p1`, title: 'First', html: '<p>One.</p><script>x</script><p>Two.</p>', comments: 2, commentsUrl: 'comments/p1.xml', author: 'Ann', date: 'Tue, 02 Jan 2024 10:00:00 +0000' },
          { guid: 'p2', link: `${server.url}/blog/p2`, title: 'Second', html: '<p>Only.</p>', commentsUrl: 'comments/p2.xml' },
        ]),
      ),
    );
    server.route('/blog/comments/p1.xml', send(rss('c', [comment(1, 'p1'), comment(2, 'p1')])));
    server.route('/blog/comments/p2.xml', send(rss('c', [comment(1, 'p2'), comment(2, 'p2'), comment(3, 'p2')])));
    const report = await harvestFeeds(store, [`${server.url}/blog/feed.xml`], options);
    expect(report.feeds).toEqual([
      expect.objectContaining({ url: `${server.url}/blog/feed.xml`, outcome: 'new', newItems: 2, updatedItems: 0, comments: 5, status: 200 }),
    ]);
    const { sources, documents } = readCorpus(store);
    expect(sources).toEqual([{ id: sources[0].id, url: `${server.url}/blog/feed.xml`, title: 'Blog', siteUrl: 'http://site.example/', kind: 'blog' }]);
    const posts = documents.filter((d) => d.kind === 'post');
    expect(posts.map((p) => [p.title, p.text, p.commentCount, p.author ?? null, p.published ?? null])).toEqual([
      ['First', 'One.\n\nTwo.', 2, 'Ann', '2024-01-02T10:00:00.000Z'],
      ['Second', 'Only.', 3, null, null],
    ]);
    const first = posts[0];
    expect(documents.filter((d) => d.parentId === first.id).map((c) => c.text)).toEqual(['Comment number 1 on p1.', 'Comment number 2 on p1.']);
  });

  it('should harvest Atom with xml:base, reply links and thr:count', async () => {
    server.route(
      '/atom/feed.atom',
      send(atom('Atom blog', `${server.url}/atom/`, [{ guid: 'tag:a,1', link: 'posts/a1', title: 'A1', html: '<p>Atom text.</p>', commentsUrl: 'posts/a1/replies.atom', comments: 7 }]), {
        'content-type': 'application/atom+xml',
      }),
    );
    server.route('/atom/posts/a1/replies.atom', send(atom('r', `${server.url}/atom/`, [{ guid: 'tag:a,1,c1', title: 'Re', html: 'Nice.' }])));
    const report = await harvestFeeds(store, [`${server.url}/atom/feed.atom`], options);
    expect(report.feeds[0]).toMatchObject({ outcome: 'new', newItems: 1, comments: 1 });
    const post = readCorpus(store).documents.find((d) => d.kind === 'post')!;
    expect(post).toMatchObject({ url: `${server.url}/atom/posts/a1`, commentCount: 7, text: 'Atom text.' });
  });

  it('should answer a second run with 304s and store nothing twice', async () => {
    let hits = 0;
    const body = rss('Cached', [{ guid: 'c1', title: 'C1', html: '<p>Cached text.</p>' }]);
    server.route('/cached.xml', (req, res) => {
      hits++;
      if (req.headers['if-none-match'] === '"c-v1"') {
        res.writeHead(304);
        return res.end();
      }
      send(body, { etag: '"c-v1"' })(req, res);
    });
    const url = `${server.url}/cached.xml`;
    await harvestFeeds(store, [url], options);
    const again = await harvestFeeds(store, [url], options);
    expect(again.feeds[0]).toMatchObject({ outcome: 'unchanged', status: 304, newItems: 0 });
    expect(hits).toBe(2);
    expect(readCorpus(store).documents).toHaveLength(1);
    expect(listSources(store)[0]).toMatchObject({ documents: 1, lastStatus: 304 });
  });

  it('should update an edited post in place, keeping its id', async () => {
    let text = '<p>Draft words.</p>';
    server.route('/edited.xml', (req, res) => send(rss('E', [{ guid: 'e1', title: 'Edited', html: text }]))(req, res));
    const url = `${server.url}/edited.xml`;
    await harvestFeeds(store, [url], options);
    const before = readCorpus(store).documents[0];
    text = '<p>Final words.</p>';
    const report = await harvestFeeds(store, [url], options);
    expect(report.feeds[0]).toMatchObject({ outcome: 'new', newItems: 0, updatedItems: 1 });
    const after = readCorpus(store).documents;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before.id, text: 'Final words.' });
    expect(after[0].contentHash).not.toBe(before.contentHash);
    const unchanged = await harvestFeeds(store, [url], options);
    expect(unchanged.feeds[0]).toMatchObject({ outcome: 'unchanged', newItems: 0, updatedItems: 0 });
  });

  it('should store duplicates once: same guid, same link, same content in another feed', async () => {
    server.route(
      '/dupes-a.xml',
      send(
        rss('A', [
          { guid: 'same', title: 'Twice', html: '<p>Repeated guid.</p>' },
          { guid: 'same', title: 'Twice', html: '<p>Repeated guid.</p>' },
          { link: 'http://site.example/x', title: 'No guid', html: '<p>By link.</p>' },
          { link: 'http://site.example/x', title: 'No guid', html: '<p>By link.</p>' },
          { guid: 'syndicated-a', title: 'Shared', html: '<p>The very same text in two feeds.</p>' },
        ]),
      ),
    );
    server.route('/dupes-b.xml', send(rss('B', [{ guid: 'syndicated-b', title: 'Shared', html: '<p>The very same text in two feeds.</p>' }])));
    const report = await harvestFeeds(store, [`${server.url}/dupes-a.xml`, `${server.url}/dupes-b.xml`], { ...options, perHostConcurrency: 1, concurrency: 1 });
    expect(report.feeds.map((f) => f.newItems)).toEqual([3, 0]);
    expect(readCorpus(store).documents.map((d) => d.title)).toEqual(['Twice', 'No guid', 'Shared']);
  });

  it('should keep entries that share only an id or only a link apart, and still update each when edited', async () => {
    let second = '<p>Second body.</p>';
    const items = () => [
      { guid: 'dup', link: 'http://site.example/1', title: 'One', html: '<p>One body.</p>' },
      { guid: 'dup', link: 'http://site.example/2', title: 'Two', html: second },
      { link: 'http://site.example/series', title: 'Part 1', html: '<p>Part one.</p>' },
      { link: 'http://site.example/series', title: 'Part 2', html: '<p>Part two.</p>' },
      { guid: 'i-a', link: 'http://site.example/same', title: 'First', html: '<p>First body.</p>' },
      { guid: 'i-b', link: 'http://site.example/same', title: 'Second', html: '<p>Second one.</p>' },
    ];
    server.route('/shared.xml', (req, res) => send(rss('S', items()))(req, res));
    const url = `${server.url}/shared.xml`;
    expect((await harvestFeeds(store, [url], options)).feeds[0]).toMatchObject({ newItems: 6 });
    const before = readCorpus(store).documents;
    expect(before.map((d) => d.title)).toEqual(['One', 'Two', 'Part 1', 'Part 2', 'First', 'Second']);
    second = '<p>Second body, edited.</p>';
    expect((await harvestFeeds(store, [url], options)).feeds[0]).toMatchObject({ newItems: 0, updatedItems: 1 });
    const after = readCorpus(store).documents;
    expect(after.map((d) => d.id)).toEqual(before.map((d) => d.id));
    expect(after.find((d) => d.title === 'Two')?.text).toBe('Second body, edited.');
    expect(after.find((d) => d.title === 'One')?.text).toBe('One body.');
  });

  it('should keep the row of an entry whose id another entry comes to share, and update it when edited', async () => {
    let items = [{ guid: 'dup', link: 'http://site.example/1', title: 'One', html: '<p>One body.</p>' }];
    server.route('/later-shared.xml', (req, res) => send(rss('L', items))(req, res));
    const url = `${server.url}/later-shared.xml`;
    await harvestFeeds(store, [url], options);
    const [first] = readCorpus(store).documents;
    items = [...items, { guid: 'dup', link: 'http://site.example/2', title: 'Two', html: '<p>Two body.</p>' }];
    expect((await harvestFeeds(store, [url], options)).feeds[0]).toMatchObject({ newItems: 1, updatedItems: 0 });
    items = [{ ...items[0], html: '<p>One body, edited.</p>' }, items[1]];
    expect((await harvestFeeds(store, [url], options)).feeds[0]).toMatchObject({ newItems: 0, updatedItems: 1 });
    const docs = readCorpus(store).documents;
    expect(docs.map((d) => [d.title, d.text])).toEqual([['One', 'One body, edited.'], ['Two', 'Two body.']]);
    expect(docs[0].id).toBe(first.id);
  });

  it('should harvest every enabled source when no URL is given and report each as it finishes', async () => {
    server.route('/one.xml', send(rss('One', [{ guid: '1', title: 'One', html: 'one' }])));
    server.route('/two.xml', send(rss('Two', [{ guid: '2', title: 'Two', html: 'two' }])));
    addSource(store, `${server.url}/one.xml`);
    addSource(store, `${server.url}/two.xml`, { kind: 'own', title: 'My blog' });
    const seen: Array<[string, number, number]> = [];
    const report = await harvestFeeds(store, undefined, { ...options, onFeedDone: (r: FeedResult, done, total) => seen.push([r.url, done, total]) });
    expect(report.feeds.map((f) => f.outcome)).toEqual(['new', 'new']);
    expect(seen.map(([, done, total]) => [done, total]).sort()).toEqual([
      [1, 2],
      [2, 2],
    ]);
    const own = readCorpus(store, { ownOnly: true });
    expect(own.sources).toEqual([expect.objectContaining({ kind: 'own', title: 'My blog' })]);
    expect(own.documents.map((d) => d.title)).toEqual(['Two']);
  });

  it('should fetch through urlMap and keep the canonical URLs', async () => {
    server.route('/mapped/feed.xml', send(rss('Mapped', [{ guid: 'm1', link: 'post-1', title: 'M', html: 'mapped text' }])));
    const canonical = 'http://builtin.webxcreta.invalid/mapped/feed.xml';
    const urlMap = (u: string) => u.replace('http://builtin.webxcreta.invalid', server.url);
    const refused = await harvestFeeds(store, [canonical], { ...options, urlMap });
    expect(refused.feeds[0]).toMatchObject({ outcome: 'error', error: expect.stringContaining('refused to fetch') });
    const report = await harvestFeeds(store, [canonical], { ...options, force: true, urlMap, allowHosts: [server.url.slice('http://'.length)] });
    expect(report.feeds[0]).toMatchObject({ url: canonical, outcome: 'new', newItems: 1 });
    expect(readCorpus(store).documents[0].url).toBe('http://builtin.webxcreta.invalid/mapped/post-1');
  });

  it('should keep what is stored when a feed later fails or breaks', async () => {
    let mode: 'ok' | '500' | 'broken' = 'ok';
    server.route('/flaky.xml', (req, res) => {
      if (mode === '500') return send('down', {}, 500)(req, res);
      if (mode === 'broken') return send('<rss version="2.0"><channel><item><title>cut')(req, res);
      send(rss('Flaky', [{ guid: 'f1', title: 'Kept', html: 'kept text' }]))(req, res);
    });
    const url = `${server.url}/flaky.xml`;
    await harvestFeeds(store, [url], options);
    mode = '500';
    expect((await harvestFeeds(store, [url], options)).feeds[0]).toMatchObject({ outcome: 'error', status: 500 });
    mode = 'broken';
    expect((await harvestFeeds(store, [url], options)).feeds[0]).toMatchObject({ outcome: 'error', status: 200 });
    expect(readCorpus(store).documents.map((d) => d.title)).toEqual(['Kept']);
  });

  it('should back off a feed that keeps failing, say when it will retry, and fetch it with force', async () => {
    let hits = 0;
    server.route('/failing.xml', (req, res) => {
      hits++;
      send('down', {}, 503)(req, res);
    });
    const url = `${server.url}/failing.xml`;
    await harvestFeeds(store, [url], options);
    await harvestFeeds(store, [url], options);
    const row = store.prepare('SELECT failures, next_attempt_at FROM sources WHERE url = ?').get(url) as { failures: number; next_attempt_at: string };
    expect(row.failures).toBe(2);
    const skipped = (await harvestFeeds(store, [url], options)).feeds[0];
    expect(skipped).toMatchObject({ outcome: 'skipped', error: `skipped ${url}: it failed 2 times in a row; next try after ${row.next_attempt_at}` });
    expect(skipped.hint).toContain('--force');
    expect(hits).toBe(2);
    const forced = (await harvestFeeds(store, [url], { ...options, force: true })).feeds[0];
    expect(forced).toMatchObject({ outcome: 'error', status: 503 });
    expect(hits).toBe(3);
    server.route('/failing.xml', send(rss('Back', [{ guid: 'b', title: 'Back', html: 'back' }])));
    await harvestFeeds(store, [url], { ...options, force: true });
    expect(store.prepare('SELECT failures, next_attempt_at FROM sources WHERE url = ?').get(url)).toEqual({ failures: 0, next_attempt_at: null });
  });

  it('should stop quickly when the run is cancelled', async () => {
    server.route('/hang.xml', () => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const report = await harvestFeeds(store, [`${server.url}/hang.xml`], { ...options, timeoutMs: 60_000, signal: controller.signal });
    expect(report.feeds[0]).toMatchObject({ outcome: 'error', error: `harvest of ${server.url}/hang.xml was cancelled` });
  });

  it('should read at most maxCommentFeeds comment feeds per run and catch up on the next, even on a 304', async () => {
    const body = rss('Capped', [
      { guid: 'k1', title: 'K1', html: 'k one', comments: 1, commentsUrl: 'k/1.xml' },
      { guid: 'k2', title: 'K2', html: 'k two', comments: 2, commentsUrl: 'k/2.xml' },
    ]);
    server.route('/capped.xml', (req, res) => {
      if (req.headers['if-none-match'] === '"k"') return void res.writeHead(304).end();
      send(body, { etag: '"k"' })(req, res);
    });
    server.route('/k/1.xml', send(rss('c', [comment(1, 'k1')])));
    server.route('/k/2.xml', send(rss('c', [comment(1, 'k2'), comment(2, 'k2')])));
    const url = `${server.url}/capped.xml`;
    const capped = { ...options, maxCommentFeeds: 1 };
    expect((await harvestFeeds(store, [url], capped)).feeds[0]).toMatchObject({ outcome: 'new', newItems: 2, comments: 1 });
    expect((await harvestFeeds(store, [url], capped)).feeds[0]).toMatchObject({ outcome: 'new', status: 304, newItems: 0, comments: 2 });
    expect((await harvestFeeds(store, [url], capped)).feeds[0]).toMatchObject({ outcome: 'unchanged', status: 304, comments: 0 });
    expect(readCorpus(store).documents.filter((d) => d.kind === 'comment')).toHaveLength(3);
  });

  it('should give all of a feed\'s comment feeds one timeout, not one each', { timeout: 5_000 }, async () => {
    const items = [1, 2, 3, 4, 5, 6].map((n) => ({ guid: `h${n}`, title: `H${n}`, html: `hanging ${n}`, comments: 1, commentsUrl: `hang/${n}.xml` }));
    server.route('/hanging.xml', send(rss('Hanging comments', items)));
    for (let n = 1; n <= 6; n++) server.route(`/hang/${n}.xml`, () => undefined);
    const report = await harvestFeeds(store, [`${server.url}/hanging.xml`], { ...options, timeoutMs: 1_000, perHostConcurrency: 1 });
    expect(report.feeds[0]).toMatchObject({ outcome: 'new', newItems: 6, comments: 0 });
    const pending = store.prepare('SELECT COUNT(*) AS n FROM documents WHERE comments_seen IS NULL').get();
    expect(pending).toEqual({ n: 6 });
  });

  it('should follow a feed that moved for good (301) to its new address, but not one moved for now (302)', async () => {
    server.route('/old.xml', send('', { location: '/new.xml' }, 301));
    server.route('/new.xml', send(rss('Moved', [{ guid: 'mv', title: 'Moved', html: 'moved text' }])));
    server.route('/elsewhere.xml', send('', { location: '/new-temp.xml' }, 302));
    server.route('/new-temp.xml', send(rss('Temp', [{ guid: 'tmp', title: 'Temp', html: 'temp text' }])));
    const report = await harvestFeeds(store, [`${server.url}/old.xml`, `${server.url}/elsewhere.xml`], options);
    expect(report.feeds.map((f) => [f.url, f.feedUrl, f.outcome])).toEqual([
      [`${server.url}/old.xml`, `${server.url}/new.xml`, 'new'],
      [`${server.url}/elsewhere.xml`, `${server.url}/new-temp.xml`, 'new'],
    ]);
    expect(listSources(store).map((s) => s.url).sort()).toEqual([`${server.url}/elsewhere.xml`, `${server.url}/new.xml`]);
  });
});
