import { publishStep, retractStep, updateStep } from '../../src/pipeline/publish-step.js';
import { serveBox } from '../../src/pipeline/serve-box.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBox } from '../../src/box/index.js';
import { listPublications } from '../../src/publish/index.js';
import { makeTestApp, withPosts, type TestApp, startTestBox } from '../fixtures/publish/test-app.js';

const CREDS = { user: 'bot', password: 'secret-pw' };
const BOX_ENV = { WEBXCRETA_BOX_USER: CREDS.user, WEBXCRETA_BOX_PASSWORD: CREDS.password };
const auth = `Basic ${Buffer.from(`${CREDS.user}:${CREDS.password}`).toString('base64')}`;

async function collectionTitles(boxUrl: string): Promise<string[]> {
  const xml = await (await fetch(`${boxUrl}app/posts`, { headers: { authorization: auth } })).text();
  return [...xml.matchAll(/<entry>[\s\S]*?<title type="text">([^<]*)<\/title>/g)].map((m) => m[1]);
}

describe('publishPost (to the box)', () => {
  let t: TestApp;
  let box: RunningBox;
  beforeAll(async () => {
    t = makeTestApp({}, BOX_ENV);
    withPosts(t, 'post-river', 'post-hills');
    box = await startTestBox(t);
  });
  afterAll(async () => {
    await box.close();
    t.app.close();
  });

  it('should post the entry, store its edit link, and not post it twice', async () => {
    const first = await publishStep(t.app, 'p-river-0001');
    expect(first).toMatchObject({
      postId: 'p-river-0001',
      entryId: 'tag:webxcreta,2026-11-20:post/p-river-0001',
      url: `${box.url}posts/the-river-trade-of-the-northern-towns-priver00`,
      target: 'box',
    });
    expect(first.editUrl).toMatch(new RegExp(`^${box.url}app/posts/[0-9a-f]{12}$`));
    const again = await publishStep(t.app, 'p-river-0001');
    expect(again.editUrl).toBe(first.editUrl);
    expect(await collectionTitles(box.url)).toEqual(['The river trade of the northern towns']);
    const page = await (await fetch(first.url)).text();
    expect(page).toContain('<summary>Merchants say the tolls are &lt;high&gt; &amp; &quot;rising&quot;.</summary>');
  });

  it('should update the published entry in place (PUT to its edit link)', async () => {
    t.app.config.publish.author = 'The Bot Itself';
    const pub = await updateStep(t.app, 'p-river-0001');
    expect(pub.state).toBe('published');
    const entry = await (await fetch(pub.editUrl!, { headers: { authorization: auth } })).text();
    expect(entry).toContain('<name>The Bot Itself</name>');
    expect(await collectionTitles(box.url)).toHaveLength(1);
  });

  it('should retract it (DELETE) and record that', async () => {
    const pub = await retractStep(t.app, 'p-river-0001');
    expect(pub.state).toBe('retracted');
    expect(await collectionTitles(box.url)).toEqual([]);
    expect(listPublications(t.app.store()).map((p) => [p.postId, p.state])).toEqual([['p-river-0001', 'retracted']]);
    await expect(updateStep(t.app, 'p-river-0001')).rejects.toThrow(/is not published/);
  });

  it('should reconcile a post left in intent that did reach the server, instead of posting again', async () => {
    const store = t.app.store();
    await publishStep(t.app, 'p-hills-0002');
    store.prepare("UPDATE publications SET state = 'intent', edit_url = NULL, url = NULL WHERE post_id = 'p-hills-0002'").run();
    const again = await publishStep(t.app, 'p-hills-0002');
    expect(again.editUrl).toMatch(/app\/posts\/[0-9a-f]{12}$/);
    expect(await collectionTitles(box.url)).toEqual(['Rain over the southern hills']);
  });

  it('should leave another bot\'s box on the configured port alone, start its own, and still store the canonical URL', async () => {
    const other = makeTestApp({}, BOX_ENV);
    const otherBox = await serveBox(other.app, { host: '127.0.0.1', port: 0 });
    const u = makeTestApp({ box: { port: Number(new URL(otherBox.url).port) } }, BOX_ENV);
    withPosts(u, 'post-hills');
    const pub = await publishStep(u.app, 'p-hills-0002');
    // The in-process box listened on a passing port; what is stored is the configured address.
    expect(u.stderr()).toMatch(/started the box in-process at http:\/\/127\.0\.0\.1:(\d+)\/ for this step/);
    expect(u.stderr()).not.toContain(`started the box in-process at ${otherBox.url}`);
    expect(pub.url).toBe(`${otherBox.url}posts/rain-over-the-southern-hills-phills00`);
    expect(pub.editUrl).toMatch(new RegExp(`^${otherBox.url}app/posts/[0-9a-f]{12}$`));
    expect(listPublications(u.app.store())[0].url).toBe(pub.url);
    expect(u.stderr()).toContain(`something else answers at ${otherBox.url} (not this bot's box)`);
    expect(await collectionTitles(otherBox.url)).toEqual([]);
    await otherBox.close();
    other.app.close();
    u.app.close();
  });

  it('should start the box in-process when none is running', async () => {
    const u = makeTestApp({}, BOX_ENV);
    withPosts(u, 'post-hills');
    const pub = await publishStep(u.app, 'p-hills-0002');
    expect(pub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/posts\/rain-over-the-southern-hills-phills00$/);
    expect(u.stderr()).toMatch(/started the box in-process at http:\/\/127\.0\.0\.1:\d+\//);
    u.app.close();
  });
});

/**
 * A server that fails as told before accepting: `script` lists the statuses of successive POSTs;
 * `lost: true` creates the entry but never answers (the answer is lost on the way back).
 */
function flakyServer(script: Array<{ status: number; headers?: Record<string, string>; lost?: boolean }>) {
  const posts: string[] = [];
  const created: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/atom+xml' });
        res.end(`<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:c</id><title>c</title><updated>2026-01-01T00:00:00Z</updated>${created.join('')}</feed>`);
        return;
      }
      posts.push(req.headers.authorization ?? '');
      const step = script.shift() ?? { status: 201 };
      if (step.status !== 201) {
        res.writeHead(step.status, step.headers);
        res.end('try later');
        return;
      }
      created.push(body.replace(/^<\?xml[^>]*\?>/, '').replace(/<entry[^>]*>/, '<entry>'));
      if (step.lost) return;
      res.writeHead(201, { location: `${base}/entries/${created.length}`, 'content-type': 'application/atom+xml;type=entry' });
      res.end(body);
    });
  });
  return {
    posts,
    created,
    start: () => new Promise<string>((r) => server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}/entries`))),
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

describe('publishPost (drafts)', () => {
  it('should send a draft that stays off the blog until an update takes it out of draft', async () => {
    const t = makeTestApp({}, BOX_ENV);
    withPosts(t, 'post-hills');
    const box = await startTestBox(t);
    const feed = () => fetch(`${box.url}feed.atom`).then((r) => r.text());
    const pub = await publishStep(t.app, 'p-hills-0002', { draft: true });
    const member = await (await fetch(pub.editUrl!, { headers: { authorization: auth } })).text();
    expect(member).toContain('<app:draft>yes</app:draft>');
    expect(await feed()).not.toContain('Rain over the southern hills');
    expect((await fetch(pub.url)).status).toBe(404);

    t.app.config.publish.author = 'Someone Else';
    expect(await updateStep(t.app, 'p-hills-0002')).toMatchObject({ draft: true });
    expect(await feed()).not.toContain('Rain over the southern hills');

    expect(await updateStep(t.app, 'p-hills-0002', { draft: false })).toMatchObject({ state: 'published', draft: false });
    expect(await feed()).toContain('Rain over the southern hills');
    expect((await fetch(pub.url)).status).toBe(200);
    await box.close();
    t.app.close();
  });
});

describe('publishPost (to a service document)', () => {
  it('should discover the collection from the service document and post there', async () => {
    const host = makeTestApp({}, BOX_ENV);
    const box = await serveBox(host.app, { host: '127.0.0.1', port: 0 });
    const t = makeTestApp({ publish: { serviceUrl: `${box.url}app`, user: CREDS.user } }, { WEBXCRETA_APP_PASSWORD: CREDS.password });
    withPosts(t, 'post-hills');
    const pub = await publishStep(t.app, 'p-hills-0002');
    expect(pub.target).toBe(`${box.url}app`);
    expect(pub.editUrl).toMatch(new RegExp(`^${box.url}app/posts/[0-9a-f]{12}$`));
    expect(await collectionTitles(box.url)).toEqual(['Rain over the southern hills']);
    await box.close();
    host.app.close();
    t.app.close();
  });

  it('should say so when the service document lists no collection for entries', async () => {
    const server = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'application/atomsvc+xml' });
      res.end('<service xmlns="http://www.w3.org/2007/app"><workspace><collection href="/pics"><accept>image/png</accept></collection></workspace></service>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/service`;
    const t = makeTestApp({ publish: { serviceUrl: url } });
    withPosts(t, 'post-hills');
    await expect(publishStep(t.app, 'p-hills-0002')).rejects.toThrow(`the service document at ${url} lists no collection that accepts Atom entries`);
    await new Promise<void>((r) => server.close(() => r()));
    t.app.close();
  });
});

