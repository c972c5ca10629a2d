/** The human summary of a harvest: a table of feeds, the problems with their hints, the totals. Pure. */
import { describeFeeds, type HarvestTotals } from './summarize-harvest.js';
import type { FeedResult } from './types.js';

/** The totals the summary line reads (see summarize-harvest.ts). */
export type ReportTotals = Omit<HarvestTotals, 'failed'>;

export function renderReport(feeds: FeedResult[], t: ReportTotals): string {
  if (feeds.length === 0) return 'no feeds to harvest: add one with `webxcreta feeds add URL`';
  const rows = feeds.map((f) => [f.outcome, String(f.newItems), String(f.updatedItems), String(f.comments), f.status ? String(f.status) : '-', `${f.ms} ms`, f.url]);
  const table = formatTable(['outcome', 'new', 'edited', 'comments', 'http', 'time', 'feed'], rows);
  const problems = feeds
    .filter((f) => f.outcome === 'error' || f.outcome === 'skipped')
    .map((f) => `${f.outcome}: ${f.error}${f.hint ? `\n  hint: ${f.hint}` : ''}`);
  const skipped = feeds.filter((f) => f.outcome === 'skipped').length;
  const summary =
    `${describeFeeds(t)}: ${t.newItems} new posts, ${t.updatedItems} edited, ${t.comments} new comments, ` +
    `${t.unchanged} unchanged, ${skipped} skipped, ${t.errors} failed`;
  return [table, '', ...problems, ...(problems.length ? [''] : []), summary].join('\n');
}

export function formatTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
