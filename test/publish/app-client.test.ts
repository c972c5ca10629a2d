import { describe, expect, it } from 'vitest';
import { isLoopback, retryDelay } from '../../src/publish/app-client.js';

describe('retryDelay', () => {
  it('should double from the base delay, and honour Retry-After in seconds or as a date', () => {
    expect([0, 1, 2, 3].map((a) => retryDelay(a, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelay(0, 1000, '7')).toBe(7000);
    expect(retryDelay(0, 1000, 'Wed, 25 Nov 2026 10:00:30 GMT', Date.parse('2026-11-25T10:00:00Z'))).toBe(30_000);
    expect(retryDelay(20, 1000)).toBe(300_000);
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['localhost', true],
    ['[::1]', true],
    ['blog.example.org', false],
    ['10.0.0.1', false],
  ])('should say %s is loopback: %s', (host, expected) => {
    expect(isLoopback(host as string)).toBe(expected);
  });
});
