/**
 * Generated posts for the coherence bench: the stage functions directly (tagText → the language
 * model → generatePost; the full pipeline over HTTP would tag the same 450 texts the same way, only
 * slower), a model from the 450 training texts of Brown-as-blogs, one Brown genre per source, each
 * document weight 1. One post per held-out text (50), seeds `coherence-0` …, at a given focus.
 * The model is cached in the OS temp folder (keyed by the model layout), so reruns skip tagging.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrownText, CoherencePost } from './brown-posts.js';
import { tagText } from '../src/analyze/tag-text.js';
import { buildLanguageModel } from '../src/weight/model/build-language-model.js';
import { lmLayout } from '../src/weight/lm-layout.js';
import { generatePost } from '../src/generate/index.js';
import { THEME_TUNING } from '../src/generate/follow-theme.js';
import type { Post } from '../src/generate/types.js';
import { createRng } from '../src/rng.js';
import { defaults } from '../src/config.js';
import type { AnalyzedDocument } from '../src/analyze/types.js';
import type { Model } from '../src/model/types.js';
import type { LanguageModel } from '../src/model/language-model.js';

const log = (s: string): void => void process.stderr.write(`${s}\n`);

export function brownModel(train: BrownText[]): Model {
  const cache = path.join(os.tmpdir(), `webxcreta-coherence-lm-${lmLayout()}-${train.length}.json`);
  const weights: Record<string, number> = Object.fromEntries(train.map((t) => [`brown/${t.name}`, 1]));
  let lm: LanguageModel;
  if (fs.existsSync(cache)) {
    lm = JSON.parse(fs.readFileSync(cache, 'utf8')) as LanguageModel;
  } else {
    const t = performance.now();
    const docs: AnalyzedDocument[] = train.map((text) => {
      const sentences = text.lines.filter((l) => !l.heading).flatMap((l) => tagText(l.text));
      return { docId: `brown/${text.name}`, sourceId: `brown-${text.name.slice(0, 2)}`, kind: 'post', sentences, tokens: sentences.reduce((a, s) => a + s.words.length, 0) };
    });
    lm = buildLanguageModel(docs, weights, { damping: 'log-squared' });
    fs.writeFileSync(cache, JSON.stringify(lm));
    log(`tagged ${docs.length} texts and built the model in ${((performance.now() - t) / 1000).toFixed(1)} s (cached in ${cache})`);
  }
  const sources = lm.sources.map((sourceId) => ({ sourceId, title: sourceId, kind: 'blog' as const, documents: 0, tokens: 0, rawShare: 0, dampedShare: 1 / lm.sources.length }));
  return {
    version: 1,
    fingerprint: 'brown-coherence',
    settings: { damping: 'log-squared', ownShare: 0, ownOnly: false, commentWeight: 0 },
    sources,
    own: { posts: 0, share: 0 },
    documentWeights: weights,
    lm,
  };
}

/** WEBXCRETA_THEME_TUNING='{"BOOST":60}' overrides the theme knobs for a sweep. */
if (process.env.WEBXCRETA_THEME_TUNING) Object.assign(THEME_TUNING, JSON.parse(process.env.WEBXCRETA_THEME_TUNING) as object);

export function generatedPosts(model: Model, n: number, focus: number, extra: Partial<typeof defaults.generate> = {}): { posts: CoherencePost[]; raw: Post[] } {
  const raw = Array.from({ length: n }, (_, i) => {
    const seed = `coherence-${i}`;
    return generatePost(model, { ...defaults.generate, ...extra, focus }, createRng(seed), { seed, now: '2026-01-01T00:00:00Z' });
  });
  const posts = raw.map((p) => ({
    title: p.title.text,
    sentences: p.paragraphs.flat().map((s) => s.text),
    paragraphs: p.paragraphs.flatMap((para, k) => para.map(() => k)),
    source: p.seed,
  }));
  return { posts, raw };
}
