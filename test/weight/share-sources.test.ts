import { describe, expect, it } from 'vitest';
import { shareSources } from '../../src/weight/share-sources.js';
import { weighDocuments } from '../../src/weight/weigh-documents.js';
import { settings, smallCorpus } from '../fixtures/weight/small-corpus.js';

describe('shareSources', () => {
  it('should give shares proportional to tokens under linear weighting', () => {
    expect(shareSources([{ tokens: 30, kind: 'blog' }, { tokens: 10, kind: 'blog' }], 'linear', 0.25)).toEqual([0.75, 0.25]);
  });

  it('should damp with log-squared (exact values)', () => {
    const [a, b] = shareSources([{ tokens: 1000, kind: 'blog' }, { tokens: 10, kind: 'blog' }], 'log-squared', 0.25);
    expect(a).toBeCloseTo(0.8924866055138952, 12);
    expect(b).toBeCloseTo(0.10751339448610474, 12);
  });

  it('should give own sources ownShare when others exist, and everything when alone', () => {
    expect(shareSources([{ tokens: 5, kind: 'own' }, { tokens: 500, kind: 'blog' }], 'linear', 0.25)).toEqual([0.25, 0.75]);
    expect(shareSources([{ tokens: 5, kind: 'own' }], 'linear', 0.25)).toEqual([1]);
  });

  it('should agree with weighDocuments for every damping', () => {
    const { corpus, analysis } = smallCorpus(true);
    for (const damping of ['linear', 'log', 'log-squared'] as const) {
      const { sources } = weighDocuments(corpus, analysis, settings({ damping, ownShare: 0.4 }));
      const shares = shareSources(sources, damping, 0.4);
      sources.forEach((s, i) => expect(shares[i]).toBeCloseTo(s.dampedShare, 12));
    }
  });
});
