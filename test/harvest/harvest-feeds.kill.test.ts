/**
 * A harvest killed at any moment (SIGKILL, no chance to clean up) leaves the database consistent:
 * each feed's posts and its source row's state are written in one transaction, so a source holds
 * either none of its items and no success recorded, or all of them with its HTTP status.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { rss } from './helpers/make-feeds.js';
import { send, serveTestRoutes, type TestServer } from './helpers/serve-test-routes.js';

const FEEDS = 40;
const ITEMS = 150;
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const script = fileURLToPath(new URL('./helpers/harvest-until-killed.ts', import.meta.url));
let server: TestServer;
let tmp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  server = await serveTestRoutes();
  const words = 'the river runs to the sea and the sea is not full '.repeat(20);
  for (let n = 0; n < FEEDS; n++) {
    const items = Array.from({ length: ITEMS }, (_, i) => ({ guid: `${n}-${i}`, title: `Post ${n}.${i}`, html: `<p>${words}${n} ${i}</p>` }));
    server.route(`/feed/${n}.xml`, send(rss(`Feed ${n}`, items)));
  }
  tmp = makeTempDir('webx-kill-');
});
afterAll(async () => {
  tmp.remove();
  await server.close();
});

/** Starts a harvest and kills it once `feeds` feeds are committed (read from the database as it runs). */
function harvestAndKill(db: string, feeds: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [script, db, server.url, String(FEEDS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let poll: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('harvesting') || poll) return;
      const reader = openStore(db);
      const done = reader.prepare('SELECT COUNT(*) AS n FROM sources WHERE last_status IS NOT NULL');
      poll = setInterval(() => {
        if ((done.get() as { n: number }).n < feeds) return;
        child.kill('SIGKILL');
        clearInterval(poll);
        reader.close();
      }, 5);
    });
    child.on('exit', () => resolve());
  });
}

describe('harvestFeeds killed mid-run', () => {
  it.each([1, 10, 25])('should leave every feed all-or-nothing when killed after %i feeds', async (feeds) => {
    const db = join(tmp.dir, `kill-${feeds}.db`);
    await harvestAndKill(db, feeds);
    const store = openStore(db);
    const rows = store
      .prepare(`SELECT s.last_status AS status, (SELECT COUNT(*) FROM documents d WHERE d.source_id = s.id) AS docs FROM sources s`)
      .all() as Array<{ status: number | null; docs: number }>;
    store.close();
    expect(rows).toHaveLength(FEEDS);
    for (const row of rows) expect([[null, 0], [200, ITEMS]]).toContainEqual([row.status, row.docs]);
    expect(rows.filter((r) => r.docs > 0).length).toBeGreaterThanOrEqual(feeds);
  });
});
