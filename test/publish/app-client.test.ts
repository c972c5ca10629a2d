import { describe, expect, it } from 'vitest';
import { isLoopback, responseError, retryDelay } from '../../src/publish/app-client.js';

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

describe('responseError', () => {
  const r = (status: number, body = '') => ({ status, headers: {}, body });
  it.each([
    [401, 'posting: the server at blog.example.org refused the credentials (401)', /WEBXCRETA_APP_PASSWORD/],
    [403, 'posting: blog.example.org says this user may not do that (403): <not yours>', /rights/],
    [404, 'posting: https://blog.example.org/app/posts was not found (404)', /publish.collectionUrl/],
    [415, 'posting: blog.example.org answered 415: <not yours>', /rejected/],
    [503, 'posting: blog.example.org answered 503 after all retries: <not yours>', /publish.retries/],
  ])('should explain HTTP %i', (status, message, hint) => {
    const e = responseError('posting', 'https://blog.example.org/app/posts', r(status as number, status === 401 || status === 404 ? '' : '<p>&lt;not yours&gt;</p>'));
    expect(e.message).toBe(message);
    expect(e.hint).toMatch(hint as RegExp);
  });
});
