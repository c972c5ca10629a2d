/** Totals of a harvest report, for the run summary and `--json`. */
import type { HarvestReport } from './types.js';

export interface HarvestTotals {
  /** Every feed read, the bot's own blog included. */
  feeds: number;
  /** The blogs it reads (feeds that are not its own blog). */
  blogs: number;
  /** Feeds of the bot's own blog (0 or 1). */
  own: number;
  newItems: number;
  updatedItems: number;
  comments: number;
  unchanged: number;
  errors: number;
  failed: Array<{ url: string; error?: string; hint?: string }>;
}

export function summarizeHarvest(report: HarvestReport): HarvestTotals {
  const own = report.feeds.filter((f) => f.own).length;
  const totals: HarvestTotals = { feeds: report.feeds.length, blogs: report.feeds.length - own, own, newItems: 0, updatedItems: 0, comments: 0, unchanged: 0, errors: 0, failed: [] };
  for (const feed of report.feeds) {
    totals.newItems += feed.newItems;
    totals.updatedItems += feed.updatedItems;
    totals.comments += feed.comments;
    if (feed.outcome === 'unchanged') totals.unchanged++;
    if (feed.outcome === 'error') {
      totals.errors++;
      totals.failed.push({ url: feed.url, error: feed.error, hint: feed.hint });
    }
  }
  return totals;
}

/** "17 blogs + own blog", "1 blog", "own blog": what a user calls the feeds read. */
export function describeFeeds(t: Pick<HarvestTotals, 'blogs' | 'own'>): string {
  const blogs = `${t.blogs} blog${t.blogs === 1 ? '' : 's'}`;
  if (t.own === 0) return blogs;
  return t.blogs === 0 ? 'own blog' : `${blogs} + own blog`;
}

/** What an interrupted harvest kept, e.g. "kept what 9 of 18 feeds brought (523 new posts, 80 comments)". */
export function describeKept(t: Pick<HarvestTotals, 'feeds' | 'errors' | 'newItems' | 'updatedItems' | 'comments'>): string {
  const done = t.feeds - t.errors;
  const what = [`${t.newItems} new post${t.newItems === 1 ? '' : 's'}`, ...(t.updatedItems ? [`${t.updatedItems} edited`] : []), `${t.comments} comment${t.comments === 1 ? '' : 's'}`];
  return `kept what ${done} of ${t.feeds} feed${t.feeds === 1 ? '' : 's'} brought (${what.join(', ')}); the others are read on the next harvest`;
}
