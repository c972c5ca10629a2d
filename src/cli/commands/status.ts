/** `webxcreta status`: last harvest, last post, next scheduled runs, recent errors, held locks, stuck intents and interrupted runs. */
import type { Command } from 'commander';
import { listPublications, onCanonicalBox } from '../../publish/index.js';
import { stuckIntents } from '../../store/publications.js';
import { readLocks } from '../../store/locks.js';
import { nextRuns, scheduledRuns, type NextRuns } from '../../schedule/next-runs.js';
import { countRetractedPosts, latestListedPost } from '../../store/listed-posts.js';
import { interruptedRuns, recentRuns } from '../../store/runs.js';
import { failingSources, harvestSummary } from '../../store/sources.js';
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
        const lastHarvest = harvestSummary(store);
        // A retracted post is off the blog: the last post is the newest one still on it (or never published).
        const post = latestListedPost(store);
        const pub = post ? listPublications(store).find((p) => p.postId === post.id) : undefined;
        const runs = recentRuns(store, 50);
        const next = scheduledRuns(store, app.config);
        const failedSources = failingSources(store, 5);
        const result = {
          ok: true as const,
          lastHarvest,
          lastPost: post ? { id: post.id, title: post.title, createdAt: post.createdAt, state: pub?.state, url: pub && onCanonicalBox(pub.url, pub.target, app.config.publish, app.config.box), target: pub?.target } : undefined,
          retractedPosts: countRetractedPosts(store),
          nextRuns: next,
          recentErrors: [
            ...runs.filter((r) => r.ok === false).slice(0, 5).map((r) => ({ at: r.finishedAt ?? r.startedAt, what: r.kind, error: r.error ?? '' })),
            ...failedSources.map((s) => ({ at: '', what: `feed ${s.url}`, error: s.error })),
            ...listPublications(store).filter((p) => p.lastError).slice(0, 5).map((p) => ({ at: p.updatedAt, what: `publish ${p.postId}`, error: p.lastError ?? '' })),
          ],
          locks: readLocks(store),
          stuckIntents: stuckIntents(store).map((p) => ({ postId: p.postId, target: p.target, since: p.updatedAt, attempts: p.attempts, lastError: p.lastError })),
          interruptedRuns: interruptedRuns(store).map((r) => ({ id: r.id, kind: r.kind, startedAt: r.startedAt, postId: r.postId })),
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
  stuckIntents: Array<{ postId: string; target: string; since: string; attempts: number; lastError?: string }>;
  interruptedRuns: Array<{ id: number; kind: string; startedAt: string; postId?: string }>;
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
  for (const i of r.stuckIntents) {
    lines.push(`stuck: post ${i.postId} may or may not be on ${i.target} (intent since ${i.since}, ${i.attempts} attempt${i.attempts === 1 ? '' : 's'}${i.lastError ? `; last error: ${i.lastError}` : ''}); the next run or publish looks it up and finishes it`);
  }
  for (const x of r.interruptedRuns) lines.push(`interrupted: ${x.kind} #${x.id} started ${x.startedAt}${x.postId ? ` (post ${x.postId})` : ''} never finished; the next run publishes what it left`);
  lines.push(r.recentErrors.length ? 'recent errors:' : 'recent errors: none');
  for (const e of r.recentErrors) lines.push(`  ${e.at ? `${e.at} ` : ''}${e.what}: ${e.error}`);
  return lines.join('\n');
}
