import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Post } from '../../src/generate/types.js';
import { hasPosts, latestPost, readPost, readPosts, savePost } from '../../src/store/posts.js';
import { makeTempStore } from '../helpers/temp-store.js';

const makePost = (id: string, title: string, createdAt: string): Post => ({
  version: 1,
  id,
  title: { text: title, template: 'NOUN', provenance: [] },
  paragraphs: [[{ text: `Body of ${id}.`, template: 'NOUN PUNCT', provenance: [] }]],
  seed: `seed-${id}`,
  modelFingerprint: 'fp',
  createdAt,
});

describe('posts', () => {
  let t: ReturnType<typeof makeTempStore>;
  beforeEach(() => (t = makeTempStore()));
  afterEach(() => t.remove());

  it('should have no posts and no latest one in a new store', () => {
    expect(hasPosts(t.store)).toBe(false);
    expect(latestPost(t.store)).toBeUndefined();
  });

  it('should give the newest post (the greatest id breaking a tie), read back whole', () => {
    savePost(t.store, makePost('aaa', 'First', '2026-01-01T00:00:00.000Z'));
    savePost(t.store, makePost('ccc', 'Third', '2026-01-03T00:00:00.000Z'));
    savePost(t.store, makePost('bbb', 'Also third', '2026-01-03T00:00:00.000Z'));
    savePost(t.store, makePost('ddd', 'Second', '2026-01-02T00:00:00.000Z'));
    expect(hasPosts(t.store)).toBe(true);
    expect(latestPost(t.store)).toEqual({ id: 'ccc', title: 'Third', createdAt: '2026-01-03T00:00:00.000Z' });
    expect(readPosts(t.store).map((p) => p.id)).toEqual(['aaa', 'ddd', 'bbb', 'ccc']);
    expect(readPost(t.store, 'ddd')).toEqual(makePost('ddd', 'Second', '2026-01-02T00:00:00.000Z'));
    savePost(t.store, makePost('ccc', 'Third, retitled', '2026-01-03T00:00:00.000Z'));
    expect(latestPost(t.store)?.title).toBe('Third, retitled');
  });
});
