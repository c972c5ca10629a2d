/**
 * Joining tokens back the way the corpus wrote them: the model learns which pairs join
 * (count-joins.ts) and rendering follows it (src/model/join-tokens.ts), so every corpus sentence
 * renders back to itself, and words never glue where the corpus did not glue that pair.
 */
import { describe, expect, it } from 'vitest';
import { internCorpus } from '../../../src/weight/model/intern-corpus.js';
import { countJoins } from '../../../src/weight/model/count-joins.js';
import { joinTokens, type JoinData } from '../../../src/model/join-tokens.js';
import { renderSentence } from '../../../src/generate/render-sentence.js';
import type { LanguageModel } from '../../../src/model/language-model.js';
import { analyzeTexts } from '../../generate/model-from-texts.js';

const sentences = [
  'It cannot be the U.S. that pays $11 billion.',
  'The fifth district is one-fifth of the OAS-sponsored zone.',
  'In fiscal year 2013, grants rose 35.4% in 1995-2007 (approx.).',
  "I don't know why you're here, and we can't stay.",
  'He said, "Aye, I come," and she laughed.',
  '"Go," she said.',
  '“Yes,” he replied, “we will.”',
  'The dogs\' bones were buried.',
  'You cannot see it from the U.S. coast.',
  'Read it at #1 on the list.',
];

function modelOf(texts: string[]) {
  const docs = analyzeTexts(texts.map((text, i) => ({ docId: `d${i}`, sourceId: 's', text })));
  const c = internCorpus(docs, {});
  const lm = { words: c.words.list, ...countJoins(c) } as JoinData & LanguageModel;
  return { c, lm };
}

describe('joining tokens', () => {
  const { c, lm } = modelOf(sentences);
  const id = (w: string) => c.words.ids.get(w)!;

  it('should render every corpus sentence back exactly as written', () => {
    const rendered = c.sentences.map((s) => renderSentence(lm, s.words));
    expect(rendered).toEqual(sentences);
  });

  it('should learn the pairs that join against the default, and only punctuation and clitics glue', () => {
    const glued = lm.words.filter((_, w) => lm.glue[w] === 1);
    expect(glued).toEqual(expect.arrayContaining([',', '.', '%', ')', "n't", "'re"]));
    for (const w of glued) expect(w).not.toMatch(/^[a-z0-9]{2,}$/i);
    expect(lm.opens.map((w) => lm.words[w])).toEqual(expect.arrayContaining(['$', '(', '“', '#']));
    const V = lm.words.length;
    expect(lm.joinFlips).toContain(id('can') * V + id('not'));
  });

  it('should never glue two words the corpus did not write together', () => {
    // "fifth" follows "-" in "one-fifth", "year" follows nothing glued; neither glues to a word.
    expect(joinTokens(lm, ['the', 'fifth', 'district'].map(id))).toBe('the fifth district');
    expect(joinTokens(lm, ['in', 'fiscal', 'year', '1995-2007'].map(id))).toBe('in fiscal year 1995-2007');
    expect(joinTokens(lm, ['the', 'zone', 'sponsored'].map(id))).toBe('the zone sponsored');
    expect(joinTokens(lm, ['we', 'can', 'not', 'see'].map(id))).toBe('we cannot see');
    expect(joinTokens(lm, ['it', 'pays', '$', '1', 'billion'].map(id))).toBe('it pays $1 billion');
  });

  it('should open and close straight quotes by turns, with the spaces outside them', () => {
    const words = ['she', 'said', ',', '"', 'go', ',', '"', 'and', 'he', 'said', ',', '"', 'I', 'come', '"', '.'].map(id);
    expect(joinTokens(lm, words)).toBe('she said, "go," and he said, "I come".');
    expect(renderSentence(lm, ['"', 'go', ',', '"', 'she', 'said', '.'].map(id))).toBe('"Go," she said.');
  });
});
