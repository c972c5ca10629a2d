import { publishStep } from '../../src/pipeline/publish-step.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBox } from '../../src/box/index.js';

import { makeTestApp, withPosts, type TestApp, startTestBox } from '../fixtures/publish/test-app.js';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let t: TestApp;
let box: RunningBox;
let browser: BrowserContext;

beforeAll(async () => {
  t = makeTestApp({}, { WEBXCRETA_BOX_PASSWORD: 'pw' });
  withPosts(t, 'post-river', 'post-hills');
  box = await startTestBox(t);
  await publishStep(t.app, 'p-river-0001');
  await publishStep(t.app, 'p-hills-0002');
  browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'webx-chromium-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await box?.close();
  t?.app.close();
});

describe('the box in a browser', () => {
  it('should show the index, a post, a sentence\'s sources, and a posted comment; an injected script does not run', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const violations: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });

    await page.goto(box.url);
    expect(await page.locator('li.entry a.title').allTextContents()).toEqual(['Rain over the southern hills', 'The river trade of the northern towns']);

    await page.click('text=The river trade of the northern towns');
    await expect.poll(() => page.locator('article h1').textContent()).toBe('The river trade of the northern towns');
    const sentence = page.locator('details.sentence').nth(1);
    expect(await sentence.locator('summary').textContent()).toBe('Merchants say the tolls are <high> & "rising".');
    expect(await sentence.locator('ul.sources').isVisible()).toBe(false);
    await sentence.locator('summary').click();
    expect(await sentence.getAttribute('open')).toBe('');
    expect(await sentence.locator('ul.sources').isVisible()).toBe(true);
    expect(await sentence.locator('ul.sources li').allTextContents()).toEqual(['100% the sentence pattern from Tolls & taxes in Beta Blog']);

    await page.fill('input[name=author]', 'Ann');
    await page.fill('textarea[name=text]', 'The tolls were lower last year.');
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('li.comment p.text').allTextContents()).toEqual(['The tolls were lower last year.']);

    const attack = '<script>alert("pwned")</script><img src=x onerror="alert(\'img\')">';
    await page.fill('input[name=author]', '<b onmouseover=alert(1)>Eve</b>');
    await page.fill('textarea[name=text]', attack);
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('li.comment p.text').allTextContents()).toEqual(['The tolls were lower last year.', attack]);
    expect(await page.locator('li.comment script, li.comment img, li.comment b').count()).toBe(0);
    expect(await page.evaluate('document.scripts.length')).toBe(0);
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('should read as flowing prose at 1280 px: consecutive sentences share a line box, and opening one (click or keyboard) moves no text', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(new URL('/posts/the-river-trade-of-the-northern-towns-priver00', box.url).href);
    const hint = page.locator('article p.hint');
    expect(await hint.textContent()).toMatch(/^Every sentence opens: click it/);
    // The hint comes before the body, where a reader starts.
    expect(await page.evaluate("Boolean(document.querySelector('article p.hint').compareDocumentPosition(document.querySelector('article .body')) & Node.DOCUMENT_POSITION_FOLLOWING)")).toBe(true);
    // Each sentence's line boxes (a long sentence wraps onto several): where it starts and where it ends.
    const rects = () =>
      page.evaluate<Array<{ first: { top: number; left: number }; last: { top: number; right: number } }>>(`
        [...document.querySelectorAll('.para')[0].querySelectorAll('details.sentence > summary')].map((s) => {
          const r = s.getClientRects();
          return { first: { top: r[0].top, left: r[0].left }, last: { top: r[r.length - 1].top, right: r[r.length - 1].right } };
        })`);
    const closed = await rects();
    expect(closed).toHaveLength(2);
    // The second sentence starts on the line where the first one ends, to its right.
    expect(Math.abs(closed[1].first.top - closed[0].last.top)).toBeLessThan(2);
    expect(closed[1].first.left).toBeGreaterThan(closed[0].last.right);
    const first = page.locator('.para').first().locator('details.sentence').first();
    await first.locator('summary').click();
    expect(await first.getAttribute('open')).toBe('');
    expect(await first.locator('ul.sources').isVisible()).toBe(true);
    expect(await rects()).toEqual(closed);
    // Keyboard: Tab onto the sentence, Enter closes it and Enter opens it again.
    await first.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await first.getAttribute('open')).toBeNull();
    expect(await first.locator('ul.sources').isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    expect(await first.getAttribute('open')).toBe('');
    expect(await rects()).toEqual(closed);
    await page.close();
  });
});
