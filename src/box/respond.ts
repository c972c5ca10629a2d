/**
 * Writing responses, always with the box's security headers: a strict Content-Security-Policy
 * (no scripts at all, styles only from the box itself), no sniffing, no framing, no referrer to
 * other sites.
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export const CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function send(res: ServerResponse, status: number, body: string, type: string, headers: Record<string, string> = {}): void {
  const method = res.req.method;
  const read = status === 200 && (method === 'GET' || method === 'HEAD');
  // Readers (the harvester among them) revalidate with If-None-Match: answer 304 when nothing changed.
  const etag = headers.etag ?? (read ? `W/"${createHash('sha1').update(body).digest('base64url')}"` : undefined);
  const common = {
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    'cache-control': 'no-cache',
    ...(etag ? { etag } : {}),
  };
  if (read && etag && matchesEtag(res.req.headers['if-none-match'], etag)) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...common, ...headers });
  res.end(method === 'HEAD' ? undefined : body);
}

/** Weak comparison (RFC 9110 §8.8.3.2) against a list of entity tags, or `*`. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

export const sendText = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) =>
  send(res, status, `${text}\n`, 'text/plain; charset=utf-8', headers);

export function redirect(res: ServerResponse, location: string): void {
  send(res, 303, '', 'text/plain; charset=utf-8', { location });
}
