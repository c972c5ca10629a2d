/**
 * `npm run bench:analyze`: analysis and model-building speed and memory on the Brown corpus
 * (~1.16M tokens) and on ten variant copies of it (~9.5M tokens). Each size runs in its own child
 * process, so each peak memory figure (max RSS) is that size's alone.
 *
 *   raw wink      wink-nlp readDoc (sbd + pos) and its POS tags out, nothing else ("tags");
 *                 also the same with the words out ("word/tag"), a tagger's usual output
 *   analyze       webXcreta's analyzeStore: tagging, packing, SQLite writes in batches
 *   ratio         analyze speed ÷ raw speed (tags-only, and word/tag), the median over
 *                 25-document steps (target ≥ 0.7)
 * Speeds are tokens per CPU second of this process (user + system), which a busy shared machine
 * disturbs far less than wall time. Raw and analyze alternate every 25 documents (see
 * `measureInterleaved`), so load from other processes hits both alike.
 *   load          loadAnalysis: every stored analysis back into memory (+ heap it holds)
 *   model         buildModel: weighting + the language model; then its file saved and loaded
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyzeStore } from '../src/pipeline/analyze-step.js';
import { packAnalyzedText } from '../src/analyze/pack-text.js';
import { loadAnalysis } from '../src/store/analyses.js';
import { readCorpus } from '../src/store/read-corpus.js';
import type { Corpus } from '../src/harvest/types.js';
import { openStore, type Store } from '../src/store/open-store.js';
import { buildModel } from '../src/weight/build-model.js';
import { loadModel, saveModel } from '../src/store/model-file.js';
import { brownCorpus } from './analyze-brown.js';

interface SizeResult {
  copies: number;
  documents: number;
  tokens: number;
  rawTokensPerSec: number;
  rawPairTokensPerSec: number;
  analyzeTokensPerSec: number;
  ratio: number;
  pairRatio: number;
  analyzeSec: number;
  loadSec: number;
  analysisHeapMB: number;
  modelSec: number;
  modelFileMB: number;
  saveSec: number;
  loadModelSec: number;
  dbMB: number;
  peakRssMB: number;
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const sec = (ms: number) => Math.round(ms / 10) / 100;
const heapMB = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return mb(process.memoryUsage().heapUsed);
};

/** CPU milliseconds (user + system) spent by this process since `from`. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

const nlp = winkNLP(model, ['sbd', 'pos']);

type Doc = Corpus['documents'][number];

/** wink-nlp alone: read each text and take its POS tags out (and, with `words`, the words too). */
function tagRaw(docs: Doc[], words = false): number {
  const its = nlp.its;
  let tokens = 0;
  for (const d of docs) {
    for (const text of d.title ? [d.title, d.text] : [d.text]) {
      const t = nlp.readDoc(text).tokens();
      if (words) t.out();
      tokens += t.out(its.pos).length;
    }
  }
  return tokens;
}

