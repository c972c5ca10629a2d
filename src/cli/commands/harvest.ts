/**
 * `webxcreta harvest [URL...]`: fetch the given feeds (or every configured one, the built-in sample
 * blogosphere included) into the store. A progress bar on a terminal, plain lines otherwise, and a
 * summary table; `--json` gives `{ ok, feeds, totals }`. Exit 0 unless every feed failed.
 */
import type { Command } from 'commander';
import { WebxError } from '../../errors.js';
import { harvestFeeds } from '../../harvest/index.js';
import { createProgressReporter } from '../../harvest/progress-reporter.js';
import { renderReport } from '../../harvest/render-report.js';
import type { FeedResult } from '../../harvest/types.js';
import { registerConfiguredSources } from '../../pipeline/harvest-step.js';
import { serveBuiltinCorpus } from '../../pipeline/serve-builtin-corpus.js';
import { summarizeHarvest, type HarvestTotals } from '../../pipeline/summarize-harvest.js';
import type { App, Io } from '../app.js';
import { emit } from '../output.js';
import { withApp } from '../with-app.js';
import type { RegisterCommand } from './index.js';

interface HarvestFlags {
  force?: boolean;
}

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
        'Each feed ends as new (items stored), unchanged (304 or nothing new), skipped (backed off) or error',
        '(with what to do). Exit status 0 even when some feeds failed; 1 when all of them did.',
        '',
        'Examples:',
        '  webxcreta harvest',
        '  webxcreta harvest https://example.org/feed.xml --json',
        '  webxcreta harvest --force',
      ].join('\n'),
    )
    .action(
      withApp(io, async (app, urls: string[], flags: HarvestFlags, command: Command) => {
        const quiet = app.json || Boolean(command.optsWithGlobals().quiet);
        const output = await harvest(app, urls.length > 0 ? urls : undefined, flags.force ?? false, quiet);
        if (!output.ok) {
          const first = output.feeds.find((f) => f.outcome === 'error');
          if (!app.json) emit(app, output, renderHarvest);
          throw new WebxError(`all ${output.feeds.length} feeds failed${first ? `; first: ${first.error}` : ''}`, {
            hint: first?.hint ?? 'check the feed addresses with `webxcreta feeds list`',
          });
        }
        emit(app, output, renderHarvest);
      }),
    );
};

async function harvest(app: App, urls: string[] | undefined, force: boolean, quiet: boolean): Promise<HarvestOutput> {
  if (!urls) await registerConfiguredSources(app);
  const builtin = app.config.sources.builtin ? await serveBuiltinCorpus() : undefined;
  const progress = createProgressReporter(app.io.stderr, app.log, quiet);
  try {
    const report = await harvestFeeds(app.store(), urls, {
      ...app.config.harvest,
      force,
      urlMap: builtin?.urlMap,
      onFeedDone: progress.update,
    });
    const totals = summarizeHarvest(report);
    const failed = report.feeds.filter((f) => f.outcome === 'error').length;
    return { ok: report.feeds.length === 0 || failed < report.feeds.length, feeds: report.feeds, totals };
  } finally {
    progress.stop();
    await builtin?.close();
  }
}

export function renderHarvest(o: HarvestOutput): string {
  return renderReport(o.feeds, o.totals);
}
