/**
 * Changing what is published: `updatePublishedPost` PUTs the post's current entry to its edit link
 * (a draft stays a draft unless told otherwise);
 * `retractPost` DELETEs it. On the box, a stored edit link is moved onto the box's current address.
 */
import type { Blog } from '../atom/types.js';
import { WebxError } from '../errors.js';
import type { Store } from '../store/open-store.js';
import { readPost } from '../store/posts.js';
import { responseError } from './app-client.js';
import { toAtomEntryXml } from '../atom/atom-xml.js';
import { entryToAtom } from '../atom/entry-to-atom.js';
import type { PublishTarget } from './target.js';
import { parseEntryXml } from '../atom/parse-entry.js';
import { getPublication, listPublications, markPublished, markState, recordDraft, type Publication } from '../store/publications.js';
import { ENTRY_TYPE } from '../atom/service-doc.js';
import { toEntry } from './to-entry.js';

export async function updatePublishedPost(store: Store, target: PublishTarget, postId: string, options: { blog: Blog; draft?: boolean }): Promise<Publication> {
  const post = readPost(store, postId);
  if (!post) throw new WebxError(`there is no post ${postId}`, { hint: 'see `webxcreta posts list`', code: 'not-found' });
  return withPublication(store, target, postId, async (pub, editUrl) => {
    const entry = { ...toEntry(post, options.blog), updated: new Date().toISOString() };
    const draft = options.draft ?? pub.draft;
    const r = await target.client.sendWithRetries('PUT', editUrl, {
      body: toAtomEntryXml(entryToAtom(entry, { draft })),
      headers: { 'content-type': ENTRY_TYPE, accept: 'application/atom+xml' },
    });
    if (r.status < 200 || r.status > 299) throw responseError(`updating post ${postId}`, editUrl, r);
    const back = parseEntryXml(r.body);
    const url = back?.links.alternate ? new URL(back.links.alternate, editUrl).href : pub.url;
    markPublished(store, postId, pub.target, { url, editUrl: pub.editUrl }, new Date().toISOString());
    recordDraft(store, postId, pub.target, draft);
    return getPublication(store, postId, pub.target)!;
  });
}

export async function retractPost(store: Store, target: PublishTarget, postId: string): Promise<Publication> {
  return withPublication(store, target, postId, async (pub, editUrl) => {
    const r = await target.client.sendWithRetries('DELETE', editUrl);
    if ((r.status < 200 || r.status > 299) && r.status !== 404 && r.status !== 410) throw responseError(`retracting post ${postId}`, editUrl, r);
    markState(store, postId, pub.target, 'retracted', new Date().toISOString());
    return getPublication(store, postId, pub.target)!;
  });
}

type Body = (pub: Publication, editUrl: string) => Promise<Publication>;

async function withPublication(store: Store, target: PublishTarget, postId: string, body: Body): Promise<Publication> {
  const pub = getPublication(store, postId, target.name) ?? listPublications(store).find((p) => p.postId === postId && p.state === 'published');
  if (!pub || pub.state !== 'published') {
    throw new WebxError(`post ${postId} is not published on ${target.name}`, { hint: 'publish it first with `webxcreta publish ID`; see `webxcreta posts list`' });
  }
  if (pub.target !== target.name) {
    throw new WebxError(`post ${postId} was published on ${pub.target}, but the configured target is ${target.name}`, { hint: 'set `publish.serviceUrl`/`collectionUrl` back to that server to change it there' });
  }
  if (!pub.editUrl) {
    throw new WebxError(`the server gave no edit link for post ${postId}, so it cannot be changed from here`, { hint: 'edit or delete it on the blog itself' });
  }
  const editUrl = target.boxUrl ? rebase(pub.editUrl, target.boxUrl) : pub.editUrl;
  return await body(pub, editUrl);
}

/** The same path and query on another origin (the box may listen elsewhere than last time). */
function rebase(url: string, base: string): string {
  const u = new URL(url);
  return new URL(`${u.pathname}${u.search}`, base).href;
}
