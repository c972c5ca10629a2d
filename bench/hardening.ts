/**
 * What the hardening costs, and what it prevents (`npx tsx bench/hardening.ts [--no-model]`):
 * - client HTML at the AtomPub edge: sanitize-html alone vs capNesting + sanitize-html on nested,
 *   unclosed and ordinary markup (htmlparser2 is quadratic in nesting depth; the cap makes it linear);
 * - the box end to end: an AtomPub POST of an entry with 6,000 nested tags, then its index and page;
 * - the model's full structural check (checkModelShape) on the Brown corpus's model, against the
 *   JSON.parse of its file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import sanitizeHtml from 'sanitize-html';
import { analyzeCorpus } from '../src/analyze/index.js';
import { createApp } from '../src/cli/app.js';
import { checkModelShape } from '../src/model/check-model-shape.js';
import { serveBox } from '../src/pipeline/serve-box.js';
import { saveModel } from '../src/store/model-file.js';
import { sanitizeClientHtml } from '../src/text/sanitize-client-html.js';
import { buildModel } from '../src/weight/build-model.js';
import { brownCorpus } from './analyze-brown.js';

const ms = (t: number) => `${Math.round(performance.now() - t).toLocaleString('en')} ms`;
const time = <T>(fn: () => T): [T, string] => {
  const t = performance.now();
  const r = fn();
  return [r, ms(t)];
};
const deep = (n: number) => `${'<div>'.repeat(n)}deep text${'</div>'.repeat(n)}`;

function sanitizer(): void {
  console.log('\n## Client HTML at the edge\n');
  console.log('| input | bytes | sanitize-html alone | capNesting + sanitize-html | output bytes |');
  console.log('|---|---:|---:|---:|---:|');
  const cases: Array<[string, string, boolean]> = [
    ['6,000 nested <div>', deep(6_000), true],
    ['24,000 nested <div>', deep(24_000), true],
    ['90,000 nested <div> (~1 MB, box.maxEntryBytes)', deep(90_000), false],
    ['50,000 unclosed <b>', `${'<b>'.repeat(50_000)}x`, false],
    ['1 MB of ordinary paragraphs', '<p>Some <b>bold</b> text and <a href="https://example.org/">a link</a>.</p>'.repeat(13_000), true],
  ];
  for (const [name, html, alone] of cases) {
    const aloneMs = alone ? time(() => sanitizeHtml(html, { nestingLimit: 64 }))[1] : '(not run: minutes)';
    const [out, cappedMs] = time(() => sanitizeClientHtml(html));
    console.log(`| ${name} | ${html.length.toLocaleString('en')} | ${aloneMs} | ${cappedMs} | ${out.length.toLocaleString('en')} |`);
  }
}

async function box(): Promise<void> {
  console.log('\n## The box with a deeply nested entry\n');
  const dir = mkdtempSync(join(tmpdir(), 'webx-bench-hardening-'));
  writeFileSync(join(dir, 'webxcreta.config.json'), JSON.stringify({ box: { port: 0 } }));
  const io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), env: { WEBXCRETA_BOX_PASSWORD: 'pw' }, cwd: dir };
  const app = createApp({ data: dir }, io);
  const running = await serveBox(app, { host: '127.0.0.1', port: 0 });
  try {
    const escaped = deep(6_000).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const body = `<entry xmlns="http://www.w3.org/2005/Atom"><title>Deep</title><content type="html">${escaped}</content></entry>`;
    let t = performance.now();
    const r = await fetch(`${running.url}app/posts`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('webxcreta:pw').toString('base64')}`, 'content-type': 'application/atom+xml;type=entry' },
      body,
    });
    console.log(`- POST /app/posts (${body.length.toLocaleString('en')} bytes, 6,000 nested tags): ${r.status} in ${ms(t)}`);
    for (const path of ['', 'posts/deep', 'feed.atom']) {
      t = performance.now();
      const p = await fetch(`${running.url}${path}`);
      await p.text();
      console.log(`- GET /${path}: ${p.status} in ${ms(t)}`);
    }
  } finally {
    await running.close();
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function model(): void {
  console.log('\n## The model\'s structural check (Brown corpus)\n');
  const corpus = brownCorpus(1);
  const [analysis, analyzeMs] = time(() => analyzeCorpus(corpus));
  const settings = { damping: 'log-squared' as const, ownShare: 0.25, ownOnly: false, commentWeight: 0.2 };
  const [built, buildMs] = time(() => buildModel(corpus, analysis, settings));
  const dir = mkdtempSync(join(tmpdir(), 'webx-bench-model-'));
  try {
    const file = join(dir, 'model.json');
    saveModel(file, built);
    const text = readFileSync(file, 'utf8');
    const [parsed, parseMs] = time(() => JSON.parse(text) as { model: unknown });
    const [problem, checkMs] = time(() => checkModelShape(parsed.model));
    const entries = Object.values(built.lm.levels).reduce((a, l) => a + l.word.length, 0);
    console.log(`- ${corpus.documents.length} documents; analysis ${analyzeMs}, model build ${buildMs}`);
    console.log(`- model file ${(text.length / 1024 / 1024).toFixed(1)} MB: ${built.lm.words.length.toLocaleString('en')} words, ${entries.toLocaleString('en')} context entries`);
    console.log(`- JSON.parse ${parseMs}; checkModelShape ${checkMs} (${problem ?? 'no problem found'})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

sanitizer();
await box();
if (!process.argv.includes('--no-model')) model();
