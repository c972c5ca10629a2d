import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { runCli } from '../../helpers/run-cli.js';
import { rss } from '../../harvest/helpers/make-feeds.js';
import { send, serveTestRoutes, type TestServer } from '../../harvest/helpers/serve-test-routes.js';

let server: TestServer;
let tmp: ReturnType<typeof makeTempDir>;
const html = (head: string, body = '') => send(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, { 'content-type': 'text/html' });

beforeAll(async () => {
  server = await serveTestRoutes({
    '/feed.xml': send(rss('Plain Feed', [{ guid: '1', title: 'One', html: 'one' }])),
    '/blog/': html('<link rel="alternate" type="application/rss+xml" href="/blog/feed">'),
    '/blog/feed': send(rss('Discovered Blog', [{ guid: '2', title: 'Two', html: 'two' }])),
    '/other/': html('<link rel="alternate" type="application/atom+xml" href="feed.atom">'),
    '/other/feed.atom': send('<feed xmlns="http://www.w3.org/2005/Atom"><title>Other</title></feed>', { 'content-type': 'application/atom+xml' }),
    '/nofeed/': html('<title>x</title>'),
    '/top100': html('', '<ol><li><a class="blog" href="/blog/">Blog</a></li><li><a class="blog" href="/other/">Other</a></li><li><a class="blog" href="/nofeed/">None</a></li></ol><a href="/about">About</a>'),
    '/list.opml': send('<opml version="2.0"><body><outline text="Rel" xmlUrl="feed.xml"/></body></opml>', { 'content-type': 'text/x-opml' }),
  });
});
afterAll(() => server.close());
beforeEach(() => {
  tmp?.remove();
  tmp = makeTempDir('webx-feeds-cli-');
});

const run = (args: string[]) => runCli(['--data', tmp.dir, ...args], { cwd: tmp.dir });
const json = async (args: string[]) => JSON.parse((await run([...args, '--json'])).stdout);

describe('feeds', () => {
  it('should add a feed with its own title, and find the feed of a home page', async () => {
    expect(await json(['feeds', 'add', `${server.url}/feed.xml`])).toMatchObject({ ok: true, added: true, source: { url: `${server.url}/feed.xml`, title: 'Plain Feed', kind: 'blog' } });
    expect((await run(['feeds', 'add', `${server.url}/feed.xml`])).stdout).toBe(`already a feed: ${server.url}/feed.xml (Plain Feed)\n`);
    const found = await run(['feeds', 'add', `${server.url}/blog/`, '--own']);
    expect(found.stdout).toBe(`added ${server.url}/blog/feed (Discovered Blog)\n  found from ${server.url}/blog/\n`);
    const { sources } = await json(['feeds', 'list']);
    expect(sources.map((s: { url: string; kind: string; siteUrl?: string }) => [s.url, s.kind, s.siteUrl])).toEqual([
      [`${server.url}/feed.xml`, 'blog', 'http://site.example/'],
      [`${server.url}/blog/feed`, 'own', 'http://site.example/'],
    ]);
  });

  it('should refuse a page without a feed, unless told not to look', async () => {
    const r = await run(['feeds', 'add', `${server.url}/nofeed/`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`webxcreta: ${server.url}/nofeed/ is an HTML page with no feed link`);
    expect(r.stderr).toContain('--no-discover');
    expect(await json(['feeds', 'add', '--no-discover', '--title', 'Later', `${server.url}/nofeed/`])).toMatchObject({ source: { title: 'Later' } });
  });

  it('should remove a feed by URL or id and say when there is none', async () => {
    const { source } = await json(['feeds', 'add', '--no-discover', `${server.url}/feed.xml`]);
    expect((await run(['feeds', 'remove', source.id])).stdout).toBe(`removed ${source.id}\n`);
    const r = await run(['feeds', 'remove', source.id]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('hint: see the feeds with `webxcreta feeds list`');
  });

  it('should import OPML from a file and a URL, and export it back', async () => {
    writeFileSync(join(tmp.dir, 'blogs.opml'), `<opml version="1.0"><body><outline title="A" xmlUrl="${server.url}/feed.xml"/><outline title="B" xmlUrl="${server.url}/blog/feed"/></body></opml>`);
    expect((await json(['feeds', 'import', 'blogs.opml'])).imported.map((i: { added: boolean }) => i.added)).toEqual([true, true]);
    const again = await json(['feeds', 'import', `${server.url}/list.opml`]);
    expect(again.imported).toEqual([expect.objectContaining({ added: false, source: expect.objectContaining({ url: `${server.url}/feed.xml` }) })]);
    expect((await run(['feeds', 'export', 'out.opml'])).stdout).toBe(`wrote 2 feeds to ${join(tmp.dir, 'out.opml')}\n`);
    const exported = readFileSync(join(tmp.dir, 'out.opml'), 'utf8');
    expect(exported).toContain(`xmlUrl="${server.url}/blog/feed"`);
    expect((await run(['feeds', 'export'])).stdout).toBe(exported);
  });

  it('should import the blogs a directory page links to, by CSS selector', async () => {
    const out = await json(['feeds', 'import-directory', `${server.url}/top100`, '--selector', 'li a.blog']);
    expect(out.links).toEqual([`${server.url}/blog/`, `${server.url}/other/`, `${server.url}/nofeed/`]);
    expect(out.imported.map((i: { source: { url: string; title: string } }) => [i.source.url, i.source.title])).toEqual([
      [`${server.url}/blog/feed`, 'Discovered Blog'],
      [`${server.url}/other/feed.atom`, 'Other'],
    ]);
    expect(out.failed).toEqual([expect.objectContaining({ url: `${server.url}/nofeed/`, error: `${server.url}/nofeed/ is an HTML page with no feed link` })]);
    const none = await run(['feeds', 'import-directory', `${server.url}/top100`, '-s', 'table a']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('matched no links');
  });
});
