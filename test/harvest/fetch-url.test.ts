import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, fetchUrl, type FetchOptions } from '../../src/harvest/fetch-url.js';
import { send, serveTestRoutes, type TestServer } from './helpers/serve-test-routes.js';

const FEED = '<rss version="2.0"><channel><title>t</title></channel></rss>';
let server: TestServer;
// The test server is on 127.0.0.1, a host these tests name themselves: allowed, as a feed URL given on loopback is.
const agent = createAgent(1_000, 1_500, { allowPrivateAddresses: false, allowHosts: ['127.0.0.1'] });
const options = (more: Partial<FetchOptions> = {}): FetchOptions => ({
  agent,
  timeoutMs: 1_500,
  maxBytes: 1024 * 1024,
  maxRedirects: 3,
  userAgent: 'webXcreta-test/1',
  ...more,
});

beforeAll(async () => {
  server = await serveTestRoutes({
    '/ok': send(FEED, { etag: '"v1"', 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' }),
    '/conditional': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304);
        res.end();
      } else send(FEED, { etag: '"v1"' })(req, res);
    },
    '/gzip': send(gzipSync(FEED), { 'content-encoding': 'gzip' }),
    '/deflate': send(deflateSync(FEED), { 'content-encoding': 'deflate' }),
    '/raw-deflate': send(deflateRawSync(FEED), { 'content-encoding': 'deflate' }),
    '/br': send(brotliCompressSync(FEED), { 'content-encoding': 'br' }),
    '/bomb': send(gzipSync(Buffer.alloc(5 * 1024 * 1024, 32)), { 'content-encoding': 'gzip' }),
    '/corrupt-gzip': send(Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5]), { 'content-encoding': 'gzip' }),
    '/404': send('gone', {}, 404),
    '/410': send('gone', {}, 410),
    '/500': send('oops', {}, 500),
    '/503': send('busy', { 'retry-after': '120' }, 503),
    '/r1': send('', { location: '/r2' }, 301),
    '/r2': send('', { location: 'ok' }, 302),
    '/loop-a': send('', { location: '/loop-b' }, 302),
    '/loop-b': send('', { location: '/loop-a' }, 307),
    '/chain-1': send('', { location: '/chain-2' }, 302),
    '/chain-2': send('', { location: '/chain-3' }, 302),
    '/chain-3': send('', { location: '/chain-4' }, 302),
    '/chain-4': send('', { location: '/chain-5' }, 302),
    '/chain-5': send('', { location: '/ok' }, 302),
    '/drip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss version="2.0"><channel>');
      const t = setInterval(() => res.write(' '), 100);
      res.on('close', () => clearInterval(t));
    },
    '/no-headers': () => undefined,
    '/reset': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss version="2.0"><channel>');
      setTimeout(() => res.socket?.destroy(), 20);
    },
    '/huge': (_req, res) => {
      // 50 MB streamed in 64 KB chunks, never held in memory at once.
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(50 * 1024 * 1024) });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (sent = Infinity));
      pump();
    },
    '/endless-fast': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'b');
      let open = true;
      res.on('close', () => (open = false));
      const pump = () => {
        while (open && res.write(chunk));
        if (open) res.once('drain', pump);
      };
      pump();
    },
  });
});

afterAll(async () => {
  await agent.destroy();
  await server.close();
});

