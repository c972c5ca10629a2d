/**
 * Cross-site comment forms in a real browser (Debian's chromium through playwright-core). The
 * reader has visited the box (so has its CSRF cookie); a page on another site (127.0.0.2 is another
 * site than 127.0.0.1) then auto-submits a comment form to the box — top-level, and from a
 * sandboxed iframe (Origin: null) — carrying a valid token the attacker fetched for itself.
 * Both must be refused and nothing stored; the box's own form keeps working.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBox } from '../../src/box/index.js';
import { publishStep } from '../../src/pipeline/publish-step.js';
import { listComments } from '../../src/store/comments.js';
import { findBoxEntry } from '../../src/store/box-entries.js';
import { makeTestApp, startTestBox, withPosts, type TestApp } from '../fixtures/publish/test-app.js';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SLUG = 'rain-over-the-southern-hills-phills00';

let t: TestApp;
let box: RunningBox;
let evil: Server;
let evilUrl: string;
let browser: BrowserContext;

/** A form that posts itself to the box as soon as it loads, with a token the attacker got by fetching the page itself. */
async function forgedForm(): Promise<string> {
  const html = await (await fetch(`${box.url}posts/${SLUG}`)).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1];
  return `<form method="post" action="${box.url}posts/${SLUG}/comments">
<input name="csrf" value="${csrf}"><input name="author" value="Mallory"><input name="text" value="posted from another site"><input name="website" value="">
</form><script>document.forms[0].submit()</script>`;
}

beforeAll(async () => {
  t = makeTestApp({}, { WEBXCRETA_BOX_PASSWORD: 'pw' });
  withPosts(t, 'post-hills');
  box = await startTestBox(t);
  await publishStep(t.app, 'p-hills-0002');
  evil = createServer(async (req, res) => {
    const form = await forgedForm();
    const page =
      req.url === '/sandboxed'
        ? `<!doctype html><iframe sandbox="allow-forms allow-scripts" srcdoc="${form.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`
        : `<!doctype html>${form}`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.2', resolve));
  evilUrl = `http://127.0.0.2:${(evil.address() as AddressInfo).port}`;
  browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'webx-chromium-')), { executablePath: '/usr/bin/chromium', headless: true, args: FLAGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (evil ? (evil.closeAllConnections(), evil.close(() => resolve())) : resolve()));
  await box?.close();
  t?.app.close();
});

const stored = () => listComments(t.app.store(), findBoxEntry(t.app.store(), { slug: SLUG })!.id).map((c) => `${c.author}: ${c.text}`);

/** Opens `url` in a new tab and waits for the browser's POST to the box's comment URL (from any frame); its answer. */
async function submittedFrom(url: string): Promise<{ status: number; sent: Record<string, string> }> {
  const page = await browser.newPage();
  const answer = browser.waitForEvent('response', { predicate: (r: Response) => r.url() === `${box.url}posts/${SLUG}/comments` && r.request().method() === 'POST', timeout: 40_000 });
  await page.goto(url);
  const response = await answer;
  const result = { status: response.status(), sent: await response.request().allHeaders() };
  await page.close();
  return result;
}

describe('comment forms from another site, in a browser', () => {
  // A loaded machine can make headless Chromium miss a frame's POST now and then: two more tries.
  it('should refuse a form another site auto-submits, top-level and from a sandboxed iframe (Origin: null), and keep the box\'s own form working', { timeout: 150_000, retry: 2 }, async () => {
    const page = await browser.newPage();
    await page.goto(`${box.url}posts/${SLUG}`); // the reader knows the blog: the browser holds its CSRF cookie
    expect((await browser.cookies(box.url)).map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([['webx_csrf', true, 'Strict']]);

    const topLevel = await submittedFrom(`${evilUrl}/top`);
    expect(topLevel.status).toBe(403);
    expect(topLevel.sent['sec-fetch-site']).toBe('cross-site');
    expect(topLevel.sent.cookie).toBeUndefined(); // SameSite=Strict: the browser kept the reader's cookie to itself

    const framed = await submittedFrom(`${evilUrl}/sandboxed`);
    expect(framed.status).toBe(403);
    expect(framed.sent.origin).toBe('null');
    expect(stored()).toEqual([]);

    await page.goto(`${box.url}posts/${SLUG}`);
    await page.fill('input[name=author]', 'Ann');
    await page.fill('textarea[name=text]', 'Posted from the blog itself.');
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('li.comment p.text').allTextContents()).toEqual(['Posted from the blog itself.']);
    expect(stored()).toEqual(['Ann: Posted from the blog itself.']);
    await page.close();
  });
});
