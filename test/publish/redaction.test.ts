/**
 * No secrets in URLs, logs or the database: credentials in a configured URL are refused at
 * config load; a server that echoes the Authorization header (and the password) in its error
 * bodies gets neither into the error message, `last_error`, `status` or `posts list`; stored
 * error text is bounded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/load-config.js';
import { publishStep } from '../../src/pipeline/publish-step.js';
import { listPublications } from '../../src/publish/index.js';
import { MAX_STORED_ERROR } from '../../src/store/publications.js';
import { redactSecrets, redactUrl } from '../../src/text/redact.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { runMain } from '../fixtures/publish/run-main.js';
import { makeTestApp, withPosts } from '../fixtures/publish/test-app.js';

const PASSWORD = 'hunter2-very-secret';
const TOKEN = Buffer.from(`bot:${PASSWORD}`).toString('base64');

describe('credentials in a configured URL', () => {
  it.each([
    ['publish.collectionUrl', { publish: { collectionUrl: `http://bot:${PASSWORD}@127.0.0.1:9/coll` } }, /publish\.collectionUrl: a URL must not carry a user name or password: use `publish\.user` \+ WEBXCRETA_APP_PASSWORD/],
    ['publish.serviceUrl', { publish: { serviceUrl: `https://bot:${PASSWORD}@blog.example.org/app` } }, /publish\.serviceUrl: .*WEBXCRETA_APP_PASSWORD/],
    ['publish.wordpress.url', { publish: { wordpress: { url: `https://bot:${PASSWORD}@blog.example.org/` } } }, /publish\.wordpress\.url: .*`publish\.wordpress\.user` \+ WEBXCRETA_WP_PASSWORD/],
    ['sources.feeds', { sources: { feeds: [`https://u:${PASSWORD}@feeds.example.org/f`] } }, /sources\.feeds\.0: a URL must not carry a user name or password/],
  ])('should be refused at config load (%s), without echoing the password', (_, config, message) => {
    const tmp = makeTempDir();
    writeFileSync(join(tmp.dir, 'webxcreta.config.json'), JSON.stringify(config));
    const error = (() => {
      try {
        loadConfig(tmp.dir);
      } catch (e) {
        return e as Error & { exitCode: number };
      }
    })();
    expect(error?.message).toMatch(message);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).not.toContain(PASSWORD);
    tmp.remove();
  });

  it('should exit 2 from the CLI with nothing secret on stdout or stderr', async () => {
    const tmp = makeTempDir();
    writeFileSync(join(tmp.dir, 'webxcreta.config.json'), JSON.stringify({ publish: { collectionUrl: `http://bot:${PASSWORD}@127.0.0.1:9/coll` } }));
    const r = await runMain(['--data', tmp.dir, '--json', 'publish'], tmp.dir);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatch(/must not carry a user name or password/);
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
    tmp.remove();
  });
});

describe('a server that echoes credentials in its errors', () => {
  let server: Server;
  let url: string;
  const answers: number[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const status = answers.shift() ?? 401;
      res.writeHead(status, { 'content-type': 'text/plain' });
      const echo = `denied. You sent: Authorization: ${req.headers.authorization}; password=${PASSWORD}; see https://bot:${PASSWORD}@evil.example/`;
      res.end(status === 500 ? `${echo} ${'x'.repeat(100_000)}` : echo);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/coll`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('should keep the password and the Basic token out of the error, the database, status and posts list', async () => {
    const t = makeTestApp({ publish: { collectionUrl: url, user: 'bot', retries: 0 } }, { WEBXCRETA_APP_PASSWORD: PASSWORD });
    withPosts(t, 'post-river');
    const error = (await publishStep(t.app, 'p-river-0001').catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/refused the credentials \(401\): denied\. You sent: Authorization: Basic \*\*\*; password=\*\*\*; see https:\/\/\*\*\*@evil\.example\//);
    const stored = listPublications(t.app.store())[0];
    expect(stored.lastError).toMatch(/\(401\)/);
    for (const text of [error.message, stored.lastError ?? '']) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(TOKEN);
    }
    const env = { WEBXCRETA_APP_PASSWORD: PASSWORD };
    for (const args of [['status'], ['posts', 'list'], ['publish', 'p-river-0001']]) {
      const r = await runMain(['--data', t.dir, '--json', ...args], t.dir, env);
      const out = r.stdout + r.stderr;
      expect(out).not.toContain(PASSWORD);
      expect(out).not.toContain(TOKEN);
    }
    t.app.close();
  });

  it('should bound the error text it stores', async () => {
    const t = makeTestApp({ publish: { collectionUrl: url, user: 'bot', retries: 0 } }, { WEBXCRETA_APP_PASSWORD: PASSWORD });
    withPosts(t, 'post-river');
    answers.push(500);
    await expect(publishStep(t.app, 'p-river-0001')).rejects.toThrow(/answered 500 after all retries/);
    const stored = listPublications(t.app.store())[0].lastError ?? '';
    expect(stored.length).toBeLessThanOrEqual(MAX_STORED_ERROR);
    expect(stored).not.toContain(PASSWORD);
    t.app.close();
  });
});

describe('redactUrl / redactSecrets', () => {
  it('should drop userinfo and secret query values from a URL, leaving other URLs as they are', () => {
    expect(redactUrl('http://bot:pw@host.example/coll?x=1')).toBe('http://host.example/coll?x=1');
    expect(redactUrl('https://h.example/a?token=abc&page=2')).toBe('https://h.example/a?token=***&page=2');
    expect(redactUrl('https://h.example/a?page=2')).toBe('https://h.example/a?page=2');
    expect(redactUrl('not a url bot:pw@ x://u:p@h/')).toBe('not a url bot:pw@ x://***@h/');
  });

  it('should remove known secrets in every form, auth tokens and URL userinfo, and bound the length', () => {
    const text = `pw ${PASSWORD} enc ${encodeURIComponent('a b/c')} b64 ${TOKEN} Bearer abc.def-123 token: zzz9 http://u:p@h/ ${'y'.repeat(50)}`;
    const out = redactSecrets(text, { secrets: [PASSWORD, 'a b/c'], users: ['bot'], maxLength: 200 });
    expect(out).toBe('pw *** enc *** b64 *** Bearer *** token: *** http://***@h/ yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy');
    expect(redactSecrets('x'.repeat(600)).length).toBe(500);
    expect(redactSecrets('nothing to hide: the server said 503')).toBe('nothing to hide: the server said 503');
  });
});
