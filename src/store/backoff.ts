/**
 * When to try a failing feed again. One failure is retried on the next harvest; from the second in
 * a row the wait doubles from 30 minutes up to a day. A server's Retry-After (seconds or an HTTP
 * date) is honoured when longer. Pure: `now` is passed in.
 */
export const BACKOFF_BASE_MS = 30 * 60 * 1000;
export const BACKOFF_MAX_MS = 24 * 60 * 60 * 1000;

export function nextAttemptAt(failures: number, now: string, retryAfter?: string): string | undefined {
  const t = Date.parse(now);
  const backoff = failures >= 2 ? Math.min(BACKOFF_BASE_MS * 2 ** (failures - 2), BACKOFF_MAX_MS) : 0;
  const asked = retryAfterMs(retryAfter, t);
  const wait = Math.max(backoff, Math.min(asked, BACKOFF_MAX_MS));
  return wait > 0 ? new Date(t + wait).toISOString() : undefined;
}

function retryAfterMs(value: string | undefined, now: number): number {
  if (!value) return 0;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? 0 : Math.max(0, at - now);
}

/** True while a feed is backed off (its next attempt is still in the future). */
export const isBackedOff = (nextAttempt: string | null | undefined, now: string) => !!nextAttempt && nextAttempt > now;
