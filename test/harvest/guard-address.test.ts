import dns from 'node:dns';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaults } from '../../src/config.js';
import { createAgent, fetchUrl } from '../../src/harvest/fetch-url.js';
import { classifyAddress, hostPortOf, hostsOf } from '../../src/harvest/guard-address.js';
import { harvestFeeds, readCorpus, type HarvestOptions } from '../../src/harvest/index.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { rss } from './helpers/make-feeds.js';
import { send, serveTestRoutes, type TestServer } from './helpers/serve-test-routes.js';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.0.9', 'a loopback address'],
    ['10.1.2.3', 'a private (RFC 1918) address'],
    ['172.16.0.1', 'a private (RFC 1918) address'],
    ['192.168.1.1', 'a private (RFC 1918) address'],
    ['169.254.169.254', 'a link-local address'],
    ['100.64.0.1', 'a carrier-grade NAT (100.64.0.0/10) address'],
    ['0.0.0.0', 'an unspecified (0.0.0.0/8 or ::) address'],
    ['224.0.0.1', 'a multicast address'],
    ['255.255.255.255', 'the broadcast address'],
    ['::1', 'a loopback address'],
    ['::', 'an unspecified (0.0.0.0/8 or ::) address'],
    ['fe80::1', 'a link-local address'],
    ['fd12:3456::1', 'a unique-local (fc00::/7) address'],
    ['ff02::1', 'a multicast address'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['::ffff:10.0.0.1', 'a private (RFC 1918) address'],
    ['64:ff9b::10.0.0.1', 'a private (RFC 1918) address'],
    ['2002:7f00:1::', 'a loopback address'],
    ['fec0::1', 'a site-local (fec0::/10) address'],
    ['localhost', 'not an IP address'],
  ])('should refuse %s as %s', (ip, why) => {
    expect(classifyAddress(ip).refused).toBe(why);
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8', '2001:4860:4860::8888'])('should let the global address %s through', (ip) => {
    expect(classifyAddress(ip)).toEqual(expect.objectContaining({ range: 'unicast' })); expect(classifyAddress(ip).refused).toBeUndefined();
  });

  it('should name hosts as the connector sees them', () => {
    expect(hostsOf(['http://Feeds.Example.ORG./x', 'http://[::1]:8080/', 'not a url'])).toEqual(['feeds.example.org', '::1']);
    expect([hostPortOf('http://127.0.0.1:4321/x'), hostPortOf('https://own.example/')]).toEqual(['127.0.0.1:4321', 'own.example:443']);
  });
});

describe('the SSRF guard in the harvester', () => {
  let feeds: TestServer;
  let secret: TestServer;
  let store: Store;
  const options: HarvestOptions = { ...defaults.harvest, timeoutMs: 2_000, connectTimeoutMs: 1_000, comments: true };
  const secretPort = () => new URL(secret.url).port;

  beforeAll(async () => {
    secret = await serveTestRoutes({
      '/secret': send(rss('Internal', [{ guid: 'internal-1', title: 'Internal admin page', html: '<p>the internal password is hunter2</p>' }])),
      '/comments.xml': send(rss('c', [{ guid: 'c1', title: 'c', html: 'internal comment' }])),
    });
    feeds = await serveTestRoutes();
    feeds.route('/feed.xml', send(rss('Public', [{ guid: 'p1', title: 'Fine', html: '<p>An ordinary post.</p>', commentsUrl: `http://localhost:${secretPort()}/comments.xml` }])));
    feeds.route('/to-localhost', (_req, res) => send('', { location: `http://localhost:${secretPort()}/secret` }, 302)(_req, res));
    feeds.route('/to-mapped', (_req, res) => send('', { location: `http://[::ffff:127.0.0.1]:${secretPort()}/secret` }, 301)(_req, res));
    feeds.route('/to-v6', (_req, res) => send('', { location: `http://[::1]:${secretPort()}/secret` }, 307)(_req, res));
    feeds.route('/to-metadata', send('', { location: 'http://169.254.169.254/latest/meta-data/' }, 302));
  });
  afterAll(async () => {
    await feeds.close();
    await secret.close();
  });
  beforeEach(() => {
    store = openStore(':memory:');
    secret.requests.length = 0;
  });
  afterEach(() => store.close());

  it('should fetch a feed given on loopback, and refuse each redirect to another local host with a per-feed error while the others go on', async () => {
    const urls = ['/feed.xml', '/to-localhost', '/to-mapped', '/to-v6', '/to-metadata'].map((p) => `${feeds.url}${p}`);
    const report = await harvestFeeds(store, urls, options);
    const [ok, ...refused] = report.feeds;
    expect(ok).toMatchObject({ url: urls[0], outcome: 'new', newItems: 1 });
    expect(refused.map((f) => f.outcome)).toEqual(['error', 'error', 'error', 'error']);
    expect(refused[0].error).toBe(
      `refused to fetch ${urls[1]}: the redirect to http://localhost:${secretPort()}/secret: 127.0.0.1 is a loopback address; localhost resolves to it`,
    );
    expect(refused[0].hint).toMatch(/harvest\.allowPrivateAddresses: true/);
    expect(refused[1].error).toBe(
      `refused to fetch ${urls[2]}: the redirect to http://[::ffff:7f00:1]:${secretPort()}/secret: 127.0.0.1 is a loopback address; ::ffff:7f00:1 is that address in another form`,
    );
    expect(refused[2].error).toMatch(/the redirect to http:\/\/\[::1\]:\d+\/secret: ::1 is a loopback address$/);
    expect(refused[3].error).toMatch(/169\.254\.169\.254 is a link-local address$/);
    // Nothing reached the internal server (not even the comment feed on "localhost"), and nothing of it was stored.
    expect(secret.requests).toEqual([]);
    expect(readCorpus(store).documents.map((d) => d.text)).toEqual(['An ordinary post.']);
  });

  it('should follow them all when harvest.allowPrivateAddresses is set', async () => {
    const report = await harvestFeeds(store, [`${feeds.url}/to-localhost`], { ...options, allowPrivateAddresses: true });
    expect(report.feeds[0]).toMatchObject({ outcome: 'new', newItems: 1 });
    expect(secret.requests.map((r) => r.path)).toEqual(['/secret']);
  });

  it('should check the address a name resolves to, at connect time', async () => {
    // A DNS name that resolves inward (the resolver is the test's, the server is real).
    const lookup = ((host: string, opts: dns.LookupOptions, cb: (...a: unknown[]) => void) =>
      host === 'inward.example' ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : dns.lookup(host, opts, cb as never)) as unknown as typeof dns.lookup;
    const agent = createAgent(1_000, 2_000, { allowPrivateAddresses: false, allowHosts: [], lookup });
    try {
      const r = await fetchUrl(`http://inward.example:${secretPort()}/secret`, { agent, timeoutMs: 2_000, maxBytes: 1e6, maxRedirects: 3, userAgent: 't' });
      expect(r).toMatchObject({ ok: false, failure: 'refused-address', detail: '127.0.0.1 is a loopback address; inward.example resolves to it' });
    } finally {
      await agent.destroy();
    }
    expect(secret.requests).toEqual([]);
  });
});
