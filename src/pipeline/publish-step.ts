/**
 * Publishing from a Bot: open the configured target (an AtomPub server, or the bot's own box,
 * started in-process when it is not running), hand the publish edge the store, the target and
 * the blog, and close the target again.
 */
import type { PublishedEntry } from '../atom/types.js';
import { blogOf } from '../publish/blog-of.js';
import { publishPost } from '../publish/publish-post.js';
import type { PublishStep, PublishTarget } from '../publish/target.js';
import { retractPost, updatePublishedPost } from '../publish/update-post.js';
import type { Publication } from '../store/publications.js';
import type { Bot, Env } from './bot.js';
import { openTarget } from './open-target.js';

export interface PublishStepOptions {
  signal?: AbortSignal;
  draft?: boolean;
}

export function publishStep(bot: Bot, postId: string, options: PublishStepOptions = {}): Promise<PublishedEntry> {
  return withTarget(bot, options.signal, (target) =>
    publishPost(bot.store(), target, postId, { blog: blogOf(bot.config.publish, bot.config.box, target.boxUrl), draft: options.draft, log: (l) => bot.log(l), onStep: crashHook(bot.env) }),
  );
}

export function updateStep(bot: Bot, postId: string, options: PublishStepOptions = {}): Promise<Publication> {
  return withTarget(bot, options.signal, (target) =>
    updatePublishedPost(bot.store(), target, postId, { blog: blogOf(bot.config.publish, bot.config.box, target.boxUrl), draft: options.draft }),
  );
}

export function retractStep(bot: Bot, postId: string, options: PublishStepOptions = {}): Promise<Publication> {
  return withTarget(bot, options.signal, (target) => retractPost(bot.store(), target, postId));
}

async function withTarget<T>(bot: Bot, signal: AbortSignal | undefined, body: (target: PublishTarget) => Promise<T>): Promise<T> {
  const target = await openTarget(bot, signal);
  try {
    return await body(target);
  } finally {
    await target.close();
  }
}

/**
 * Test hook: WEBXCRETA_TEST_CRASH_AT names a step of the publish exchange where the process kills
 * itself with SIGKILL, so tests can prove a rerun never double-posts.
 */
function crashHook(env: Env): ((step: PublishStep) => void) | undefined {
  const at = env.WEBXCRETA_TEST_CRASH_AT;
  if (!at) return undefined;
  return (step) => {
    if (step === at) process.kill(process.pid, 'SIGKILL');
  };
}
