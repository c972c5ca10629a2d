/**
 * One pass of the whole job: harvest → analyze + weight → generate → publish → export.
 * This is the recipe behind `webxcreta run`, `npm start` and each scheduled post. A lock in the
 * database keeps two runs (or a run and the scheduler) from posting at once. A run first
 * publishes what earlier runs left behind (killed or failed before their post was on the
 * target); the run's row names its post and target as soon as the post is stored, so a run
 * killed after that leaves nothing lost.
 */
import { join } from 'node:path';
import type { Bot } from './bot.js';
import { BOX_TARGET } from '../publish/target-name.js';
import { interrupted, interruptSignal, isWebxError, WebxError } from '../errors.js';
import { generatePost } from '../generate/index.js';
import type { Post } from '../generate/types.js';
import type { HarvestReport } from '../harvest/types.js';
import { blogOf, exportBlog } from '../publish/index.js';
import { catchUpStep, publishStep } from './publish-step.js';
import { openTargetName } from '../publish/target-name.js';
import type { PublishedEntry } from '../atom/types.js';
import { chooseSeed, createRng } from '../rng.js';
import { acquireLock, releaseLock } from '../store/locks.js';
import { recentPosts, savePost } from '../store/posts.js';
import { inTransaction } from '../store/transaction.js';
import { closeInterruptedRuns, finishRun, recordRunPost, startRun } from '../store/runs.js';
import { redactSecrets } from '../text/redact.js';
import { knownSecrets } from './credentials.js';
import { loadOrBuildModel, modelFileOf } from './refresh-model.js';
import { harvestStep, type HarvestStepOptions } from './harvest-step.js';
import { describeKept, summarizeHarvest, type HarvestTotals } from '../harvest/summarize-harvest.js';

export interface PipelineOptions {
  seed?: string;
  topic?: string[];
  /** Overrides generate.focus (0 = independent sentences, 1 = a tight theme). */
  focus?: number;
  /** Skip the harvest and generate from what is stored. */
  harvest?: boolean;
  /** Generate and store the post, but do not publish or export it. */
  publish?: boolean;
  onFeedDone?: HarvestStepOptions['onFeedDone'];
  signal?: AbortSignal;
  now?: () => string;
}

export interface PipelineResult {
  ok: true;
  seed: string;
  post: { id: string; title: string; paragraphs: string[] };
  harvest?: HarvestTotals;
  model: { fingerprint: string; sources: number; documents: number };
  published?: PublishedEntry;
  /** Posts earlier runs left behind, published by this one first. */
  caughtUp?: PublishedEntry[];
  /** Why publishing what earlier runs left behind stopped (the run went on; the next one tries again). */
  catchUpError?: string;
  feedFile?: string;
  pagesDir?: string;
  /**
   * Where to read the post: the static blog's index page, and whether the post went to the bot's
   * own box (then `webxcreta serve` serves it at `published.url`, a canonical address).
   */
  read?: { staticIndex: string; box: boolean };
}

const LOCK_NAME = 'pipeline';
const LOCK_TTL_MS = 30 * 60_000;

export async function runPipeline(app: Bot, options: PipelineOptions = {}): Promise<PipelineResult> {
  const store = app.store();
  const now = options.now ?? (() => new Date().toISOString());
  const lock = acquireLock(store, LOCK_NAME, LOCK_TTL_MS);
  if (!lock) {
    throw new WebxError('another webXcreta run or scheduler is working on this data directory', {
      hint: 'wait for it to finish (see `webxcreta status`); a crashed run releases its lock after 30 minutes',
    });
  }
  const interrupted = closeInterruptedRuns(store, now());
  if (interrupted.length) app.log(`${interrupted.length} earlier run${interrupted.length === 1 ? ' was' : 's were'} interrupted (see \`webxcreta status\`)`);
  const runId = startRun(store, 'run', now(), lock.owner);
  try {
    const result = await runSteps(app, options, now, runId);
    finishRun(store, runId, now(), { ok: true, summary: { post: result.post.id, url: result.published?.url } });
    return result;
  } catch (e) {
    const error = redactSecrets((e as Error).message, { secrets: knownSecrets(app.config, app.env, app.paths.dataDir) });
    finishRun(store, runId, now(), { ok: false, error, ...(isWebxError(e, 'interrupted') ? { summary: { interrupted: true } } : {}) });
    throw e;
  } finally {
    releaseLock(store, lock);
  }
}

