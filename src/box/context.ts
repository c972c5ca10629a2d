/** What every box handler gets: the store, the blog's names, its public base URL, secrets and limits. */
import type { Store } from '../store/open-store.js';
import type { Credentials } from '../atom/types.js';
import type { Damping } from '../model/damping.js';
import type { LoginThrottle, RateLimiter } from './rate-limit.js';

export interface BoxLimits {
  maxAuthor: number;
  maxComment: number;
  /** Largest AtomPub request body, in bytes. */
  maxEntryBytes: number;
}

export interface BoxContext {
  store: Store;
  blog: { title: string; subtitle?: string; author: string };
  /** Absolute base URL of the box (with a trailing slash): the configured public one, or where it listens. */
  base(): string;
  credentials: Credentials;
  /** This database's box id, sent with every response (see box-id.ts). */
  boxId: string;
  /** Key of the comment form's CSRF tokens (kept in the database). */
  csrfSecret: Buffer;
  /** Readers' comments per address. */
  limiter: RateLimiter;
  /** Failed Basic logins per address: too many, and the address is refused for a while. */
  loginThrottle: LoginThrottle;
  limits: BoxLimits;
  damping: Damping;
  /** The weight stage's model file, for the statistics page (may not exist yet). */
  modelFile?: string;
  now(): Date;
}

export const absolute = (ctx: BoxContext, path: string): string => new URL(path.replace(/^\//, ''), ctx.base()).href;
