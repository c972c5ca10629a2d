import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  countDocuments,
  countStoredComments,
  findDocument,
  markCommentsSeen,
  readDocumentText,
  unreadCommentFeeds,
  writeDocument,
  type HarvestedDocument,
} from '../../src/store/documents.js';
import { contentHashOf } from '../../src/text/hash-id.js';
import { addSource } from '../../src/store/sources.js';
import { makeTempStore } from '../helpers/temp-store.js';

const NOW = '2026-01-01T00:00:00.000Z';
const post = (guid: string, extra: Partial<HarvestedDocument> = {}): HarvestedDocument => ({ kind: 'post', guid, title: `Title ${guid}`, text: `Text of ${guid}.`, ...extra });

describe('writeDocument', () => {
  let t: ReturnType<typeof makeTempStore>;
  beforeEach(() => (t = makeTempStore()));
  afterEach(() => t.remove());

  it('should store a new post, leave it alone when unchanged, update it in place when edited (same id and link), and store the same text once', () => {
    const a = addSource(t.store, 'http://a.example/feed');
    const b = addSource(t.store, 'http://b.example/feed');
    const first = writeDocument(t.store, a.id, post('p1', { url: 'http://a.example/p1' }), NOW);
    expect(first.outcome).toBe('new');
    expect(writeDocument(t.store, a.id, post('p1', { url: 'http://a.example/p1' }), NOW)).toEqual({ outcome: 'unchanged', id: first.id });
    expect(writeDocument(t.store, a.id, post('p1', { url: 'http://a.example/p1', title: 'Title p1', text: 'Edited.' }), NOW)).toEqual({ outcome: 'updated', id: first.id });
    expect(writeDocument(t.store, b.id, post('copied', { text: 'Edited.', title: 'Title p1' }), NOW)).toEqual({ outcome: 'duplicate', id: first.id });
    expect(countDocuments(t.store)).toBe(1);
    expect(readDocumentText(t.store, first.id)).toEqual({
      id: first.id, sourceId: a.id, kind: 'post', title: 'Title p1', text: 'Edited.', contentHash: contentHashOf('Title p1', 'Edited.'),
    });
    expect(readDocumentText(t.store, 'd-missing')).toBeUndefined();
  });
});

describe('comment feeds of stored posts', () => {
  let t: ReturnType<typeof makeTempStore>;
  beforeEach(() => (t = makeTempStore()));
  afterEach(() => t.remove());

  it('should list posts with comments whose feed was never read, in the order stored, until marked seen', () => {
    const a = addSource(t.store, 'http://a.example/feed');
    const b = addSource(t.store, 'http://b.example/feed');
    const p1 = writeDocument(t.store, a.id, post('p1', { commentsUrl: 'http://a.example/p1/comments', commentCount: 3 }), NOW).id;
    writeDocument(t.store, a.id, post('p2', { commentsUrl: 'http://a.example/p2/comments', commentCount: 0 }), NOW);
    writeDocument(t.store, a.id, post('p3'), NOW);
    writeDocument(t.store, a.id, post('p4', { commentsUrl: 'http://a.example/p4/comments', commentCount: 1 }), NOW);
    writeDocument(t.store, b.id, post('q1', { commentsUrl: 'http://b.example/q1/comments', commentCount: 2 }), NOW);
    expect(unreadCommentFeeds(t.store, a.id, 10)).toEqual([
      { guid: 'p1', commentsUrl: 'http://a.example/p1/comments', commentCount: 3 },
      { guid: 'p4', commentsUrl: 'http://a.example/p4/comments', commentCount: 1 },
    ]);
    expect(unreadCommentFeeds(t.store, a.id, 1).map((r) => r.guid)).toEqual(['p1']);
    markCommentsSeen(t.store, p1, 3);
    expect(findDocument(t.store, a.id, { guid: 'p1', kind: 'post' })?.comments_seen).toBe(3);
    expect(unreadCommentFeeds(t.store, a.id, 10).map((r) => r.guid)).toEqual(['p4']);
    expect(unreadCommentFeeds(t.store, b.id, 10).map((r) => r.guid)).toEqual(['q1']);
  });

  it('should set a post\'s comment count to the comments stored under it', () => {
    const a = addSource(t.store, 'http://a.example/feed');
    const p1 = writeDocument(t.store, a.id, post('p1'), NOW).id;
    for (const g of ['c1', 'c2']) writeDocument(t.store, a.id, { kind: 'comment', guid: g, parentId: p1, title: '', text: `Comment ${g}` }, NOW);
    expect(findDocument(t.store, a.id, { guid: 'p1', kind: 'post' })?.comment_count).toBe(0);
    countStoredComments(t.store, p1);
    expect(findDocument(t.store, a.id, { guid: 'p1', kind: 'post' })?.comment_count).toBe(2);
    expect(countDocuments(t.store)).toBe(3);
  });
});
