/** `webxcreta run`: one pass of the whole pipeline (the one-shot for system cron and `npm start`). */
import { isAbsolute, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { runPipeline, type PipelineResult } from '../../pipeline/run-pipeline.js';
import { describeFeeds } from '../../harvest/summarize-harvest.js';
import type { App, Io } from '../app.js';
import { emit } from '../output.js';
import { withApp } from '../with-app.js';
import { WebxError } from '../../errors.js';
import type { RegisterCommand } from './index.js';
import { lengthOverrides, MAX_WORDS_FLAG, MIN_WORDS_FLAG, type LengthFlags } from './length-flags.js';

interface RunFlags extends LengthFlags {
  seed?: string;
  topic?: string;
  focus?: string;
  harvest: boolean;
  publish: boolean;
}

export const registerRun: RegisterCommand = (program: Command, io: Io) => {
  program
    .command('run')
    .description('harvest, analyze, weight, generate one post and publish it (all stages once)')
    .option('--seed <seed>', 'seed for generation (default: config seed, else a new one, printed)')
    .option('--topic <words>', 'words the post must use, comma- or space-separated')
    .option('--focus <f>', 'how tightly the post holds to its theme: 0 (independent sentences) to 1 (default: generate.focus)')
    .option('--no-harvest', 'skip the harvest; generate from what is stored')
    .option('--no-publish', 'generate and store the post without publishing it')
    .option(...MIN_WORDS_FLAG)
    .option(...MAX_WORDS_FLAG)
    .addHelpText('after', '\nExamples:\n  webxcreta run\n  webxcreta run --seed 42 --topic "river, trade"\n  webxcreta --data ~/bots/one run --json')
    .action(
      withApp(io, async (app, flags: RunFlags) => {
        const result = await runPipeline(app, {
          seed: flags.seed,
          topic: flags.topic ? splitWords(flags.topic) : undefined,
          focus: flags.focus !== undefined ? parseFocus(flags.focus) : undefined,
          harvest: flags.harvest,
          publish: flags.publish,
          signal: app.signal,
          onFeedDone: (feed, done, total) => {
            if (feed.outcome === 'error') app.log(`  [${done}/${total}] ${feed.url}: ${feed.error ?? 'failed'}`);
          },
        });
        emit(app, result, (r) => renderRun(r, app));
      }, (flags: RunFlags) => ({ generate: lengthOverrides(flags) }), 'create'),
    );
};

/** A --focus value: a number from 0 to 1, else a usage error naming the range. */
export function parseFocus(text: string): number {
  const f = Number(text);
  if (text.trim() === '' || !Number.isFinite(f) || f < 0 || f > 1) {
    throw new WebxError(`--focus must be a number from 0 to 1, got "${text}"`, { exitCode: 2, hint: 'e.g. --focus 0.6 (0: independent sentences, 1: a tight theme)' });
  }
  return f;
}

export function splitWords(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .map((w) => w.trim())
    .filter(Boolean);
}

function renderRun(r: PipelineResult, app: App): string {
  const lines = [r.post.title, '', ...r.post.paragraphs.flatMap((p) => [p, '']), `seed: ${r.seed}`];
  if (r.harvest) {
    const h = r.harvest;
    lines.push(`harvest: ${describeFeeds(h)}, ${h.newItems} new, ${h.updatedItems} updated, ${h.unchanged} unchanged, ${h.errors} failed`);
  }
  for (const c of r.caughtUp ?? []) lines.push(`published (left by an earlier run): ${c.url}`);
  if (r.catchUpError) lines.push(`not yet published (left by earlier runs): ${r.catchUpError}`);
  if (r.published) lines.push(`published: ${r.published.url}`);
  if (r.feedFile) lines.push(`feed: ${r.feedFile}`);
  if (r.pagesDir) lines.push(`pages: ${r.pagesDir}`);
  if (r.read) lines.push('', ...renderRead(r.read, r.published?.url, app));
  else if (!r.published) lines.push('', `stored as post ${r.post.id}, not published: \`${cliName(app)} publish ${r.post.id}\` publishes it`);
  return lines.join('\n');
}

/** The way to read the post: the static blog, and the command that serves the box at the printed URL. */
function renderRead(read: NonNullable<PipelineResult['read']>, url: string | undefined, app: App): string[] {
  const index = shortPath(read.staticIndex, app.io.cwd);
  const lines = [`read it: open ${index} in a browser (the static blog)`];
  if (read.box && url) lines.push(`     or: \`${cliName(app)} serve\`, then visit ${url}`);
  else if (url) lines.push(`     or: visit ${url}`);
  return lines;
}

/** How to call the CLI again for this data directory, as the user did. */
function cliName(app: App): string {
  const data = app.paths.dataDir === resolve(app.io.cwd) ? '' : ` --data ${shortPath(app.paths.dataDir, app.io.cwd)}`;
  return `npx webxcreta${data}`;
}

const shortPath = (path: string, cwd: string): string => {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
};
