/**
 * Killed runs lose no posts: `webxcreta run` killed before its post's intent was recorded, then a
 * second run killed after its catch-up POST of that post went out (AtomBus has it, the database
 * says `intent`), then a third run: every post ends on the server exactly once, the export lists
 * only published posts, and `status` shows the stuck intent and the interrupted run until the
 * third run clears them (an interrupted run then shows among the recent errors). Against AtomBus, which assigns its own ids.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catchUpStep } from '../../src/pipeline/publish-step.js';
import { listPublications } from '../../src/publish/index.js';
import { recordRunPost, startRun } from '../../src/store/runs.js';
import { savePost } from '../../src/store/posts.js';
import { useAtomBus } from '../fixtures/publish/atombus.js';
import { seedFixtureCorpus, generatedPost } from '../fixtures/publish/generated-post.js';
import { runMain } from '../fixtures/publish/run-main.js';
import { runCli } from '../fixtures/publish/spawn-cli.js';
import { makeTestApp, seedCorpus } from '../fixtures/publish/test-app.js';

const GENERATE = { paragraphs: 2, sentencesPerParagraph: 2, minWords: 5, maxWords: 20 };
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const bus = useAtomBus();

const entriesIn = async (collection: string) =>
  [...(await (await fetch(collection, { headers: { authorization: basic(bus().user, bus().password) } })).text()).matchAll(/data-entry-id="([^"]+)"/g)].map((m) => m[1]);

describe('run after killed runs', () => {
  it('should publish what killed runs left behind, each exactly once, and say so in status until then', async () => {
    const collection = `${bus().url}feeds/catch-up`;
    const t = makeTestApp({ sources: { builtin: false }, generate: GENERATE, publish: { collectionUrl: collection, user: bus().user, retryDelayMs: 10 } });
    seedFixtureCorpus(t.app.store());
    t.app.close();
    const env = { WEBXCRETA_APP_PASSWORD: bus().password };
    const run = (seed: string) => ['--data', t.dir, 'run', '--no-harvest', '--seed', seed, '--json'];

    // 1: killed after its post was stored, before anything was sent.
    expect((await runCli(run('one'), { ...env, WEBXCRETA_TEST_CRASH_AT: 'before-intent' })).signal).toBe('SIGKILL');
    // 2: its catch-up sends run 1's post, and is killed before the answer is stored.
    expect((await runCli(run('two'), { ...env, WEBXCRETA_TEST_CRASH_AT: 'request-sent' })).signal).toBe('SIGKILL');
    expect(await entriesIn(collection)).toHaveLength(1);

    const status = JSON.parse((await runMain(['--data', t.dir, '--json', 'status'], t.dir, env)).stdout);
    expect(status.stuckIntents).toMatchObject([{ target: collection, attempts: 1 }]);
    // Run 2 closed run 1 as interrupted when it started (now among the recent errors); run 2 itself is the interrupted one.
    expect(status.interruptedRuns).toMatchObject([{ id: 2, kind: 'run' }]);
    expect(status.recentErrors).toMatchObject([{ what: 'run', error: expect.stringMatching(/^interrupted: the process ended before this run finished/) }]);
    const human = (await runMain(['--data', t.dir, 'status'], t.dir, env)).stdout;
    expect(human).toMatch(/^stuck: post \w+ may or may not be on http/m);
    expect(human).toMatch(/^interrupted: run #2 started .* never finished/m);
    const exported = (await runMain(['--data', t.dir, '--json', 'export'], t.dir, env)).stdout;
    expect(JSON.parse(exported).posts).toBe(0);

    // 3: finds run 1's post on the server (no second copy), then publishes its own.
    const third = await runMain(run('three'), t.dir, env);
    expect(third.code, third.stderr).toBe(0);
    const result = JSON.parse(third.stdout);
    expect(result.caughtUp).toHaveLength(1);
    const entries = await entriesIn(collection);
    expect(entries).toHaveLength(2);
    expect(new Set(entries).size).toBe(2);
    expect(entries).toContain(result.published.entryId);
    expect(entries).toContain(result.caughtUp[0].entryId);

    const after = JSON.parse((await runMain(['--data', t.dir, '--json', 'status'], t.dir, env)).stdout);
    expect(after.stuckIntents).toEqual([]);
    expect(after.interruptedRuns).toEqual([]);
    expect(after.recentErrors.filter((e: { error: string }) => /^interrupted/.test(e.error))).toHaveLength(2);
    expect(readFileSync(join(t.dir, 'out', 'feed.atom'), 'utf8').match(/<entry>/g)).toHaveLength(2);
  }, 240_000);
});

describe('catchUpStep', () => {
  it('should publish posts of runs that failed or were killed on this target only, oldest first, and nothing twice', async () => {
    const collection = `${bus().url}feeds/catch-up-unit`;
    const t = makeTestApp({ publish: { collectionUrl: collection, user: bus().user, retryDelayMs: 10 } }, { WEBXCRETA_APP_PASSWORD: bus().password });
    seedCorpus(t.app);
    const store = t.app.store();
    const [a, b, c] = ['cu-a', 'cu-b', 'cu-c'].map((s) => generatedPost(s));
    for (const p of [a, b, c]) savePost(store, p);
    recordRunPost(store, startRun(store, 'run', '2026-11-22T00:00:00.000Z', 'elsewhere:999999999:x'), a.id, collection);
    recordRunPost(store, startRun(store, 'run', '2026-11-22T01:00:00.000Z', 'elsewhere:999999999:y'), b.id, 'box');
    recordRunPost(store, startRun(store, 'run', '2026-11-22T02:00:00.000Z', 'elsewhere:999999999:z'), c.id, undefined);
    const first = await catchUpStep(t.app);
    expect(first.error).toBeUndefined();
    expect(first.published.map((p) => p.postId)).toEqual([a.id]);
    expect(await catchUpStep(t.app)).toEqual({ published: [] });
    expect(listPublications(store).map((p) => [p.postId, p.state])).toEqual([[a.id, 'published']]);
    expect(await entriesIn(collection)).toHaveLength(1);
    t.app.close();
  });
});
