/**
 * The built-in sample blogosphere (`corpus/`), served as static files from a loopback server and
 * harvested through the canonical base with `urlMap`, as the default run does. Twice: the second
 * run must be all 304s and store nothing new.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../src/config.js';
import { addSource, harvestFeeds, parseOpml, readCorpus } from '../../src/harvest/index.js';
import type { HarvestReport } from '../../src/harvest/types.js';
import { openStore, type Store } from '../../src/store/open-store.js';

const corpusDir = fileURLToPath(new URL('../../corpus/', import.meta.url));
const BASE = 'http://builtin.webxcreta.invalid/';
let store: Store;
let close: () => Promise<void>;
let first: HarvestReport;
let second: HarvestReport;

/** Static files with an ETag (size + content hash) and 304s. */
async function serveStatic(dir: string) {
  const server = createServer((req, res) => {
    const file = dir + decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '');
    if (file.includes('..') || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const body = readFileSync(file);
    const etag = `"${body.length}-${createHash('sha1').update(body).digest('hex').slice(0, 12)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { etag, 'content-type': file.endsWith('.opml') ? 'text/x-opml' : 'application/xml' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    urlMap: (u: string) => (u.startsWith(BASE) ? url + u.slice(BASE.length) : u),
    /** What the wiring tells the SSRF guard: this loopback server is a trusted mapping. */
    allowHosts: [new URL(url).host],
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

beforeAll(async () => {
  const served = await serveStatic(corpusDir);
  close = served.close;
  store = openStore(':memory:');
  for (const feed of parseOpml(readFileSync(`${corpusDir}blogs.opml`, 'utf8'), `${BASE}blogs.opml`)) {
    addSource(store, feed.xmlUrl, { title: feed.title, siteUrl: feed.htmlUrl });
  }
  const options = { ...defaults.harvest, urlMap: served.urlMap, allowHosts: served.allowHosts, timeoutMs: 10_000 };
  first = await harvestFeeds(store, undefined, options);
  second = await harvestFeeds(store, undefined, options);
});

afterAll(async () => {
  store.close();
  await close();
});

describe('harvestFeeds on the built-in corpus', () => {
  it('should harvest every blog of the OPML list with new posts and comments', () => {
    expect(first.feeds.length).toBeGreaterThanOrEqual(12);
    for (const feed of first.feeds) expect(feed).toMatchObject({ outcome: 'new', status: 200 });
    expect(first.feeds.every((f) => f.url.startsWith(`${BASE}feeds/`) && f.newItems > 0 && f.comments > 0)).toBe(true);
  });

  it('should find nothing new the second time (304s)', () => {
    expect(second.feeds.map((f) => [f.outcome, f.status, f.newItems])).toEqual(first.feeds.map(() => ['unchanged', 304, 0]));
  });

  it('should link every comment to a post of its own blog, and count them', () => {
    const { documents } = readCorpus(store);
    const posts = new Map(documents.filter((d) => d.kind === 'post').map((d) => [d.id, d]));
    const comments = documents.filter((d) => d.kind === 'comment');
    expect(comments.length).toBeGreaterThan(0);
    for (const c of comments) expect(posts.get(c.parentId!)?.sourceId).toBe(c.sourceId);
    const held = new Map<string, number>();
    for (const c of comments) held.set(c.parentId!, (held.get(c.parentId!) ?? 0) + 1);
    // The feeds state their counts; a repeated comment text under one post is stored once, so we may hold fewer.
    for (const [id, n] of held) expect(posts.get(id)!.commentCount).toBeGreaterThanOrEqual(n);
    expect([...held.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0.95 * [...posts.values()].reduce((a, p) => a + p.commentCount, 0));
  });

  it('should keep prose and drop the boilerplate the corpus plants', () => {
    const { documents } = readCorpus(store);
    const words = documents.reduce((n, d) => n + d.text.split(/\s+/).filter(Boolean).length, 0);
    expect(words).toBeGreaterThan(100_000);
    const text = documents.map((d) => d.text).join('\n');
    for (const junk of ['window._stats', 'Share this', 'Twitter', '<', '&amp;', '&quot;']) expect(text).not.toContain(junk);
    const posts = documents.filter((d) => d.kind === 'post');
    expect(posts.filter((d) => d.text.includes('\n\n')).length).toBeGreaterThan(posts.length / 2);
  });

  it('should resolve links against xml:base and the feed URL', () => {
    const { documents } = readCorpus(store);
    expect(documents.filter((d) => d.kind === 'post').every((d) => d.url?.startsWith(`${BASE}blogs/`))).toBe(true);
  });
});
