/**
 * CSRF defence for the comment form, three layers:
 * 1. Where the request says it comes from: `Sec-Fetch-Site` must be same-origin (or absent), and
 *    `Origin`, when sent, must be this box — `Origin: null` (a sandboxed frame, a data: page) is refused.
 * 2. A double-submit cookie: the post page sets `webx_csrf` (random; HttpOnly, SameSite=Strict, so a
 *    browser never sends it with a request another site starts) and the form's token is bound to it.
 * 3. The token: `<issued-ms>.<HMAC(secret, issued : cookie : form)>`, valid for CSRF_MAX_AGE_MS, for
 *    one post's form. The secret is kept in the database, so tokens outlive a restart of the box.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const CSRF_MAX_AGE_MS = 2 * 60 * 60_000;
export const CSRF_COOKIE = 'webx_csrf';
const COOKIE_VALUE = /^[A-Za-z0-9_-]{22,64}$/;

export const newCsrfCookie = (): string => randomBytes(18).toString('base64url');

/** The `webx_csrf` cookie the request carries, when it is well-formed. */
export function csrfCookieOf(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== CSRF_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (COOKIE_VALUE.test(value)) return value;
  }
  return undefined;
}

export function csrfCookieHeader(value: string, secure: boolean): string {
  return `${CSRF_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function issueCsrfToken(secret: Buffer, cookie: string, form: string, nowMs: number): string {
  return `${nowMs}.${sign(secret, `${nowMs}:${cookie}:${form}`)}`;
}

export function checkCsrfToken(secret: Buffer, cookie: string | undefined, form: string, token: string, nowMs: number): boolean {
  if (!cookie) return false;
  const m = /^(\d{1,15})\.([0-9a-f]{64})$/.exec(token);
  if (!m) return false;
  const issued = Number(m[1]);
  if (nowMs - issued > CSRF_MAX_AGE_MS || issued - nowMs > 60_000) return false;
  const expected = Buffer.from(sign(secret, `${issued}:${cookie}:${form}`), 'hex');
  return timingSafeEqual(expected, Buffer.from(m[2], 'hex'));
}

/**
 * Why a state-changing request is from another site, or undefined when nothing says so. `hosts`:
 * the host names (with port) this box answers as — the request's Host and the public base URL's.
 */
export function crossSiteReason(req: IncomingMessage, hosts: string[]): string | undefined {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${site.slice(0, 20)}`;
  const origin = req.headers.origin;
  if (origin === undefined) return undefined;
  if (origin === 'null') return 'Origin: null';
  try {
    const host = new URL(origin).host;
    return hosts.includes(host) ? undefined : 'another Origin';
  } catch {
    return 'a malformed Origin';
  }
}

const sign = (secret: Buffer, data: string) => createHmac('sha256', secret).update(data).digest('hex');
