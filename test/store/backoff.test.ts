import { describe, expect, it } from 'vitest';
import { isBackedOff, nextAttemptAt } from '../../src/store/backoff.js';

const now = '2024-01-01T00:00:00.000Z';

describe('nextAttemptAt', () => {
  it('should retry a first failure on the next harvest', () => {
    expect(nextAttemptAt(1, now)).toBeUndefined();
  });

  it('should double the wait from 30 minutes up to a day', () => {
    expect(nextAttemptAt(2, now)).toBe('2024-01-01T00:30:00.000Z');
    expect(nextAttemptAt(3, now)).toBe('2024-01-01T01:00:00.000Z');
    expect(nextAttemptAt(4, now)).toBe('2024-01-01T02:00:00.000Z');
    expect(nextAttemptAt(30, now)).toBe('2024-01-02T00:00:00.000Z');
  });

  it('should honour a longer Retry-After, in seconds or as a date', () => {
    expect(nextAttemptAt(1, now, '3600')).toBe('2024-01-01T01:00:00.000Z');
    expect(nextAttemptAt(2, now, 'Mon, 01 Jan 2024 02:00:00 GMT')).toBe('2024-01-01T02:00:00.000Z');
    expect(nextAttemptAt(3, now, '60')).toBe('2024-01-01T01:00:00.000Z');
  });
});

describe('isBackedOff', () => {
  it('should be true only while the next attempt is in the future', () => {
    expect(isBackedOff('2024-01-01T00:30:00.000Z', now)).toBe(true);
    expect(isBackedOff('2023-12-31T23:00:00.000Z', now)).toBe(false);
    expect(isBackedOff(null, now)).toBe(false);
  });
});
