import { publishStep } from '../../src/pipeline/publish-step.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment } from '../../src/store/comments.js';
import { findBoxEntry } from '../../src/store/box-entries.js';
import type { RunningBox } from '../../src/box/index.js';
import { addSource, harvestFeeds } from '../../src/harvest/index.js';

import { validateAtom } from '../fixtures/publish/run-validator.js';
import { makeTestApp, withPosts, type TestApp, startTestBox } from '../fixtures/publish/test-app.js';

let t: TestApp;
let box: RunningBox;
const tmp = mkdtempSync(join(tmpdir(), 'webx-feeds-'));

beforeAll(async () => {
  t = makeTestApp({}, { WEBXCRETA_BOX_PASSWORD: 'pw' });
  withPosts(t, 'post-river', 'post-hills');
  box = await startTestBox(t);
  await publishStep(t.app, 'p-river-0001');
  await publishStep(t.app, 'p-hills-0002');
  const river = findBoxEntry(t.app.store(), { atomId: 'tag:webxcreta,2026-11-20:post/p-river-0001' })!;
  addComment(t.app.store(), { entryId: river.id, author: 'Ann <b>', text: 'Lovely & strange.', createdAt: '2026-11-22T10:00:00.000Z' });
  addComment(t.app.store(), { entryId: river.id, author: 'Bo', text: 'More about tolls, please.', createdAt: '2026-11-22T11:00:00.000Z' });
});
afterAll(async () => {
  await box.close();
  t.app.close();
});

const get = async (path: string) => (await fetch(new URL(path, box.url))).text();
const riverPath = 'posts/the-river-trade-of-the-northern-towns-priver00';

describe('renderPostsFeed', () => {
  it('should pass the RFC 4287 validator', async () => {
    expect(await validateAtom(tmp, 'feed.atom', await get('feed.atom'))).toBe('OK');
  });

  it('should give each entry thr:total and a replies link to its comment feed (RFC 4685), and point to the service document', async () => {
    const feed = await get('feed.atom');
    expect(feed).toContain('xmlns:thr="http://purl.org/syndication/thread/1.0"');
    expect(feed).toContain(`<link href="${box.url}app" rel="service" type="application/atomsvc+xml"/>`);
    expect(feed).toContain(`<link href="${box.url}${riverPath}/comments.atom" rel="replies" type="application/atom+xml" thr:count="2"/>`);
    expect(feed.match(/<thr:total>(\d+)<\/thr:total>/g)).toEqual(['<thr:total>0</thr:total>', '<thr:total>2</thr:total>']);
  });
});

describe('renderCommentFeed', () => {
  it('should list the comments with thr:in-reply-to and pass the validator', async () => {
    const feed = await get(`${riverPath}/comments.atom`);
    expect(feed).toContain(`<thr:in-reply-to ref="tag:webxcreta,2026-11-20:post/p-river-0001" href="${box.url}${riverPath}" type="text/html"/>`);
    expect(feed).toContain("<name><![CDATA[Ann <b>]]></name>");
    expect(await validateAtom(tmp, 'comments.atom', feed)).toBe('OK');
  });

  it('should also validate when a post has no comments', async () => {
    expect(await validateAtom(tmp, 'empty.atom', await get('posts/rain-over-the-southern-hills-phills00/comments.atom'))).toBe('OK');
  });
});

describe('the box read back by the harvester', () => {
  it('should give the harvester its posts and their comments', async () => {
    const reader = makeTestApp();
    const store = reader.app.store();
    addSource(store, `${box.url}feed.atom`);
    const report = await harvestFeeds(store, undefined, { ...reader.app.config.harvest, comments: true });
    expect(report.feeds.map((f) => f.outcome)).toEqual(['new']);
    const docs = store.prepare('SELECT kind, title, text FROM documents ORDER BY kind, title').all() as Array<{ kind: string; title: string; text: string }>;
    expect(docs.filter((d) => d.kind === 'post').map((d) => d.title)).toEqual(['Rain over the southern hills', 'The river trade of the northern towns']);
    expect(docs.filter((d) => d.kind === 'comment').map((d) => d.text).sort()).toEqual(['Lovely & strange.', 'More about tolls, please.']);
    reader.app.close();
  });
});
