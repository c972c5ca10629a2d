import { publishStep } from '../../src/pipeline/publish-step.js';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addComment } from '../../src/store/comments.js';
import { findBoxEntry } from '../../src/store/box-entries.js';
import { blogOf, exportBlog } from '../../src/publish/index.js';
import { savePost } from '../../src/store/posts.js';
import { markPublished, markState, recordIntent } from '../../src/store/publications.js';
import { fixturePost, makeTestApp, recordPublished, seedCorpus, startTestBox } from '../fixtures/publish/test-app.js';
import { runMain } from '../fixtures/publish/run-main.js';
import { validateAtom } from '../fixtures/publish/run-validator.js';

describe('exportBlog', () => {
  it('should write a valid Atom feed and HTML pages, and add the second post on the second run', async () => {
    const t = makeTestApp({ publish: { baseUrl: 'https://blog.example.org/bot' } });
    seedCorpus(t.app);
    const out = join(t.dir, 'out');
    savePost(t.app.store(), fixturePost('post-river'));
    recordPublished(t.app, 'p-river-0001');
    const first = exportBlog(t.app.store(), out, blogOf(t.app.config.publish, t.app.config.box));
    expect(first).toEqual({ feedFile: join(out, 'feed.atom'), pagesDir: out, posts: 1 });
    expect(await validateAtom(t.dir, 'check1.atom', readFileSync(first.feedFile, 'utf8'))).toBe('OK');

    savePost(t.app.store(), fixturePost('post-hills'));
    recordPublished(t.app, 'p-hills-0002', 'https://blog.example.org/app/posts');
    const second = exportBlog(t.app.store(), out, blogOf(t.app.config.publish, t.app.config.box));
    expect(second.posts).toBe(2);
    const feed = readFileSync(second.feedFile, 'utf8');
    expect(await validateAtom(t.dir, 'check2.atom', feed)).toBe('OK');
    expect([...feed.matchAll(/<id>(tag:[^<]+)<\/id>/g)].map((m) => m[1])).toEqual([
      'tag:webxcreta,2026-11-21:post/p-hills-0002',
      'tag:webxcreta,2026-11-20:post/p-river-0001',
    ]);
    expect(feed).toContain('<link href="https://blog.example.org/bot/posts/rain-over-the-southern-hills-phills00.html" rel="alternate" type="text/html"/>');
    expect(readdirSync(join(out, 'posts')).sort()).toEqual(['rain-over-the-southern-hills-phills00.html', 'the-river-trade-of-the-northern-towns-priver00.html']);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const page = readFileSync(join(out, 'posts', 'the-river-trade-of-the-northern-towns-priver00.html'), 'utf8');
    expect(page).toContain('<link rel="stylesheet" href="../box.css">');
    expect(page).toContain('<summary>Merchants say the tolls are &lt;high&gt; &amp; &quot;rising&quot;.</summary>');
    expect(page).toContain('<a href="http://127.0.0.1:1/a/1" rel="nofollow noopener">On rivers</a> <span class="blog">in Alpha &lt;Blog&gt;</span>');
    expect(page).not.toContain('javascript:');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<a class="title" href="posts/rain-over-the-southern-hills-phills00.html">');
    expect(existsSync(join(out, 'about.html'))).toBe(true);
    t.app.close();
  });

  it('should show the comments readers left on the box', async () => {
    const t = makeTestApp({}, { WEBXCRETA_BOX_PASSWORD: 'pw' });
    seedCorpus(t.app);
    savePost(t.app.store(), fixturePost('post-hills'));
    const box = await startTestBox(t);
    await publishStep(t.app, 'p-hills-0002');
    const entry = findBoxEntry(t.app.store(), { atomId: 'tag:webxcreta,2026-11-21:post/p-hills-0002' })!;
    addComment(t.app.store(), { entryId: entry.id, author: 'Ann', text: 'Rain <again>?', createdAt: '2026-11-22T08:00:00.000Z' });
    await box.close();
    const out = join(t.dir, 'site');
    exportBlog(t.app.store(), out, blogOf(t.app.config.publish, t.app.config.box));
    const page = readFileSync(join(out, 'posts', 'rain-over-the-southern-hills-phills00.html'), 'utf8');
    expect(page).toContain('<p class="text">Rain &lt;again&gt;?</p>');
    expect(page).not.toContain('<form');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<span class="count">1 comment</span>');
    t.app.close();
  });

  it('should be what `webxcreta export DIR` writes', async () => {
    const t = makeTestApp();
    seedCorpus(t.app);
    savePost(t.app.store(), fixturePost('post-river'));
    recordPublished(t.app, 'p-river-0001');
    t.app.close();
    const r = await runMain(['--data', t.dir, '--json', 'export', 'public'], t.dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, feedFile: join(t.dir, 'public', 'feed.atom'), pagesDir: join(t.dir, 'public'), posts: 1 });
  });

  it('should leave out retracted posts and remove their pages', () => {
    const t = makeTestApp();
    seedCorpus(t.app);
    const out = join(t.dir, 'site');
    savePost(t.app.store(), fixturePost('post-river'));
    savePost(t.app.store(), fixturePost('post-hills'));
    recordPublished(t.app, 'p-river-0001');
    recordPublished(t.app, 'p-hills-0002');
    expect(exportBlog(t.app.store(), out, blogOf(t.app.config.publish, t.app.config.box)).posts).toBe(2);
    markState(t.app.store(), 'p-hills-0002', 'box', 'retracted', '2026-11-23T00:00:00.000Z');
    expect(exportBlog(t.app.store(), out, blogOf(t.app.config.publish, t.app.config.box)).posts).toBe(1);
    expect(readdirSync(join(out, 'posts'))).toEqual(['the-river-trade-of-the-northern-towns-priver00.html']);
    t.app.close();
  });

  it('should list only published posts: not those only generated, left in intent by a killed run, or sent as drafts', () => {
    const t = makeTestApp();
    seedCorpus(t.app);
    const out = join(t.dir, 'site');
    savePost(t.app.store(), fixturePost('post-river'));
    savePost(t.app.store(), fixturePost('post-hills'));
    expect(exportBlog(t.app.store(), out, blogOf(t.app.config.publish, t.app.config.box)).posts).toBe(0);
    recordIntent(t.app.store(), { postId: 'p-river-0001', target: 'box', entryId: 'x', slug: 'x', draft: false }, 'host:999999:dead', '2026-11-22T00:00:00.000Z');
    recordPublished(t.app, 'p-hills-0002', 'box', { draft: true });
    expect(exportBlog(t.app.store(), out, blogOf(t.app.config.publish, t.app.config.box)).posts).toBe(0);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('river');
    markPublished(t.app.store(), 'p-river-0001', 'box', { url: 'http://127.0.0.1:1/r' }, '2026-11-22T00:00:01.000Z');
    expect(exportBlog(t.app.store(), out, blogOf(t.app.config.publish, t.app.config.box)).posts).toBe(1);
    expect(readdirSync(join(out, 'posts'))).toEqual(['the-river-trade-of-the-northern-towns-priver00.html']);
    t.app.close();
  });
});
