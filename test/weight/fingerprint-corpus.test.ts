import { describe, expect, it } from 'vitest';
import { fingerprintCorpus } from '../../src/weight/fingerprint-corpus.js';
import { settings, smallCorpus } from '../fixtures/weight/small-corpus.js';

describe('fingerprintCorpus', () => {
  const base = () => smallCorpus().corpus;
  const fp = fingerprintCorpus(base(), settings());

  it('should not depend on the order of sources and documents', () => {
    const c = base();
    c.documents.reverse();
    c.sources.reverse();
    expect(fingerprintCorpus(c, settings())).toBe(fp);
  });

  it('should change when a document is edited, added or gets comments', () => {
    const edited = base();
    edited.documents[1].contentHash = 'other';
    const commented = base();
    commented.documents[1].commentCount = 7;
    const added = smallCorpus(true).corpus;
    expect(new Set([fp, ...[edited, commented, added].map((c) => fingerprintCorpus(c, settings()))]).size).toBe(4);
  });

  it('should change with every weight setting', () => {
    const changed = [{ damping: 'linear' as const }, { ownShare: 0.3 }, { ownOnly: true }, { commentWeight: 0.5 }];
    for (const over of changed) expect(fingerprintCorpus(base(), settings(over))).not.toBe(fp);
  });

  it('should ignore fields outside the weight settings', () => {
    expect(fingerprintCorpus(base(), { ...settings(), extra: 1 } as never)).toBe(fp);
  });
});

describe('lmLayout', () => {
  it('should be a stable short hash of the empty language model', async () => {
    const { lmLayout } = await import('../../src/weight/lm-layout.js');
    expect(lmLayout()).toMatch(/^[0-9a-f]{16}$/);
    expect(lmLayout()).toBe(lmLayout());
  });
});
