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

describe('the copy guard on what is printed', () => {
  const romeo = [
    'ROMEO: Courage, man; the hurt cannot be much.',
    'MERCUTIO: No, it cannot be so deep as a well.',
    'The Prince cannot pardon the Montague boy.',
  ];
  const verona = modelFromTexts(romeo.map((text, i) => ({ docId: `r${i}`, sourceId: 'verona', text })));
  const printed = (s: string) => s.toLowerCase().replace(/\bcannot\b/g, 'can not').replace(/\ban\b/g, 'a').match(/[\p{L}\p{N}']+/gu)!.join(' ');

  it('should refuse a corpus sentence whatever its spelling of "cannot" or its capitals', async () => {
    const { buildCopyGuard, isPrintedCopy } = await import('../../src/generate/copy-guard.js');
    const guard = buildCopyGuard(verona.lm, 7);
    for (const text of [
      'ROMEO: Courage, man; the hurt cannot be much.',
      'Romeo: courage, man; the hurt can not be much.',
      'romeo courage man the hurt CANNOT be much',
      'The prince can not pardon the Montague boy.',
    ]) {
      expect(isPrintedCopy(guard, text), text).toBe(true);
    }
    expect(isPrintedCopy(guard, 'The prince can not pardon the boy.')).toBe(false);
  });

  it('should never print a copy, or a run longer than maxSharedRun, of a corpus that writes "cannot" in capitals', () => {
    const cannot = [
      'The Old Man cannot walk to the market in the morning and buy fresh bread for his family.',
      'The Old Man cannot walk to the river in the evening and catch fresh fish for his family.',
      'The Young Woman cannot walk to the market in the morning and buy fresh flowers for her mother.',
      'The Young Woman cannot walk to the station in the evening and buy warm bread for her mother.',
      'The Tired Farmer cannot walk to the field in the morning and plant new seeds for his family.',
      'The Tired Farmer cannot drive to the market in the afternoon and sell fresh eggs for his neighbours.',
    ];
    const m = modelFromTexts([{ docId: 'd1', sourceId: 's1', text: cannot.join(' ') }]);
    const corpusWords = cannot.map((t) => printed(t).split(' '));
    const sentences = generateSentences(m, 150, { ...defaults.generate, minWords: 5, maxWords: 30, maxSharedRun: 4 }, createRng('cannot'));
    expect(sentences.length).toBeGreaterThan(100);
    for (const s of sentences) {
      const ws = printed(s.text).split(' ');
      expect(s.text).not.toMatch(/\bcan not\b/);
      expect(corpusWords.some((c) => c.join(' ') === ws.join(' ')), s.text).toBe(false);
      let best = 0;
      for (const c of corpusWords) {
        for (let i = 0; i < ws.length; i++) {
          for (let j = 0; j < c.length; j++) {
            let k = 0;
            while (i + k < ws.length && j + k < c.length && ws[i + k] === c[j + k]) k++;
            best = Math.max(best, k);
          }
        }
      }
      expect(best, s.text).toBeLessThanOrEqual(4);
    }
  });
});
