import { serveBox } from '../../src/pipeline/serve-box.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBox } from '../../src/box/index.js';
import { runMain } from '../fixtures/publish/run-main.js';
import { makeTestApp, withPosts, type TestApp } from '../fixtures/publish/test-app.js';

const ENV = { WEBXCRETA_BOX_PASSWORD: 'pw-cli' };
let t: TestApp;
let box: RunningBox;
let env: Record<string, string>;

beforeAll(async () => {
  t = makeTestApp({}, ENV);
  withPosts(t, 'post-river', 'post-hills');
  box = await serveBox(t.app, { host: '127.0.0.1', port: 0 });
  env = { ...ENV, WEBXCRETA_BOX_PORT: new URL(box.url).port };
});
afterAll(async () => {
  await box.close();
  t.app.close();
});

const cli = async (...args: string[]) => {
  const r = await runMain(['--data', t.dir, '--json', ...args], t.dir, env);
  return { code: r.code, json: JSON.parse(r.stdout) as Record<string, unknown> };
};

describe('webxcreta publish / posts', () => {
  it('should publish the newest unpublished post by default, then the next, then report nothing to do', async () => {
    expect(await cli('publish')).toMatchObject({ code: 0, json: { ok: true, postId: 'p-hills-0002', target: 'box' } });
    expect(await cli('publish')).toMatchObject({ code: 0, json: { ok: true, postId: 'p-river-0001' } });
    expect(await cli('publish')).toEqual({ code: 0, json: { ok: true, nothing: 'every stored post is already published' } });
  });

  it('should list, update and retract posts', async () => {
    const list = await cli('posts', 'list');
    expect((list.json.posts as Array<{ id: string; publications: Array<{ state: string }> }>).map((p) => [p.id, p.publications.map((x) => x.state)])).toEqual([
      ['p-hills-0002', ['published']],
      ['p-river-0001', ['published']],
    ]);
    expect(await cli('posts', 'update', 'p-river-0001')).toMatchObject({ code: 0, json: { ok: true, postId: 'p-river-0001', state: 'published' } });
    expect(await cli('posts', 'retract', 'p-river-0001')).toMatchObject({ code: 0, json: { ok: true, state: 'retracted' } });
    expect(await cli('posts', 'retract', 'nope')).toMatchObject({ code: 1, json: { ok: false, error: 'post nope is not published on box' } });
  });

  it('should send a draft with --draft and take it out of draft with posts update --no-draft', async () => {
    const u = makeTestApp({}, ENV);
    withPosts(u, 'post-hills');
    const run = async (...args: string[]) => JSON.parse((await runMain(['--data', u.dir, '--json', ...args], u.dir, env)).stdout) as Record<string, unknown>;
    expect(await run('publish', '--draft')).toMatchObject({ ok: true, postId: 'p-hills-0002' });
    expect(await run('posts', 'list')).toMatchObject({ posts: [{ id: 'p-hills-0002', publications: [{ state: 'published', draft: true }] }] });
    expect(await run('posts', 'update', 'p-hills-0002', '--no-draft')).toMatchObject({ ok: true, draft: false });
    u.app.close();
  });

  it('should say when the running box refuses the credentials', async () => {
    const r = await runMain(['--data', t.dir, 'publish', 'p-river-0001'], t.dir, { ...env, WEBXCRETA_BOX_PASSWORD: 'other' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the box running at ${box.url} refused this bot's credentials`);
  });
});
