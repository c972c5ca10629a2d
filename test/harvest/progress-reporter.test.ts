import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgressReporter } from '../../src/harvest/progress-reporter.js';
import type { FeedResult } from '../../src/harvest/types.js';

const result = (url: string, outcome: FeedResult['outcome'], error?: string): FeedResult => ({ url, outcome, newItems: 2, updatedItems: 0, comments: 1, ms: 5, error });

function capture(tty: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY: tty, columns: 100 });
  let text = '';
  stream.on('data', (c) => (text += c));
  const lines: string[] = [];
  return { stream, lines, text: () => text };
}

describe('createProgressReporter', () => {
  it('should write one plain line per feed when not on a terminal', () => {
    const c = capture(false);
    const p = createProgressReporter(c.stream, (l) => c.lines.push(l), false);
    p.update(result('http://a/feed', 'new'), 1, 2);
    p.update(result('http://b/feed', 'error', 'HTTP 404 from http://b/feed'), 2, 2);
    p.stop();
    expect(c.lines).toEqual(['[1/2] new http://a/feed (2 new, 1 comment)', '[2/2] error http://b/feed']);
    expect(c.text()).toBe('');
  });

  it('should draw a progress bar on a terminal', () => {
    const c = capture(true);
    const p = createProgressReporter(c.stream, (l) => c.lines.push(l), false);
    p.update(result('http://a/feed', 'new'), 1, 2);
    p.update(result('http://b/feed', 'new'), 2, 2);
    p.stop();
    expect(c.lines).toEqual([]);
    expect(c.text()).toContain('harvest [');
    expect(c.text()).toContain('2/2 feeds');
  });

  it('should stay silent when asked', () => {
    const c = capture(true);
    const p = createProgressReporter(c.stream, (l) => c.lines.push(l), true);
    p.update(result('http://a/feed', 'new'), 1, 1);
    p.stop();
    expect([c.lines, c.text()]).toEqual([[], '']);
  });
});
