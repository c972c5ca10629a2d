import { describe, expect, it } from 'vitest';
import { binarySearch } from '../../src/generate/binary-search.js';

describe('binarySearch', () => {
  it('should find each value of a sorted array and return -1 for a value it lacks', () => {
    const sorted = [2, 3, 5, 8, 13, 21];
    sorted.forEach((v, i) => expect(binarySearch(sorted, v)).toBe(i));
    for (const missing of [0, 4, 22]) expect(binarySearch(sorted, missing)).toBe(-1);
    expect(binarySearch(new Float64Array([1.5, 2.5]), 2.5)).toBe(1);
    expect(binarySearch([], 1)).toBe(-1);
  });
});
