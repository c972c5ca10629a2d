/**
 * The public entry (src/index.ts, published as `webxcreta` through package.json "exports"): what it
 * names, and the stages used through it alone — a tiny in-memory corpus → Analysis → Model → a post
 * with a fixed seed → an Atom entry.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { analyzeCorpus, buildModel, createRng, defaultConfig, entryToAtom, generatePost, generateSentences, toAtomEntryXml, toEntry, type Corpus, type Post } from '../src/index.js';
import { fixture, readTextDocs } from './generate/model-from-texts.js';

/** The fixture's five documents of three blogs, as a Corpus built in memory. */
function tinyCorpus(): Corpus {
  const docs = readTextDocs(fixture('corpus.json'));
  const sourceIds = [...new Set(docs.map((d) => d.sourceId))];
  return {
    version: 1,
    sources: sourceIds.map((id) => ({ id, url: `https://${id}.example/feed`, title: id, kind: 'blog' })),
    documents: docs.map((d) => ({ id: d.docId, sourceId: d.sourceId, kind: 'post', title: d.title ?? '', text: d.text, commentCount: 0, contentHash: d.docId })),
  };
}

const corpus = tinyCorpus();
const options = { ...defaultConfig.generate, paragraphs: 2, sentencesPerParagraph: 3, minWords: 5, maxWords: 20 };
const meta = { seed: '42', now: '2026-01-01T00:00:00.000Z' };
const makePost = (): Post => {
  const model = buildModel(corpus, analyzeCorpus(corpus), defaultConfig.weight);
  return generatePost(model, options, createRng('42'), meta);
};

describe('the public API', () => {
  it('should name the stages\' entry points and nothing by accident', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'WebxError', 'analyzeCorpus', 'buildModel', 'createRng', 'defaultConfig', 'entryToAtom', 'generatePost', 'generateSentences',
        'generateTitle', 'harvestFeeds', 'inspectModel', 'loadConfig', 'loadModel', 'openStore', 'readCorpus', 'renderWeightPlot',
        'saveModel', 'shareSources', 'toAtomEntryXml', 'toAtomFeedXml', 'toEntry', 'weighDocuments',
      ].sort(),
    );
  });

  it('should build a model from an in-memory corpus and generate the same post for the same seed', () => {
    const post = makePost();
    expect(JSON.stringify(makePost())).toBe(JSON.stringify(post));
    expect(post).toMatchObject({ version: 1, seed: '42', createdAt: meta.now });
    expect(post.title.text.length).toBeGreaterThan(0);
    expect(post.paragraphs.map((p) => p.length)).toEqual([3, 3]);
    const docIds = new Set(corpus.documents.map((d) => d.id));
    for (const s of [post.title, ...post.paragraphs.flat()]) {
      expect(s.text).toMatch(/^[A-Z]/);
      for (const p of s.provenance) expect(docIds.has(p.docId)).toBe(true);
    }
  });

  it('should give the model\'s source shares and sentences through the same entry', () => {
    const model = buildModel(corpus, analyzeCorpus(corpus), defaultConfig.weight);
    expect(model.sources.map((s) => s.sourceId).sort()).toEqual(['city-days', 'garden-log', 'river-notes']);
    expect(model.sources.reduce((a, s) => a + s.dampedShare, 0)).toBeCloseTo(1, 12);
    expect(model.own).toEqual({ posts: 0, share: 0 });
    expect(generateSentences(model, 3, options, createRng('7'))).toHaveLength(3);
  });

  it('should turn the post into an Atom entry', () => {
    const post = makePost();
    const entry = toEntry(post, { title: 'Test', author: 'Bot', baseUrl: 'https://blog.example/' });
    expect(entry).toMatchObject({ title: post.title.text, postId: post.id, author: { name: 'Bot' } });
    const xml = toAtomEntryXml(entryToAtom(entry));
    expect(xml).toContain(`<id>${entry.id}</id>`);
    expect(xml).toContain('<title');
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const build = JSON.parse(readFileSync(new URL('../tsconfig.build.json', import.meta.url), 'utf8'));

  it('should export src/index.ts as built by tsconfig.build.json, and keep the bin', () => {
    expect(build.compilerOptions).toMatchObject({ rootDir: 'src', outDir: 'dist', declaration: true });
    expect(pkg.exports).toEqual({ '.': { types: './dist/index.d.ts', import: './dist/index.js' }, './package.json': './package.json' });
    expect(pkg.bin).toEqual({ webxcreta: 'bin/webxcreta.js' });
    expect(pkg.files).toContain('dist');
  });
});
