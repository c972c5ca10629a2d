import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/analyze/analyze-document.js';
import type { CorpusDocument } from '../../src/harvest/types.js';

const fixtures = new URL('../fixtures/analyze/', import.meta.url);
const docs = JSON.parse(readFileSync(new URL('documents.json', fixtures), 'utf8')) as CorpusDocument[];
const expected = JSON.parse(readFileSync(new URL('documents.analysis.json', fixtures), 'utf8'));

describe('analyzeDocument', () => {
  docs.forEach((doc, i) => {
    it(`should tag ${doc.id} as in documents.analysis.json`, () => {
      expect(analyzeDocument(doc)).toEqual(expected[i]);
    });
  });

  it('should tag a post title apart from its body, as one sentence', () => {
    const a = analyzeDocument(docs[0]);
    expect(a.title?.words).toEqual(['Wait', '.', 'What', 'Happened', '?']);
    expect(a.sentences[0].words[0]).toBe('The');
  });

  it('should count title and body tokens', () => {
    const a = analyzeDocument(docs[0]);
    const body = a.sentences.reduce((n, s) => n + s.words.length, 0);
    expect(a.tokens).toBe(body + (a.title?.words.length ?? 0));
  });

  it('should ignore the title of a comment', () => {
    expect(analyzeDocument(docs[1]).title).toBeUndefined();
  });
});

describe('analyzeDocument lemmas', () => {
  it('should give every token a lemma, even where wink-nlp has none ("cannot")', () => {
    const a = analyzeDocument({ id: 'x', sourceId: 's', kind: 'comment', title: '', text: 'We cannot, of course. It cannot.' });
    const lemmas = a.sentences.flatMap((s) => s.lemmas);
    expect(lemmas.every((l) => typeof l === 'string')).toBe(true);
    expect(lemmas).toContain('cannot');
  });
});
