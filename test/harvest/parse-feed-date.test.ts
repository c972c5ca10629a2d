import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../src/harvest/parse-feed-date.js';

/** Feed date spellings modelled on feedparser's date tests; `expect` is the UTC instant (null: no date). */
interface DateCase {
  group: string;
  in: string;
  expect: string | null;
  note?: string;
  quirk?: string;
}
const cases = (JSON.parse(readFileSync(new URL('../fixtures/harvest/date-cases.json', import.meta.url), 'utf8')) as DateCase[])
  // feedparser's Korean/MSSQL handlers assume KST for zoneless "YYYY-MM-DD HH:MM:SS"; we read those as UTC on purpose.
  .filter((c) => c.quirk !== 'kst' || c.group === 'korean');

describe('parseFeedDate', () => {
  it.each(cases.map((c) => [`${c.group}: ${c.in}${c.note ? ` (${c.note})` : ''}`, c] as const))('%s', (_, c) => {
    expect(parseFeedDate(c.in) ?? null).toBe(c.expect === null ? null : new Date(c.expect).toISOString());
  });

  it('should read a zoneless date as UTC whatever the machine zone is', () => {
    expect(parseFeedDate('2004-07-08 23:56:58')).toBe('2004-07-08T23:56:58.000Z');
  });

  it('should keep dates before 1970 and give nothing for junk', () => {
    expect(parseFeedDate('Sun, 20 Jul 1969 20:17:40 GMT')).toBe('1969-07-20T20:17:40.000Z');
    expect(parseFeedDate('yesterday-ish')).toBeUndefined();
    expect(parseFeedDate('')).toBeUndefined();
    expect(parseFeedDate(undefined)).toBeUndefined();
  });
});
