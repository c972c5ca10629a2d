/**
 * Test helper: a Model from plain texts, through the real tagger and the real model builder
 * (every document weighs 1). Not a test file itself.
 */
import fs from 'node:fs';
import { tagText } from '../../src/analyze/tag-text.js';
import type { AnalyzedDocument } from '../../src/analyze/types.js';
import { buildLanguageModel } from '../../src/weight/model/build-language-model.js';
import type { Damping } from '../../src/model/damping.js';
import type { Model } from '../../src/model/types.js';

export interface TextDoc {
  docId: string;
  sourceId: string;
  title?: string;
  text: string;
}

export function analyzeTexts(docs: TextDoc[]): AnalyzedDocument[] {
  return docs.map((d) => {
    const sentences = tagText(d.text);
    return {
      docId: d.docId,
      sourceId: d.sourceId,
      kind: 'post',
      ...(d.title ? { title: tagText(d.title)[0] } : {}),
      sentences,
      tokens: sentences.reduce((a, s) => a + s.words.length, 0),
    };
  });
}

export function modelFromTexts(docs: TextDoc[], damping: Damping = 'log-squared'): Model {
  const analyzed = analyzeTexts(docs);
  const documentWeights = Object.fromEntries(analyzed.map((d) => [d.docId, 1]));
  return {
    version: 1,
    fingerprint: 'test',
    settings: { damping, ownShare: 0, ownOnly: false, commentWeight: 0.2 },
    sources: [],
    own: { posts: 0, share: 0 },
    documentWeights,
    lm: buildLanguageModel(analyzed, documentWeights, { damping }),
  };
}

export const readTextDocs = (file: string): TextDoc[] => JSON.parse(fs.readFileSync(file, 'utf8')) as TextDoc[];

export const fixture = (name: string): string => new URL(`../fixtures/generate/${name}`, import.meta.url).pathname;
