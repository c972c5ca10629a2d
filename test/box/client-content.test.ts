/**
 * What AtomPub clients send, as the box stores and serves it: HTML sanitised once at the edge (the
 * page and /feed.atom show the same safe markup), text stored as text (no double escaping), edits of
 * the bot's own entries shown on the page, deep nesting flattened (no 500), page numbers clamped.
 */
import { decodeHTML } from 'entities';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEntryXml, parseFeedEntries } from '../../src/atom/parse-entry.js';
import type { RunningBox } from '../../src/box/index.js';
import { publishStep, updateStep } from '../../src/pipeline/publish-step.js';
import { serveBox } from '../../src/pipeline/serve-box.js';
import { createBoxEntry, findBoxEntry } from '../../src/store/box-entries.js';
import { makeTestApp, startTestBox, withPosts, type TestApp } from '../fixtures/publish/test-app.js';

const auth = `Basic ${Buffer.from('webxcreta:pw').toString('base64')}`;
let t: TestApp;
let box: RunningBox;

beforeEach(async () => {
  t = makeTestApp({}, { WEBXCRETA_BOX_PASSWORD: 'pw' });
  box = await startTestBox(t);
});
afterEach(async () => {
  await box.close();
  t.app.close();
});

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const entryXml = (title: string, content: string, type: 'html' | 'text' | 'xhtml') =>
  `<?xml version="1.0"?><entry xmlns="http://www.w3.org/2005/Atom"><title>${xmlEscape(title)}</title>` +
  `<content type="${type}">${type === 'xhtml' ? `<div xmlns="http://www.w3.org/1999/xhtml">${content}</div>` : xmlEscape(content)}</content></entry>`;

