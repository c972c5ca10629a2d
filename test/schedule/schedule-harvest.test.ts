import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLocks } from '../../src/store/locks.js';
import { openStore } from '../../src/store/open-store.js';
import { recentRuns } from '../../src/store/runs.js';
import { spawnCli } from '../fixtures/publish/spawn-cli.js';
import { makeTestApp } from '../fixtures/publish/test-app.js';

const SLOW_MS = 2_500;
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow blog</title><link>http://slow.invalid/</link>
<description>d</description><item><title>Rivers</title><guid>slow-1</guid><link>http://slow.invalid/1</link>
<description>The river runs to the sea and carries grain to the towns of the coast.</description></item></channel></rss>`;

let server: Server;
let feedUrl: string;
let requests = 0;
beforeAll(async () => {
  // A blog that takes its time: each harvest outlasts the one-second cron, so firings pile up.
  server = createServer((_, res) => {
    requests++;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(FEED);
    }, SLOW_MS);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 50));
}

describe('webxcreta schedule (real harvest step, every second)', () => {
  it('should never overlap harvests, hold the pipeline lock while one runs, and finish it on SIGTERM', async () => {
    const t = makeTestApp({
      sources: { builtin: false, feeds: [feedUrl] },
      harvest: { comments: false },
      schedule: { harvest: '* * * * * *', post: '0 0 1 1 *', serve: false },
    });
    t.app.close();
    const run = spawnCli(['--data', t.dir, 'schedule'], {});
    let out = '';
    run.child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    const lines = () => out.trim().split('\n').map((l) => l.replace(/^\S+Z /, ''));

    await until(() => lines().filter((l) => l.startsWith('harvest: done')).length >= 1 && lines().at(-1) === 'harvest: started');
    const store = openStore(`${t.dir}/.webxcreta/webxcreta.db`);
    expect(readLocks(store).map((l) => l.name)).toEqual(['pipeline', 'scheduler']);
    run.child.kill('SIGTERM');
    const result = await run.done;
    expect(result.code).toBe(0);

    const log = lines();
    expect(log.filter((l) => l.startsWith('harvest: skipped')).length).toBeGreaterThan(0);
    expect(log.every((l) => !l.startsWith('harvest: skipped') || l === 'harvest: skipped (harvest is still running)')).toBe(true);
    // started/done strictly alternate: never two harvests at once
    const steps = log.filter((l) => /^harvest: (started|done)/.test(l)).map((l) => l.split(' ')[1]);
    expect(steps).toEqual(steps.map((_, i) => (i % 2 === 0 ? 'started' : 'done')));
    expect(log.slice(-4)).toEqual([
      'scheduler: SIGTERM, finishing the running step (again to abandon it)',
      'scheduler: waiting for harvest',
      expect.stringMatching(/^harvest: done in \d+\.\ds: 2 feeds, 0 new items, 0 failed$/),
      'scheduler: stopped',
    ]);
    expect(readLocks(store)).toEqual([]);
    expect(recentRuns(store).every((r) => r.kind === 'harvest' && r.ok === true)).toBe(true);
    expect(recentRuns(store).length).toBe(steps.length / 2);
    expect(requests).toBe(steps.length / 2);
    store.close();
  }, 60_000);
});
