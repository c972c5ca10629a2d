/**
 * Ctrl-C (SIGINT) during a long command: it stops cleanly, says what it kept, exits 130, and the
 * interrupted run is recorded (`status` shows it). Run as child processes, sent a real SIGINT.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { rss } from '../harvest/helpers/make-feeds.js';
import { send, serveTestRoutes, type TestServer } from '../harvest/helpers/serve-test-routes.js';
import { spawnCli } from '../fixtures/publish/spawn-cli.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

let server: TestServer;
let tmp: ReturnType<typeof makeTempDir>;
beforeAll(async () => {
  const item = (n: string) => ({ guid: n, title: `Post ${n}`, html: `<p>The ${n} post says a few plain things about the weather.</p>` });
  server = await serveTestRoutes({
    '/a.xml': send(rss('A', [item('a1'), item('a2')])),
    '/b.xml': send(rss('B', [item('b1')])),
    // Feeds that never answer: the harvest is still busy with them when Ctrl-C comes.
    '/slow1.xml': () => {},
    '/slow2.xml': () => {},
  });
});
afterAll(() => server.close());
beforeEach(() => {
  tmp?.remove();
  tmp = makeTempDir('webx-interrupt-');
  const config = {
    sources: { builtin: false, own: `${server.url}/a.xml`, feeds: [`${server.url}/b.xml`, `${server.url}/slow1.xml`, `${server.url}/slow2.xml`] },
    harvest: { perHostConcurrency: 8, timeoutMs: 60_000, comments: false },
  };
  writeFileSync(join(tmp.dir, 'webxcreta.config.json'), JSON.stringify(config));
});

/** The posts stored so far (0 before the database exists). */
function storedPosts(): number {
  try {
    const store = openStore(join(tmp.dir, '.webxcreta', 'webxcreta.db'));
    try {
      return (store.prepare("SELECT COUNT(*) AS n FROM documents WHERE kind = 'post'").get() as { n: number }).n;
    } finally {
      store.close();
    }
  } catch {
    return 0;
  }
}

/** Starts the command, waits until the two quick feeds are stored, sends SIGINT; the exit code and the output. */
async function interruptAfterTwoFeeds(args: string[]) {
  const child = spawnCli(['--data', tmp.dir, ...args]);
  let err = '';
  child.child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const deadline = Date.now() + 60_000;
  while (!(/harvesting/.test(err) || /\[1\/4\]/.test(err)) || storedPosts() < 3) {
    if (Date.now() > deadline) throw new Error(`no progress: ${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 300));
  child.child.kill('SIGINT');
  return child.done;
}

describe('Ctrl-C', () => {
  it('should stop a harvest, keep what the finished feeds brought, exit 130 and record the harvest as interrupted', async () => {
    const started = Date.now();
    const r = await interruptAfterTwoFeeds(['harvest']);
    expect(r.code).toBe(130);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.stderr).toContain('SIGINT: stopping after the step in progress (Ctrl-C again stops at once)');
    expect(r.stderr).toContain(
      'webxcreta: interrupted (SIGINT) during the harvest: kept what 2 of 4 feeds brought (3 new posts, 0 comments); the others are read on the next harvest',
    );
    const store = openStore(join(tmp.dir, '.webxcreta', 'webxcreta.db'));
    expect((store.prepare("SELECT COUNT(*) AS n FROM documents WHERE kind = 'post'").get() as { n: number }).n).toBe(3);
    // The feeds it was still reading are not counted as failing.
    expect(store.prepare('SELECT url, failures FROM sources WHERE url LIKE ? ORDER BY url').all('%slow%')).toEqual([
      { url: `${server.url}/slow1.xml`, failures: 0 },
      { url: `${server.url}/slow2.xml`, failures: 0 },
    ]);
    store.close();
    const status = JSON.parse((await runCli(['--data', tmp.dir, '--json', 'status'], { cwd: tmp.dir })).stdout);
    expect(status.recentErrors[0]).toMatchObject({ what: 'harvest', error: expect.stringMatching(/^interrupted \(SIGINT\) during the harvest: kept what 2 of 4 feeds/) });
    const human = (await runCli(['--data', tmp.dir, 'status'], { cwd: tmp.dir })).stdout;
    expect(human).toMatch(/harvest: interrupted \(SIGINT\) during the harvest/);
  }, 90_000);

  it('should stop `run` during its harvest without writing a post, exit 130, and record the run as interrupted', async () => {
    const r = await interruptAfterTwoFeeds(['run']);
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/webxcreta: interrupted \(SIGINT\) during the harvest: kept what 2 of 4 feeds brought \(3 new posts, 0 comments\); the others are read on the next harvest; no post was written\n/);
    const status = JSON.parse((await runCli(['--data', tmp.dir, '--json', 'status'], { cwd: tmp.dir })).stdout);
    expect(status.lastPost).toBeUndefined();
    expect(status.recentErrors[0]).toMatchObject({ what: 'run', error: expect.stringMatching(/^interrupted \(SIGINT\) during the harvest/) });
    expect(status.locks).toEqual([]);
  }, 90_000);
});
