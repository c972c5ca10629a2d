/**
 * Two `webxcreta publish ID` at once, against AtomBus (which assigns its own ids, so a second POST
 * is a second entry): the post's lock makes the second wait for the first and then report the
 * same entry; an intent belongs to its process and a live one is never overwritten.
 */
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { getPublication, recordIntent, stuckIntents } from '../../src/store/publications.js';
import { useAtomBus } from '../fixtures/publish/atombus.js';
import { spawnCli } from '../fixtures/publish/spawn-cli.js';
import { makeTestApp, withPosts } from '../fixtures/publish/test-app.js';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('two publishers of one post at once', () => {
  const bus = useAtomBus();

  it('should post it once: the second waits for the first, then reports the same entry', async () => {
    const collection = `${bus().url}feeds/concurrent`;
    const t = makeTestApp({ publish: { collectionUrl: collection, user: bus().user } });
    withPosts(t, 'post-river');
    t.app.close();
    // Each holds still for 1.5 s after recording its intent: without the lock both would post.
    const env = { WEBXCRETA_APP_PASSWORD: bus().password, WEBXCRETA_TEST_PAUSE_AT: 'after-intent:1500' };
    const args = ['--data', t.dir, 'publish', 'p-river-0001', '--json'];
    const [a, b] = await Promise.all([spawnCli(args, env).done, spawnCli(args, env).done]);
    expect([a.code, b.code], `${a.stderr}\n${b.stderr}`).toEqual([0, 0]);
    const [ja, jb] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    expect(ja.url).toBe(jb.url);
    const feed = await (await fetch(collection, { headers: { authorization: basic(bus().user, bus().password) } })).text();
    expect(feed.match(/<entry>/g)).toHaveLength(1);
  }, 180_000);
});

describe('an intent belongs to its process', () => {
  it('should not let another process overwrite a live intent, and take over a dead one', () => {
    const t = makeTestApp();
    withPosts(t, 'post-river');
    const store = t.app.store();
    const intent = { postId: 'p-river-0001', target: 'box', entryId: 'e', slug: 's', draft: false };
    const live = `${hostname()}:${process.pid}:aaaa`;
    expect(recordIntent(store, intent, live, '2026-11-22T00:00:00.000Z')).toBe(true);
    expect(recordIntent(store, intent, `${hostname()}:${process.pid}:bbbb`, '2026-11-22T00:00:01.000Z')).toBe(false);
    expect(getPublication(store, 'p-river-0001', 'box')).toMatchObject({ owner: live, attempts: 1 });
    expect(stuckIntents(store)).toEqual([]);

    store.prepare("UPDATE publications SET owner = ? WHERE post_id = 'p-river-0001'").run(`${hostname()}:999999999:dead`);
    expect(stuckIntents(store)).toMatchObject([{ postId: 'p-river-0001', state: 'intent' }]);
    expect(recordIntent(store, intent, live, '2026-11-22T00:00:02.000Z')).toBe(true);
    expect(getPublication(store, 'p-river-0001', 'box')).toMatchObject({ owner: live, attempts: 2 });
    t.app.close();
  });
});
