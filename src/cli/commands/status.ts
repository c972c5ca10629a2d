/** `webxcreta status`: last harvest, last post, next scheduled runs, recent errors and held locks. */
import type { Command } from 'commander';
import { listPublications, onCanonicalBox } from '../../publish/index.js';
import { readLocks } from '../../store/locks.js';
import { scheduledRuns, type NextRuns } from '../../schedule/next-runs.js';
import { countRetractedPosts, latestListedPost } from '../../store/listed-posts.js';
import { recentRuns } from '../../store/runs.js';
import type { Io } from '../app.js';
import { emit } from '../output.js';
import { withApp } from '../with-app.js';
import type { RegisterCommand } from './index.js';

export const registerStatus: RegisterCommand = (program: Command, io: Io) => {
  program
    .command('status')
    .description('show the last harvest, the last post, the next scheduled runs and recent errors')
    .action(
      withApp(io, async (app) => {
        const store = app.store();
        const harvest = store
          .prepare(`SELECT MAX(last_fetched_at) AS at, COUNT(*) AS sources, SUM(CASE WHEN last_error IS NOT NULL THEN 1 ELSE 0 END) AS failing FROM sources WHERE enabled = 1`)
          .get() as { at: string | null; sources: number; failing: number | null };
        // A retracted post is off the blog: the last post is the newest one still on it (or never published).
        const post = latestListedPost(store);
        const pub = post ? listPublications(store).find((p) => p.postId === post.id) : undefined;
        const runs = recentRuns(store, 50);
        const next = scheduledRuns(store, app.config);
        const failedSources = store.prepare('SELECT url, last_error FROM sources WHERE last_error IS NOT NULL ORDER BY last_fetched_at DESC LIMIT 5').all() as Array<{ url: string; last_error: string }>;
        const result = {
          ok: true as const,
          lastHarvest: harvest.at ? { at: harvest.at, sources: harvest.sources, failing: harvest.failing ?? 0 } : undefined,
          lastPost: post ? { id: post.id, title: post.title, createdAt: post.createdAt, state: pub?.state, url: pub && onCanonicalBox(pub.url, pub.target, app.config.publish, app.config.box), target: pub?.target } : undefined,
          retractedPosts: countRetractedPosts(store),
          nextRuns: next,
          recentErrors: [
            ...runs.filter((r) => r.ok === false).slice(0, 5).map((r) => ({ at: r.finishedAt ?? r.startedAt, what: r.kind, error: r.error ?? '' })),
            ...failedSources.map((s) => ({ at: '', what: `feed ${s.url}`, error: s.last_error })),
            ...listPublications(store).filter((p) => p.lastError).slice(0, 5).map((p) => ({ at: p.updatedAt, what: `publish ${p.postId}`, error: p.lastError ?? '' })),
          ],
          locks: readLocks(store),
        };
        emit(app, result, renderStatus);
      }, undefined, 'read'),
    );
};

function renderStatus(r: {
  lastHarvest?: { at: string; sources: number; failing: number };
  lastPost?: { id: string; title: string; createdAt: string; state?: string; url?: string };
  retractedPosts: number;
  nextRuns: NextRuns;
  recentErrors: Array<{ at: string; what: string; error: string }>;
  locks: Array<{ name: string; owner: string; expiresAt: string }>;
}): string {
  const lines = [
    `last harvest: ${r.lastHarvest ? `${r.lastHarvest.at} (${r.lastHarvest.sources} sources, ${r.lastHarvest.failing} failing)` : 'never'}`,
    `last post:    ${r.lastPost ? `${r.lastPost.createdAt} "${r.lastPost.title}" (${r.lastPost.state ?? 'not published'}${r.lastPost.url ? ` ${r.lastPost.url}` : ''})` : 'none'}${r.retractedPosts ? ` (${r.retractedPosts} retracted)` : ''}`,
    `next harvest: ${r.nextRuns.harvest ?? 'not scheduled'}`,
    `next post:    ${r.nextRuns.post ?? 'not scheduled'}`,
    r.nextRuns.from === 'scheduler'
      ? `              (the running scheduler: harvest "${r.nextRuns.cron.harvest}", post "${r.nextRuns.cron.post}"${r.nextRuns.cron.timezone ? `, ${r.nextRuns.cron.timezone}` : ''})`
      : '              (from the configuration: no scheduler is running; start one with `webxcreta schedule`)',
  ];
  if (r.locks.length) lines.push(...r.locks.map((l) => `lock ${l.name}: held by ${l.owner} until ${l.expiresAt}`));
  lines.push(r.recentErrors.length ? 'recent errors:' : 'recent errors: none');
  for (const e of r.recentErrors) lines.push(`  ${e.at ? `${e.at} ` : ''}${e.what}: ${e.error}`);
  return lines.join('\n');
}
