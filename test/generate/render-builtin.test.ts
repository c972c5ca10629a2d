/**
 * Rendering on the built-in sample blogosphere (`corpus/`), harvested over real HTTP from a
 * loopback server as the default run does: over 1,000 generated sentences, no word that the
 * corpus never contains (no "Thefifth", "fiscalyear", "in1995-2007", "can not" where the corpus
 * wrote "cannot" is fine only because both are words of the corpus), and "cannot", "$11",
 * "U.S." joined as written.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../src/config.js';
import { addSource, harvestFeeds, parseOpml, readCorpus } from '../../src/harvest/index.js';
import { analyzeStore } from '../../src/pipeline/analyze-step.js';
import { BUILTIN_OPML, builtinCorpusDir, serveBuiltinCorpus } from '../../src/pipeline/serve-builtin-corpus.js';
import { loadAnalysis } from '../../src/store/analyses.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { buildModel, pickSettings } from '../../src/weight/build-model.js';
import { generateSentences } from '../../src/generate/index.js';
import { createRng } from '../../src/rng.js';
import type { Model } from '../../src/model/types.js';
import type { GeneratedSentence } from '../../src/generate/types.js';

/**
 * Words as a reader sees them: runs of letters and digits, joined by "-", "." or an apostrophe
 * ("state-sponsored", "U.S", "35.4", "don't"), lower case; a clitic ("'s", "n't") is cut off so
 * that "Norway's" counts as "norway" (the possessive of a known word is no new word).
 */
function wordsOf(text: string): string[] {
  const found = text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-.'’][\p{L}\p{N}]+)*/gu) ?? [];
  return found.map((w) => w.replace(/(?:['’](?:s|re|ve|d|ll|m)|n['’]t)$/, ''));
}

let store: Store;
let model: Model;
let vocabulary: Set<string>;
let sentences: GeneratedSentence[];

beforeAll(async () => {
  const served = await serveBuiltinCorpus();
  try {
    store = openStore(':memory:');
    for (const feed of parseOpml(readFileSync(`${builtinCorpusDir}blogs.opml`, 'utf8'), BUILTIN_OPML)) {
      addSource(store, feed.xmlUrl, { title: feed.title, siteUrl: feed.htmlUrl });
    }
    await harvestFeeds(store, undefined, { ...defaults.harvest, urlMap: served.urlMap, allowHosts: [new URL(served.url).host], timeoutMs: 20_000 });
  } finally {
    await served.close();
  }
  analyzeStore(store);
  const corpus = readCorpus(store);
  // A compound's parts are corpus words too: "Olca-Paruma" is tokenized "Olca" "-" "Paruma".
  vocabulary = new Set(corpus.documents.flatMap((d) => [...wordsOf(d.title), ...wordsOf(d.text)]).flatMap((w) => [w, ...w.split(/[-.]/)]));
  model = buildModel(corpus, loadAnalysis(store, {}), pickSettings(defaults.weight));
  sentences = generateSentences(model, 1000, { ...defaults.generate }, createRng('render-builtin'));
}, 240_000);

afterAll(() => store?.close());

describe('rendering on the built-in corpus', () => {
  it('should make 1,000 sentences with no word the corpus never contains', () => {
    expect(sentences.length).toBe(1000);
    expect(vocabulary.size).toBeGreaterThan(5000);
    const unknown = sentences.flatMap((s) => wordsOf(s.text).filter((w) => !vocabulary.has(w)).map((w) => `${w} in: ${s.text}`));
    expect(unknown).toEqual([]);
  });

  it('should join "cannot" and "$4 billion" as the corpus writes them', () => {
    const texts = sentences.map((s) => s.text).join('\n');
    expect(texts).not.toMatch(/\bcan not\b/i);
    expect(texts).not.toMatch(/\$ \d/);
    expect(texts).toMatch(/\$\d/);
  });
});
