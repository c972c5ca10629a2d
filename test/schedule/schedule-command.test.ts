import { describe, expect, it } from 'vitest';
import { readLocks } from '../../src/store/locks.js';
import { openStore } from '../../src/store/open-store.js';
import { spawnCli } from '../fixtures/publish/spawn-cli.js';
import { makeTestApp } from '../fixtures/publish/test-app.js';

const NEVER_SOON = '0 0 1 1 *';

async function until(read: () => string, pattern: RegExp): Promise<RegExpExecArray> {
  for (;;) {
    const m = pattern.exec(read());
    if (m) return m;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('webxcreta schedule', () => {
  it('should serve the box alongside, refuse a second scheduler, and stop cleanly on SIGTERM', async () => {
    const t = makeTestApp({ schedule: { harvest: NEVER_SOON, post: NEVER_SOON } }, {});
    t.app.close();
    const env = { WEBXCRETA_BOX_PASSWORD: 'pw' };
    const first = spawnCli(['--data', t.dir, 'schedule'], env);
    let out = '';
    first.child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    const [, url] = await until(() => out, /box: serving (http:\S+)/);
    await until(() => out, /scheduler: started \(harvest "0 0 1 1 \*", post "0 0 1 1 \*"\)/);
    expect((await fetch(url)).status).toBe(200);

    const second = await spawnCli(['--data', t.dir, 'schedule', '--no-serve'], env).done;
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('another scheduler is already running on this data directory');

    first.child.kill('SIGTERM');
    const result = await first.done;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/scheduler: SIGTERM, finishing the running step/);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^\S+Z scheduler: stopped$/);
    const store = openStore(`${t.dir}/.webxcreta/webxcreta.db`);
    expect(readLocks(store)).toEqual([]);
    store.close();
  }, 30_000);
});
