/**
 * The box's per-address limits, kept in the database (store/box-state.ts) so a restart forgets
 * nothing and two boxes serving one data directory count together:
 * - a sliding-window rate limit (readers' comments): at most `max` hits per window;
 * - a login throttle (AtomPub Basic auth): `max` failures within the window block the address for
 *   a whole window, during which every request from it is refused, right password or not.
 * Addresses are keyed by `clientKey`: IPv4-mapped IPv6 as the IPv4 address, other IPv6 by its /64.
 */
import ipaddr from 'ipaddr.js';
import type { Store } from '../store/open-store.js';
import { pruneRateEntries, readRateEntry, updateRateEntry } from '../store/box-state.js';

export type Verdict = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  /** Records a hit and says whether it is allowed; when not, how many ms until one is. */
  hit(key: string, nowMs: number): Verdict;
}

export interface LoginThrottle {
  /** Whether requests from `key` are refused now, because of earlier failures. Records nothing. */
  check(key: string, nowMs: number): Verdict;
  /** Records a failed login; refused (ok: false) when this one used up the allowance. */
  fail(key: string, nowMs: number): Verdict;
}

/** Entries untouched for this long and not blocked are forgotten, now and then. */
const PRUNE_AFTER_MS = 24 * 60 * 60_000;
const PRUNE_EVERY = 500;

export function createRateLimiter(store: Store, bucket: string, max: number, windowMs: number): RateLimiter {
  const prune = pruner(store);
  return {
    hit(key, nowMs) {
      prune(nowMs);
      return updateRateEntry(store, bucket, key, nowMs, (entry): Verdict => {
        entry.hits = entry.hits.filter((t) => nowMs - t < windowMs && t <= nowMs);
        if (entry.hits.length >= max) return { ok: false, retryAfterMs: windowMs - (nowMs - entry.hits[0]) };
        entry.hits.push(nowMs);
        return { ok: true };
      });
    },
  };
}

export function createLoginThrottle(store: Store, max: number, windowMs: number): LoginThrottle {
  const bucket = 'login';
  const prune = pruner(store);
  return {
    check(key, nowMs) {
      const entry = readRateEntry(store, bucket, key);
      return entry && entry.blockedUntil > nowMs ? { ok: false, retryAfterMs: entry.blockedUntil - nowMs } : { ok: true };
    },
    fail(key, nowMs) {
      prune(nowMs);
      return updateRateEntry(store, bucket, key, nowMs, (entry): Verdict => {
        if (entry.blockedUntil > nowMs) return { ok: false, retryAfterMs: entry.blockedUntil - nowMs };
        entry.hits = [...entry.hits.filter((t) => nowMs - t < windowMs && t <= nowMs), nowMs];
        if (entry.hits.length < max) return { ok: true };
        entry.hits = [];
        entry.blockedUntil = nowMs + windowMs;
        return { ok: false, retryAfterMs: windowMs };
      });
    },
  };
}

function pruner(store: Store): (nowMs: number) => void {
  let calls = 0;
  return (nowMs) => {
    if (++calls % PRUNE_EVERY === 0) pruneRateEntries(store, nowMs - PRUNE_AFTER_MS, nowMs);
  };
}

/** Whom a limit counts: the remote address, IPv4-mapped IPv6 unwrapped, other IPv6 by its /64 (one host's share). */
export function clientKey(remoteAddress: string | undefined): string {
  if (!remoteAddress || !ipaddr.isValid(remoteAddress)) return remoteAddress || 'unknown';
  const addr = ipaddr.process(remoteAddress);
  if (addr.kind() === 'ipv4') return addr.toString();
  const parts = (addr as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((p) => p.toString(16)).join(':')}::/64`;
}

/** Retry-After in whole seconds (at least 1). */
export const retryAfterSeconds = (ms: number) => String(Math.max(1, Math.ceil(ms / 1000)));
