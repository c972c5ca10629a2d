/**
 * CSRF tokens for the comment form: `<issued-ms>.<HMAC(secret, issued + form)>`, stateless and valid
 * for a while; the secret is made when the box starts. A forged form from elsewhere has no token.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const CSRF_MAX_AGE_MS = 2 * 60 * 60_000;

export function issueCsrfToken(secret: Buffer, form: string, nowMs: number): string {
  return `${nowMs}.${sign(secret, `${nowMs}:${form}`)}`;
}

export function checkCsrfToken(secret: Buffer, form: string, token: string, nowMs: number): boolean {
  const m = /^(\d{1,15})\.([0-9a-f]{64})$/.exec(token);
  if (!m) return false;
  const issued = Number(m[1]);
  if (nowMs - issued > CSRF_MAX_AGE_MS || issued - nowMs > 60_000) return false;
  const expected = Buffer.from(sign(secret, `${issued}:${form}`), 'hex');
  return timingSafeEqual(expected, Buffer.from(m[2], 'hex'));
}

const sign = (secret: Buffer, data: string) => createHmac('sha256', secret).update(data).digest('hex');
