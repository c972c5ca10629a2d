/**
 * A reader's comment (POST /posts/SLUG/comments, a urlencoded form): refused outright when the
 * browser says another site sent it (csrf.ts); then the CSRF token bound to the reader's cookie,
 * a honeypot field, length limits and a per-address rate limit; then stored and shown (escaped) on
 * the post's page. Failures go back to the page with a notice; a filled honeypot is thanked and dropped.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { addComment } from '../store/comments.js';
import { findBoxEntry } from '../store/box-entries.js';
import type { BoxContext } from './context.js';
import { checkCsrfToken, crossSiteReason, csrfCookieOf } from './csrf.js';
import { clientKey, retryAfterSeconds } from './rate-limit.js';
import { readBody } from './read-body.js';
import { redirect, sendText } from './respond.js';
import { xmlSafeText } from '../text/xml-safe-text.js';

const MAX_FORM_BYTES = 32 * 1024;

export async function handleComment(ctx: BoxContext, req: IncomingMessage, res: ServerResponse, slug: string): Promise<void> {
  const crossSite = crossSiteReason(req, [req.headers.host ?? '', new URL(ctx.base()).host]);
  if (crossSite) return sendText(res, 403, `comments can only be posted from this blog's own pages (the request came from another site: ${crossSite})`);
  const entry = findBoxEntry(ctx.store, { slug });
  if (!entry || entry.draft) return sendText(res, 404, 'no such post');
  const page = `/posts/${encodeURIComponent(entry.slug)}`;
  if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return sendText(res, 415, 'send the comment form');
  const body = await readBody(req, MAX_FORM_BYTES);
  if (body === undefined) return sendText(res, 413, 'the comment is too long');
  const form = new URLSearchParams(body);
  const now = ctx.now();
  const token = form.get('csrf') ?? '';
  if (!checkCsrfToken(ctx.csrfSecret, csrfCookieOf(req), entry.id, token, now.getTime())) return redirect(res, `${page}?error=csrf#comment-form`);
  if ((form.get('website') ?? '') !== '') return redirect(res, page);
  const author = xmlSafeText(form.get('author') ?? '').replace(/\s+/g, ' ').trim();
  const text = xmlSafeText(form.get('text') ?? '').trim();
  if (!author || !text || [...author].length > ctx.limits.maxAuthor || [...text].length > ctx.limits.maxComment) {
    return redirect(res, `${page}?error=length`);
  }
  const allowed = ctx.limiter.hit(clientKey(req.socket.remoteAddress), now.getTime());
  if (!allowed.ok) {
    const retry = retryAfterSeconds(allowed.retryAfterMs);
    return sendText(res, 429, 'too many comments from your address just now; try again in a few minutes', { 'retry-after': retry });
  }
  const comment = addComment(ctx.store, { entryId: entry.id, author, text, createdAt: now.toISOString() });
  return redirect(res, `${page}#comment-${comment.id}`);
}
