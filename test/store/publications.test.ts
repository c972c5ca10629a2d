import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Post } from '../../src/generate/types.js';
import { savePost } from '../../src/store/posts.js';
import { latestUnpublishedPost, markPublished, markState, recordIntent, retractedPostIds } from '../../src/store/publications.js';
import { makeTempStore } from '../helpers/temp-store.js';

const NOW = '2026-01-01T00:00:00.000Z';
const post = (id: string, createdAt: string): Post => ({
  version: 1, id, title: { text: id, template: 'NOUN', provenance: [] }, paragraphs: [], seed: id, modelFingerprint: 'fp', createdAt,
});

describe('retractedPostIds', () => {
  let t: ReturnType<typeof makeTempStore>;
  beforeEach(() => (t = makeTempStore()));
  afterEach(() => t.remove());

  it('should list the posts retracted from any target, and no others', () => {
    for (const [id, at] of [['p1', '2026-01-01'], ['p2', '2026-01-02'], ['p3', '2026-01-03']]) savePost(t.store, post(id, at));
    expect(retractedPostIds(t.store)).toEqual([]);
    for (const id of ['p1', 'p2', 'p3']) recordIntent(t.store, { postId: id, target: 'box', entryId: `e-${id}`, slug: id, draft: false }, 'test-owner', NOW);
    markPublished(t.store, 'p1', 'box', { url: 'http://box/p1' }, NOW);
    markState(t.store, 'p2', 'box', 'retracted', NOW);
    recordIntent(t.store, { postId: 'p3', target: 'other', entryId: 'e', slug: 'p3', draft: false }, 'test-owner', NOW);
    markState(t.store, 'p3', 'other', 'retracted', NOW);
    expect(retractedPostIds(t.store).sort()).toEqual(['p2', 'p3']);
    expect(latestUnpublishedPost(t.store, 'box')).toBe('p3');
  });
});
