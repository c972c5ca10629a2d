import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createIntern, packDocument, packSentence, unpackDocument, unpackSentence } from '../../src/model/pack-document.js';
import type { AnalyzedDocument, TaggedSentence } from '../../src/analyze/types.js';

const analyses = JSON.parse(
  readFileSync(new URL('../fixtures/analyze/documents.analysis.json', import.meta.url), 'utf8'),
) as AnalyzedDocument[];

describe('packSentence', () => {
  it('should write one tag letter per token, the words, and the lemmas that differ', () => {
    const s: TaggedSentence = {
      words: ['The', 'dogs', 'ran', '.'],
      lemmas: ['the', 'dog', 'ran', '.'],
      pos: ['DET', 'NOUN', 'VERB', 'PUNCT'],
      spaces: [false, true, true, false],
    };
    expect(packSentence(s)).toBe('fHPm\tThe\u001fdogs\u001fran\u001f.\t1=dog');
  });

  it('should store an unknown tag as X', () => {
    const s: TaggedSentence = { words: ['~'], lemmas: ['~'], pos: ['WEIRD'], spaces: [true] };
    expect(unpackSentence(packSentence(s), createIntern()).pos).toEqual(['X']);
  });
});

describe('unpackDocument', () => {
  for (const doc of analyses) {
    it(`should read back ${doc.docId} unchanged`, () => {
      const parts = unpackDocument(packDocument(doc), createIntern());
      expect(parts.sentences).toEqual(doc.sentences);
      expect(parts.title).toEqual(doc.title);
    });
  }

  it('should share one string instance per distinct word', () => {
    const intern = createIntern();
    const a = unpackSentence('fH\tThe\u001fdog', intern);
    const b = unpackSentence('FH\tThe\u001fdog', intern);
    expect(Object.is(a.words[1], b.words[1])).toBe(true);
    expect(intern('dog')).toBe(a.words[1]);
  });
});
