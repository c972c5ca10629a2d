/**
 * The real web's misbehaviours, all served at once by one loopback server and harvested in one run:
 * each feed must end with its own clear result, within the (short) timeout, and none may stop the others.
 */
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../src/config.js';
import { harvestFeeds, readCorpus, type HarvestOptions } from '../../src/harvest/index.js';
import type { FeedResult } from '../../src/harvest/types.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { rss } from './helpers/make-feeds.js';
import { send, serveTestRoutes, type TestServer } from './helpers/serve-test-routes.js';

let server: TestServer;
let store: Store;
let results: Map<string, FeedResult>;
const options: HarvestOptions = { ...defaults.harvest, timeoutMs: 1_500, connectTimeoutMs: 1_000, maxBytes: 2 * 1024 * 1024, maxRedirects: 3 };
const good = (n: number) => rss('Good', [{ guid: `g${n}`, title: `Good ${n}`, html: `<p>Good text ${n}.</p>` }]);
const cp1252Feed = Buffer.concat([
  Buffer.from('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Latin</title><item><guid>l1</guid><title>'),
  iconv.encode('Café “déjà vu”', 'windows-1252'),
  Buffer.from('</title><description>'),
  iconv.encode('Naïve résumé – 5€', 'windows-1252'),
  Buffer.from('</description></item></channel></rss>'),
]);

const paths = [
  '/good', '/html-as-feed-type', '/404', '/410', '/500', '/drip', '/endless', '/huge', '/loop-a', '/malformed', '/malformed-lenient', '/html-page',
  '/home', '/latin', '/entities', '/bad-date', '/empty', '/octet',
];

beforeAll(async () => {
  server = await serveTestRoutes({
    '/good': send(good(1)),
    '/html-as-feed-type': send(good(2), { 'content-type': 'text/html' }),
    '/octet': send(good(3), { 'content-type': 'application/octet-stream' }),
    '/404': send('no', {}, 404),
    '/410': send('gone', {}, 410),
    '/500': send('oops', {}, 500),
    '/drip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss version="2.0"><channel><title>slow</title>');
      const t = setInterval(() => res.write('<!-- . -->'), 100);
      res.on('close', () => clearInterval(t));
    },
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss version="2.0"><channel>');
      const chunk = Buffer.alloc(64 * 1024, ' ');
      let open = true;
      res.on('close', () => (open = false));
      const pump = () => {
        while (open && res.write(chunk));
        if (open) res.once('drain', pump);
      };
      pump();
    },
    '/huge': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const item = Buffer.from(`<item><title>filler</title><description>${'x'.repeat(4000)}</description></item>\n`);
      let sent = 0;
      let open = true;
      res.on('close', () => (open = false));
      res.write('<rss version="2.0"><channel><title>huge</title>');
      const pump = () => {
        while (open && sent < 50 * 1024 * 1024) {
          sent += item.length;
          if (!res.write(item)) return void res.once('drain', pump);
        }
        if (open) res.end('</channel></rss>');
      };
      pump();
    },
    '/loop-a': send('', { location: '/loop-b' }, 301),
    '/loop-b': send('', { location: '/loop-a' }, 302),
    '/malformed': send('<rss version="2.0"><channel><title>broken</title><item><title>x</title></ite'),
    '/malformed-lenient': send('<rss version="2.0"><channel><title>broken</title><item><title>x</item><item><title>Fish &amp; chips</title><link>/p/2</link></item></channel></rss>'),
    '/html-page': send('<!DOCTYPE html><html><head><title>Home</title></head><body><p>No feed here.</p></body></html>', { 'content-type': 'text/html' }),
    '/home': send('<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/home/feed"></head><body></body></html>', {
      'content-type': 'text/html',
    }),
    '/home/feed': send(rss('Found', [{ guid: 'f1', title: 'Found', html: 'Found by autodiscovery.' }])),
    '/latin': send(cp1252Feed, { 'content-type': 'application/rss+xml; charset=utf-8' }),
    '/entities': send('<rss version="2.0"><channel><title>E</title><item><guid>e1</guid><title>A&nbsp;b &mdash; c</title><description>&eacute;t&eacute; &undefinedthing;</description></item></channel></rss>'),
    '/bad-date': send(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>D</title><entry><id>d1</id><title>Dated</title><published>31/31/31</published><content>kept</content></entry><entry><id>d2</id><title>Also</title><updated>2024-01-01T00:00:00Z</updated><content>kept too</content></entry></feed>',
    ),
    '/empty': send(''),
  });
  store = openStore(':memory:');
  const report = await harvestFeeds(store, paths.map((p) => server.url + p), options);
  results = new Map(report.feeds.map((f) => [f.url.slice(server.url.length), f]));
});

