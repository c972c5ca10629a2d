import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { runCli } from '../../helpers/run-cli.js';
import { rss } from '../../harvest/helpers/make-feeds.js';
import { send, serveTestRoutes, type TestServer } from '../../harvest/helpers/serve-test-routes.js';

let server: TestServer;
let tmp: ReturnType<typeof makeTempDir>;
let hits = 0;

beforeAll(async () => {
  server = await serveTestRoutes({
    '/a.xml': send(rss('A', [{ guid: 'a1', title: 'Alpha', html: '<p>Alpha text.</p>' }])),
    '/b.xml': send(rss('B', [{ guid: 'b1', title: 'Beta', html: '<p>Beta text.</p>' }])),
    '/gone.xml': send('gone', {}, 410),
    '/down.xml': (req, res) => {
      hits++;
      send('down', {}, 500)(req, res);
    },
  });
});
afterAll(() => server.close());
beforeEach(() => {
  tmp?.remove();
  tmp = makeTempDir('webx-harvest-cli-');
  // No built-in corpus, and the own blog lives elsewhere (so no box is started): only the test feeds.
  const config = { sources: { builtin: false, own: `${server.url}/b.xml` }, harvest: { timeoutMs: 2000 } };
  writeFileSync(join(tmp.dir, 'webxcreta.config.json'), JSON.stringify(config));
});

const run = (args: string[]) => runCli(['--data', tmp.dir, ...args], { cwd: tmp.dir });

describe('harvest', () => {
  it('should harvest given URLs and print one JSON result per feed with totals', async () => {
    const r = await run(['harvest', `${server.url}/a.xml`, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: true, feeds: [{ url: `${server.url}/a.xml`, outcome: 'new', newItems: 1, status: 200 }], totals: { feeds: 1, newItems: 1, errors: 0 } });
    expect(r.stderr).toBe('');
  });

  it('should harvest every configured source when given none, the own blog included', async () => {
    const r = await run(['harvest', '--json']);
    expect(JSON.parse(r.stdout).feeds.map((f: { url: string; outcome: string }) => [f.url, f.outcome])).toEqual([[`${server.url}/b.xml`, 'new']]);
    const list = JSON.parse((await run(['feeds', 'list', '--json'])).stdout);
    expect(list.sources).toEqual([expect.objectContaining({ url: `${server.url}/b.xml`, kind: 'own', documents: 1, lastStatus: 200 })]);
  });

  it('should exit 0 when some feeds fail, with a table, the problems and their hints', async () => {
    const r = await run(['harvest', `${server.url}/a.xml`, `${server.url}/gone.xml`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('outcome  new  edited  comments  http  time');
    expect(r.stdout).toContain(`error: HTTP 410 from ${server.url}/gone.xml: the feed is gone for good\n  hint: check the URL; it was not added to the feed list`);
    expect(r.stdout).toMatch(/2 blogs: 1 new posts, 0 edited, 0 new comments, 0 unchanged, 0 skipped, 1 failed\n$/);
    expect(r.stderr).toContain(`[1/2]`);
  });

  it('should exit 1 when every feed fails', async () => {
    const r = await run(['harvest', `${server.url}/gone.xml`, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      ok: false,
      error: `the feed failed; first: HTTP 410 from ${server.url}/gone.xml: the feed is gone for good`,
      hint: 'check the URL; it was not added to the feed list',
      totals: { feeds: 1, errors: 1 },
    });
    expect(out.feeds).toEqual([expect.objectContaining({ url: `${server.url}/gone.xml`, outcome: 'error', status: 410 })]);
  });

  it('should print a failed feed\'s problem once, and not keep a URL that failed on its first harvest in the feed list', async () => {
    const r = await run(['harvest', `${server.url}/gone.xml`]);
    expect(r.code).toBe(1);
    const all = r.stdout + r.stderr;
    expect(all.split('the feed is gone for good').length - 1).toBe(1);
    expect(r.stderr).toContain(`[1/1] error ${server.url}/gone.xml\n`);
    expect(r.stderr).toContain('webxcreta: the feed failed (see above)\n');
    expect(r.stdout).toContain('hint: check the URL; it was not added to the feed list');
    expect(JSON.parse((await run(['feeds', 'list', '--json'])).stdout).sources.map((s: { url: string }) => s.url)).toEqual([]);
    // A URL that was read once stays, and so does a listed feed that fails later.
    await run(['harvest', `${server.url}/a.xml`]);
    expect(JSON.parse((await run(['feeds', 'list', '--json'])).stdout).sources.map((s: { url: string }) => s.url)).toEqual([`${server.url}/a.xml`]);
  });

  it('should skip a backed-off feed and fetch it with --force', async () => {
    const url = `${server.url}/down.xml`;
    expect((await run(['feeds', 'add', '--no-discover', url])).code).toBe(0);
    await run(['harvest', url, `${server.url}/a.xml`]);
    await run(['harvest', url, `${server.url}/a.xml`]);
    const before = hits;
    const skipped = JSON.parse((await run(['harvest', url, `${server.url}/a.xml`, '--json'])).stdout);
    expect(skipped.feeds[0]).toMatchObject({ outcome: 'skipped', error: expect.stringContaining('next try after') });
    expect(hits).toBe(before);
    const forced = JSON.parse((await run(['harvest', url, `${server.url}/a.xml`, '--force', '--json'])).stdout);
    expect(forced.feeds[0]).toMatchObject({ outcome: 'error', status: 500 });
    expect(hits).toBe(before + 1);
  });
});
