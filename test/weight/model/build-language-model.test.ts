import { describe, expect, it } from 'vitest';
import { buildLanguageModel } from '../../../src/weight/model/build-language-model.js';
import { analyzeTexts, fixture, readTextDocs } from '../../generate/model-from-texts.js';

const docs = analyzeTexts(readTextDocs(fixture('corpus.json')));
const ones = Object.fromEntries(docs.map((d) => [d.docId, 1]));

describe('buildLanguageModel', () => {
  it('should be plain JSON that survives a round trip unchanged', () => {
    const lm = buildLanguageModel(docs, ones, { damping: 'log-squared' });
    expect(JSON.parse(JSON.stringify(lm))).toEqual(lm);
  });

  it('should not depend on the order the documents come in', () => {
    const a = buildLanguageModel(docs, ones, { damping: 'log-squared' });
    const b = buildLanguageModel([...docs].reverse(), ones, { damping: 'log-squared' });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('should damp counts: a word seen twice in a context weighs (ln 3)^2, or 2 when linear', () => {
    const twice = analyzeTexts([{ docId: 'a', sourceId: 's', text: 'The dogs bark. The dogs bark.' }]);
    const weightOfDogs = (damping: 'log-squared' | 'linear'): number => {
      const lm = buildLanguageModel(twice, { a: 1 }, { damping });
      const slot = lm.levels.slot;
      return slot.weight[Array.from(slot.word).indexOf(lm.words.indexOf('dogs'))];
    };
    expect(weightOfDogs('log-squared')).toBe(Number((Math.log(3) ** 2).toPrecision(4)));
    expect(weightOfDogs('linear')).toBe(2);
  });

  it('should scale counts by document weight (normalised to a mean of 1)', () => {
    const two = analyzeTexts([
      { docId: 'a', sourceId: 's', text: 'The dogs bark.' },
      { docId: 'b', sourceId: 't', text: 'The cats sleep.' },
    ]);
    const lm = buildLanguageModel(two, { a: 3, b: 1 }, { damping: 'linear' });
    const slot = lm.levels.slot;
    expect(slot.weight[Array.from(slot.word).indexOf(lm.words.indexOf('dogs'))]).toBe(1.5);
    expect(slot.weight[Array.from(slot.word).indexOf(lm.words.indexOf('cats'))]).toBe(0.5);
  });

  it('should skip documents of weight 0', () => {
    const lm = buildLanguageModel(docs, { ...ones, 'garden-log/1': 0 }, { damping: 'log-squared' });
    expect(lm.docs).not.toContain('garden-log/1');
    expect(lm.words).not.toContain('robin');
  });
});
