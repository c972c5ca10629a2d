/** A sliding-window rate limit per client key (the remote address): at most `max` hits per window. */

export interface RateLimiter {
  /** Records a hit and says whether it is allowed; when not, how many ms until one is. */
  hit(key: string, nowMs: number): { ok: true } | { ok: false; retryAfterMs: number };
}

export function createRateLimiter(max: number, windowMs: number): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    hit(key, nowMs) {
      const recent = (hits.get(key) ?? []).filter((t) => nowMs - t < windowMs);
      if (recent.length >= max) {
        hits.set(key, recent);
        return { ok: false, retryAfterMs: windowMs - (nowMs - recent[0]) };
      }
      recent.push(nowMs);
      hits.set(key, recent);
      if (hits.size > 10_000) hits.delete(hits.keys().next().value as string);
      return { ok: true };
    },
  };
}
