import { describe, expect, it } from 'vitest';
import { effectiveOwnShare } from '../../src/weight/own-share.js';

describe('effectiveOwnShare', () => {
  it('should approach ownShare as the bot writes, and give it at once without a ramp', () => {
    expect(effectiveOwnShare(0.25, 0, 10)).toBe(0);
    expect(effectiveOwnShare(0.25, 1, 10)).toBeCloseTo(0.25 * (1 - Math.exp(-0.1)), 15);
    expect(effectiveOwnShare(0.25, 10, 10)).toBeCloseTo(0.25 * (1 - Math.exp(-1)), 15);
    expect(effectiveOwnShare(0.25, 1000, 10)).toBeCloseTo(0.25, 12);
    expect(effectiveOwnShare(0.25, 1, 0)).toBe(0.25);
    expect(effectiveOwnShare(0.25, 1, undefined)).toBe(0.25);
  });
});