afterAll(async () => {
  store.close();
  await server.close();
});

describe('harvestFeeds on a misbehaving web', () => {
  it('should give every feed a result', () => {
    expect([...results.keys()].sort()).toEqual([...paths].sort());
  });

  it.each(['/good', '/html-as-feed-type', '/octet'])('should read a feed at %s whatever its Content-Type', (path) => {
    expect(results.get(path)).toMatchObject({ outcome: 'new', newItems: 1, status: 200 });
  });

  it.each([
    ['/404', 404, 'HTTP 404 from', 'webxcreta feeds remove'],
    ['/410', 410, 'gone for good', 'webxcreta feeds remove'],
    ['/500', 500, 'HTTP 500 from', 'retried'],
  ])('should explain %s', (path, status, error, hint) => {
    const r = results.get(path as string)!;
    expect(r).toMatchObject({ outcome: 'error', status });
    expect(r.error).toContain(error);
    expect(r.error).toContain(server.url + path);
    expect(r.hint).toContain(hint);
  });

  it('should stop a slow drip at the timeout', () => {
    expect(results.get('/drip')).toMatchObject({ outcome: 'error', error: `timed out after 1500 ms fetching ${server.url}/drip` });
  });

  it('should cut a never-ending response at the cap', () => {
    expect(results.get('/endless')).toMatchObject({ outcome: 'error', error: `the response from ${server.url}/endless passed the 2 MB cap and was cut off` });
  });

  it('should cut a 50 MB feed at the cap', () => {
    expect(results.get('/huge')).toMatchObject({ outcome: 'error', hint: 'raise harvest.maxBytes if this feed really is that large' });
  });

  it('should detect a redirect loop', () => {
    expect(results.get('/loop-a')?.error).toBe(`redirect loop: ${server.url}/loop-a → ${server.url}/loop-b → ${server.url}/loop-a`);
  });

  it('should report malformed XML', () => {
    expect(results.get('/malformed')).toMatchObject({ outcome: 'error', hint: expect.stringContaining('nothing stored was lost') });
    expect(results.get('/malformed')?.error).toMatch(/^malformed XML from .*\/malformed: /);
  });

  it('should read malformed XML forgivingly when it can, and say it was malformed', () => {
    expect(results.get('/malformed-lenient')).toMatchObject({ outcome: 'new', newItems: 2, warning: expect.stringMatching(/^malformed XML, read forgivingly: <title> is not closed/) });
  });

  it('should say an HTML page without feed links is not a feed', () => {
    expect(results.get('/html-page')?.error).toBe(`${server.url}/html-page is an HTML page with no feed link`);
  });

  it('should follow a home page to the feed it links and adopt it', () => {
    expect(results.get('/home')).toMatchObject({ outcome: 'new', newItems: 1, feedUrl: `${server.url}/home/feed` });
    const source = readCorpus(store).sources.find((s) => s.siteUrl === `${server.url}/home`);
    expect(source?.url).toBe(`${server.url}/home/feed`);
  });

  it('should read windows-1252 text that claims UTF-8', () => {
    const doc = readCorpus(store).documents.find((d) => d.title.startsWith('Caf'));
    expect(doc).toMatchObject({ title: 'Café “déjà vu”', text: 'Naïve résumé – 5€' });
  });

  it('should survive HTML entities that XML does not define', () => {
    const doc = readCorpus(store).documents.find((d) => d.title.includes('—'));
    expect(doc).toMatchObject({ title: 'A b — c', text: 'été &undefinedthing;' });
  });

  it('should keep a feed whose entry has a bad date', () => {
    expect(results.get('/bad-date')).toMatchObject({ outcome: 'new', newItems: 2 });
  });

  it('should report an empty response', () => {
    expect(results.get('/empty')?.error).toBe(`${server.url}/empty answered with an empty body`);
  });

  it('should count failures on the source rows', () => {
    const rows = store.prepare('SELECT url, failures, last_status, last_error FROM sources WHERE failures > 0 ORDER BY url').all() as Array<{ url: string }>;
    expect(rows.map((r) => r.url.slice(server.url.length))).toEqual(['/404', '/410', '/500', '/drip', '/empty', '/endless', '/html-page', '/huge', '/loop-a', '/malformed']);
  });
});
