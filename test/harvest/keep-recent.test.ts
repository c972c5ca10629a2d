import { describe, expect, it } from 'vitest';
import { keepRecent } from '../../src/harvest/keep-recent.js';
import type { Corpus, CorpusDocument } from '../../src/harvest/types.js';

const doc = (id: string, published?: string, parentId?: string): CorpusDocument => ({
  id,
  sourceId: 's',
  kind: parentId ? 'comment' : 'post',
  ...(parentId ? { parentId } : {}),
  title: id,
  text: 'text',
  commentCount: 0,
  contentHash: id,
  ...(published ? { published } : {}),
});
const corpus: Corpus = {
  version: 1,
  sources: [{ id: 's', url: 'u', title: 'S', kind: 'blog' }],
  documents: [doc('old', '2026-01-01T00:00:00Z'), doc('old-c', '2026-03-01T00:00:00Z', 'old'), doc('new', '2026-03-01T00:00:00Z'), doc('undated')],
};
const now = new Date('2026-03-10T00:00:00Z');

describe('keepRecent', () => {
  it('should keep every document when keepDays is unset', () => {
    expect(keepRecent(corpus, undefined, now)).toBe(corpus);
  });

  it('should drop documents older than keepDays with their comments, and keep undated ones', () => {
    expect(keepRecent(corpus, 30, now).documents.map((d) => d.id)).toEqual(['new', 'undated']);
  });

  it('should keep a document published exactly keepDays ago', () => {
    expect(keepRecent(corpus, 68, now).documents.map((d) => d.id)).toEqual(['old', 'old-c', 'new', 'undated']);
  });
});
