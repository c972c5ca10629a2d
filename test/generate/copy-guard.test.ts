import { describe, expect, it } from 'vitest';
import { generateSentences } from '../../src/generate/index.js';
import { defaults } from '../../src/config.js';
import { createRng } from '../../src/rng.js';
import { WebxError } from '../../src/errors.js';
import { modelFromTexts } from './model-from-texts.js';

/** Few, near-identical sentences: a generator that copies would copy here. */
const tempting = [
  'The old man walked to the market in the morning and bought fresh bread for his family.',
  'The old man walked to the river in the evening and caught fresh fish for his family.',
  'The young woman walked to the market in the morning and bought fresh flowers for her mother.',
  'The young woman walked to the station in the evening and bought warm bread for her mother.',
  'The tired farmer walked to the field in the morning and planted new seeds for his family.',
  'The tired farmer drove to the market in the afternoon and sold fresh eggs for his neighbours.',
].join(' ');

const model = modelFromTexts([{ docId: 'd1', sourceId: 's1', text: tempting }]);
const corpus = tempting.split(/(?<=\.) /).map(words);

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Longest run of consecutive words shared with one corpus sentence, checked naively. */
function longestSharedRun(s: string[]): number {
  let best = 0;
  for (const c of corpus) {
    for (let i = 0; i < s.length; i++) {
      for (let j = 0; j < c.length; j++) {
        let k = 0;
        while (i + k < s.length && j + k < c.length && s[i + k] === c[j + k]) k++;
        best = Math.max(best, k);
      }
    }
  }
  return best;
}

describe('the copy guard', () => {
  for (const maxSharedRun of [7, 4]) {
    it(`should never share more than ${maxSharedRun} consecutive words with a corpus sentence`, () => {
      const options = { ...defaults.generate, minWords: 5, maxWords: 30, maxSharedRun };
      const sentences = generateSentences(model, 150, options, createRng(`guard-${maxSharedRun}`));
      expect(sentences.length).toBeGreaterThan(100);
      for (const s of sentences) {
        const ws = words(s.text);
        expect(longestSharedRun(ws), s.text).toBeLessThanOrEqual(maxSharedRun);
        expect(corpus.some((c) => c.join(' ') === ws.join(' ')), s.text).toBe(false);
      }
    });
  }

  it('should say so, not loop, when nothing new can be made', () => {
    const one = modelFromTexts([{ docId: 'd', sourceId: 's', text: 'The old cat sat quietly.' }]);
    const run = () => generateSentences(one, 5, { ...defaults.generate, minWords: 3 }, createRng('one'));
    expect(run).toThrow(WebxError);
    expect(run).toThrow(/could not make a sentence that copies no corpus run longer than 7 words/);
  });
});
