/**
 * Comment feeds (wfw:commentRss, link rel="replies"). A post's comment feed is read when it was
 * never read (`comments_seen` NULL) or its stated count changed, at most `maxCommentFeeds` per feed
 * per run (politeness); posts left over are caught up on later runs, even when their feed is
 * unchanged. A comment feed that fails is skipped quietly and tried again next run.
 */
import type { Store } from '../store/open-store.js';
import { documentIdOf } from '../text/hash-id.js';
import { readFeed, type ReadContext } from './read-feed.js';
import { countStoredComments, findDocument, markCommentsSeen, unreadCommentFeeds, writeDocument, type HarvestedDocument } from '../store/documents.js';
import { toCommentDocuments } from './to-documents.js';

/** A post whose comments are wanted: its guid (to find its id once written), comment feed and stated count. */
export interface CommentTarget {
  guid: string;
  commentsUrl: string;
  commentCount?: number;
}

export interface ReadComments {
  target: CommentTarget;
  /** Undefined when the comment feed could not be read. */
  comments?: HarvestedDocument[];
}

/** Posts of this harvest whose comment feed should be read now. */
export function commentTargets(store: Store, sourceId: string, posts: HarvestedDocument[], max: number): CommentTarget[] {
  const wanted = posts.filter((p) => {
    if (!p.commentsUrl || p.commentCount === 0) return false;
    const row = findDocument(store, sourceId, p);
    if (!row || row.comments_seen === null) return true;
    return p.commentCount !== undefined ? p.commentCount !== row.comments_seen : row.comments_url !== p.commentsUrl;
  });
  return wanted.slice(0, max).map((p) => ({ guid: p.guid, commentsUrl: p.commentsUrl!, commentCount: p.commentCount }));
}

/** Stored posts whose comment feed was never read (left over by the cap, or failed): caught up on unchanged feeds. */
export function pendingCommentTargets(store: Store, sourceId: string, max: number): CommentTarget[] {
  return unreadCommentFeeds(store, sourceId, max);
}

/**
 * Reads the comment feeds of `targets`, all within one timeout (harvest.timeoutMs): a feed with many
 * slow comment feeds must not hold the run for a timeout each. What is not read by then is left
 * for the next run.
 */
export async function readComments(store: Store, sourceId: string, targets: CommentTarget[], ctx: ReadContext): Promise<ReadComments[]> {
  if (targets.length === 0) return [];
  const deadline = AbortSignal.timeout(ctx.fetch.timeoutMs);
  const signal = ctx.fetch.signal ? AbortSignal.any([ctx.fetch.signal, deadline]) : deadline;
  const within = { ...ctx, fetch: { ...ctx.fetch, signal } };
  return Promise.all(
    targets.map(async (target) => {
      const read = await readFeed(target.commentsUrl, within, {}, false);
      if (read.kind !== 'feed') return { target };
      // The parent id seeds guid fallbacks; a new post's id is known from its guid already.
      const parentId = findDocument(store, sourceId, { guid: target.guid, kind: 'post' })?.id ?? documentIdOf(sourceId, target.guid);
      const comments = toCommentDocuments(read.feed.items, parentId);
      return { target, comments };
    }),
  );
}

/** Writes comments under their posts (inside the feed's transaction); returns how many were new. */
export function writeComments(store: Store, sourceId: string, read: ReadComments[], idOf: (guid: string) => string | undefined, now: string): number {
  let added = 0;
  for (const { target, comments } of read) {
    const parentId = idOf(target.guid);
    if (!comments || !parentId) continue;
    for (const comment of comments) {
      if (writeDocument(store, sourceId, { ...comment, parentId }, now).outcome === 'new') added++;
    }
    if (target.commentCount === undefined) countStoredComments(store, parentId);
    const seen = target.commentCount ?? comments.length;
    markCommentsSeen(store, parentId, seen);
  }
  return added;
}