describe('publishPost (retries and errors)', () => {
  it('should retry on 503 and 429 (honouring Retry-After) and post exactly once', async () => {
    const server = flakyServer([{ status: 503 }, { status: 429, headers: { 'retry-after': '0' } }]);
    const url = await server.start();
    const t = makeTestApp({ publish: { collectionUrl: url, retries: 3, retryDelayMs: 5 } });
    withPosts(t, 'post-hills');
    const pub = await publishStep(t.app, 'p-hills-0002');
    expect(pub.url).toBe(url.replace(/entries$/, 'entries/1'));
    expect(server.posts).toHaveLength(3);
    expect(server.created).toHaveLength(1);
    expect(t.stderr()).toContain('publish: HTTP 503; retrying (1/3)');
    await server.close();
    t.app.close();
  });

  it('should find its entry after a timeout when the server created it but the answer was lost, and not post again', async () => {
    const server = flakyServer([{ status: 201, lost: true }]);
    const url = await server.start();
    const t = makeTestApp({ publish: { collectionUrl: url, retries: 2, retryDelayMs: 5, timeoutMs: 300 } });
    withPosts(t, 'post-hills');
    const pub = await publishStep(t.app, 'p-hills-0002');
    expect(server.posts).toHaveLength(1);
    expect(server.created).toHaveLength(1);
    expect(pub.entryId).toBe('tag:webxcreta,2026-11-21:post/p-hills-0002');
    expect(t.stderr()).toContain('publish: no answer from');
    await server.close();
    t.app.close();
  });

  it('should end with a message that names the credentials on 401', async () => {
    const server = flakyServer([{ status: 401 }]);
    const url = await server.start();
    const t = makeTestApp({ publish: { collectionUrl: url, user: 'me' } }, { WEBXCRETA_APP_PASSWORD: 'wrong' });
    withPosts(t, 'post-hills');
    const error = (await publishStep(t.app, 'p-hills-0002').catch((e: unknown) => e)) as { message: string; hint: string };
    expect(error.message).toMatch(/refused the credentials \(401\)/);
    expect(error.hint).toMatch(/WEBXCRETA_APP_PASSWORD/);
    expect(server.posts).toEqual([`Basic ${Buffer.from('me:wrong').toString('base64')}`]);
    expect(listPublications(t.app.store())[0]).toMatchObject({ state: 'intent', lastError: expect.stringMatching(/401/) });
    await server.close();
    t.app.close();
  });

  it('should refuse Basic auth over plain HTTP to a non-loopback host unless allowed', async () => {
    const t = makeTestApp({ publish: { collectionUrl: 'http://blog.example.invalid/app/posts', user: 'me' } }, { WEBXCRETA_APP_PASSWORD: 'pw' });
    withPosts(t, 'post-hills');
    await expect(publishStep(t.app, 'p-hills-0002')).rejects.toThrow(/refusing to send the AtomPub password over plain HTTP to blog.example.invalid/);
    t.app.close();
  });
});
