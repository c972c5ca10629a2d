import { describe, expect, it } from 'vitest';
import { articleFor, renderSentence, renderTitle } from '../../src/generate/render-sentence.js';
import type { LanguageModel } from '../../src/model/language-model.js';

const words = ['<s>', 'a', 'owl', 'saw', 'union', 'hour', ',', "'s", 'the', 'of', 'river', '.', 'FBI'];
const lm = { words, glue: words.map((w) => (w === ',' || w === "'s" || w === '.' ? 1 : 0)) } as unknown as LanguageModel;
const ids = (s: string): number[] => s.split(' ').map((w) => words.indexOf(w));

describe('articleFor', () => {
  it('should choose "an" before a vowel sound and "a" before a consonant sound', () => {
    expect(['owl', 'hour', 'union', 'river', 'FBI', 'one', 'apple'].map(articleFor)).toEqual(['an', 'an', 'a', 'a', 'an', 'a', 'an']);
  });
});

describe('renderSentence', () => {
  it('should pick the article, glue punctuation and capitalise', () => {
    expect(renderSentence(lm, ids("a owl saw a union , a hour 's river ."))).toBe("An owl saw a union, an hour's river.");
  });
});

describe('renderTitle', () => {
  it('should use Title Case, keep small words low and drop final punctuation', () => {
    expect(renderTitle(lm, ids('the river of a owl .'))).toBe('The River of an Owl');
  });
});
