import { publishStep } from '../../src/pipeline/publish-step.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listComments } from '../../src/store/comments.js';
import { findBoxEntry } from '../../src/store/box-entries.js';
import type { RunningBox } from '../../src/box/index.js';

import { makeTestApp, withPosts, type TestApp, startTestBox } from '../fixtures/publish/test-app.js';

let t: TestApp;
let box: RunningBox;
const PAGE = 'posts/rain-over-the-southern-hills-phills00';

beforeEach(async () => {
  cookie = '';
  t = makeTestApp({ box: { port: 0, commentsPerWindow: 2, maxCommentLength: 50 } }, { WEBXCRETA_BOX_PASSWORD: 'pw' });
  withPosts(t, 'post-hills');
  box = await startTestBox(t);
  await publishStep(t.app, 'p-hills-0002');
});
afterEach(async () => {
  await box.close();
  t.app.close();
});

/** The reader's cookie jar: the CSRF cookie the post page sets. */
let cookie = '';

async function token(): Promise<string> {
  const r = await fetch(new URL(PAGE, box.url), { headers: cookie ? { cookie } : {} });
  const set = r.headers.get('set-cookie');
  if (set) cookie = set.split(';')[0];
  return /name="csrf" value="([^"]+)"/.exec(await r.text())![1];
}

function postComment(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(new URL(`${PAGE}/comments`, box.url), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}), ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

const stored = () => listComments(t.app.store(), findBoxEntry(t.app.store(), { slug: PAGE.slice(6) })!.id).map((c) => `${c.author}: ${c.text}`);

describe('handleComment', () => {
  it('should store a comment and send the reader back to it', async () => {
    const r = await postComment({ csrf: await token(), author: 'Ann', text: 'Nice rain.', website: '' });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe(`/${PAGE}#comment-1`);
    expect(stored()).toEqual(['Ann: Nice rain.']);
  });

  it('should refuse a form without a valid CSRF token', async () => {
    const r = await postComment({ csrf: `${Date.now()}.${'0'.repeat(64)}`, author: 'Eve', text: 'forged' });
    expect(r.headers.get('location')).toBe(`/${PAGE}?error=csrf#comment-form`);
    expect((await postComment({ author: 'Eve', text: 'no token' })).status).toBe(303);
    expect(stored()).toEqual([]);
  });

  it('should bind the token to the reader\'s cookie (HttpOnly, SameSite=Strict)', async () => {
    const r = await fetch(new URL(PAGE, box.url));
    expect(r.headers.get('set-cookie')).toMatch(/^webx_csrf=[A-Za-z0-9_-]{24}; Path=\/; HttpOnly; SameSite=Strict$/);
    const csrf = await token();
    // The same token without the cookie, or with another reader's cookie, is refused.
    const mine = cookie;
    cookie = '';
    expect((await postComment({ csrf, author: 'Eve', text: 'no cookie' })).headers.get('location')).toBe(`/${PAGE}?error=csrf#comment-form`);
    cookie = 'webx_csrf=AAAAAAAAAAAAAAAAAAAAAAAA';
    expect((await postComment({ csrf, author: 'Eve', text: 'other cookie' })).headers.get('location')).toBe(`/${PAGE}?error=csrf#comment-form`);
    cookie = mine;
    // A reader who has the cookie keeps it: the page sets none again.
    expect((await fetch(new URL(PAGE, box.url), { headers: { cookie } })).headers.get('set-cookie')).toBeNull();
    expect((await postComment({ csrf, author: 'Ann', text: 'mine' })).status).toBe(303);
    expect(stored()).toEqual(['Ann: mine']);
  });

  it('should refuse a form posted from another origin, from an opaque origin (Origin: null) or cross-site', async () => {
    const csrf = await token();
    const forged: Array<Record<string, string>> = [{ origin: 'http://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }];
    for (const headers of forged) {
      const r = await postComment({ csrf, author: 'Eve', text: 'cross-site' }, headers);
      expect(r.status).toBe(403);
      expect(await r.text()).toMatch(/^comments can only be posted from this blog's own pages/);
    }
    expect(stored()).toEqual([]);
    const same = await postComment({ csrf, author: 'Ann', text: 'same origin' }, { origin: box.url.replace(/\/$/, ''), 'sec-fetch-site': 'same-origin' });
    expect(same.status).toBe(303);
    expect(stored()).toEqual(['Ann: same origin']);
  });

  it('should keep accepting tokens and keep counting comments after a restart', async () => {
    const csrf = await token();
    expect((await postComment({ csrf, author: 'A', text: 'one' })).status).toBe(303);
    await box.close();
    box = await startTestBox(t);
    expect((await postComment({ csrf, author: 'A', text: 'two' })).status).toBe(303);
    expect((await postComment({ csrf, author: 'A', text: 'three' })).status).toBe(429);
    expect(stored()).toEqual(['A: one', 'A: two']);
  });

  it('should drop characters an XML feed cannot carry, so the comment feed stays valid', async () => {
    await postComment({ csrf: await token(), author: 'Bell\u0007 Ringer', text: 'ding\u0000 dong \ud83d\udd14\r\nend\uffff' });
    expect(stored()).toEqual(['Bell Ringer: ding dong \ud83d\udd14\nend']);
  });

  it('should drop what fills the honeypot field', async () => {
    const r = await postComment({ csrf: await token(), author: 'Bot', text: 'Buy now', website: 'http://spam.invalid' });
    expect(r.status).toBe(303);
    expect(stored()).toEqual([]);
  });

  it('should refuse empty or too long comments', async () => {
    const csrf = await token();
    expect((await postComment({ csrf, author: 'Ann', text: 'x'.repeat(51) })).headers.get('location')).toBe(`/${PAGE}?error=length`);
    expect((await postComment({ csrf, author: '', text: 'hello' })).headers.get('location')).toBe(`/${PAGE}?error=length`);
    expect(stored()).toEqual([]);
  });

  it('should rate-limit one address (429 with Retry-After)', async () => {
    const csrf = await token();
    expect((await postComment({ csrf, author: 'A', text: 'one' })).status).toBe(303);
    expect((await postComment({ csrf, author: 'A', text: 'two' })).status).toBe(303);
    const third = await postComment({ csrf, author: 'A', text: 'three' });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(stored()).toEqual(['A: one', 'A: two']);
  });

  it('should isolate a name with a right-to-left override (U+202E) so it cannot reverse the rest of the line', async () => {
    await postComment({ csrf: await token(), author: 'Eve\u202Egnp.exe', text: 'hello' });
    const html = await (await fetch(new URL(PAGE, box.url))).text();
    expect(html).toMatch(/<p class="who"><bdi>Eve\u202Egnp\.exe<\/bdi> · <time/);
  });

  it('should escape what readers write, under a CSP without scripts', async () => {
    await postComment({ csrf: await token(), author: '<img src=x onerror=alert(1)>', text: '<script>alert(1)</script>' });
    const r = await fetch(new URL(PAGE, box.url));
    const html = await r.text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<p class="who"><bdi>&lt;img src=x onerror=alert(1)&gt;</bdi> · ');
    expect(html).not.toContain('<script');
    expect(r.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
  });
});
