/**
 * One feed, start to end: backoff check → read (fetch, decode, parse) → clean text → comment feeds
 * → one transaction writing posts, comments and the source's state. Never throws: every ending is a
 * `FeedResult` with a message that says what to do.
 */
import type { Store } from '../store/open-store.js';
import type { Commit } from './group-commit.js';
import { isBackedOff } from '../store/backoff.js';
import { commentTargets, pendingCommentTargets, readComments, writeComments } from './harvest-comments.js';
import { skippedMessage } from './messages.js';
import { readFeed, type ReadContext } from './read-feed.js';
import { findSource, moveSource, recordFailure, recordNotModified, recordSuccess, type SourceRow } from '../store/sources.js';
import { findDocument, writeDocument } from '../store/documents.js';
import { toPostDocuments } from './to-documents.js';
import type { FeedResult } from './types.js';

export interface FeedContext extends ReadContext {
  store: Store;
  /** Runs a feed's writes inside a (possibly shared) transaction. */
  commit: Commit;
  force: boolean;
  comments: boolean;
  maxCommentFeeds: number;
}

export async function harvestFeed(source: SourceRow, ctx: FeedContext): Promise<FeedResult> {
  const started = performance.now();
  const result = (r: Omit<FeedResult, 'url' | 'ms' | 'newItems' | 'updatedItems' | 'comments'> & Partial<FeedResult>): FeedResult => ({
    url: source.url,
    ...(source.kind === 'own' ? { own: true as const } : {}),
    newItems: 0,
    updatedItems: 0,
    comments: 0,
    ...r,
    ms: Math.round(performance.now() - started),
  });
  const now = new Date().toISOString();
  if (!ctx.force && isBackedOff(source.next_attempt_at, now)) {
    return result({ outcome: 'skipped', ...skippedMessage(source.url, source.failures, source.next_attempt_at!) });
  }
  try {
    const read = await readFeed(source.url, ctx, { etag: source.etag ?? undefined, lastModified: source.last_modified ?? undefined });
    if (read.kind === 'not-modified') {
      const pending = ctx.comments ? pendingCommentTargets(ctx.store, source.id, ctx.maxCommentFeeds) : [];
      const comments = await readComments(ctx.store, source.id, pending, ctx);
      const added = await ctx.commit(() => {
        recordNotModified(ctx.store, source, now);
        return writeComments(ctx.store, source.id, comments, (guid) => findDocument(ctx.store, source.id, { guid, kind: 'post' })?.id, now);
      });
      return result({ outcome: added > 0 ? 'new' : 'unchanged', status: 304, comments: added });
    }
    if (read.kind === 'failed') {
      // A harvest stopped by the user is no failure of the feed: it is not counted towards its backoff.
      if (!ctx.fetch.signal?.aborted) recordFailure(ctx.store, source, now, read.problem.error, read.status, read.retryAfter);
      return result({ outcome: 'error', status: read.status, ...read.problem });
    }
    const movesTo = read.discoveredFrom || (read.moved && !isMapped(read.feedUrl, ctx) && !isMapped(source.url, ctx)) ? read.feedUrl : undefined;
    const target = movesTo ? adoptFeedUrl(ctx.store, source, movesTo) : source;
    if (!target) {
      const error = `${source.url} ${read.discoveredFrom ? 'is an HTML page whose feed' : 'moved to'} ${read.feedUrl}, which is already a source`;
      recordFailure(ctx.store, source, now, error, read.status);
      return result({ outcome: 'error', status: read.status, error, hint: `remove this one with \`webxcreta feeds remove ${source.url}\`` });
    }
    const posts = toPostDocuments(read.feed.items);
    const targets = ctx.comments ? commentTargets(ctx.store, target.id, posts, ctx.maxCommentFeeds) : [];
    const comments = await readComments(ctx.store, target.id, targets, ctx);
    const counts = await ctx.commit(() => {
      const c = { newItems: 0, updatedItems: 0, comments: 0 };
      const ids = new Map<string, string>();
      for (const post of posts) {
        const w = writeDocument(ctx.store, target.id, post, now);
        ids.set(post.guid, w.id);
        if (w.outcome === 'new') c.newItems++;
        if (w.outcome === 'updated') c.updatedItems++;
      }
      c.comments = writeComments(ctx.store, target.id, comments, (guid) => ids.get(guid), now);
      recordSuccess(ctx.store, target, now, { status: read.status, etag: read.etag, lastModified: read.lastModified, title: read.feed.title, siteUrl: read.feed.siteUrl });
      return c;
    });
    const changed = counts.newItems + counts.updatedItems + counts.comments > 0;
    const feedUrl = read.feedUrl !== source.url ? { feedUrl: read.feedUrl } : {};
    const warning = read.feed.malformed ? { warning: `malformed XML, read forgivingly: ${read.feed.malformed}` } : {};
    return result({ outcome: changed ? 'new' : 'unchanged', status: read.status, ...counts, ...feedUrl, ...warning });
  } catch (e) {
    const error = `harvesting ${source.url} failed unexpectedly: ${(e as Error).message}`;
    try {
      recordFailure(ctx.store, source, now, error);
    } catch {
      // The store itself is failing; the result below still reports the feed.
    }
    return result({ outcome: 'error', error, hint: 'nothing stored was lost; run with WEBXCRETA_DEBUG=1 and report this' });
  }
}

/**
 * A source added as a home page becomes its discovered feed, and a feed that moved for good (301/308)
 * is fetched at its new address from now on. Undefined when another source already has that URL.
 */
function adoptFeedUrl(store: Store, source: SourceRow, feedUrl: string): SourceRow | undefined {
  const other = findSource(store, feedUrl);
  if (other && other.id !== source.id) return undefined;
  moveSource(store, source.id, feedUrl, source.url);
  return findSource(store, source.id);
}

/** URLs rewritten by `urlMap` (the built-in corpus, the own box) keep their canonical address. */
const isMapped = (url: string, ctx: FeedContext) => !!ctx.fetch.urlMap && ctx.fetch.urlMap(url) !== url;
