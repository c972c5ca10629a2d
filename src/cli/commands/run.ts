/** `webxcreta run`: one pass of the whole pipeline (the one-shot for system cron and `npm start`). */
import type { Command } from 'commander';
import { runPipeline, type PipelineResult } from '../../pipeline/run-pipeline.js';
import type { Io } from '../app.js';
import { emit } from '../output.js';
import { withApp } from '../with-app.js';
import type { RegisterCommand } from './index.js';

interface RunFlags {
  seed?: string;
  topic?: string;
  harvest: boolean;
  publish: boolean;
}

export const registerRun: RegisterCommand = (program: Command, io: Io) => {
  program
    .command('run')
    .description('harvest, analyze, weight, generate one post and publish it (all stages once)')
    .option('--seed <seed>', 'seed for generation (default: config seed, else a new one, printed)')
    .option('--topic <words>', 'words the post must use, comma- or space-separated')
    .option('--no-harvest', 'skip the harvest; generate from what is stored')
    .option('--no-publish', 'generate and store the post without publishing it')
    .addHelpText('after', '\nExamples:\n  webxcreta run\n  webxcreta run --seed 42 --topic "river, trade"\n  webxcreta --data ~/bots/one run --json')
    .action(
      withApp(io, async (app, flags: RunFlags) => {
        const result = await runPipeline(app, {
          seed: flags.seed,
          topic: flags.topic ? splitWords(flags.topic) : undefined,
          harvest: flags.harvest,
          publish: flags.publish,
          onFeedDone: (feed, done, total) => {
            if (feed.outcome === 'error') app.log(`  [${done}/${total}] ${feed.url}: ${feed.error ?? 'failed'}`);
          },
        });
        emit(app, result, renderRun);
      }),
    );
};

export function splitWords(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .map((w) => w.trim())
    .filter(Boolean);
}

function renderRun(r: PipelineResult): string {
  const lines = [r.post.title, '', ...r.post.paragraphs.flatMap((p) => [p, '']), `seed: ${r.seed}`];
  if (r.harvest) {
    const h = r.harvest;
    lines.push(`harvest: ${h.feeds} feeds, ${h.newItems} new, ${h.updatedItems} updated, ${h.unchanged} unchanged, ${h.errors} failed`);
  }
  for (const c of r.caughtUp ?? []) lines.push(`published (left by an earlier run): ${c.url}`);
  if (r.catchUpError) lines.push(`not yet published (left by earlier runs): ${r.catchUpError}`);
  if (r.published) lines.push(`published: ${r.published.url}`);
  if (r.feedFile) lines.push(`feed: ${r.feedFile}`);
  if (r.pagesDir) lines.push(`pages: ${r.pagesDir}`);
  return lines.join('\n');
}
