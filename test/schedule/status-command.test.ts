import { describe, expect, it } from 'vitest';
import { spawnCli } from '../fixtures/publish/spawn-cli.js';
import { acquireLock } from '../../src/store/locks.js';
import { finishRun, startRun } from '../../src/store/runs.js';
import { runMain } from '../fixtures/publish/run-main.js';
import { makeTestApp, withPosts } from '../fixtures/publish/test-app.js';

describe('webxcreta status', () => {
  it('should report the last harvest, the last post, the next runs, recent errors and locks', async () => {
    const t = makeTestApp({ schedule: { harvest: '0 * * * *', post: '30 9 * * *', timezone: 'UTC' } });
    withPosts(t, 'post-river', 'post-hills');
    const store = t.app.store();
    store.prepare("UPDATE sources SET last_fetched_at = '2026-11-24T10:00:00.000Z'").run();
    store.prepare("UPDATE sources SET last_error = 'HTTP 500' WHERE id = 'src-b'").run();
    const run = startRun(store, 'run', '2026-11-24T11:00:00.000Z');
    finishRun(store, run, '2026-11-24T11:00:05.000Z', { ok: false, error: 'no model' });
    acquireLock(store, 'pipeline', 60_000, new Date('2026-11-24T12:00:00.000Z'));
    t.app.close();

    const r = await runMain(['--data', t.dir, '--json', 'status'], t.dir);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      ok: true,
      lastHarvest: { at: '2026-11-24T10:00:00.000Z', sources: 2, failing: 1 },
      lastPost: { id: 'p-hills-0002', title: 'Rain over the southern hills', createdAt: '2026-11-21T09:00:00.000Z' },
      recentErrors: [
        { at: '2026-11-24T11:00:05.000Z', what: 'run', error: 'no model' },
        { at: '', what: 'feed http://127.0.0.1:1/b.xml', error: 'HTTP 500' },
      ],
      locks: [{ name: 'pipeline', expiresAt: '2026-11-24T12:01:00.000Z' }],
    });
    expect(json.nextRuns.harvest).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z$/);
    expect(json.nextRuns.post).toMatch(/T09:30:00\.000Z$/);
    const human = await runMain(['--data', t.dir, 'status'], t.dir);
    expect(human.stdout).toContain('last post:    2026-11-21T09:00:00.000Z "Rain over the southern hills" (not published)');
  });

  it('should not call a retracted post the last post', async () => {
    const t = makeTestApp();
    withPosts(t, 'post-river', 'post-hills');
    const store = t.app.store();
    const now = '2026-11-22T00:00:00.000Z';
    store
      .prepare("INSERT INTO publications (post_id, target, entry_id, state, created_at, updated_at) VALUES ('p-hills-0002', 'box', 'tag:x', 'retracted', ?, ?)")
      .run(now, now);
    t.app.close();
    const json = JSON.parse((await runMain(['--data', t.dir, '--json', 'status'], t.dir)).stdout);
    expect(json.lastPost).toMatchObject({ id: 'p-river-0001', title: 'The river trade of the northern towns' });
    expect(json.retractedPosts).toBe(1);
    const human = await runMain(['--data', t.dir, 'status'], t.dir);
    expect(human.stdout).toContain('last post:    2026-11-20T09:00:00.000Z "The river trade of the northern towns" (not published) (1 retracted)');
    expect(human.stdout).not.toContain('Rain over the southern hills');
  });

  it('should show the running scheduler\'s real next runs, environment overrides included', async () => {
    const t = makeTestApp({ schedule: { harvest: '0 0 1 1 *', post: '0 0 1 1 *', timezone: 'UTC' } });
    t.app.close();
    const fromConfig = JSON.parse((await runMain(['--data', t.dir, '--json', 'status'], t.dir)).stdout);
    expect(fromConfig.nextRuns).toMatchObject({ from: 'config', cron: { post: '0 0 1 1 *' }, post: expect.stringMatching(/-01-01T00:00:00\.000Z$/) });

    const scheduler = spawnCli(['--data', t.dir, 'schedule', '--no-serve'], { WEBXCRETA_SCHEDULE_POST: '17 5 * * *', WEBXCRETA_SCHEDULE_HARVEST: '0 0 1 1 *' });
    let out = '';
    scheduler.child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    while (!out.includes('scheduler: started')) await new Promise((r) => setTimeout(r, 50));
    try {
      // status runs without the scheduler's environment: it reads what the scheduler fires on.
      const json = JSON.parse((await runMain(['--data', t.dir, '--json', 'status'], t.dir)).stdout);
      expect(json.nextRuns).toMatchObject({ from: 'scheduler', cron: { harvest: '0 0 1 1 *', post: '17 5 * * *', timezone: 'UTC' }, post: expect.stringMatching(/T05:17:00\.000Z$/) });
      const human = await runMain(['--data', t.dir, 'status'], t.dir);
      expect(human.stdout).toMatch(/next post: {4}\S+T05:17:00\.000Z\n {14}\(the running scheduler: harvest "0 0 1 1 \*", post "17 5 \* \* \*", UTC\)/);
    } finally {
      scheduler.child.kill('SIGTERM');
      expect((await scheduler.done).code).toBe(0);
    }
    const after = JSON.parse((await runMain(['--data', t.dir, '--json', 'status'], t.dir)).stdout);
    expect(after.nextRuns.from).toBe('config');
  }, 60_000);

  it('should show a post on the box at the canonical address, not the passing port it was once stored under', async () => {
    const t = makeTestApp({ box: { port: 8080 } });
    withPosts(t, 'post-river');
    const now = '2026-11-22T00:00:00.000Z';
    t.app
      .store()
      .prepare("INSERT INTO publications (post_id, target, entry_id, state, url, created_at, updated_at) VALUES ('p-river-0001', 'box', 'tag:x', 'published', ?, ?, ?)")
      .run('http://127.0.0.1:36237/posts/the-river-trade', now, now);
    t.app.close();
    const status = JSON.parse((await runMain(['--data', t.dir, '--json', 'status'], t.dir)).stdout);
    expect(status.lastPost.url).toBe('http://127.0.0.1:8080/posts/the-river-trade');
    const posts = JSON.parse((await runMain(['--data', t.dir, '--json', 'posts', 'list'], t.dir)).stdout);
    expect(posts.posts[0].publications[0].url).toBe('http://127.0.0.1:8080/posts/the-river-trade');
    const withBase = JSON.parse((await runMain(['--data', t.dir, '--json', 'status'], t.dir, { WEBXCRETA_PUBLISH_BASE_URL: 'https://blog.example.org/' })).stdout);
    expect(withBase.lastPost.url).toBe('https://blog.example.org/posts/the-river-trade');
  });
});

