import { describe, expect, it } from 'vitest';
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
});
