/**
 * Writing responses, always with the box's security headers: a strict Content-Security-Policy
 * (no scripts at all, styles only from the box itself), no sniffing, no framing, no referrer.
 */
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
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

export const sendText = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) =>
  send(res, status, `${text}\n`, 'text/plain; charset=utf-8', headers);

export function redirect(res: ServerResponse, location: string): void {
  send(res, 303, '', 'text/plain; charset=utf-8', { location });
}
