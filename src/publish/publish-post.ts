/**
 * Publishing one post to a target, exactly once, whatever the target:
 *   0. the post's lock (`publish:ID` in the database) is taken, waiting while another process
 *      publishes it, so two `publish ID` at once never both post;
 *   1. a post already `published` on this target is returned as it is;
 *   2. a row left in `intent` (a crash, a lost answer) is reconciled: found on the target → published;
 *   3. the intent is recorded before the request, as this process's (another live one is never overwritten);
 *   4. one create attempt; on success the answer (url, edit link, remote id) is stored;
 *   5. on a timeout, network error, 5xx or 429: wait, reconcile, and only then create again.
 */
import type { Blog } from '../atom/types.js';
import { WebxError } from '../errors.js';
import { releaseLock, waitForLock } from '../store/locks.js';
import type { Store } from '../store/open-store.js';
import { readPost } from '../store/posts.js';
import { retryDelay } from './app-client.js';
import type { PublishItem, PublishStep, PublishTarget, RemotePost } from './target.js';
import { getPublication, markPublished, recordError, recordIntent } from '../store/publications.js';
import { toEntry } from './to-entry.js';
import type { PublishedEntry } from '../atom/types.js';

export interface PublishOptions {
  /** The blog the entry's links and author are built from. */
  blog: Blog;
  /** Send it as a draft: kept off the blog's pages and feed until updated. */
  draft?: boolean;
  log?: (line: string) => void;
  /** Called at each step of the exchange (tests crash the process there to prove recovery). */
  onStep?: (step: PublishStep) => void;
  /** How long to wait for another process that is publishing the same post (default 10 minutes). */
  lockWaitMs?: number;
}

/** A publish lock outlives a crashed holder by this much at most (a dead holder on this host is noticed at once). */
const LOCK_TTL_MS = 30 * 60_000;

interface Exchange {
  store: Store;
  target: PublishTarget;
  item: PublishItem;
  log: (line: string) => void;
  step: (step: PublishStep) => void;
  done: (where: RemotePost) => PublishedEntry;
}

export async function publishPost(store: Store, target: PublishTarget, postId: string, options: PublishOptions): Promise<PublishedEntry> {
  const post = readPost(store, postId);
  if (!post) throw new WebxError(`there is no post ${postId}`, { hint: 'see `webxcreta posts list` for the stored posts', code: 'not-found' });
  const lockName = `publish:${postId}`;
  const lock = await waitForLock(store, lockName, LOCK_TTL_MS, { waitMs: options.lockWaitMs ?? 10 * 60_000, signal: target.retry.signal });
  if (!lock) {
    throw new WebxError(`another webXcreta process is publishing post ${postId} and did not finish in time`, {
      hint: 'wait for it to finish (`webxcreta status` shows the lock), then run this again',
      code: 'locked',
    });
  }
  try {
    return await publishLocked(store, target, { post, entry: toEntry(post, options.blog) }, options, lock.owner);
  } finally {
    releaseLock(store, lock);
  }
}

async function publishLocked(store: Store, target: PublishTarget, item: PublishItem, options: PublishOptions, owner: string): Promise<PublishedEntry> {
  const { entry } = item;
  const postId = entry.postId;
  const now = () => new Date().toISOString();
  const step = options.onStep ?? (() => {});
  const x: Exchange = {
    store,
    target,
    item,
    log: options.log ?? (() => {}),
    step,
    done: (where) => {
      markPublished(store, postId, target.name, where, now());
      step('after-record');
      return published(postId, entry.id, target.name, where, now());
    },
  };
  const known = getPublication(store, postId, target.name);
  if (known?.state === 'published') return published(postId, entry.id, target.name, known, known.updatedAt);
  if (known) {
    const found = await target.find(item);
    if (found) {
      if (known.state === 'intent') await target.resume?.(item, found);
      return x.done(found);
    }
  }
  step('before-intent');
  const draft = options.draft ?? false;
  if (!recordIntent(store, { postId, target: target.name, entryId: entry.id, slug: entry.slug, draft }, owner, now())) {
    throw new WebxError(`another webXcreta process is publishing post ${postId} to ${target.name}`, {
      hint: 'let it finish (see `webxcreta status`); its intent is never overwritten while it runs',
      code: 'locked',
    });
  }
  step('after-intent');
  return await createUntilDone(x, draft);
}

async function createUntilDone(x: Exchange, draft: boolean): Promise<PublishedEntry> {
  const { target, item } = x;
  const { retries, retryDelayMs, signal } = target.retry;
  const what = `publishing "${item.entry.title}" to ${target.where}`;
  const fail = (error: WebxError): never => {
    recordError(x.store, item.entry.postId, target.name, target.redact(error.message), new Date().toISOString());
    throw error;
  };
  for (let attempt = 0; ; attempt++) {
    let failure: string;
    let retryAfter: string | undefined;
    try {
      const outcome = await target.create(item, { draft, onSent: () => x.step('request-sent') });
      if (outcome.kind === 'created') {
        x.step('after-response');
        return x.done(outcome.where);
      }
      if (outcome.kind === 'conflict') {
        const found = await target.find(item);
        if (found) return x.done(found);
        fail(outcome.error);
      }
      if (outcome.kind === 'failed') fail(outcome.error);
      if (outcome.kind !== 'retry') throw new Error('unreachable');
      if (attempt >= retries) fail(outcome.error);
      failure = outcome.failure;
      retryAfter = outcome.retryAfter;
    } catch (e) {
      if (e instanceof WebxError || signal?.aborted) throw e;
      failure = target.redact((e as Error).message);
      if (attempt >= retries) {
        recordError(x.store, item.entry.postId, target.name, failure, new Date().toISOString());
        throw new WebxError(`${what}: ${failure}`, { hint: 'check that the server is up and reachable; the next run reconciles before posting again', cause: e });
      }
    }
    x.log(`publish: ${failure}; retrying (${attempt + 1}/${retries})`);
    await target.sleep(retryDelay(attempt, retryDelayMs, retryAfter));
    const found = await target.find(item);
    if (found) return x.done(found);
  }
}

function published(postId: string, entryId: string, target: string, where: RemotePost, at: string): PublishedEntry {
  return { postId, entryId, url: where.url ?? '', editUrl: where.editUrl, target, publishedAt: at };
}
