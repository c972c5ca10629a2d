import { describe, expect, it } from 'vitest';
import { WebxError } from '../../src/errors.js';
import { weighDocuments } from '../../src/weight/weigh-documents.js';
import { settings, smallCorpus } from '../fixtures/weight/small-corpus.js';

const shareOf = (r: ReturnType<typeof weighDocuments>, id: string) => r.sources.find((s) => s.sourceId === id)!;

describe('weighDocuments', () => {
  it('should damp source mass with log-squared and boost posts by their comments (exact values)', () => {
    const { corpus, analysis } = smallCorpus();
    const r = weighDocuments(corpus, analysis, settings());
    // W_A = ln(211)², W_B = ln(11)²; b_a1 = 1 + ln(4)², b_c1 = 0.2; N = 220
    expect(shareOf(r, 'A').dampedShare).toBeCloseTo(0.8328142091132033, 12);
    expect(shareOf(r, 'B').dampedShare).toBeCloseTo(0.16718579088679672, 12);
    expect(r.documentWeights.a1).toBeCloseTo(1.3580856814838493, 12);
    expect(r.documentWeights.a2).toBeCloseTo(0.46480939075019423, 12);
    expect(r.documentWeights.c1).toBeCloseTo(0.09296187815003885, 12);
    expect(r.documentWeights.b1).toBeCloseTo(3.678087399509528, 12);
  });

  it('should report raw shares proportional to tokens, with counts', () => {
    const { corpus, analysis } = smallCorpus();
    const r = weighDocuments(corpus, analysis, settings());
    expect(shareOf(r, 'A')).toMatchObject({ title: 'Blog A', kind: 'blog', documents: 3, tokens: 210, rawShare: 210 / 220 });
    expect(shareOf(r, 'B')).toMatchObject({ documents: 1, tokens: 10, rawShare: 10 / 220 });
  });

  it('should keep the total weighted token count equal to the corpus token count', () => {
    const { corpus, analysis } = smallCorpus(true);
    const r = weighDocuments(corpus, analysis, settings());
    const tokens = Object.fromEntries(analysis.documents.map((d) => [d.docId, d.tokens]));
    const total = Object.entries(r.documentWeights).reduce((a, [id, w]) => a + w * tokens[id], 0);
    expect(total).toBeCloseTo(270, 9);
  });

  it('should give every document weight 1 under linear damping when no post has comments', () => {
    const { corpus, analysis } = smallCorpus();
    for (const d of corpus.documents) d.commentCount = 0;
    const r = weighDocuments(corpus, analysis, settings({ damping: 'linear', commentWeight: 1 }));
    expect(Object.values(r.documentWeights).map((w) => Number(w.toFixed(12)))).toEqual([1, 1, 1, 1]);
    expect(shareOf(r, 'A').dampedShare).toBeCloseTo(shareOf(r, 'A').rawShare, 12);
  });

  it('should damp plain log between linear and log-squared', () => {
    const { corpus, analysis } = smallCorpus();
    const b = (damping: 'linear' | 'log' | 'log-squared') => shareOf(weighDocuments(corpus, analysis, settings({ damping })), 'B').dampedShare;
    expect(b('log')).toBeCloseTo(Math.log(11) / (Math.log(11) + Math.log(211)), 12);
    expect(b('linear')).toBeLessThan(b('log-squared'));
    expect(b('log-squared')).toBeLessThan(b('log'));
  });

  it("should give the bot's own posts exactly ownShare of the weight", () => {
    const { corpus, analysis } = smallCorpus(true);
    for (const ownShare of [0, 0.25, 0.6, 1]) {
      const r = weighDocuments(corpus, analysis, settings({ ownShare }));
      expect(shareOf(r, 'O').dampedShare).toBeCloseTo(ownShare, 12);
      expect(shareOf(r, 'A').dampedShare + shareOf(r, 'B').dampedShare).toBeCloseTo(1 - ownShare, 12);
      expect(r.documentWeights.o1 ?? 0).toBeCloseTo((270 * ownShare) / 50, 12);
    }
  });

  it('should keep the others in the same proportion whatever ownShare is', () => {
    const { corpus, analysis } = smallCorpus(true);
    const r = weighDocuments(corpus, analysis, settings({ ownShare: 0.5 }));
    expect(shareOf(r, 'A').dampedShare / 0.5).toBeCloseTo(0.8328142091132033, 12);
  });

  it('should raise the share of comments, and only theirs, as commentWeight grows', () => {
    const { corpus, analysis } = smallCorpus();
    const at = (commentWeight: number) => weighDocuments(corpus, analysis, settings({ commentWeight })).documentWeights;
    expect(at(0).c1).toBeUndefined();
    expect(at(0.2).c1).toBeLessThan(at(0.5).c1);
    expect(at(1).c1).toBeCloseTo(at(1).a2, 12);
    expect(at(0.2).b1).toBeCloseTo(at(1).b1, 12);
  });

  it('should weigh a post with more comments more, damped', () => {
    const { corpus, analysis } = smallCorpus();
    const r = weighDocuments(corpus, analysis, settings());
    expect(r.documentWeights.a1 / r.documentWeights.a2).toBeCloseTo(1 + Math.log(4) ** 2, 12);
  });

  it('should learn from own posts only when ownOnly is set', () => {
    const { corpus, analysis } = smallCorpus(true);
    const r = weighDocuments(corpus, analysis, settings({ ownOnly: true }));
    expect(Object.keys(r.documentWeights)).toEqual(['o1']);
    expect(r.documentWeights.o1).toBeCloseTo(1, 12);
    expect(r.sources.map((s) => s.sourceId)).toEqual(['O']);
  });

  it('should refuse ownOnly without own posts, with a hint', () => {
    const { corpus, analysis } = smallCorpus();
    expect(() => weighDocuments(corpus, analysis, settings({ ownOnly: true }))).toThrow(WebxError);
    try {
      weighDocuments(corpus, analysis, settings({ ownOnly: true }));
    } catch (e) {
      expect((e as WebxError).hint).toMatch(/ownOnly/);
      expect((e as WebxError).exitCode).toBe(2);
    }
  });

  it('should refuse an empty corpus with a hint to harvest', () => {
    expect(() => weighDocuments({ version: 1, sources: [], documents: [] }, { version: 1, documents: [] }, settings())).toThrow(
      /nothing to learn from/,
    );
  });
});

describe('weighDocuments with ownRampPosts', () => {
  it("should let the bot's own share grow with its number of posts", () => {
    const { corpus, analysis } = smallCorpus(true);
    const ownPosts = corpus.documents.filter((d) => d.kind === 'post' && corpus.sources.find((s) => s.id === d.sourceId)?.kind === 'own').length;
    expect(ownPosts).toBeGreaterThan(0);
    for (const ramp of [1, 10, 100]) {
      const r = weighDocuments(corpus, analysis, settings({ ownShare: 0.4, ownRampPosts: ramp }));
      expect(shareOf(r, 'O').dampedShare).toBeCloseTo(0.4 * (1 - Math.exp(-ownPosts / ramp)), 12);
    }
    const atOnce = weighDocuments(corpus, analysis, settings({ ownShare: 0.4, ownRampPosts: 0 }));
    expect(shareOf(atOnce, 'O').dampedShare).toBeCloseTo(0.4, 12);
  });
});
