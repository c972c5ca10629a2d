/**
 * A reader's comment (POST /posts/SLUG/comments, a urlencoded form): CSRF token, honeypot field,
 * length limits and a per-address rate limit, then stored and shown (escaped) on the post's page.
 * Failures go back to the page with a notice; a filled honeypot is thanked and dropped.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { addComment } from '../store/comments.js';
import { findBoxEntry } from '../store/box-entries.js';
import type { BoxContext } from './context.js';
import { checkCsrfToken } from './csrf.js';
import { readBody } from './read-body.js';
import { redirect, sendText } from './respond.js';
import { xmlSafeText } from '../text/xml-safe-text.js';

const MAX_FORM_BYTES = 32 * 1024;

export async function handleComment(ctx: BoxContext, req: IncomingMessage, res: ServerResponse, slug: string): Promise<void> {
  const entry = findBoxEntry(ctx.store, { slug });
  if (!entry || entry.draft) return sendText(res, 404, 'no such post');
  const page = `/posts/${encodeURIComponent(entry.slug)}`;
  if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return sendText(res, 415, 'send the comment form');
  const body = await readBody(req, MAX_FORM_BYTES);
  if (body === undefined) return sendText(res, 413, 'the comment is too long');
  const form = new URLSearchParams(body);
  const now = ctx.now();
  const token = form.get('csrf') ?? '';
  if (!sameOrigin(req) || !checkCsrfToken(ctx.csrfSecret, entry.id, token, now.getTime())) return redirect(res, `${page}?error=csrf#comment-form`);
  if ((form.get('website') ?? '') !== '') return redirect(res, page);
  const author = xmlSafeText(form.get('author') ?? '').replace(/\s+/g, ' ').trim();
  const text = xmlSafeText(form.get('text') ?? '').trim();
  if (!author || !text || [...author].length > ctx.limits.maxAuthor || [...text].length > ctx.limits.maxComment) {
    return redirect(res, `${page}?error=length`);
  }
  const allowed = ctx.limiter.hit(req.socket.remoteAddress ?? 'unknown', now.getTime());
  if (!allowed.ok) {
    const retry = String(Math.ceil(allowed.retryAfterMs / 1000));
    return sendText(res, 429, 'too many comments from your address just now; try again in a few minutes', { 'retry-after': retry });
  }
  const comment = addComment(ctx.store, { entryId: entry.id, author, text, createdAt: now.toISOString() });
  return redirect(res, `${page}#comment-${comment.id}`);
}

/**
 * A browser names the site a form came from in Origin: when it says (privacy settings may send
 * "null" or nothing, and then the CSRF token alone decides), it must be this box.
 */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
