/**
 * Publish benchmark: N synthetic posts (4 paragraphs × 4 sentences, 3 sources a sentence) →
 *   entry XML (toEntry + toAtomEntryXml, per post), static export of all of them, AtomPub publish of
 *   M posts to an in-process box (intent → POST → 201 → stored, per post), M posts to the static
 *   target (lock → intent → Markdown file written with fsync → stored, no after-command), and the
 *   box serving its index, a post page and the feed (requests per second, 8 at a time). Medians of rounds.
 *   npm run bench:publish            (env: BENCH_POSTS=200 BENCH_PUBLISH=50 BENCH_REQUESTS=400)
 */
import { publishStep } from '../src/pipeline/publish-step.js';
import { serveBox } from '../src/pipeline/serve-box.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';

import { createApp } from '../src/cli/app.js';
import type { Post } from '../src/generate/types.js';
import { blogOf, entryToAtom, exportBlog, toAtomEntryXml, toEntry } from '../src/publish/index.js';
import { createRng } from '../src/rng.js';
import { savePost } from '../src/store/posts.js';
import { markPublished, recordIntent } from '../src/store/publications.js';

const POSTS = Number(process.env.BENCH_POSTS ?? 200);
const PUBLISH = Number(process.env.BENCH_PUBLISH ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const WORDS = 'river trade grain timber coast spring merchants tolls winter ice reaches weeks farmers rain hills summer'.split(' ');

function makePost(i: number, rng: () => number): Post {
  const word = () => WORDS[Math.floor(rng() * WORDS.length)];
  const sentence = () => ({
    text: `The ${word()} and the ${word()} of the ${word()} met the ${word()} near the ${word()}.`,
    template: 'DT NN CC DT NN IN DT NN VBD DT NN IN DT NN .',
    provenance: [0, 1, 2].map((k) => ({ docId: `doc-${k}`, sourceId: `src-${k}`, weight: 1 / 3, gave: 'words' as const, positions: [k] })),
  });
  const day = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
  return { version: 1, id: `bench-${i}`, title: sentence(), paragraphs: [0, 1, 2, 3].map(() => [0, 1, 2, 3].map(sentence)), seed: String(i), modelFingerprint: 'bench', createdAt: day };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const dir = mkdtempSync(join(tmpdir(), 'webx-bench-publish-'));
writeFileSync(join(dir, 'webxcreta.config.json'), JSON.stringify({ box: { port: 0 } }));
const quiet = new PassThrough();
const app = createApp({ data: dir, quiet: true }, { stdout: quiet, stderr: quiet, stdin: quiet, env: { WEBXCRETA_BOX_PASSWORD: 'bench' }, cwd: dir });
const rng = createRng('bench');
const posts = Array.from({ length: POSTS }, (_, i) => makePost(i, rng));
for (const p of posts) savePost(app.store(), p);
// The export lists published posts only: mark all of them published somewhere.
for (const p of posts) {
  recordIntent(app.store(), { postId: p.id, target: 'bench', entryId: p.id, slug: p.id, draft: false }, 'bench:0:x', p.createdAt);
  markPublished(app.store(), p.id, 'bench', { url: `http://127.0.0.1:1/${p.id}` }, p.createdAt);
}
const blog = blogOf(app.config.publish, app.config.box);

const xmlMs = median(await Promise.all([0, 1, 2].map(() => time(() => posts.forEach((p) => toAtomEntryXml(entryToAtom(toEntry(p, blog))))))));
const exportMs = median([await time(() => exportBlog(app.store(), join(dir, 'out'), blog)), await time(() => exportBlog(app.store(), join(dir, 'out'), blog)), await time(() => exportBlog(app.store(), join(dir, 'out'), blog))]);

const box = await serveBox(app, { host: '127.0.0.1', port: 0 });
app.config.box.port = Number(new URL(box.url).port);
const publishMs = await time(async () => {
  for (const p of posts.slice(0, PUBLISH)) await publishStep(app, p.id);
});
const page = (await publishStep(app, posts[0].id)).url;
const serve = async (url: string) => {
  let next = 0;
  const worker = async () => {
    while (next++ < REQUESTS) await (await fetch(url)).arrayBuffer();
  };
  const ms = await time(() => Promise.all(Array.from({ length: 8 }, worker)));
  return (REQUESTS / ms) * 1000;
};
const rates = { index: await serve(box.url), post: await serve(page), feed: await serve(`${box.url}feed.atom`) };
await box.close();

app.config.publish.target = 'static';
app.config.publish.static.contentDir = 'site/content/posts';
const staticMs = await time(async () => {
  for (const p of posts.slice(0, PUBLISH)) await publishStep(app, p.id);
});
app.close();

console.log(`publish bench ${new Date().toISOString()} · node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · load ${loadavg()[0].toFixed(1)}`);
console.log(`entry XML (toEntry + toAtomEntryXml)   ${((xmlMs / POSTS) * 1000).toFixed(0)} µs/post  (${POSTS} posts)`);
console.log(`static export                          ${exportMs.toFixed(0)} ms for ${POSTS} posts (${((exportMs / POSTS)).toFixed(2)} ms/post)`);
console.log(`AtomPub publish to the box             ${(publishMs / PUBLISH).toFixed(1)} ms/post  (${PUBLISH} posts, intent → POST → 201 → stored)`);
console.log(`static publish (Markdown file)         ${(staticMs / PUBLISH).toFixed(1)} ms/post  (${PUBLISH} posts, lock → intent → file + fsync → stored)`);
console.log(`box: index ${rates.index.toFixed(0)} req/s · post page ${rates.post.toFixed(0)} req/s · feed ${rates.feed.toFixed(0)} req/s  (8 at a time)`);
