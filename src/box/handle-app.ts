/**
 * The AtomPub endpoint (RFC 5023), behind Basic auth: the service document at /app, the posts
 * collection at /app/posts (GET lists, POST creates) and its members at /app/posts/ID (GET, PUT,
 * DELETE). Entries come in as Atom XML, read with a real parser; drafts via app:control.
 *
 * This is the edge where client markup enters: HTML and XHTML content is sanitised here, once
 * (sanitize-client-html.ts), and stored so; text content is stored as the text it is. Too many
 * wrong passwords from one address and every request from it is refused for a while (429).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toAtomEntryXml } from '../atom/atom-xml.js';
import { postIdOfAtomId } from '../atom/atom-id.js';
import { parseEntryXml } from '../atom/parse-entry.js';
import { buildServiceDoc, ENTRY_TYPE } from '../atom/service-doc.js';
import type { ParsedEntry } from '../atom/types.js';
import { readPost } from '../store/posts.js';
import { isAuthorized } from './basic-auth.js';
import { createBoxEntry, deleteBoxEntry, findBoxEntry, getBoxEntry, updateBoxEntry, type BoxEntry, type BoxEntryInput } from '../store/box-entries.js';
import { absolute, type BoxContext } from './context.js';
import { renderCollectionFeed, toMemberAtom } from './feeds.js';
import { readBody } from './read-body.js';
import { send, sendText } from './respond.js';
import { xmlSafeText } from '../text/xml-safe-text.js';
import { decodeHTML } from 'entities';
import { sanitizeClientHtml } from '../text/sanitize-client-html.js';
import { clip } from '../text/clip.js';
import { clientKey, retryAfterSeconds } from './rate-limit.js';
import { clampPage } from './page-number.js';

const ENTRY_CT = 'application/atom+xml;type=entry;charset=utf-8';

export async function handleApp(ctx: BoxContext, req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
  const client = clientKey(req.socket.remoteAddress);
  const nowMs = ctx.now().getTime();
  const blocked = ctx.loginThrottle.check(client, nowMs);
  if (!blocked.ok) return tooManyFailures(res, blocked.retryAfterMs);
  if (!isAuthorized(req, ctx.credentials)) {
    // Wrong Basic credentials count against the address (guessing); a missing header is a challenge.
    if (/^Basic /i.test(req.headers.authorization ?? '')) {
      const after = ctx.loginThrottle.fail(client, nowMs);
      if (!after.ok) return tooManyFailures(res, after.retryAfterMs);
    }
    return sendText(res, 401, 'authentication required', { 'www-authenticate': 'Basic realm="webXcreta box", charset="UTF-8"' });
  }
  const method = req.method ?? 'GET';
  if (path === '/app' || path === '/app/') {
    if (!isRead(method)) return notAllowed(res, 'GET, HEAD');
    const doc = buildServiceDoc(ctx.blog.title, [{ href: absolute(ctx, '/app/posts'), title: 'Posts', accept: [ENTRY_TYPE] }]);
    return send(res, 200, doc, 'application/atomsvc+xml; charset=utf-8');
  }
  if (path === '/app/posts') {
    if (isRead(method)) {
      const page = clampPage(query.get('page'));
      return send(res, 200, renderCollectionFeed(ctx, page), 'application/atom+xml; charset=utf-8');
    }
    if (method === 'POST') return createMember(ctx, req, res);
    return notAllowed(res, 'GET, HEAD, POST');
  }
  const m = /^\/app\/posts\/([0-9a-f]{12})$/.exec(path);
  const entry = m ? getBoxEntry(ctx.store, m[1]) : undefined;
  if (!entry) return sendText(res, 404, 'no such entry');
  if (isRead(method)) return sendMember(ctx, res, 200, entry);
  if (method === 'PUT') return replaceMember(ctx, req, res, entry);
  if (method === 'DELETE') {
    deleteBoxEntry(ctx.store, entry.id);
    return sendText(res, 200, 'deleted');
  }
  return notAllowed(res, 'GET, HEAD, PUT, DELETE');
}

async function createMember(ctx: BoxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const parsed = await readEntry(ctx, req, res);
  if (!parsed) return;
  if (parsed.id) {
    const existing = findBoxEntry(ctx.store, { atomId: parsed.id });
    if (existing) {
      return sendText(res, 409, `an entry with atom:id ${clip(parsed.id, 200)} exists already`, { location: memberUrl(ctx, existing) });
    }
  }
  const slug = decodeSlug(req.headers.slug);
  const postId = parsed.id ? postIdOfAtomId(parsed.id) : undefined;
  const input: BoxEntryInput = {
    ...toInput(ctx, parsed),
    atomId: parsed.id,
    slug,
    postId: postId && readPost(ctx.store, postId) ? postId : undefined,
    published: isoDate(parsed.published),
  };
  const entry = createBoxEntry(ctx.store, input, ctx.now().toISOString());
  return sendMember(ctx, res, 201, entry, { location: memberUrl(ctx, entry), 'content-location': memberUrl(ctx, entry) });
}

async function replaceMember(ctx: BoxContext, req: IncomingMessage, res: ServerResponse, entry: BoxEntry): Promise<void> {
  const ifMatch = req.headers['if-match'];
  if (ifMatch && ifMatch !== '*' && ifMatch !== etagOf(entry)) return sendText(res, 412, 'the entry changed since you read it; GET it again');
  const parsed = await readEntry(ctx, req, res);
  if (!parsed) return;
  const updated = updateBoxEntry(ctx.store, entry.id, toInput(ctx, parsed), ctx.now().toISOString());
  return sendMember(ctx, res, 200, updated!);
}

async function readEntry(ctx: BoxContext, req: IncomingMessage, res: ServerResponse): Promise<ParsedEntry | undefined> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/atom+xml') && !type.startsWith('application/xml') && !type.startsWith('text/xml')) {
    sendText(res, 415, `send an Atom entry (Content-Type: ${ENTRY_TYPE}), not ${clip(type, 100) || 'nothing'}`);
    return undefined;
  }
  const body = await readBody(req, ctx.limits.maxEntryBytes);
  if (body === undefined) {
    sendText(res, 413, `the entry is larger than ${ctx.limits.maxEntryBytes} bytes`);
    return undefined;
  }
  const parsed = parseEntryXml(body);
  if (!parsed) sendText(res, 400, 'the body is not an Atom entry document');
  return parsed;
}

function toInput(ctx: BoxContext, p: ParsedEntry): BoxEntryInput {
  // Text content arrives escaped into HTML (ParsedEntry.contentHtml); it is stored as the text itself.
  const text = p.contentType === 'text';
  return {
    title: xmlSafeText(p.title).trim() || '(untitled)',
    content: text ? xmlSafeText(decodeHTML(p.contentHtml)) : sanitizeClientHtml(xmlSafeText(p.contentHtml)),
    contentType: text ? 'text' : 'html',
    author: xmlSafeText(p.authors[0] ?? ctx.blog.author),
    categories: p.categories.map(xmlSafeText),
    draft: p.draft,
    updated: isoDate(p.updated),
  };
}

/** A client's date as an ISO string, or undefined (the box's clock then) when it is not a date. */
function isoDate(value: string | undefined): string | undefined {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function sendMember(ctx: BoxContext, res: ServerResponse, status: number, entry: BoxEntry, headers: Record<string, string> = {}): void {
  send(res, status, toAtomEntryXml(toMemberAtom(ctx, entry)), ENTRY_CT, { etag: etagOf(entry), ...headers });
}

const memberUrl = (ctx: BoxContext, e: BoxEntry) => absolute(ctx, `/app/posts/${e.id}`);
const etagOf = (e: BoxEntry) => `"${createHash('sha256').update(`${e.id} ${e.edited}`).digest('hex').slice(0, 20)}"`;
const isRead = (method: string) => method === 'GET' || method === 'HEAD';
const tooManyFailures = (res: ServerResponse, retryAfterMs: number) =>
  sendText(res, 429, 'too many failed logins from your address; every request from it is refused for now', { 'retry-after': retryAfterSeconds(retryAfterMs) });
const notAllowed = (res: ServerResponse, allow: string) => sendText(res, 405, `method not allowed; use ${allow}`, { allow });

/** The Slug header is percent-encoded UTF-8 (RFC 5023 §9.7). */
function decodeSlug(header: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw).slice(0, 200);
  } catch {
    return raw.slice(0, 200);
  }
}