async function runSteps(app: Bot, options: PipelineOptions, now: () => string, runId: number): Promise<PipelineResult> {
  const store = app.store();
  let caughtUp: PublishedEntry[] | undefined;
  let catchUpError: string | undefined;
  if (options.publish !== false) {
    const catchUp = await catchUpStep(app, { signal: options.signal });
    if (catchUp.published.length) caughtUp = catchUp.published;
    catchUpError = catchUp.error;
  }
  let harvest: HarvestReport | undefined;
  const { signal } = options;
  /** Ctrl-C stops the run between its steps; each stop says what was kept. */
  const stopIfInterrupted = (during: string, kept: string) => {
    if (signal?.aborted) throw interrupted(interruptSignal(signal.reason), during, kept);
  };
  if (options.harvest !== false) {
    app.log('harvesting…');
    harvest = await harvestStep(app, { onFeedDone: options.onFeedDone, signal });
    stopIfInterrupted('during the harvest', `${describeKept(summarizeHarvest(harvest))}; no post was written`);
  }
  app.log('analyzing and weighting…');
  const model = await loadOrBuildModel(app);
  stopIfInterrupted('after the analysis', 'the harvest and the analysis are stored; no post was written');

  const { seed } = chooseSeed(options.seed, app.config.seed);
  const generateOptions = {
    ...app.config.generate,
    topic: options.topic ?? app.config.generate.topic,
    focus: options.focus ?? app.config.generate.focus,
    ...variety(recentPosts(store, Math.max(RECENT_POSTS, app.config.generate.templateCooldown)), app.config.generate.templateCooldown),
  };
  const post = generatePost(model, generateOptions, createRng(seed), { seed, now: now() });
  // One transaction: a run killed right after it still names its post, to be published by the next.
  inTransaction(store, () => {
    savePost(store, post);
    recordRunPost(store, runId, post.id, options.publish === false ? undefined : openTargetName(app.config));
  });

  const result: PipelineResult = {
    ok: true,
    seed,
    post: summarizePost(post),
    harvest: harvest && summarizeHarvest(harvest),
    model: { fingerprint: model.fingerprint, sources: model.sources.length, documents: Object.keys(model.documentWeights).length },
    caughtUp,
    catchUpError,
  };
  if (options.publish === false) return result;
  const publishLater = `\`webxcreta publish ${post.id}\` publishes it (a post is never posted twice)`;
  stopIfInterrupted('before publishing', `post ${post.id} is stored; ${publishLater}`);

  app.log('publishing…');
  try {
    result.published = await publishStep(app, post.id, { signal });
  } catch (e) {
    stopIfInterrupted('while publishing', `post ${post.id} is stored; ${publishLater}`);
    throw e;
  }
  const exported = exportBlog(store, app.paths.outDir, blogOf(app.config.publish, app.config.box), {
    damping: app.config.weight.damping,
    modelFile: modelFileOf(app.paths.stateDir),
  });
  result.feedFile = exported.feedFile;
  result.pagesDir = exported.pagesDir;
  result.read = { staticIndex: join(exported.pagesDir, 'index.html'), box: result.published.target === BOX_TARGET };
  return result;
}

/** A post repeats no sentence of the bot's last RECENT_POSTS posts, and no template of its last `cooldown` posts. */
const RECENT_POSTS = 50;

function variety(recent: Post[], cooldown: number): { avoidSentences: string[]; avoidTemplates: string[] } {
  const sentences = (p: Post) => [p.title, ...p.paragraphs.flat()];
  return {
    avoidSentences: recent.slice(0, RECENT_POSTS).flatMap((p) => sentences(p).map((s) => s.text)),
    avoidTemplates: recent.slice(0, cooldown).flatMap((p) => p.paragraphs.flat().map((s) => s.template)),
  };
}

function summarizePost(post: Post): PipelineResult['post'] {
  return {
    id: post.id,
    title: post.title.text,
    paragraphs: post.paragraphs.map((p) => p.map((s) => s.text).join(' ')),
  };
}
