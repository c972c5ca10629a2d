/**
 * The box's Atom feeds (RFC 4287): the posts feed with thr:total and a rel="replies" link to each
 * post's comment feed (RFC 4685), the comment feeds (thr:in-reply-to), and the AtomPub collection
 * (every entry, drafts too, with edit links, app:edited and app:control).
 */
import { VERSION } from '../version.js';
import { entryToAtom, type EntryExtras } from '../atom/entry-to-atom.js';
import { toAtomFeedXml, type AtomEntryObject } from '../atom/atom-xml.js';
import type { Entry } from '../atom/types.js';
import { countComments, listComments } from '../store/comments.js';
import { countBoxEntries, listBoxEntries, type BoxEntry } from '../store/box-entries.js';
import { absolute, type BoxContext } from './context.js';
import { entryHtml } from './page-entries.js';

const FEED_SIZE = 50;
const ATOM = 'application/atom+xml';

export function renderPostsFeed(ctx: BoxContext): string {
  const entries = listBoxEntries(ctx.store, { drafts: false, limit: FEED_SIZE });
  const counts = countComments(ctx.store, entries.map((e) => e.id));
  return toAtomFeedXml({
    id: feedId(ctx, 'feed'),
    title: { value: ctx.blog.title, type: 'text' },
    subtitle: ctx.blog.subtitle ? { value: ctx.blog.subtitle, type: 'text' } : undefined,
    updated: newest(entries),
    authors: [{ name: ctx.blog.author, uri: ctx.base() }],
    generator: { text: 'webXcreta', version: VERSION },
    links: [
      { href: absolute(ctx, '/feed.atom'), rel: 'self', type: ATOM },
      { href: ctx.base(), rel: 'alternate', type: 'text/html' },
      { href: absolute(ctx, '/app'), rel: 'service', type: 'application/atomsvc+xml' },
    ],
    entries: entries.map((e) => {
      const page = absolute(ctx, pagePath(e));
      return atomOf(e, {
        links: [
          { href: page, rel: 'alternate', type: 'text/html' },
          { href: absolute(ctx, `${pagePath(e)}/comments.atom`), rel: 'replies', type: ATOM, count: counts[e.id] },
        ],
        replies: counts[e.id],
      });
    }),
  });
}

export function renderCommentFeed(ctx: BoxContext, entry: BoxEntry): string {
  const comments = listComments(ctx.store, entry.id);
  const page = absolute(ctx, pagePath(entry));
  const self = absolute(ctx, `${pagePath(entry)}/comments.atom`);
  const last = comments.at(-1)?.createdAt ?? entry.updated;
  return toAtomFeedXml({
    id: feedId(ctx, `comments/${entry.id}`),
    title: { value: `Comments on “${entry.title}”`, type: 'text' },
    updated: last,
    authors: [{ name: ctx.blog.author }],
    links: [
      { href: self, rel: 'self', type: ATOM },
      { href: page, rel: 'alternate', type: 'text/html' },
      { href: absolute(ctx, '/app'), rel: 'service', type: 'application/atomsvc+xml' },
    ],
    entries: comments.map(
      (c): AtomEntryObject => ({
        id: feedId(ctx, `comments/${entry.id}/${c.id}`),
        title: { value: `Comment by ${c.author}`, type: 'text' },
        content: { value: c.text, type: 'text' },
        authors: [{ name: c.author }],
        published: c.createdAt,
        updated: c.createdAt,
        links: [{ href: `${page}#comment-${c.id}`, rel: 'alternate', type: 'text/html' }],
        thr: { inReplyTos: [{ ref: entry.atomId, href: page, type: 'text/html' }] },
      }),
    ),
  });
}

/** The AtomPub collection: newest edit first, a page at a time, with a rel="next" link. */
export function renderCollectionFeed(ctx: BoxContext, page: number): string {
  const total = countBoxEntries(ctx.store, true);
  const entries = listBoxEntries(ctx.store, { drafts: true, limit: FEED_SIZE, offset: (page - 1) * FEED_SIZE });
  const self = absolute(ctx, '/app/posts');
  const links = [
    { href: page > 1 ? `${self}?page=${page}` : self, rel: 'self', type: ATOM },
    { href: absolute(ctx, '/app'), rel: 'service', type: 'application/atomsvc+xml' },
  ];
  if (page * FEED_SIZE < total) links.push({ href: `${self}?page=${page + 1}`, rel: 'next', type: ATOM });
  return toAtomFeedXml({
    id: feedId(ctx, 'posts'),
    title: { value: `${ctx.blog.title}: posts`, type: 'text' },
    updated: newest(entries),
    authors: [{ name: ctx.blog.author }],
    links,
    entries: entries.map((e) => toMemberAtom(ctx, e)),
  });
}

/** One entry as the AtomPub member resource: edit and alternate links, app:edited, app:control. */
export function toMemberAtom(ctx: BoxContext, e: BoxEntry): AtomEntryObject {
  const links = [
    { href: absolute(ctx, `/app/posts/${e.id}`), rel: 'edit', type: `${ATOM};type=entry` },
    { href: absolute(ctx, pagePath(e)), rel: 'alternate', type: 'text/html' },
  ];
  return atomOf(e, { links, edited: e.edited, draft: e.draft });
}

/** A text entry goes out as the text it came in as (type="text"), so a client reads back exactly what it sent. */
function atomOf(e: BoxEntry, extras: EntryExtras): AtomEntryObject {
  const atom = entryToAtom(toFeedEntry(e), extras);
  return e.contentType === 'text' ? { ...atom, content: { value: e.content, type: 'text' } } : atom;
}

/**
 * Stable ids for the box's feeds and comments: they name the database the box serves, not the
 * address it listens on (which changes from run to run when the port is picked at random).
 */
const feedId = (ctx: BoxContext, what: string) => `tag:webxcreta,2026:box/${ctx.boxId}/${what}`;

export const pagePath = (e: Pick<BoxEntry, 'slug'>) => `/posts/${encodeURIComponent(e.slug)}`;

/** The entry's Atom fields; no summary, as every entry carries its full content. */
function toFeedEntry(e: BoxEntry): Entry {
  return {
    id: e.atomId,
    title: e.title,
    // The same markup the entry's page shows (client HTML was sanitised where it entered).
    contentHtml: entryHtml(e),
    author: { name: e.author },
    categories: e.categories,
    published: e.published,
    updated: e.updated,
    slug: e.slug,
    postId: e.postId ?? '',
  };
}

function newest(entries: BoxEntry[]): string {
  return entries.reduce((a, e) => (e.updated > a ? e.updated : a), '1970-01-01T00:00:00.000Z');
}
