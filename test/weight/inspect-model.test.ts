import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../src/analyze/analyze-corpus.js';
import type { Corpus } from '../../src/harvest/types.js';
import { buildModel } from '../../src/weight/build-model.js';
import { inspectModel } from '../../src/weight/inspect-model.js';
import type { Model } from '../../src/model/types.js';
import { settings } from '../fixtures/weight/small-corpus.js';

const corpus: Corpus = {
  version: 1,
  sources: [
    { id: 'A', url: 'https://a.example/feed', title: 'Blog A', kind: 'blog' },
    { id: 'B', url: 'https://b.example/feed', title: 'Blog B', kind: 'blog' },
  ],
  documents: [
    { id: 'a1', sourceId: 'A', kind: 'post', title: 'Dogs At Home', text: 'The dogs run home. The cats run home. The dog sleeps.', commentCount: 0, contentHash: 'x1' },
    { id: 'b1', sourceId: 'B', kind: 'post', title: 'Birds At Dawn', text: 'The birds sing. The birds sing.', commentCount: 0, contentHash: 'x2' },
  ],
};

describe('inspectModel', () => {
  const model = buildModel(corpus, analyzeCorpus(corpus), settings());
  const report = inspectModel(model, 3);

  it('should give the model\'s own shares, heaviest first', () => {
    expect(report.sources.map((s) => s.sourceId)).toEqual(['A', 'B']);
    expect(report.sources).toEqual([...model.sources].sort((a, b) => b.dampedShare - a.dampedShare));
    expect(report).toMatchObject({ documents: 2, tokens: 28, fingerprint: model.fingerprint, own: { posts: 0, share: 0 } });
  });

  it('should sort by the share of the weight, not by the share of the words', () => {
    const swapped: Model = {
      ...model,
      sources: [
        { sourceId: 'big', title: 'Big', kind: 'blog', documents: 9, tokens: 900, rawShare: 0.9, dampedShare: 0.4 },
        { sourceId: 'small', title: 'Small', kind: 'blog', documents: 1, tokens: 100, rawShare: 0.1, dampedShare: 0.6 },
      ],
    };
    expect(inspectModel(swapped, 3).sources.map((s) => s.sourceId)).toEqual(['small', 'big']);
  });

  it('should list the heaviest templates first, with shares that add up over all', () => {
    expect(report.sentenceTemplates.length).toBeGreaterThan(0);
    expect(report.sentenceTemplates.length).toBeLessThanOrEqual(3);
    const weights = report.sentenceTemplates.map((t) => t.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(report.titleTemplates.reduce((a, t) => a + t.share, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(report.sentenceTemplates[0].template).toMatch(/^the /);
  });

  it('should list the heaviest words of each class', () => {
    const nouns = report.words.find((w) => w.slot.startsWith('NOUN'));
    expect(nouns?.words.length).toBeGreaterThan(0);
    expect(report.words.length).toBeLessThanOrEqual(3);
  });

  it('should give empty lists for a language model without tables', () => {
    const bare = { ...model, lm: { version: 1 } } as unknown as Model;
    expect(inspectModel(bare, 3)).toMatchObject({ titleTemplates: [], sentenceTemplates: [], words: [] });
  });
});
