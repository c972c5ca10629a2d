import { serveBox } from '../../src/pipeline/serve-box.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBox } from '../../src/box/index.js';
import { makeTestApp, type TestApp } from '../fixtures/publish/test-app.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, validateAtom } from '../fixtures/publish/run-validator.js';

const CLIENT = new URL('./atompub-client.pl', import.meta.url).pathname;
const CREDS = { user: 'bot', password: 's3cret-pw' };
const auth = `Basic ${Buffer.from(`${CREDS.user}:${CREDS.password}`).toString('base64')}`;

let t: TestApp;
let box: RunningBox;

beforeAll(async () => {
  t = makeTestApp();
  box = await serveBox(t.app, { host: '127.0.0.1', port: 0, credentials: CREDS });
});
afterAll(async () => {
  await box.close();
  t.app.close();
});

const entryXml = (title: string, extra = '') =>
  `<?xml version="1.0"?><entry xmlns="http://www.w3.org/2005/Atom" xmlns:app="http://www.w3.org/2007/app">
<title>${title}</title><content type="text">Some &lt;text&gt;.</content>${extra}</entry>`;

describe('handleApp', () => {
  it('should serve Atompub::Client (perl) through discovery, create, read, update, list and delete', async () => {
    const r = await run('perl', [CLIENT, `${box.url}app`, CREDS.user, CREDS.password]);
    expect(r.stdout + r.stderr).not.toMatch(/error/i);
    const facts = Object.fromEntries(r.stdout.trim().split('\n').map((l) => l.split('\t')));
    expect(facts.collection).toBe(`${box.url}app/posts`);
    expect(facts.created).toMatch(new RegExp(`^${box.url}app/posts/[0-9a-f]{12}$`));
    expect(facts.title).toBe('Hello from Atompub::Client');
    expect(facts.edit).toBe(facts.created);
    expect(facts['updated-title']).toBe('Updated by Atompub::Client');
    expect(facts.entries).toBe('1');
    expect(facts['after-delete']).toBe('gone');
  });

  it('should refuse requests without the right credentials', async () => {
    const none = await fetch(`${box.url}app`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic /);
    const wrong = await fetch(`${box.url}app/posts`, { headers: { authorization: `Basic ${Buffer.from('bot:nope').toString('base64')}` } });
    expect(wrong.status).toBe(401);
  });

  it('should keep drafts (app:control) out of the public pages and feed but list them in the collection', async () => {
    const r = await fetch(`${box.url}app/posts`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/atom+xml;type=entry', slug: 'a%20draft' },
      body: entryXml('Secret draft', '<app:control><app:draft>yes</app:draft></app:control>'),
    });
    expect(r.status).toBe(201);
    const body = await r.text();
    expect(body).toContain('<app:draft>yes</app:draft>');
    expect(body).toMatch(/<app:edited>/);
    const collection = await (await fetch(`${box.url}app/posts`, { headers: { authorization: auth } })).text();
    expect(collection).toContain('Secret draft');
    expect(await (await fetch(`${box.url}feed.atom`)).text()).not.toContain('Secret draft');
    expect(await (await fetch(box.url)).text()).not.toContain('Secret draft');
    expect((await fetch(`${box.url}posts/a-draft`)).status).toBe(404);
  });

  it('should answer 409 with the existing entry for a second POST of the same atom:id', async () => {
    const post = () =>
      fetch(`${box.url}app/posts`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/atom+xml;type=entry' },
        body: entryXml('Once', '<id>urn:uuid:7d4c4b1e-0000-4000-8000-000000000001</id>'),
      });
    const first = await post();
    expect(first.status).toBe(201);
    const second = await post();
    expect(second.status).toBe(409);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
  });

  it('should keep a client\'s valid dates and replace a bad one with its own clock', async () => {
    const post = (extra: string) =>
      fetch(`${box.url}app/posts`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/atom+xml;type=entry' },
        body: entryXml('Dated', extra),
      }).then((r) => r.text());
    expect(await post('<published>2020-02-03T04:05:06+01:00</published>')).toContain('<published>2020-02-03T03:05:06.000Z</published>');
    expect(await post('<published>last tuesday</published>')).toMatch(/<published>20\d\d-\d\d-\d\dT[\d:.]+Z<\/published>/);
  });

  it('should keep its feeds valid when a client sends characters XML forbids', async () => {
    const r = await fetch(`${box.url}app/posts`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/atom+xml;type=entry' },
      body: entryXml('Bell&#7; title'),
    });
    expect(r.status).toBe(201);
    const member = await r.text();
    expect(member).toContain('<title type="text">Bell title</title>');
  });

  it('should reject what is not an Atom entry', async () => {
    const headers = { authorization: auth, 'content-type': 'application/atom+xml;type=entry' };
    expect((await fetch(`${box.url}app/posts`, { method: 'POST', headers, body: '<feed/>' })).status).toBe(400);
    expect((await fetch(`${box.url}app/posts`, { method: 'POST', headers, body: '<!DOCTYPE x [<!ENTITY a "b">]><entry/>' })).status).toBe(400);
    expect((await fetch(`${box.url}app/posts`, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: 'x' })).status).toBe(415);
  });

  it('should serve member entries and the collection as valid Atom, the collection newest edit first', async () => {
    const create = (title: string) =>
      fetch(`${box.url}app/posts`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/atom+xml;type=entry' }, body: entryXml(title) });
    const a = (await create('First & <one>')).headers.get('location')!;
    await create('Second');
    const put = await fetch(a, { method: 'PUT', headers: { authorization: auth, 'content-type': 'application/atom+xml;type=entry' }, body: entryXml('First, edited') });
    expect(put.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'webx-app-'));
    const member = await (await fetch(a, { headers: { authorization: auth } })).text();
    expect(await validateAtom(dir, 'member.atom', member)).toBe('OK');
    const collection = await (await fetch(`${box.url}app/posts`, { headers: { authorization: auth } })).text();
    expect(await validateAtom(dir, 'collection.atom', collection)).toBe('OK');
    const titles = [...collection.matchAll(/<entry>[\s\S]*?<title type="text">([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles.slice(0, 2)).toEqual(['First, edited', 'Second']);
  });
});
