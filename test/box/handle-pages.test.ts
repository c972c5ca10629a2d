import { publishStep } from '../../src/pipeline/publish-step.js';
import { serveBox } from '../../src/pipeline/serve-box.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningBox } from '../../src/box/index.js';

import { modelFileOf } from '../../src/pipeline/refresh-model.js';
import { saveModel } from '../../src/store/model-file.js';
import type { Model } from '../../src/model/types.js';
import { makeTestApp, withPosts, type TestApp, startTestBox } from '../fixtures/publish/test-app.js';
import { buildLanguageModel } from '../../src/weight/model/build-language-model.js';

let t: TestApp;
let box: RunningBox;
afterEach(async () => {
  await box.close();
  t.app.close();
});

async function serve(): Promise<RunningBox> {
  t = makeTestApp({}, { WEBXCRETA_BOX_PASSWORD: 'pw' });
  withPosts(t, 'post-river', 'post-hills');
  box = await startTestBox(t);
  return box;
}

describe('handlePage', () => {
  it('should say there are no shares yet when there is no model yet', async () => {
    await serve();
    const r = await fetch(`${box.url}about`);
    const html = await r.text();
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('<link rel="service" type="application/atomsvc+xml" href="/app">');
    expect(html).toContain('No model has been built yet, so there are no shares to show.');
    expect(html).not.toContain('<table');
    expect(html).not.toContain('<svg');
  });

  it('should draw the weight stage\'s plot from the model when there is one', async () => {
    await serve();
    const model: Model = {
      version: 1,
      fingerprint: 'fp',
      settings: { damping: 'log-squared', ownShare: 0.25, ownOnly: false, commentWeight: 0.2 },
      sources: [
        { sourceId: 'src-a', title: 'Alpha <Blog>', kind: 'blog', documents: 2, tokens: 900, rawShare: 0.9, dampedShare: 0.6 },
        { sourceId: 'src-b', title: 'Beta Blog', kind: 'blog', documents: 1, tokens: 100, rawShare: 0.1, dampedShare: 0.4 },
      ],
      own: { posts: 0, share: 0 },
      documentWeights: {},
      lm: buildLanguageModel([], {}, { damping: 'linear' }),
    };
    saveModel(modelFileOf(t.app.paths.stateDir), model);
    const html = await (await fetch(`${box.url}about`)).text();
    expect(html).toContain('Each source&apos;s share: of the words, and of the weight in the model');
    expect(html).toContain('<tr><td>Alpha &lt;Blog&gt;</td><td>2</td><td>900</td><td>90.0%</td><td>60.0%</td></tr>');
  });

  it('should give a loopback URL when listening on every address', async () => {
    t = makeTestApp({}, { WEBXCRETA_BOX_PASSWORD: 'pw' });
    box = await serveBox(t.app, { host: '0.0.0.0', port: 0 });
    expect(box.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await fetch(box.url)).status).toBe(200);
  });

  it('should answer 404 for unknown pages and serve the stylesheet the CSP allows', async () => {
    await serve();
    expect((await fetch(`${box.url}posts/nope`)).status).toBe(404);
    expect((await fetch(`${box.url}posts/%E0%A4%A`)).status).toBe(404);
    const css = await fetch(`${box.url}box.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(box.url, { method: 'DELETE' })).status).toBe(405);
  });

  it('should answer 304 when a reader revalidates an unchanged feed, and 200 once it changed', async () => {
    await serve();
    const first = await fetch(`${box.url}feed.atom`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect((await fetch(`${box.url}feed.atom`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    await publishStep(t.app, 'p-hills-0002');
    expect((await fetch(`${box.url}feed.atom`, { headers: { 'if-none-match': etag } })).status).toBe(200);
  });

  it('should show the index newest first with teasers and comment counts', async () => {
    await serve();
    await publishStep(t.app, 'p-river-0001');
    await publishStep(t.app, 'p-hills-0002');
    const html = await (await fetch(box.url)).text();
    expect([...html.matchAll(/<p class="teaser">([^<]+)<\/p>/g)].map((m) => m[1])).toEqual([
      'Rain fell over the southern hills for three days.',
      'The river carries grain and timber to the coast every spring.',
    ]);
  });
});
