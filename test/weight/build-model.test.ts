import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../src/analyze/analyze-corpus.js';
import type { Corpus } from '../../src/harvest/types.js';
import { buildModel } from '../../src/weight/build-model.js';
import { fingerprintCorpus } from '../../src/weight/fingerprint-corpus.js';
import { settings } from '../fixtures/weight/small-corpus.js';

const corpus: Corpus = {
  version: 1,
  sources: [
    { id: 'A', url: 'https://a.example/feed', title: 'Blog A', kind: 'blog' },
    { id: 'B', url: 'https://b.example/feed', title: 'Blog B', kind: 'blog' },
  ],
  documents: [
    { id: 'a1', sourceId: 'A', kind: 'post', title: 'Dogs At Home', text: 'The dogs run home. The cat sleeps.', commentCount: 2, contentHash: 'x1' },
    { id: 'a2', sourceId: 'A', kind: 'comment', parentId: 'a1', title: '', text: 'I like the dogs.', commentCount: 0, contentHash: 'x2' },
    { id: 'b1', sourceId: 'B', kind: 'post', title: 'A Quiet Day', text: 'Birds sing in the morning.', commentCount: 0, contentHash: 'x3' },
  ],
};

describe('buildModel', () => {
  const analysis = analyzeCorpus(corpus);
  const model = buildModel(corpus, analysis, { ...settings(), extra: true } as never);

  it('should carry the fingerprint and only the weight settings it was built with', () => {
    expect(model.fingerprint).toBe(fingerprintCorpus(corpus, settings()));
    expect(model.settings).toEqual({ ...settings(), ownRampPosts: 0 });
  });

  it('should weigh every document and list every source', () => {
    expect(Object.keys(model.documentWeights).sort()).toEqual(['a1', 'a2', 'b1']);
    expect(model.sources.map((s) => [s.sourceId, s.documents, s.tokens])).toEqual([
      ['A', 2, 17],
      ['B', 1, 9],
    ]);
  });

  it('should build the language model from the weighted documents', () => {
    expect(model.lm.version).toBe(1);
  });

  it('should be identical when built twice (plain, deterministic JSON)', () => {
    expect(JSON.stringify(buildModel(corpus, analyzeCorpus(corpus), settings()))).toBe(JSON.stringify(model));
  });
});
