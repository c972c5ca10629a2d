import { describe, expect, it } from 'vitest';
import { toWhatIf } from '../../src/supplied/make-prompts.js';

const sentence = (text: string, template: string) => ({ text, template, provenance: [] });

describe('toWhatIf', () => {
  const cases: [string, string, string][] = [
    ['The river rose.', 'the NOUN_S VERB_D .', 'What if the river rose?'],
    ['Kennedy spoke at noon!', 'PROPN VERB_D at NOUN_S !', 'What if Kennedy spoke at noon?'],
    ['I left the door open...', '=i VERB_D the NOUN_S ADJ .', 'What if I left the door open?'],
    ['NATO said no.', 'NOUN_S VERB_D no .', 'What if NATO said no?'],
    ['Nobody came', 'nobody VERB_D', 'What if nobody came?'],
  ];
  for (const [text, template, expected] of cases) {
    it(`should turn "${text}" into "${expected}"`, () => expect(toWhatIf(sentence(text, template))).toBe(expected));
  }
});
