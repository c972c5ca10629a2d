/**
 * Publishing one post over AtomPub, exactly once:
 *   1. a post already `published` on this target is returned as it is;
 *   2. a row left in `intent` (a crash, a lost answer) is reconciled: found on the server → published;
 *   3. the intent is recorded before the request;
 *   4. POST the entry (Slug header); on 201 store Location and the edit link;
 *   5. on a timeout, network error, 5xx or 429: wait, reconcile, and only then post again.
 */
import type { Blog } from '../atom/types.js';
import { WebxError } from '../errors.js';
import type { Store } from '../store/open-store.js';
import { readPost } from '../store/posts.js';
import { isRetryableStatus, responseError, retryDelay } from './app-client.js';
import { toAtomEntryXml } from '../atom/atom-xml.js';
import { entryToAtom } from '../atom/entry-to-atom.js';
import type { PublishStep, PublishTarget } from './target.js';
import { parseEntryXml } from '../atom/parse-entry.js';
import { getPublication, markPublished, recordError, recordIntent } from '../store/publications.js';
import { findOnServer, locate, type FoundEntry } from './reconcile.js';
import { ENTRY_TYPE } from '../atom/service-doc.js';
import { toEntry } from './to-entry.js';
import type { Entry, PublishedEntry } from '../atom/types.js';

export interface PublishOptions {
  /** The blog the entry's links and author are built from. */
  blog: Blog;
  /** Send it as a draft (app:control): kept off the blog's pages and feed until updated. */
  draft?: boolean;
  log?: (line: string) => void;
  /** Called at each step of the exchange (tests crash the process there to prove recovery). */
  onStep?: (step: PublishStep) => void;
}

interface Exchange {
  store: Store;
  target: PublishTarget;
  log: (line: string) => void;
  step: (step: PublishStep) => void;
}

export async function publishPost(store: Store, target: PublishTarget, postId: string, options: PublishOptions): Promise<PublishedEntry> {
  const post = readPost(store, postId);
  if (!post) throw new WebxError(`there is no post ${postId}`, { hint: 'see `webxcreta posts list` for the stored posts', code: 'not-found' });
  const x: Exchange = { store, target, log: options.log ?? (() => {}), step: options.onStep ?? (() => {}) };
  const entry = toEntry(post, options.blog);
  const now = () => new Date().toISOString();
  const done = (found: FoundEntry): PublishedEntry => {
    markPublished(store, postId, target.name, found, now());
    x.step('after-record');
    return published(postId, entry, target.name, found, now());
  };
  const known = getPublication(store, postId, target.name);
  if (known?.state === 'published') return published(postId, entry, target.name, known, known.updatedAt);
  if (known) {
    const found = await findOnServer(target.client, target.collectionUrl, entry);
    if (found) return done(found);
  }
  x.step('before-intent');
  const draft = options.draft ?? false;
  recordIntent(store, { postId, target: target.name, entryId: entry.id, slug: entry.slug, draft }, now());
  x.step('after-intent');
  return await postUntilDone(x, entry, draft, done);
}

async function postUntilDone(x: Exchange, entry: Entry, draft: boolean, done: (f: FoundEntry) => PublishedEntry): Promise<PublishedEntry> {
  const { target } = x;
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
        onSent: () => x.step('request-sent'),
      });
      if (r.status === 201 || r.status === 200) {
        x.step('after-response');
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
        recordError(x.store, entry.postId, target.name, error.message, new Date().toISOString());
        throw error;
      }
      failure = `HTTP ${r.status}`;
      retryAfter = r.headers['retry-after'];
    } catch (e) {
      if (e instanceof WebxError || client.options.signal?.aborted) throw e;
      failure = (e as Error).message;
      if (attempt >= client.options.retries) {
        recordError(x.store, entry.postId, target.name, failure, new Date().toISOString());
        throw new WebxError(`${what}: ${failure}`, { hint: 'check that the server is up and reachable; the next run reconciles before posting again', cause: e });
      }
    }
    x.log(`publish: ${failure}; retrying (${attempt + 1}/${client.options.retries})`);
    await client.sleep(retryDelay(attempt, client.options.retryDelayMs, retryAfter));
    const found = await findOnServer(client, target.collectionUrl, entry);
    if (found) return done(found);
  }
}

function published(postId: string, entry: Entry, target: string, where: { url?: string; editUrl?: string }, at: string): PublishedEntry {
  return { postId, entryId: entry.id, url: where.url ?? '', editUrl: where.editUrl, target, publishedAt: at };
}
