import { describe, expect, it } from 'vitest';
import { spawnCli } from '../fixtures/publish/spawn-cli.js';
import { makeTestApp } from '../fixtures/publish/test-app.js';

describe('webxcreta serve', () => {
  it('should serve until SIGTERM, then stop cleanly', async () => {
    const t = makeTestApp();
    t.app.close();
    const run = spawnCli(['--data', t.dir, '--json', 'serve', '--host', '127.0.0.1', '--port', '0'], { WEBXCRETA_BOX_PASSWORD: 'pw' });
    let out = '';
    run.child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    while (!out.trim().endsWith('}')) await new Promise((r) => setTimeout(r, 50));
    const started = JSON.parse(out) as { ok: boolean; url: string; service: string; feed: string };
    expect(started).toEqual({ ok: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/), service: `${started.url}app`, feed: `${started.url}feed.atom` });
    expect((await fetch(started.feed)).status).toBe(200);
    expect((await fetch(started.service, { headers: { authorization: `Basic ${Buffer.from('webxcreta:pw').toString('base64')}` } })).status).toBe(200);
    run.child.kill('SIGTERM');
    expect((await run.done).code).toBe(0);
  });

  it('should refuse a bad port with exit status 2', async () => {
    const t = makeTestApp();
    t.app.close();
    const r = await spawnCli(['--data', t.dir, 'serve', '--port', 'eighty'], {}).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port must be a port number (0–65535), not eighty');
  });
});
