/**
 * Publish state (table `publications`, one row per post and target): `intent` is written before
 * the request goes out, `published` once the server's answer is stored, `retracted` after a
 * delete. A row left in `intent` means "maybe on the server": the next run reconciles first.
 * An intent belongs to the process that wrote it (`owner`); another process never overwrites a
 * live one. Stored error text is redacted and bounded.
 */
import { redactSecrets, redactUrl } from '../text/redact.js';
import { isOwnerAlive } from './locks.js';
import type { Store } from './open-store.js';

/** The longest error text kept in `last_error`. */
export const MAX_STORED_ERROR = 500;

export type PublicationState = 'intent' | 'published' | 'retracted' | 'failed';

export interface Publication {
  postId: string;
  target: string;
  entryId: string;
  slug?: string;
  state: PublicationState;
  url?: string;
  editUrl?: string;
  /** The target's own id of the post (a WordPress post id, a static file's path). */
  remoteId?: string;
  /** The process that wrote the intent (host:pid:random), while it is in `intent`. */
  owner?: string;
  attempts: number;
  /** Sent as a draft (app:control): not shown on the blog until updated with draft off. */
  draft: boolean;
  lastError?: string;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  post_id: string; target: string; entry_id: string; slug: string | null; state: PublicationState; url: string | null;
  edit_url: string | null; attempts: number; draft: number; last_error: string | null; created_at: string; updated_at: string;
  remote_id: string | null; owner: string | null;
}

const fromRow = (r: Row): Publication => ({
  postId: r.post_id, target: r.target, entryId: r.entry_id, slug: r.slug ?? undefined, state: r.state, url: r.url ?? undefined,
  editUrl: r.edit_url ?? undefined, remoteId: r.remote_id ?? undefined, owner: r.owner ?? undefined, attempts: r.attempts, draft: r.draft === 1, lastError: r.last_error ?? undefined, createdAt: r.created_at, updatedAt: r.updated_at,
});

export function getPublication(store: Store, postId: string, target: string): Publication | undefined {
  const row = store.prepare('SELECT * FROM publications WHERE post_id = ? AND target = ?').get(postId, target) as Row | undefined;
  return row && fromRow(row);
}

export function listPublications(store: Store): Publication[] {
  return (store.prepare('SELECT * FROM publications ORDER BY created_at DESC, post_id').all() as Row[]).map(fromRow);
}

/**
 * Records the intent to publish (before the request), counting the attempt, as `owner`'s. False
 * (and nothing written) when another process that is still alive holds an intent for this post
 * and target.
 */
export function recordIntent(
  store: Store,
  p: { postId: string; target: string; entryId: string; slug: string; draft: boolean },
  owner: string,
  now: string,
): boolean {
  return store.transaction(() => {
    const held = store.prepare("SELECT owner FROM publications WHERE post_id = ? AND target = ? AND state = 'intent'").get(p.postId, p.target) as
      | { owner: string | null }
      | undefined;
    if (held?.owner && held.owner !== owner && isOwnerAlive(held.owner)) return false;
    store
      .prepare(
        `INSERT INTO publications (post_id, target, entry_id, slug, state, attempts, draft, owner, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'intent', 1, ?, ?, ?, ?)
         ON CONFLICT(post_id, target) DO UPDATE SET state = 'intent', attempts = attempts + 1, draft = excluded.draft,
           owner = excluded.owner, updated_at = excluded.updated_at`,
      )
      .run(p.postId, p.target, p.entryId, p.slug, p.draft ? 1 : 0, owner, now, now);
    return true;
  }).immediate();
}

export function recordDraft(store: Store, postId: string, target: string, draft: boolean): void {
  store.prepare('UPDATE publications SET draft = ? WHERE post_id = ? AND target = ?').run(draft ? 1 : 0, postId, target);
}

/** The post is on the target; a remote id given before is kept when none is given now. */
export function markPublished(store: Store, postId: string, target: string, where: { url?: string; editUrl?: string; remoteId?: string }, now: string): void {
  store
    .prepare(
      `UPDATE publications SET state = 'published', url = ?, edit_url = ?, remote_id = COALESCE(?, remote_id), owner = NULL,
         last_error = NULL, updated_at = ? WHERE post_id = ? AND target = ?`,
    )
    .run(where.url ? redactUrl(where.url) : null, where.editUrl ? redactUrl(where.editUrl) : null, where.remoteId ?? null, now, postId, target);
}

export function markState(store: Store, postId: string, target: string, state: PublicationState, now: string, error?: string): void {
  store
    .prepare('UPDATE publications SET state = ?, last_error = ?, owner = NULL, updated_at = ? WHERE post_id = ? AND target = ?')
    .run(state, error === undefined ? null : boundError(error), now, postId, target);
}

/** Keeps what went wrong (redacted: no Basic/Bearer tokens or URL passwords; at most MAX_STORED_ERROR characters). */
export function recordError(store: Store, postId: string, target: string, error: string, now: string): void {
  store.prepare('UPDATE publications SET last_error = ?, updated_at = ? WHERE post_id = ? AND target = ?').run(boundError(error), now, postId, target);
}

const boundError = (error: string): string => redactSecrets(error, { maxLength: MAX_STORED_ERROR });

/** Intents no live process holds: posts that may or may not be on their target (a killed or failed publish). */
export function stuckIntents(store: Store): Publication[] {
  const rows = store.prepare("SELECT * FROM publications WHERE state = 'intent' ORDER BY updated_at, post_id").all() as Row[];
  return rows.map(fromRow).filter((p) => !p.owner || !isOwnerAlive(p.owner));
}

/** Posts published (not as drafts) on some target: what a blog shows. */
export function publishedPostIds(store: Store): string[] {
  return (store.prepare("SELECT DISTINCT post_id FROM publications WHERE state = 'published' AND draft = 0").all() as Array<{ post_id: string }>).map(
    (r) => r.post_id,
  );
}

/** The newest stored post with no `published` (or `retracted`) row for this target. */
export function latestUnpublishedPost(store: Store, target: string): string | undefined {
  const row = store
    .prepare(
      `SELECT p.id AS id FROM posts p WHERE NOT EXISTS (
         SELECT 1 FROM publications x WHERE x.post_id = p.id AND x.target = ? AND x.state IN ('published', 'retracted'))
       ORDER BY p.created_at DESC, p.id DESC LIMIT 1`,
    )
    .get(target) as { id: string } | undefined;
  return row?.id;
}

/** Ids of the posts retracted from some target. */
export function retractedPostIds(store: Store): string[] {
  return (store.prepare("SELECT post_id FROM publications WHERE state = 'retracted'").all() as Array<{ post_id: string }>).map((r) => r.post_id);
}
