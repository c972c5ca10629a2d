import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBoxEntry, publicEntryIdOfPost, updateBoxEntry, type BoxEntryInput } from '../../src/store/box-entries.js';
import { makeTempStore } from '../helpers/temp-store.js';

const NOW = '2026-01-01T00:00:00.000Z';
const input = (title: string, extra: Partial<BoxEntryInput> = {}): BoxEntryInput => ({
  title, content: `<p>${title}</p>`, contentType: 'html', author: 'bot', categories: [], draft: false, ...extra,
});

describe('publicEntryIdOfPost', () => {
  let t: ReturnType<typeof makeTempStore>;
  beforeEach(() => (t = makeTempStore()));
  afterEach(() => t.remove());

  it('should find the entry of a generated post only while it is not a draft', () => {
    const entry = createBoxEntry(t.store, input('River', { postId: 'post-river' }), NOW);
    createBoxEntry(t.store, input('Hand-written'), NOW);
    const draft = createBoxEntry(t.store, input('Hills', { postId: 'post-hills', draft: true }), NOW);
    expect(publicEntryIdOfPost(t.store, 'post-river')).toBe(entry.id);
    expect(publicEntryIdOfPost(t.store, 'post-hills')).toBeUndefined();
    expect(publicEntryIdOfPost(t.store, 'post-none')).toBeUndefined();
    updateBoxEntry(t.store, draft.id, input('Hills'), NOW);
    expect(publicEntryIdOfPost(t.store, 'post-hills')).toBe(draft.id);
    updateBoxEntry(t.store, entry.id, input('River', { draft: true }), NOW);
    expect(publicEntryIdOfPost(t.store, 'post-river')).toBeUndefined();
  });
});