async function post(title: string, content: string, type: 'html' | 'text' | 'xhtml' = 'html'): Promise<{ location: string; slug: string }> {
  const r = await fetch(`${box.url}app/posts`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/atom+xml;type=entry' }, body: entryXml(title, content, type) });
  expect(r.status).toBe(201);
  const location = r.headers.get('location')!;
  const id = location.split('/').at(-1)!;
  return { location, slug: (t.app.store().prepare('SELECT slug FROM box_entries WHERE id = ?').get(id) as { slug: string }).slug };
}

const page = async (path: string) => {
  const r = await fetch(new URL(path, box.url));
  return { status: r.status, html: await r.text() };
};
const bodyOf = (html: string) => /<div class="body">\n([\s\S]*?)\n<\/div>\n/.exec(html)![1];
const feedContent = async (title: string) => {
  const xml = await (await fetch(`${box.url}feed.atom`)).text();
  return { xml, entry: parseFeedEntries(xml).find((e) => e.title === title)! };
};

describe('client HTML', () => {
  it('should be sanitised where it enters, so the page and the feed show the same safe markup', async () => {
    const dirty =
      '<p onclick="steal()">Safe <b>bold</b> and <a href="https://example.org/x?a=1&amp;b=2" target="_blank" onmouseover="x()">a link</a>.</p>' +
      '<script>alert("feed")</script><img src="x" onerror="alert(1)"><a href="javascript:alert(2)">js</a><a href="JaVaScRiPt&#58;alert(3)">js2</a>' +
      '<iframe src="https://evil.example/"></iframe><style>body{display:none}</style><form action="https://evil.example/"><input name="q"></form>';
    const { location, slug } = await post('Hostile markup', dirty);
    const clean = '<p>Safe <b>bold</b> and <a href="https://example.org/x?a=1&amp;b=2" rel="nofollow noopener ugc">a link</a>.</p><a rel="nofollow noopener ugc">js</a><a rel="nofollow noopener ugc">js2</a>';

    // Stored sanitised: the AtomPub member, the page and the feed carry the same markup.
    const member = parseEntryXml(await (await fetch(location, { headers: { authorization: auth } })).text())!;
    expect(member.contentHtml).toBe(clean);
    expect(bodyOf((await page(`posts/${slug}`)).html)).toBe(clean);
    const { xml, entry } = await feedContent('Hostile markup');
    expect(entry.contentHtml).toBe(clean);
    expect(xml).not.toMatch(/script|onerror|onclick|onmouseover|javascript:|iframe|<style|&lt;style|form/i);
  });

  it('should sanitise XHTML content the same way', async () => {
    const { slug } = await post('XHTML', '<p>Fine <em>text</em></p><script>alert(1)</script><p onclick="x()">More</p>', 'xhtml');
    expect(bodyOf((await page(`posts/${slug}`)).html)).toBe('<p>Fine <em>text</em></p><p>More</p>');
  });
});

describe('text content', () => {
  it('should round-trip exactly: stored as text, escaped once on the page and in the feed', async () => {
    const text = 'a < b & "c" &lt; d\n\nSecond paragraph.';
    const { location, slug } = await post('Text entry', text, 'text');
    const { html } = await page(`posts/${slug}`);
    expect(bodyOf(html)).toBe('<p>a &lt; b &amp; &quot;c&quot; &amp;lt; d</p>\n<p>Second paragraph.</p>');
    expect(html).not.toContain('&amp;amp;');
    const member = parseEntryXml(await (await fetch(location, { headers: { authorization: auth } })).text())!;
    expect([member.contentType, decodeHTML(member.contentHtml)]).toEqual(['text', text]);
    const { entry } = await feedContent('Text entry');
    expect([entry.contentType, decodeHTML(entry.contentHtml)]).toEqual(['text', text]);
  });
});

describe('the bot\'s own entries', () => {
  it('should show a client\'s edit (PUT) on the page, not the generated sentences, while an unchanged update keeps them', async () => {
    withPosts(t, 'post-river');
    await publishStep(t.app, 'p-river-0001');
    const entry = findBoxEntry(t.app.store(), { slug: 'the-river-trade-of-the-northern-towns-priver00' })!;
    const path = `posts/${entry.slug}`;
    expect((await page(path)).html).toContain('<details class="sentence">');

    // `webxcreta posts update` sends the same post again: its sentences and sources stay.
    await updateStep(t.app, 'p-river-0001');
    expect((await page(path)).html).toContain('<details class="sentence">');

    const member = `${box.url}app/posts/${entry.id}`;
    const put = await fetch(member, {
      method: 'PUT',
      headers: { authorization: auth, 'content-type': 'application/atom+xml;type=entry' },
      body: entryXml('The river trade of the northern towns', `<div data-entry-id="${entry.atomId}"><p>Corrected by hand.</p></div>`, 'html'),
    });
    expect(put.status).toBe(200);
    const { html } = await page(path);
    expect(bodyOf(html)).toBe(`<div data-entry-id="${entry.atomId}"><p>Corrected by hand.</p></div>`);
    expect(html).not.toContain('<details class="sentence">');
    expect((await feedContent('The river trade of the northern towns')).entry.contentHtml).toContain('Corrected by hand.');
  });
});

describe('deeply nested markup', () => {
  const deep = (n: number) => `${'<div>'.repeat(n)}deep text${'</div>'.repeat(n)}`;

  it('should flatten an entry with 6,000 nested tags where it enters, so the index and its page answer 200', async () => {
    const { slug } = await post('Deep', `<p>Before.</p>${deep(6_000)}`);
    const { slug: xhtml } = await post('Deep XHTML', deep(6_000), 'xhtml');
    const index = await page('');
    expect(index.status).toBe(200);
    expect(index.html).toContain('Deep XHTML');
    for (const s of [slug, xhtml]) {
      const p = await page(`posts/${s}`);
      expect(p.status).toBe(200);
      expect(p.html).toContain('deep text');
      expect((p.html.match(/<div>/g) ?? []).length).toBeLessThanOrEqual(64);
    }
  });

  it('should clean entries a webXcreta before this one stored unsanitised, when the box starts', async () => {
    const store = t.app.store();
    const old = createBoxEntry(store, { title: 'Old deep', content: `${deep(6_000)}<script>alert(1)</script>`, contentType: 'html', author: 'x', categories: [], draft: false }, new Date().toISOString());
    const oldText = createBoxEntry(store, { title: 'Old text', content: 'a &lt; b', contentType: 'text', author: 'x', categories: [], draft: false }, new Date().toISOString());
    store.prepare('UPDATE box_entries SET sanitized = 0 WHERE id IN (?, ?)').run(old.id, oldText.id);
    await box.close();
    box = await startTestBox(t);
    expect(t.stderr()).toContain('box: sanitised the content of 2 entries stored by an older webXcreta');
    expect((await page('')).status).toBe(200);
    const p = await page(`posts/${old.slug}`);
    expect([p.status, p.html.includes('<script'), (p.html.match(/<div>/g) ?? []).length <= 64]).toEqual([200, false, true]);
    expect(bodyOf((await page(`posts/${oldText.slug}`)).html)).toBe('<p>a &lt; b</p>');
  });
});

describe('numbers and input from the web', () => {
  it('should clamp ?page= instead of answering 500', async () => {
    await post('One', '<p>One.</p>');
    for (const q of ['99999999999999999999999999', '1e400', '-5', 'abc', String(2 ** 53)]) {
      const r = await page(`?page=${q}`);
      expect(r.status).toBe(200);
    }
    const r = await fetch(`${box.url}app/posts?page=99999999999999999999999999`, { headers: { authorization: auth } });
    expect(r.status).toBe(200);
  });

  it('should log a failing request by its clipped path only, never the whole URL', async () => {
    const own = makeTestApp({}, { WEBXCRETA_BOX_PASSWORD: 'pw' });
    const running = await serveBox(own.app, { host: '127.0.0.1', port: 0 });
    own.app.store().close(); // every request now fails inside the box
    const r = await fetch(`${running.url}posts/${'p'.repeat(1_000)}?page=${'9'.repeat(5_000)}&secret=${'s'.repeat(5_000)}`);
    expect(r.status).toBe(500);
    expect(await r.text()).toBe('internal error\n');
    const line = own.stderr().split('\n').find((l) => l.startsWith('box: GET'))!;
    expect(line).toMatch(/^box: GET \/posts\/p{193}…: The database connection is not open$/);
    expect(line.length).toBeLessThan(600);
    expect(line).not.toContain('999');
    await running.close();
  });
});
