/**
 * Publishing one post over AtomPub, exactly once:
 *   1. a post already `published` on this target is returned as it is;
 *   2. a row left in `intent` (a crash, a lost answer) is reconciled: found on the server → published;
 *   3. the intent is recorded before the request;
 *   4. POST the entry (Slug header); on 201 store Location and the edit link;
 *   5. on a timeout, network error, 5xx or 429: wait, reconcile, and only then post again.
 */
import type { App } from '../cli/app.js';
import { WebxError } from '../errors.js';
import { readPost } from '../store/posts.js';
import { isRetryableStatus, responseError, retryDelay } from './app-client.js';
import { toAtomEntryXml } from '../atom/atom-xml.js';
import { blogOf } from './blog-of.js';
import { crashAt } from './crash-hook.js';
import { entryToAtom } from '../atom/entry-to-atom.js';
import { openTarget, type PublishTarget } from '../pipeline/open-target.js';
import { parseEntryXml } from '../atom/parse-entry.js';
import { getPublication, markPublished, recordError, recordIntent } from '../store/publications.js';
import { findOnServer, locate, type FoundEntry } from './reconcile.js';
import { ENTRY_TYPE } from '../atom/service-doc.js';
import { toEntry } from './to-entry.js';
import type { Entry, PublishedEntry } from '../atom/types.js';

export interface PublishOptions {
  signal?: AbortSignal;
  /** Send it as a draft (app:control): kept off the blog's pages and feed until updated. */
  draft?: boolean;
}

export async function publishPost(app: App, postId: string, options: PublishOptions = {}): Promise<PublishedEntry> {
  const store = app.store();
  const post = readPost(store, postId);
  if (!post) throw new WebxError(`there is no post ${postId}`, { hint: 'see `webxcreta posts list` for the stored posts' });
  const target = await openTarget(app, options.signal);
  try {
    const entry = toEntry(post, blogOf(app.config, target.boxUrl));
    const now = () => new Date().toISOString();
    const done = (found: FoundEntry): PublishedEntry => {
      markPublished(store, postId, target.name, found, now());
      crashAt(app, 'after-record');
      return published(postId, entry, target.name, found, now());
    };
    const known = getPublication(store, postId, target.name);
    if (known?.state === 'published') return published(postId, entry, target.name, known, known.updatedAt);
    if (known) {
      const found = await findOnServer(target.client, target.collectionUrl, entry);
      if (found) return done(found);
    }
    crashAt(app, 'before-intent');
    const draft = options.draft ?? false;
    recordIntent(store, { postId, target: target.name, entryId: entry.id, slug: entry.slug, draft }, now());
    crashAt(app, 'after-intent');
    return await postUntilDone(app, target, entry, draft, done);
  } finally {
    await target.close();
  }
}

async function postUntilDone(app: App, target: PublishTarget, entry: Entry, draft: boolean, done: (f: FoundEntry) => PublishedEntry): Promise<PublishedEntry> {
  const { client } = target;
  const body = toAtomEntryXml(entryToAtom(entry, draft ? { draft } : {}));
  const what = `publishing "${entry.title}" to ${target.collectionUrl}`;
  for (let attempt = 0; ; attempt++) {
    let failure: string;
    let retryAfter: string | undefined;
    try {
      const r = await client.send('POST', target.collectionUrl, {
        body,
        headers: { 'content-type': ENTRY_TYPE, accept: 'application/atom+xml', slug: encodeURIComponent(entry.slug) },
        onSent: () => crashAt(app, 'request-sent'),
      });
      if (r.status === 201 || r.status === 200) {
        crashAt(app, 'after-response');
        const back = parseEntryXml(r.body);
        const found = back ? locate(back, target.collectionUrl) : {};
        const location = r.headers.location ? new URL(r.headers.location, target.collectionUrl).href : undefined;
        // The edit link is where PUT and DELETE go; an answer without one (AtomBus) means no editing.
        return done({ url: found.url ?? location, editUrl: back ? found.editUrl : location });
      }
      if (r.status === 409) {
        const found = await findOnServer(client, target.collectionUrl, entry);
        if (found) return done(found);
      }
      if (!isRetryableStatus(r.status) || attempt >= client.options.retries) {
        const error = responseError(what, target.collectionUrl, r);
        recordError(app.store(), entry.postId, target.name, error.message, new Date().toISOString());
        throw error;
      }
      failure = `HTTP ${r.status}`;
      retryAfter = r.headers['retry-after'];
    } catch (e) {
      if (e instanceof WebxError || client.options.signal?.aborted) throw e;
      failure = (e as Error).message;
      if (attempt >= client.options.retries) {
        recordError(app.store(), entry.postId, target.name, failure, new Date().toISOString());
        throw new WebxError(`${what}: ${failure}`, { hint: 'check that the server is up and reachable; the next run reconciles before posting again', cause: e });
      }
    }
    app.log(`publish: ${failure}; retrying (${attempt + 1}/${client.options.retries})`);
    await client.sleep(retryDelay(attempt, client.options.retryDelayMs, retryAfter));
    const found = await findOnServer(client, target.collectionUrl, entry);
    if (found) return done(found);
  }
}

function published(postId: string, entry: Entry, target: string, where: { url?: string; editUrl?: string }, at: string): PublishedEntry {
  return { postId, entryId: entry.id, url: where.url ?? '', editUrl: where.editUrl, target, publishedAt: at };
}