describe('fetchUrl', () => {
  it('should fetch a body with its validators and send the User-Agent', async () => {
    const r = await fetchUrl(`${server.url}/ok`, options());
    expect(r).toMatchObject({ ok: true, status: 200, notModified: false, etag: '"v1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' });
    expect(r.ok && r.body.toString()).toBe(FEED);
    expect(server.requests.at(-1)?.headers['user-agent']).toBe('webXcreta-test/1');
    expect(server.requests.at(-1)?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('should send If-None-Match and report a 304 as not modified', async () => {
    const r = await fetchUrl(`${server.url}/conditional`, options({ etag: '"v1"' }));
    expect(r).toMatchObject({ ok: true, status: 304, notModified: true });
  });

  it.each(['gzip', 'deflate', 'raw-deflate', 'br'])('should decode a %s body', async (path) => {
    const r = await fetchUrl(`${server.url}/${path}`, options());
    expect(r.ok && r.body.toString()).toBe(FEED);
  });

  it('should cut a compressed body that inflates past the cap', async () => {
    const r = await fetchUrl(`${server.url}/bomb`, options());
    expect(r).toMatchObject({ ok: false, failure: 'too-large' });
  });

  it('should report a corrupt gzip body', async () => {
    const r = await fetchUrl(`${server.url}/corrupt-gzip`, options());
    expect(r).toMatchObject({ ok: false, failure: 'bad-encoding' });
  });

  it.each([404, 410, 500])('should report HTTP %i', async (status) => {
    const r = await fetchUrl(`${server.url}/${status}`, options());
    expect(r).toMatchObject({ ok: false, failure: 'http', status });
  });

  it('should pass on Retry-After', async () => {
    const r = await fetchUrl(`${server.url}/503`, options());
    expect(r).toMatchObject({ ok: false, status: 503, retryAfter: '120' });
  });

  it('should follow relative redirects and say where it ended', async () => {
    const r = await fetchUrl(`${server.url}/r1`, options());
    expect(r).toMatchObject({ ok: true, status: 200, url: `${server.url}/ok`, redirects: [`${server.url}/r2`, `${server.url}/ok`] });
  });

  it('should detect a redirect loop', async () => {
    const r = await fetchUrl(`${server.url}/loop-a`, options());
    expect(r).toMatchObject({ ok: false, failure: 'redirect-loop', detail: `${server.url}/loop-a → ${server.url}/loop-b → ${server.url}/loop-a` });
  });

  it('should stop after the redirect limit', async () => {
    const r = await fetchUrl(`${server.url}/chain-1`, options());
    expect(r).toMatchObject({ ok: false, failure: 'too-many-redirects', detail: '4' });
  });

  it('should give up on a slow drip at the total timeout', async () => {
    const r = await fetchUrl(`${server.url}/drip`, options());
    expect(r).toMatchObject({ ok: false, failure: 'timeout', detail: '1500' });
  });

  it('should give up on a server that never answers', async () => {
    const r = await fetchUrl(`${server.url}/no-headers`, options());
    expect(r).toMatchObject({ ok: false, failure: 'timeout' });
  });

  it('should cut a 50 MB response at the cap', async () => {
    const r = await fetchUrl(`${server.url}/huge`, options({ maxBytes: 2 * 1024 * 1024 }));
    expect(r).toMatchObject({ ok: false, failure: 'too-large', detail: String(2 * 1024 * 1024) });
  });

  it('should cut an endless fast response at the cap', async () => {
    const r = await fetchUrl(`${server.url}/endless-fast`, options({ maxBytes: 1024 * 1024 }));
    expect(r).toMatchObject({ ok: false, failure: 'too-large' });
  });

  it('should report a connection reset in the middle of the body at once', async () => {
    const r = await fetchUrl(`${server.url}/reset`, options({ timeoutMs: 30_000 }));
    expect(r).toMatchObject({ ok: false, failure: 'network' });
  });

  it('should report a refused connection', async () => {
    const closed = await serveTestRoutes();
    const url = closed.url;
    await closed.close();
    const r = await fetchUrl(`${url}/x`, options());
    expect(r).toMatchObject({ ok: false, failure: 'network' });
    expect(!r.ok && r.detail).toContain('ECONNREFUSED');
  });

  it('should map the URL right before fetching and keep the given one', async () => {
    const r = await fetchUrl('http://canonical.invalid/ok', options({ urlMap: (u) => u.replace('http://canonical.invalid', server.url) }));
    expect(r).toMatchObject({ ok: true, url: 'http://canonical.invalid/ok' });
  });

  it('should refuse a non-http URL', async () => {
    const r = await fetchUrl('ftp://example.com/feed', options());
    expect(r).toMatchObject({ ok: false, failure: 'bad-url' });
  });

  it('should stop when the run is cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const r = await fetchUrl(`${server.url}/drip`, options({ signal: controller.signal }));
    expect(r).toMatchObject({ ok: false, failure: 'aborted' });
  });
});
