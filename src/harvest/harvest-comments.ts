/**
 * Comment feeds (wfw:commentRss, link rel="replies"): fetched for posts that are new or whose
 * comment count changed, at most `MAX_COMMENT_FEEDS` per feed per run (politeness). A comment feed
 * that fails is skipped quietly: the post and its stated count still stand.
 */
import type { Store } from '../store/open-store.js';
import { documentIdOf } from './hash-id.js';
import type { ReadContext } from './read-feed.js';
import { readFeed } from './read-feed.js';
import { findDocument, type HarvestedDocument } from './store-documents.js';
import { toCommentDocument } from './to-documents.js';

export const MAX_COMMENT_FEEDS = 50;

export interface PostComments {
  /** The guid of the post the comments answer (its id is known only once the post is written). */
  postGuid: string;
  comments: HarvestedDocument[];
}

export async function harvestComments(store: Store, sourceId: string, posts: HarvestedDocument[], ctx: ReadContext): Promise<PostComments[]> {
  const wanted = posts.filter((p) => p.commentsUrl && needsComments(store, sourceId, p)).slice(0, MAX_COMMENT_FEEDS);
  return Promise.all(
    wanted.map(async (post) => {
      const read = await readFeed(post.commentsUrl!, ctx, {}, false);
      if (read.kind !== 'feed') return { postGuid: post.guid, comments: [] };
      // Provisional parent id for guid fallbacks; the writer sets the real one.
      const parentId = findDocument(store, sourceId, post)?.id ?? documentIdOf(sourceId, post.guid);
      const comments = read.feed.items.map((item) => toCommentDocument(item, parentId)).filter((c): c is HarvestedDocument => !!c);
      return { postGuid: post.guid, comments };
    }),
  );
}

function needsComments(store: Store, sourceId: string, post: HarvestedDocument): boolean {
  const row = findDocument(store, sourceId, post);
  if (!row) return true;
  if (post.commentCount === undefined) return row.comments_url !== post.commentsUrl;
  if (post.commentCount === 0) return false;
  const held = store.prepare('SELECT COUNT(*) AS n FROM documents WHERE parent_id = ?').get(row.id) as { n: number };
  return held.n !== post.commentCount;
}
