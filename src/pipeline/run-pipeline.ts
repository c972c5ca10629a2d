/**
 * One pass of the whole job: harvest → analyze + weight → generate → publish → export.
 * This is the recipe behind `webxcreta run`, `npm start` and each scheduled post. A lock in the
 * database keeps two runs (or a run and the scheduler) from posting at once.
 */
import type { Bot } from './bot.js';
import { WebxError } from '../errors.js';
import { generatePost } from '../generate/index.js';
import type { Post } from '../generate/types.js';
import type { HarvestReport } from '../harvest/types.js';
import { blogOf, exportBlog } from '../publish/index.js';
import { publishStep } from './publish-step.js';
import type { PublishedEntry } from '../atom/types.js';
import { chooseSeed, createRng } from '../rng.js';
import { acquireLock, releaseLock } from '../store/locks.js';
import { recentPosts, savePost } from '../store/posts.js';
import { finishRun, startRun } from '../store/runs.js';
import { loadOrBuildModel, modelFileOf } from './refresh-model.js';
import { harvestStep, type HarvestStepOptions } from './harvest-step.js';
import { summarizeHarvest, type HarvestTotals } from '../harvest/summarize-harvest.js';

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
  feedFile?: string;
  pagesDir?: string;
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
  const runId = startRun(store, 'run', now());
  try {
    const result = await runSteps(app, options, now);
    finishRun(store, runId, now(), { ok: true, summary: { post: result.post.id, url: result.published?.url } });
    return result;
  } catch (e) {
    finishRun(store, runId, now(), { ok: false, error: (e as Error).message });
    throw e;
  } finally {
    releaseLock(store, lock);
  }
}

async function runSteps(app: Bot, options: PipelineOptions, now: () => string): Promise<PipelineResult> {
  const store = app.store();
  let harvest: HarvestReport | undefined;
  if (options.harvest !== false) {
    app.log('harvesting…');
    harvest = await harvestStep(app, { onFeedDone: options.onFeedDone, signal: options.signal });
  }
  app.log('analyzing and weighting…');
  const model = await loadOrBuildModel(app);

  const { seed } = chooseSeed(options.seed, app.config.seed);
  const generateOptions = {
    ...app.config.generate,
    topic: options.topic ?? app.config.generate.topic,
    focus: options.focus ?? app.config.generate.focus,
    ...variety(recentPosts(store, Math.max(RECENT_POSTS, app.config.generate.templateCooldown)), app.config.generate.templateCooldown),
  };
  const post = generatePost(model, generateOptions, createRng(seed), { seed, now: now() });
  savePost(store, post);

  const result: PipelineResult = {
    ok: true,
    seed,
    post: summarizePost(post),
    harvest: harvest && summarizeHarvest(harvest),
    model: { fingerprint: model.fingerprint, sources: model.sources.length, documents: Object.keys(model.documentWeights).length },
  };
  if (options.publish === false) return result;

  app.log('publishing…');
  result.published = await publishStep(app, post.id, { signal: options.signal });
  const exported = exportBlog(store, app.paths.outDir, blogOf(app.config.publish, app.config.box), {
    damping: app.config.weight.damping,
    modelFile: modelFileOf(app.paths.stateDir),
  });
  result.feedFile = exported.feedFile;
  result.pagesDir = exported.pagesDir;
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
