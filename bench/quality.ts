/**
 * `npm run bench:quality`: the generator against real English and against Markov chains, judged
 * from outside. Builds the model from the Brown corpus (~1M tokens, 300 sentences held out),
 * generates N sentences with fixed seeds, runs `../shared/judge/judge` on them, on the held-out
 * sentences and on RiTa's Markov output (n=2; n=3 with maxLengthMatch 7), and prints a table.
 *
 * Flags: --n N (sentences, default 300), --quick (no RiTa; 100 Brown files), --no-rita,
 * --files K (first K Brown files), --temperature T, --min W, --max W, --run R (maxSharedRun), --out DIR.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { tagText } from '../src/analyze/tag-text.js';
import { buildLanguageModel } from '../src/weight/model/build-language-model.js';
import { generateSentences, type GenerateOptions } from '../src/generate/index.js';
import { createRng } from '../src/rng.js';
import { defaults } from '../src/config.js';
import type { Model } from '../src/model/types.js';
import { analyzeBrown, holdOut, readBrown } from './quality-corpus.js';
import { judge } from './quality-judge.js';
import { runRita } from './quality-rita.js';
import { formatTable, type Row } from './quality-table.js';

const { values: flags } = parseArgs({
  options: {
    n: { type: 'string', default: '300' },
    quick: { type: 'boolean', default: false },
    'no-rita': { type: 'boolean', default: false },
    files: { type: 'string' },
    temperature: { type: 'string' },
    min: { type: 'string' },
    max: { type: 'string' },
    run: { type: 'string' },
    /** generate.focus for the batch (default 0: brainstorm's independent sentences). */
    focus: { type: 'string' },
    out: { type: 'string' },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const n = Number(flags.n);
const out = flags.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'webxcreta-quality-'));
fs.mkdirSync(out, { recursive: true });
const log = (s: string): void => void process.stderr.write(`${s}\n`);
const options: GenerateOptions = {
  ...defaults.generate,
  minWords: Number(flags.min ?? 8),
  maxWords: Number(flags.max ?? 24),
  temperature: Number(flags.temperature ?? defaults.generate.temperature),
  maxSharedRun: Number(flags.run ?? defaults.generate.maxSharedRun),
  focus: Number(flags.focus ?? 0),
};

// 1. corpus: Brown, 300 sentences held out, the rest one line each for the judge
const files = readBrown(flags.files ? Number(flags.files) : flags.quick ? 100 : Infinity);
const { train, heldOut } = holdOut(files, 300);
const trainLines = train.flatMap((f) => f.sentences);
const corpusFile = path.join(out, 'corpus.txt');
fs.writeFileSync(corpusFile, `${trainLines.join('\n')}\n`);

// 2. model: tag with wink-nlp, build the language model (timed apart)
let t = performance.now();
const docs = analyzeBrown(train, tagText);
const tagS = (performance.now() - t) / 1000;
const tokens = docs.reduce((a, d) => a + d.tokens, 0);
t = performance.now();
const weights = Object.fromEntries(docs.map((d) => [d.docId, 1]));
const lm = buildLanguageModel(docs, weights, { damping: 'log-squared' });
const buildS = (performance.now() - t) / 1000;
const model: Model = {
  version: 1,
  fingerprint: 'brown',
  settings: { damping: 'log-squared', ownShare: 0, ownOnly: false, commentWeight: 0 },
  sources: [],
  own: { posts: 0, share: 0 },
  documentWeights: weights,
  lm,
};
log(`brown: ${tokens} tokens in ${docs.length} files, tagged in ${tagS.toFixed(1)} s, model built in ${buildS.toFixed(1)} s`);

// 3. generate: one fixed seed, one call (as `brainstorm -n N` does); the warm-up builds the copy guard
t = performance.now();
generateSentences(model, 1, options, createRng('warm-up'));
const warmS = (performance.now() - t) / 1000;
const ours = generateSentences(model, n, options, createRng('quality')).map((s) => s.text);
// speed on at least 2,000 sentences of another seed: a few hundred take too little time to time
const speedN = Math.max(n, 2000);
t = performance.now();
generateSentences(model, speedN, options, createRng('speed'));
const genS = (performance.now() - t) / 1000;
const peakMb = process.resourceUsage().maxRSS / 1024;
log(`webxcreta: ${speedN} sentences in ${genS.toFixed(2)} s (guard and indexes ${warmS.toFixed(2)} s); judging ${ours.length}…`);

const rows: Row[] = [
  { name: 'webXcreta', verdict: judge(root, ours, corpusFile, out, 'webxcreta'), buildS: tagS + buildS + warmS, perSecond: speedN / genS, peakMb },
  { name: 'real held-out sentences', verdict: judge(root, heldOut.slice(0, n), corpusFile, out, 'held-out') },
];
if (!flags.quick && !flags['no-rita']) {
  for (const [name, order, match] of [['rita markov n=2', 2, undefined], ['rita markov n=3, maxLengthMatch 7', 3, 7]] as const) {
    log(`${name}: generating ${n}…`);
    const r = runRita(trainLines, n, order, match);
    rows.push({ name, verdict: judge(root, r.sentences, corpusFile, out, `rita-${order}`), buildS: r.buildMs / 1000, perSecond: r.sentences.length / (r.genMs / 1000) });
  }
}
process.stdout.write(`\nQuality on Brown (${tokens} tokens), ${n} sentences each, ${new Date().toISOString().slice(0, 10)}; files in ${out}\n\n`);
process.stdout.write(`${formatTable(rows)}\n`);
for (const r of rows.slice(2)) process.stdout.write(`\nwebXcreta makes ${(rows[0].perSecond! / r.perSecond!).toFixed(0)}× the sentences per second of ${r.name}.`);
process.stdout.write(`\nwebXcreta: tagging ${tagS.toFixed(1)} s + model build ${buildS.toFixed(1)} s + indexes ${warmS.toFixed(2)} s; options ${JSON.stringify(options)}\n`);
