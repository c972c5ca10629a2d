/**
 * Where a post goes, as one small interface: an AtomPub collection (the box, or any AtomPub
 * server), a WordPress site (REST API), or a static site's content folder. Each target does
 * single steps (one create attempt, one lookup, one update…); the publisher (`publishPost`) owns
 * the exactly-once protocol around them: the lock, the intent recorded first, retries with
 * backoff, and looking the post up by its stable id before ever creating it again.
 */
import type { PublishTargetKind } from '../config.js';
import type { Entry } from '../atom/types.js';
import type { WebxError } from '../errors.js';
import type { Post } from '../generate/types.js';
import type { Publication } from '../store/publications.js';

/** What a target is given: the generated post and its entry fields on this blog (stable id, slug, HTML). */
export interface PublishItem {
  post: Post;
  entry: Entry;
}

/** Where a post is on its target. */
export interface RemotePost {
  /** Where readers find it (a page, or for a static site the file). */
  url?: string;
  /** Where it is changed (an AtomPub edit link, a WordPress REST URL). */
  editUrl?: string;
  /** The target's own id of it (a WordPress post id, a static file's path). */
  remoteId?: string;
}

/** The post as the target has it now. */
export interface RemoteCopy {
  title: string;
  /** The body: HTML (AtomPub, WordPress) or Markdown (static). */
  content: string;
  contentType: 'html' | 'markdown';
  draft: boolean;
  url?: string;
}

/**
 * One create attempt's outcome. `retry`: the target said "later" (5xx, 429); the publisher waits,
 * looks the post up, and tries again while retries last (else it throws `error`). `conflict`
 * (409): maybe there already; looked up, else `error`. Network errors and timeouts are thrown
 * (retried the same way); a thrown WebxError ends the publish at once.
 */
export type CreateOutcome =
  | { kind: 'created'; where: RemotePost }
  | { kind: 'retry'; failure: string; retryAfter?: string; error: WebxError }
  | { kind: 'conflict'; error: WebxError }
  | { kind: 'failed'; error: WebxError };

export interface RetryPolicy {
  retries: number;
  retryDelayMs: number;
  signal?: AbortSignal;
}

export interface PublishTarget {
  /** Key of the target in the publications table: 'box', the AtomPub URL, `wordpress:URL`, `static:DIR`. */
  name: string;
  kind: PublishTargetKind;
  /** Where posts go, for messages (no secrets in it). */
  where: string;
  retry: RetryPolicy;
  /** For the box: its current base URL (the blog's links are built on it). */
  boxUrl?: string;
  /** One attempt; `onSent` is called once the request (or the file) has gone out. */
  create(item: PublishItem, options: { draft: boolean; onSent: () => void }): Promise<CreateOutcome>;
  /** The post on the target, looked up by its stable id (never by the store's memory of it). */
  find(item: PublishItem): Promise<RemotePost | undefined>;
  /**
   * Completes, for a post found on the target after a crash, what `create` does after its write
   * (a static site's after-command); absent when create is one step.
   */
  resume?(item: PublishItem, where: RemotePost): Promise<void>;
  read(pub: Publication): Promise<RemoteCopy | undefined>;
  update(item: PublishItem, pub: Publication, options: { draft: boolean }): Promise<RemotePost>;
  retract(pub: Publication): Promise<void>;
  /** Text made safe to print or store: this target's secrets and any auth tokens removed. */
  redact(text: string): string;
  sleep(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** Points of the publish exchange a test may ask to crash at (see `onStep`). */
export type PublishStep = 'before-intent' | 'after-intent' | 'request-sent' | 'after-response' | 'after-record';

/** A sleep that an abort signal cuts short (rejecting with its reason). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason ?? new Error('aborted'));
      },
      { once: true },
    );
  });
}
