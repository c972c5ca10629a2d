/** The public side of the box: index, post pages, the statistics page, feeds and the stylesheet. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { countComments, listComments } from '../store/comments.js';
import { countBoxEntries, findBoxEntry, listBoxEntries } from '../store/box-entries.js';
import type { BoxContext } from './context.js';
import { csrfCookieHeader, csrfCookieOf, issueCsrfToken, newCsrfCookie } from './csrf.js';
import { clampPage } from './page-number.js';
import { renderCommentFeed, renderPostsFeed } from './feeds.js';
import { BOX_CSS } from '../site/box-css.js';
import { renderAbout } from '../site/render-about.js';
import { renderIndex } from '../site/render-index.js';
import { renderPostPage } from '../site/render-post-page.js';
import { boxSite, type Site } from '../site/site.js';
import { renderLayout } from '../site/layout.js';
import { toPageEntry } from './page-entries.js';
import { send } from './respond.js';
import { aboutData } from './about-data.js';
import { decodePathPart } from './decode-path.js';

const PAGE_SIZE = 20;
const HTML = 'text/html; charset=utf-8';
const ATOM = 'application/atom+xml; charset=utf-8';

export function handlePage(ctx: BoxContext, req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): void {
  const site = boxSite(ctx.blog);
  if (path === '/') {
    const page = clampPage(query.get('page'));
    const entries = listBoxEntries(ctx.store, { drafts: false, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const counts = countComments(ctx.store, entries.map((e) => e.id));
    const more = page * PAGE_SIZE < countBoxEntries(ctx.store, false);
    const pager = { newer: page > 1 ? `/?page=${page - 1}` : undefined, older: more ? `/?page=${page + 1}` : undefined };
    return send(res, 200, renderIndex(site, entries.map((e) => toPageEntry(ctx.store, e, counts[e.id], { body: false })), pager), HTML);
  }
  if (path === '/feed.atom') return send(res, 200, renderPostsFeed(ctx), ATOM);
  if (path === '/box.css') return send(res, 200, BOX_CSS, 'text/css; charset=utf-8');
  if (path === '/about') {
    return send(res, 200, renderAbout(site, aboutData(ctx.modelFile), ctx.damping), HTML);
  }
  const m = /^\/posts\/([^/]+)(\/comments\.atom)?$/.exec(path);
  const slug = m ? decodePathPart(m[1]) : undefined;
  const entry = slug ? findBoxEntry(ctx.store, { slug }) : undefined;
  if (!entry || entry.draft) return send(res, 404, renderNotFound(site), HTML);
  if (m?.[2]) return send(res, 200, renderCommentFeed(ctx, entry), ATOM);
  const comments = listComments(ctx.store, entry.id);
  // The form's token is bound to the reader's CSRF cookie, made here when they have none yet.
  const known = csrfCookieOf(req);
  const cookie = known ?? newCsrfCookie();
  const form = {
    action: `/posts/${encodeURIComponent(entry.slug)}/comments`,
    csrfToken: issueCsrfToken(ctx.csrfSecret, cookie, entry.id, ctx.now().getTime()),
    maxAuthor: ctx.limits.maxAuthor,
    maxText: ctx.limits.maxComment,
    notice: noticeOf(query.get('error')),
  };
  const html = renderPostPage(site, toPageEntry(ctx.store, entry, comments.length), comments, form, `/posts/${encodeURIComponent(entry.slug)}/comments.atom`);
  return send(res, 200, html, HTML, known ? {} : { 'set-cookie': csrfCookieHeader(cookie, ctx.base().startsWith('https:')) });
}

function renderNotFound(site: Site): string {
  return renderLayout(site, `Not found · ${site.blogTitle}`, '<h1>Not found</h1>\n<p class="empty">There is no such page here.</p>');
}

const NOTICES: Record<string, string> = {
  length: 'Your name or comment was empty or too long.',
  csrf: 'The form expired; please try again.',
};

function noticeOf(code: string | null): string | undefined {
  return code ? NOTICES[code] : undefined;
}
