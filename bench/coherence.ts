/**
 * `npm run bench:coherence`: do posts hold a theme? Brown-as-blogs (brown-posts.ts):
 * every 10th Brown text is a held-out "real post" (the ceiling), random mixtures of their
 * sentences are the floor, and generated posts — from a model trained on the other 450 texts —
 * are placed between them (normalised 0 = random, 1 = real). Measures: coherence-metrics.ts.
 *
 *   npm run bench:coherence -- [--focus 0,0.6] [--samples] [--title lead|sentence|heading|category] [--sentences 16]
 *        [--idf posts|sentences] [--seed S] [--judge] [--json]
 *
 * --judge also runs ../shared/judge/judge (Link Grammar) on every row's body sentences for the
 * grammatical share (needs Debian link-grammar; about a minute per 800 sentences).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomMixtures, readBrownTexts, sentencePool, splitBrown, toPost, type CoherencePost, type TitleKind } from './brown-posts.js';
import { brownModel, generatedPosts } from './coherence-posts.js';
import { defaults } from '../src/config.js';
import { buildIdf, normalise, scorePosts, tagPosts, winkTagger, type CoherenceScores, type Idf, type TaggedPost } from './coherence-metrics.js';

const { values: flags } = parseArgs({
  options: {
    title: { type: 'string', default: 'lead' },
    sentences: { type: 'string', default: '16' },
    idf: { type: 'string', default: 'posts' },
    seed: { type: 'string', default: 'coherence-random' },
    'floor-sets': { type: 'string', default: '5' },
    judge: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    focus: { type: 'string' },
    samples: { type: 'boolean', default: false },
  },
});
const log = (s: string): void => void process.stderr.write(`${s}\n`);

// 1. corpus and split
const texts = readBrownTexts();
const { train, heldOut } = splitBrown(texts);
const real = heldOut.map((t) => toPost(t, { title: flags.title as TitleKind, sentences: Number(flags.sentences) }));
// the floor is noisy (one set of 50 mixtures: cohesion 0.002–0.006 across seeds), so it is the
// mean over `--floor-sets` independent sets (seeds SEED-0, SEED-1, …)
const pool = sentencePool(heldOut);
const randomSets = Array.from({ length: Number(flags['floor-sets']) }, (_, k) => randomMixtures(real, pool, `${flags.seed}-${k}`));
log(`brown: ${texts.length} texts; ${train.length} train, ${heldOut.length} held out as real posts (${real.reduce((a, p) => a + p.sentences.length, 0)} body sentences)`);

// 2. tag, idf from the reference corpus (the real posts)
const tagger = winkTagger();
let t = performance.now();
const realTagged = tagPosts(real, tagger);
const idf: Idf =
  flags.idf === 'sentences'
    ? buildIdf(realTagged.flatMap((p) => p.sentences))
    : buildIdf(realTagged.map((p) => ({ content: p.sentences.flatMap((s) => s.content) })));
log(`tagged in ${((performance.now() - t) / 1000).toFixed(1)} s; idf over ${idf.n} ${flags.idf === 'sentences' ? 'sentences' : 'posts'}, ${idf.df.size} lemmas`);

interface RowIn {
  name: string;
  posts: CoherencePost[];
  tagged?: TaggedPost[];
}
const rows: RowIn[] = [
  { name: 'real held-out posts (ceiling)', posts: real, tagged: realTagged },
];

// ---------------------------------------------------------------------------------------------
// 3. generated posts, at focus 0 (independent sentences) and at each --focus (default: the config's)
{
  const model = brownModel(train);
  const focuses = (flags.focus ?? `0,${defaults.generate.focus}`).split(',').map(Number).filter((f, i, all) => all.indexOf(f) === i);
  for (const focus of focuses) {
    const t0 = performance.now();
    const { posts } = generatedPosts(model, real.length, focus);
    log(`${posts.length} posts at focus ${focus} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    rows.push({ name: `webXcreta focus ${focus}${focus === defaults.generate.focus ? ' (default)' : ''}`, posts });
    if (flags.samples) for (const p of posts.slice(0, 2)) log(`\n# ${p.title}\n${p.sentences.join(' ')}\n`);
  }
}
for (const file of (process.env.WEBXCRETA_COHERENCE_POSTS ?? '').split(',').filter(Boolean)) {
  rows.push({ name: path.basename(file, '.json'), posts: JSON.parse(fs.readFileSync(file, 'utf8')) as CoherencePost[] });
}

t = performance.now();
const scoreOf = (posts: CoherencePost[], tagged?: TaggedPost[]): CoherenceScores => scorePosts(posts, tagged ?? tagPosts(posts, tagger), idf);
const floorScores = meanScores(randomSets.map((p) => scoreOf(p)));
const scored = [
  { ...rows[0], scores: scoreOf(rows[0].posts, rows[0].tagged) },
  { name: `random mixtures (floor, mean of ${randomSets.length} sets)`, posts: randomSets[0], scores: floorScores },
  ...rows.slice(1).map((r) => ({ ...r, scores: scoreOf(r.posts, r.tagged) })),
];
log(`scored in ${((performance.now() - t) / 1000).toFixed(1)} s`);

function meanScores(all: CoherenceScores[]): CoherenceScores {
  const out = { ...all[0] };
  for (const k of Object.keys(out) as (keyof CoherenceScores)[]) out[k] = all.reduce((a, x) => a + x[k], 0) / all.length;
  return out;
}

// 4. the judge (optional): grammatical share of every row's body sentences
const grammatical = new Map<string, number>();
if (flags.judge) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'webxcreta-coherence-'));
  const judge = path.resolve(import.meta.dirname, '../../shared/judge/judge');
  for (const [i, r] of scored.entries()) {
    const file = path.join(dir, `row${i}.txt`);
    fs.writeFileSync(file, `${r.posts.flatMap((p) => p.sentences).map((s) => s.replace(/\s+/g, ' ').trim()).join('\n')}\n`);
    log(`judging ${r.name}…`);
    const out = execFileSync(judge, [file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    grammatical.set(r.name, (JSON.parse(out.trim().split('\n').pop()!) as { grammatical: number }).grammatical);
  }
}

// 5. the table
const ceiling = scored[0].scores;
const floor = scored[1].scores;
const issue: Partial<Record<keyof CoherenceScores, [number, number]>> = {
  cohesion: [0.074, 0.002],
  nounContinuity: [0.292, 0.018],
  titleBody: [0.306, 0.052],
};
const normed = (k: 'cohesion' | 'nounContinuity' | 'titleBody' | 'cohesionNoTop', s: CoherenceScores): number => normalise(s[k], floor[k], ceiling[k]);
const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');
const pct = (x: number | undefined): string => (x === undefined ? '–' : `${(x * 100).toFixed(1)}%`);

if (flags.json) {
  process.stdout.write(`${JSON.stringify({ options: flags, rows: scored.map((r) => ({ name: r.name, ...r.scores, grammatical: grammatical.get(r.name) })) }, null, 2)}\n`);
} else {
  const out: string[] = [];
  out.push(`\nCoherence on Brown-as-blogs: ${real.length} real posts (every 10th text), title ${flags.title}, ≤${flags.sentences} body sentences, idf over ${flags.idf}; ${new Date().toISOString().slice(0, 10)}\n`);
  out.push('| posts | cohesion (norm) | noun continuity (norm) | title-body (norm) | cohesion w/o top word (norm) | repeated content tokens | dup sentences (set / in post) | distinct-2 | grammatical |');
  out.push('|---|---|---|---|---|---|---|---|---|');
  for (const r of scored) {
    const s = r.scores;
    out.push(
      `| ${r.name} | ${f3(s.cohesion)} (${f3(normed('cohesion', s))}) | ${f3(s.nounContinuity)} (${f3(normed('nounContinuity', s))}) | ${f3(s.titleBody)} (${f3(normed('titleBody', s))}) | ${f3(s.cohesionNoTop)} (${f3(normed('cohesionNoTop', s))}) | ${f3(s.repeatedContent)} | ${pct(s.duplicateSentences)} / ${pct(s.duplicateWithinPost)} | ${f3(s.distinct2)} | ${pct(grammatical.get(r.name))} |`,
    );
  }
  out.push('\nThe issue\'s reference numbers (real / random) against these:');
  for (const [k, [r, f]] of Object.entries(issue) as [keyof CoherenceScores, [number, number]][]) {
    out.push(`  ${k.padEnd(15)} issue ${r.toFixed(3)} / ${f.toFixed(3)}   here ${f3(ceiling[k] as number)} / ${f3(floor[k] as number)}`);
  }
  const targets = [
    ['cohesion', '≥ 0.5 norm', (s: CoherenceScores) => normed('cohesion', s) >= 0.5],
    ['noun continuity', '≥ 0.5 norm', (s: CoherenceScores) => normed('nounContinuity', s) >= 0.5],
    ['title-body', '≥ 0.7 norm', (s: CoherenceScores) => normed('titleBody', s) >= 0.7],
    ['cohesion w/o top word', '≥ 0.35 norm', (s: CoherenceScores) => normed('cohesionNoTop', s) >= 0.35],
    ['repeated content tokens', '≤ real', (s: CoherenceScores) => s.repeatedContent <= ceiling.repeatedContent],
    ['distinct-2', '≥ real − 0.03', (s: CoherenceScores) => s.distinct2 >= ceiling.distinct2 - 0.03],
  ] as const;
  for (const r of scored.slice(2)) {
    out.push(`\nTargets for ${r.name}: ${targets.map(([name, rule, ok]) => `${name} ${rule} ${ok(r.scores) ? 'ok' : 'MISS'}`).join('; ')}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
