import { describe, expect, it } from 'vitest';
import { buildSuppliedCorpus, chunkParagraphs } from '../../src/supplied/build-supplied-corpus.js';

describe('chunkParagraphs', () => {
  it('should cut at paragraph boundaries once a chunk has enough words', () => {
    expect(chunkParagraphs('a b c\n\nd e\n\nf g h i\n\nj', 4)).toEqual(['a b c\n\nd e', 'f g h i', 'j']);
  });

  it('should give no chunk for empty text', () => {
    expect(chunkParagraphs('\n\n  \n\n', 4)).toEqual([]);
  });
});

describe('buildSuppliedCorpus', () => {
  const corpus = buildSuppliedCorpus([
    { name: 'notes/a.md', format: 'markdown', content: '# A Title\n\nFirst words here.\n\nMore words.' },
    { name: 'stdin', format: 'text', content: 'Plain text only.' },
    { name: 'empty.txt', format: 'text', content: '   ' },
    { name: 'notes/a.md', format: 'markdown', content: 'a duplicate input is read once' },
  ]);

  it('should make one file source per input that holds text', () => {
    expect(corpus.sources).toEqual([
      { id: 'file:notes/a.md', url: 'notes/a.md', title: 'A Title', kind: 'file' },
      { id: 'file:stdin', url: 'stdin', title: 'stdin', kind: 'file' },
    ]);
  });

  it('should make posts with content hashes, the title on the first', () => {
    expect(corpus.documents.map((d) => [d.id, d.title, d.text, d.contentHash.length])).toEqual([
      ['file:notes/a.md#1', 'A Title', 'First words here.\n\nMore words.', 64],
      ['file:stdin#1', '', 'Plain text only.', 64],
    ]);
  });
});
