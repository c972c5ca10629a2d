/**
 * Changing what is published, on any target: `updatePublishedPost` sends the post's current entry
 * again (a draft stays a draft unless told otherwise); `retractPost` takes it off the target.
 * Both work only on the target the post was published on.
 */
import type { Blog } from '../atom/types.js';
import { WebxError } from '../errors.js';
import type { Store } from '../store/open-store.js';
import { readPost } from '../store/posts.js';
import type { PublishTarget } from './target.js';
import { getPublication, listPublications, markPublished, markState, recordDraft, type Publication } from '../store/publications.js';
import { toEntry } from './to-entry.js';

export async function updatePublishedPost(store: Store, target: PublishTarget, postId: string, options: { blog: Blog; draft?: boolean }): Promise<Publication> {
  const post = readPost(store, postId);
  if (!post) throw new WebxError(`there is no post ${postId}`, { hint: 'see `webxcreta posts list`', code: 'not-found' });
  const pub = publicationOn(store, target, postId);
  const fresh = toEntry(post, options.blog);
  // The address stays what it was published at, whatever the title has become.
  const entry = { ...fresh, slug: pub.slug ?? fresh.slug, updated: new Date().toISOString() };
  const draft = options.draft ?? pub.draft;
  const where = await target.update({ post, entry }, pub, { draft });
  markPublished(store, postId, pub.target, { url: where.url ?? pub.url, editUrl: where.editUrl ?? pub.editUrl, remoteId: where.remoteId }, new Date().toISOString());
  recordDraft(store, postId, pub.target, draft);
  return getPublication(store, postId, pub.target)!;
}

export async function retractPost(store: Store, target: PublishTarget, postId: string): Promise<Publication> {
  const pub = publicationOn(store, target, postId);
  await target.retract(pub);
  markState(store, postId, pub.target, 'retracted', new Date().toISOString());
  return getPublication(store, postId, pub.target)!;
}

function publicationOn(store: Store, target: PublishTarget, postId: string): Publication {
  const pub = getPublication(store, postId, target.name) ?? listPublications(store).find((p) => p.postId === postId && p.state === 'published');
  if (!pub || pub.state !== 'published') {
    throw new WebxError(`post ${postId} is not published on ${target.name}`, { hint: 'publish it first with `webxcreta publish ID`; see `webxcreta posts list`' });
  }
  if (pub.target !== target.name) {
    throw new WebxError(`post ${postId} was published on ${pub.target}, but the configured target is ${target.name}`, {
      hint: 'name that target with `--to` (and its settings in webxcreta.config.json) to change the post there',
    });
  }
  return pub;
}
