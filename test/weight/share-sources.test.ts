import { describe, expect, it } from 'vitest';
import { shareSources } from '../../src/weight/share-sources.js';
import { weighDocuments } from '../../src/weight/weigh-documents.js';
import { settings, smallCorpus } from '../fixtures/weight/small-corpus.js';

const shares = (sources: Parameters<typeof shareSources>[0], damping: 'linear' | 'log' | 'log-squared', ownShare = 0.25, ownRampPosts = 0, ownPosts = 1) =>
  shareSources(sources, { damping, ownShare, ownRampPosts }, ownPosts);

describe('shareSources', () => {
  it('should give shares proportional to tokens under linear weighting', () => {
    expect(shares([{ tokens: 30, kind: 'blog' }, { tokens: 10, kind: 'blog' }], 'linear').shares).toEqual([0.75, 0.25]);
  });

  it('should damp with log-squared (exact values)', () => {
    const [a, b] = shares([{ tokens: 1000, kind: 'blog' }, { tokens: 10, kind: 'blog' }], 'log-squared').shares;
    expect(a).toBeCloseTo(0.8924866055138952, 12);
    expect(b).toBeCloseTo(0.10751339448610474, 12);
  });

  it('should give own sources ownShare when others exist, and everything when alone', () => {
    expect(shares([{ tokens: 5, kind: 'own' }, { tokens: 500, kind: 'blog' }], 'linear')).toEqual({ shares: [0.25, 0.75], own: { posts: 1, share: 0.25 } });
    expect(shares([{ tokens: 5, kind: 'own' }], 'linear')).toEqual({ shares: [1], own: { posts: 1, share: 1 } });
    expect(shares([{ tokens: 500, kind: 'blog' }], 'linear').own).toEqual({ posts: 1, share: 0 });
  });

  it('should ramp the own share in over the first posts', () => {
    const one = shares([{ tokens: 5, kind: 'own' }, { tokens: 500, kind: 'blog' }], 'log-squared', 0.25, 10, 1);
    expect(one.own.share).toBeCloseTo(0.25 * (1 - Math.exp(-0.1)), 15);
    expect(one.shares[0]).toBe(one.own.share);
    expect(one.shares[1]).toBeCloseTo(1 - one.own.share, 15);
  });

  it('should give no mass to a source with no weighing tokens', () => {
    expect(shares([{ tokens: 0, kind: 'own' }, { tokens: 10, kind: 'blog' }], 'log-squared').shares).toEqual([0, 1]);
  });

  it('should be what weighDocuments gives, for every damping, with and without the ramp', () => {
    const { corpus, analysis } = smallCorpus(true);
    for (const damping of ['linear', 'log', 'log-squared'] as const) {
      for (const ownRampPosts of [0, 10]) {
        const r = weighDocuments(corpus, analysis, settings({ damping, ownShare: 0.4, ownRampPosts }));
        const again = shares(r.sources, damping, 0.4, ownRampPosts, 1);
        r.sources.forEach((s, i) => expect(again.shares[i]).toBe(s.dampedShare));
        expect(r.own).toEqual(again.own);
      }
    }
  });
});
