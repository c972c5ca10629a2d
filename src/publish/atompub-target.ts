/**
 * AtomPub (RFC 5023) as a publish target: the bot's own box, or any AtomPub collection. POST the
 * entry with a Slug header (201 Created: Location and edit link kept); look it up again by paging
 * through the collection (`findOnServer`); PUT and DELETE go to the edit link (on the box moved
 * onto its current address).
 */
import type { PublishTargetKind } from '../config.js';
import { WebxError } from '../errors.js';
import type { Publication } from '../store/publications.js';
import { redactSecrets } from '../text/redact.js';
import { toAtomEntryXml } from '../atom/atom-xml.js';
import { entryToAtom } from '../atom/entry-to-atom.js';
import { parseEntryXml } from '../atom/parse-entry.js';
import { ENTRY_TYPE } from '../atom/service-doc.js';
import { isRetryableStatus, responseError, type AppClient } from './app-client.js';
import { findOnServer, locate } from './reconcile.js';
import type { CreateOutcome, PublishItem, PublishTarget, RemoteCopy, RemotePost } from './target.js';

export interface AtomPubCollection {
  /** Key of the target in the publications table: 'box', or the configured URL. */
  name: string;
  kind: Extract<PublishTargetKind, 'box' | 'atompub'>;
  collectionUrl: string;
  client: AppClient;
  /** For the box: its current base URL (stored edit links are moved onto it). */
  boxUrl?: string;
  close(): Promise<void>;
}

export function atomPubTarget(c: AtomPubCollection): PublishTarget & { collectionUrl: string; client: AppClient } {
  const { client, collectionUrl } = c;
  const credentials = client.options.credentials;
  const redact = (text: string) => redactSecrets(text, { secrets: [credentials?.password], users: [credentials?.user], maxLength: Number.MAX_SAFE_INTEGER });
  const fail = (what: string, url: string, r: Parameters<typeof responseError>[2]) => responseError(what, url, r, { redact });
  const editUrlOf = (pub: Publication, doing: string): string => {
    if (!pub.editUrl) {
      throw new WebxError(`the server gave no edit link for post ${pub.postId}, so it cannot be ${doing} from here`, { hint: 'edit or delete it on the blog itself' });
    }
    return c.boxUrl ? rebase(pub.editUrl, c.boxUrl) : pub.editUrl;
  };
  return {
    name: c.name,
    kind: c.kind,
    where: collectionUrl,
    collectionUrl,
    client,
    boxUrl: c.boxUrl,
    retry: { retries: client.options.retries, retryDelayMs: client.options.retryDelayMs, signal: client.options.signal },
    async create({ entry }, { draft, onSent }): Promise<CreateOutcome> {
      const what = `publishing "${entry.title}" to ${collectionUrl}`;
      const r = await client.send('POST', collectionUrl, {
        body: toAtomEntryXml(entryToAtom(entry, draft ? { draft } : {})),
        headers: { 'content-type': ENTRY_TYPE, accept: 'application/atom+xml', slug: encodeURIComponent(entry.slug) },
        onSent,
      });
      if (r.status === 201 || r.status === 200) {
        const back = parseEntryXml(r.body);
        const found = back ? locate(back, collectionUrl) : {};
        const location = r.headers.location ? new URL(r.headers.location, collectionUrl).href : undefined;
        // The edit link is where PUT and DELETE go; an answer without one (AtomBus) means no editing.
        return { kind: 'created', where: { url: found.url ?? location, editUrl: back ? found.editUrl : location } };
      }
      const error = fail(what, collectionUrl, r);
      if (r.status === 409) return { kind: 'conflict', error };
      if (isRetryableStatus(r.status)) return { kind: 'retry', failure: `HTTP ${r.status}`, retryAfter: r.headers['retry-after'], error };
      return { kind: 'failed', error };
    },
    find: ({ entry }) => findOnServer(client, collectionUrl, entry, redact),
    async read(pub): Promise<RemoteCopy | undefined> {
      const editUrl = editUrlOf(pub, 'read');
      const r = await client.sendWithRetries('GET', editUrl, { headers: { accept: 'application/atom+xml' } });
      if (r.status === 404 || r.status === 410) return undefined;
      if (r.status !== 200) throw fail(`reading post ${pub.postId}`, editUrl, r);
      const back = parseEntryXml(r.body);
      if (!back) return undefined;
      return { title: back.title, content: back.contentHtml, contentType: 'html', draft: back.draft, url: locate(back, editUrl).url };
    },
    async update({ entry }, pub, { draft }): Promise<RemotePost> {
      const editUrl = editUrlOf(pub, 'changed');
      const r = await client.sendWithRetries('PUT', editUrl, {
        body: toAtomEntryXml(entryToAtom(entry, { draft })),
        headers: { 'content-type': ENTRY_TYPE, accept: 'application/atom+xml' },
      });
      if (r.status < 200 || r.status > 299) throw fail(`updating post ${pub.postId}`, editUrl, r);
      const back = parseEntryXml(r.body);
      const url = back?.links.alternate ? new URL(back.links.alternate, editUrl).href : pub.url;
      return { url, editUrl: pub.editUrl };
    },
    async retract(pub): Promise<void> {
      const editUrl = editUrlOf(pub, 'changed');
      const r = await client.sendWithRetries('DELETE', editUrl);
      if ((r.status < 200 || r.status > 299) && r.status !== 404 && r.status !== 410) throw fail(`retracting post ${pub.postId}`, editUrl, r);
    },
    redact,
    sleep: (ms) => client.sleep(ms),
    close: () => c.close(),
  };
}

/** The same path and query on another origin (the box may listen elsewhere than last time). */
function rebase(url: string, base: string): string {
  const u = new URL(url);
  return new URL(`${u.pathname}${u.search}`, base).href;
}
