/**
 * `webxcreta harvest [URL...]`: fetch the given feeds (or every configured one: the built-in sample
 * blogosphere, the bot's own blog, feeds and OPML lists from the config) into the store. A progress
 * bar on a terminal, plain lines otherwise, and a summary table; `--json` gives
 * `{ ok, feeds, totals }`. Exit 0 unless every feed failed.
 */
import type { Command } from 'commander';
import { describeError, interrupted, interruptSignal, WebxError } from '../../errors.js';
import { harvestFeeds } from '../../harvest/index.js';
import { createProgressReporter } from '../../harvest/progress-reporter.js';
import { renderReport } from '../../harvest/render-report.js';
import type { FeedResult, HarvestReport } from '../../harvest/types.js';
import { hostPortOf } from '../../harvest/guard-address.js';
import { harvestStep } from '../../pipeline/harvest-step.js';
import { OWN_BOX_BASE, openOwnBlog } from '../../pipeline/own-blog.js';
import { BUILTIN_BASE, serveBuiltinCorpus } from '../../pipeline/serve-builtin-corpus.js';
import { describeKept, summarizeHarvest, type HarvestTotals } from '../../harvest/summarize-harvest.js';
import { finishRun, startRun } from '../../store/runs.js';
import { findSource, removeSource } from '../../store/sources.js';
import type { App, Io } from '../app.js';
import { emit } from '../output.js';
import { withApp } from '../with-app.js';
import type { RegisterCommand } from './index.js';

export interface HarvestOutput {
  ok: boolean;
  feeds: FeedResult[];
  totals: HarvestTotals;
}

export const registerHarvest: RegisterCommand = (program: Command, io: Io) => {
  program
    .command('harvest')
    .description('fetch feeds into the store: the given URLs, or every configured source (new posts, edits, comments)')
    .argument('[url...]', 'feed or home-page URLs (added as sources if new); none: all enabled sources')
    .option('--force', 'also fetch feeds that are backed off after repeated failures')
    .addHelpText(
      'after',
      [
        '',
        'Each feed ends as new (items stored), unchanged (304 or nothing new), skipped (backed off after',
        'repeated failures, with the time of the next try) or error (with what to do). Exit status 0 even',
        'when some feeds failed; 1 when all of them did.',
        '',
        'Examples:',
        '  webxcreta harvest',
        '  webxcreta harvest https://example.org/feed.xml --json',
        '  webxcreta harvest --force',
      ].join('\n'),
    )
    .action(
      withApp(
        io,
        async (app, urls: string[], _flags: { force?: boolean }, command: Command) => {
          const quiet = app.json || Boolean(command.optsWithGlobals().quiet);
          const progress = createProgressReporter(app.io.stderr, app.log, quiet);
          const store = app.store();
          const run = startRun(store, 'harvest', new Date().toISOString());
          let report: HarvestReport;
          try {
            report = urls.length > 0 ? await harvestUrls(app, urls, progress.update) : await harvestStep(app, { onFeedDone: progress.update, signal: app.signal });
          } catch (e) {
            finishRun(store, run, new Date().toISOString(), { ok: false, error: describeError(e) });
            throw e;
          } finally {
            progress.stop();
          }
          const failed = report.feeds.filter((f) => f.outcome === 'error');
          const output: HarvestOutput = { ok: report.feeds.length === 0 || failed.length < report.feeds.length, feeds: report.feeds, totals: summarizeHarvest(report) };
          if (app.signal?.aborted) {
            // Ctrl-C: what the finished feeds brought is stored; the run is recorded as interrupted.
            const stop = interrupted(interruptSignal(app.signal.reason), 'during the harvest', describeKept(output.totals));
            finishRun(store, run, new Date().toISOString(), { ok: false, error: stop.message, summary: { interrupted: true, ...countsOf(output.totals) } });
            throw stop;
          }
          finishRun(store, run, new Date().toISOString(), { ok: output.ok, summary: countsOf(output.totals), ...(output.ok ? {} : { error: `${failed.length} of ${report.feeds.length} feeds failed` }) });
          if (output.ok) return emit(app, output, renderHarvest);
          const all = report.feeds.length === 1 ? 'the feed' : `all ${report.feeds.length} feeds`;
          if (!app.json) {
            // The summary above names each problem and its hint; the error line only says how it ended.
            emit(app, output, renderHarvest);
            throw new WebxError(`${all} failed (see above)`);
          }
          throw new WebxError(`${all} failed; first: ${failed[0].error}`, {
            hint: failed[0].hint,
            details: { feeds: output.feeds, totals: output.totals },
          });
        },
        (_urls, flags) => (flags.force ? { harvest: { force: true } } : {}),
        'create',
      ),
    );
};

/** Given URLs; the built-in corpus and the own box are served only when one of them is asked for. */
async function harvestUrls(app: App, urls: string[], onFeedDone: (r: FeedResult, done: number, total: number) => void): Promise<HarvestReport> {
  const builtin = urls.some((u) => u.startsWith(BUILTIN_BASE)) ? await serveBuiltinCorpus() : undefined;
  const own = urls.some((u) => u.startsWith(OWN_BOX_BASE)) ? await openOwnBlog(app) : undefined;
  const store = app.store();
  const fresh = new Set(urls.filter((url) => !findSource(store, url)));
  try {
    const urlMap = (url: string) => own?.urlMap(builtin?.urlMap(url) ?? url) ?? builtin?.urlMap(url) ?? url;
    const allowHosts = [...(builtin ? [hostPortOf(builtin.url)] : []), ...(own?.allowHosts ?? [])];
    const report = await harvestFeeds(store, urls, { ...app.config.harvest, urlMap, allowHosts, onFeedDone, signal: app.signal });
    return { ...report, feeds: report.feeds.map((f) => (fresh.has(f.url) ? forgetIfFailed(app, f) : f)) };
  } finally {
    await Promise.all([builtin?.close(), own?.close()]);
  }
}

/**
 * A URL given here becomes a feed of the bot only once it was read: one that failed on its first
 * harvest is removed again (nothing was stored from it), so a typo never stays in the list.
 */
function forgetIfFailed(app: App, feed: FeedResult): FeedResult {
  if (feed.outcome !== 'error') return feed;
  removeSource(app.store(), feed.url);
  const kept = 'it was not added to the feed list';
  // "remove it with `feeds remove`" would name a feed that is not there.
  const hint = feed.hint && !feed.hint.includes('feeds remove') ? `${feed.hint}; ${kept}` : `check the URL; ${kept}`;
  return { ...feed, hint };
}

/** The counts a harvest run records (for `status`). */
function countsOf(t: HarvestTotals) {
  return { feeds: t.feeds, newItems: t.newItems, updatedItems: t.updatedItems, comments: t.comments, errors: t.errors };
}

export function renderHarvest(o: HarvestOutput): string {
  return renderReport(o.feeds, o.totals);
}