function insertDocuments(store: Store, docs: Doc[]): void {
  const addDoc = store.prepare(
    `INSERT INTO documents (id, source_id, kind, guid, title, text, comment_count, content_hash, fetched_at, updated_at)
     VALUES (?, ?, 'post', ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
  );
  store.transaction(() => {
    for (const d of docs) addDoc.run(d.id, d.sourceId, d.id, d.title, d.text, d.commentCount, d.contentHash);
  })();
}

/** Documents per step: small enough that a burst of load from elsewhere hits both measurements alike. */
const STEP = 25;

/**
 * Raw tagging and webXcreta's analysis measured step by step over the same documents: tag a step
 * raw; store it (untimed) and let `analyzeStore` tag it incrementally, as hourly harvests do.
 */
function measureInterleaved(store: Store, corpus: Corpus) {
  const addSource = store.prepare("INSERT INTO sources (id, url, title, kind, added_at) VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z')");
  for (const src of corpus.sources) addSource.run(src.id, src.url, src.title, src.kind);
  tagRaw(corpus.documents.slice(0, 20)); // warm up both paths
  for (const d of corpus.documents.slice(0, 20)) packAnalyzedText(d);
  let rawTokens = 0;
  let rawMs = 0;
  let analyzeMs = 0;
  let wallMs = 0;
  let tokens = 0;
  let pairMs = 0;
  const ratios: number[] = [];
  const pairRatios: number[] = [];
  for (let i = 0; i < corpus.documents.length; i += STEP) {
    const step = corpus.documents.slice(i, i + STEP);
    // wink-nlp adds words it has not seen to the model object shared by every instance, so
    // whoever reads a text first pays for its new words: raw and analyze take turns going first.
    const rawFirst = (i / STEP) % 2 === 0;
    const timeRaw = () => {
      const cpu = process.cpuUsage();
      rawTokens += tagRaw(step);
      return cpuMs(cpu);
    };
    const timeAnalyze = () => {
      insertDocuments(store, step);
      const cpu = process.cpuUsage();
      const wall = performance.now();
      tokens = analyzeStore(store).tokens;
      wallMs += performance.now() - wall;
      return cpuMs(cpu);
    };
    const timePair = () => {
      const cpu = process.cpuUsage();
      tagRaw(step, true);
      return cpuMs(cpu);
    };
    let stepRawMs = 0;
    let stepMs = 0;
    if (rawFirst) stepRawMs = timeRaw();
    else stepMs = timeAnalyze();
    const stepPairMs = timePair();
    if (rawFirst) stepMs = timeAnalyze();
    else stepRawMs = timeRaw();
    rawMs += stepRawMs;
    pairMs += stepPairMs;
    analyzeMs += stepMs;
    ratios.push(stepRawMs / stepMs);
    pairRatios.push(stepPairMs / stepMs);
  }
  // Medians of the per-step ratios: a burst of load that hits one side of one step moves them little.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    raw: rawTokens / rawMs,
    pair: rawTokens / pairMs,
    analyze: tokens / analyzeMs,
    ratio: median(ratios),
    pairRatio: median(pairRatios),
    wallMs,
    tokens,
  };
}

function runSize(copies: number): SizeResult {
  const dir = mkdtempSync(join(tmpdir(), 'webx-bench-analyze-'));
  try {
    const store = openStore(join(dir, 'webxcreta.db'));
    const corpus = brownCorpus(copies);
    const documents = corpus.documents.length;
    const m = measureInterleaved(store, corpus);
    const raw = m.raw;
    const analyzeRate = m.analyze;
    const analyzeWallMs = m.wallMs;
    const analyzed = { tokens: m.tokens };
    let t = performance.now();
    const settings = { damping: 'log-squared' as const, ownShare: 0.25, ownOnly: false, commentWeight: 0.2 };
    const stored = readCorpus(store);
    const before = heapMB();
    t = performance.now();
    const analysis = loadAnalysis(store);
    const loadMs = performance.now() - t;
    const analysisHeapMB = Math.round((heapMB() - before) * 10) / 10;
    t = performance.now();
    const built = buildModel(stored, analysis, settings);
    const modelMs = performance.now() - t;
    const file = join(dir, 'model.bin');
    t = performance.now();
    saveModel(file, built);
    const saveMs = performance.now() - t;
    t = performance.now();
    loadModel(file);
    const loadModelMs = performance.now() - t;
    store.close();
    return {
      copies,
      documents,
      tokens: analyzed.tokens,
      rawTokensPerSec: Math.round(raw * 1000),
      rawPairTokensPerSec: Math.round(m.pair * 1000),
      analyzeTokensPerSec: Math.round(analyzeRate * 1000),
      ratio: Math.round(m.ratio * 100) / 100,
      pairRatio: Math.round(m.pairRatio * 100) / 100,
      analyzeSec: sec(analyzeWallMs),
      loadSec: sec(loadMs),
      analysisHeapMB,
      modelSec: sec(modelMs),
      modelFileMB: mb(statSync(file).size),
      saveSec: sec(saveMs),
      loadModelSec: sec(loadModelMs),
      dbMB: mb(statSync(join(dir, 'webxcreta.db')).size + (statSync(join(dir, 'webxcreta.db-wal'), { throwIfNoEntry: false })?.size ?? 0)),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runChild(copies: number): SizeResult {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=12000', ...process.execArgv, self, '--child', String(copies)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`the ${copies}-copy run failed (exit ${r.status})`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as SizeResult;
}

function table(rows: SizeResult[]): string {
  const cols: [string, (r: SizeResult) => string | number][] = [
    ['tokens', (r) => r.tokens.toLocaleString('en-US')],
    ['docs', (r) => r.documents],
    ['raw tags tok/cpu-s', (r) => r.rawTokensPerSec.toLocaleString('en-US')],
    ['raw word/tag tok/cpu-s', (r) => r.rawPairTokensPerSec.toLocaleString('en-US')],
    ['analyze tok/cpu-s', (r) => r.analyzeTokensPerSec.toLocaleString('en-US')],
    ['ratio (tags)', (r) => r.ratio.toFixed(2)],
    ['ratio (word/tag)', (r) => r.pairRatio.toFixed(2)],
    ['analyze wall s', (r) => r.analyzeSec],
    ['load analysis s', (r) => r.loadSec],
    ['analysis heap MB', (r) => r.analysisHeapMB],
    ['model build s', (r) => r.modelSec],
    ['model file MB', (r) => r.modelFileMB],
    ['save/load model s', (r) => `${r.saveSec}/${r.loadModelSec}`],
    ['db MB', (r) => r.dbMB],
    ['peak RSS MB', (r) => r.peakRssMB],
  ];
  const lines = [`| ${cols.map(([h]) => h).join(' | ')} |`, `|${cols.map(() => '---:').join('|')}|`];
  for (const r of rows) lines.push(`| ${cols.map(([, f]) => f(r)).join(' | ')} |`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child');
  if (childAt >= 0) {
    const copies = Number(process.argv[childAt + 1]);
    process.stdout.write(`${JSON.stringify(runSize(copies))}\n`);
    return;
  }
  const sizes = process.argv.includes('--quick') ? [1] : [1, 10];
  const rows: SizeResult[] = [];
  for (const copies of sizes) {
    process.stderr.write(`analyzing ${copies} cop${copies === 1 ? 'y' : 'ies'} of the Brown corpus…\n`);
    rows.push(runChild(copies));
  }
  const out = [`bench:analyze ${new Date().toISOString().slice(0, 10)} (node ${process.version})`, '', table(rows)];
  if (rows.length === 2) {
    const [a, b] = rows;
    const k = b.tokens / a.tokens;
    out.push('', `×${k.toFixed(1)} tokens → analyze time ×${(b.analyzeSec / a.analyzeSec).toFixed(1)}, model build ×${(b.modelSec / a.modelSec).toFixed(1)}, analysis heap ×${(b.analysisHeapMB / a.analysisHeapMB).toFixed(1)}, model file ×${(b.modelFileMB / a.modelFileMB).toFixed(1)}, peak RSS ×${(b.peakRssMB / a.peakRssMB).toFixed(1)}`);
  }
  const text = out.join('\n');
  process.stdout.write(`${text}\n`);
  mkdirSync('.bench', { recursive: true });
  writeFileSync(join('.bench', 'analyze.json'), JSON.stringify(rows, null, 2));
}

await main();
