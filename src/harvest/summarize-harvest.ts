/** Totals of a harvest report, for the run summary and `--json`. */
import type { HarvestReport } from './types.js';

export interface HarvestTotals {
  feeds: number;
  newItems: number;
  updatedItems: number;
  comments: number;
  unchanged: number;
  errors: number;
  failed: Array<{ url: string; error?: string; hint?: string }>;
}

export function summarizeHarvest(report: HarvestReport): HarvestTotals {
  const totals: HarvestTotals = { feeds: report.feeds.length, newItems: 0, updatedItems: 0, comments: 0, unchanged: 0, errors: 0, failed: [] };
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
