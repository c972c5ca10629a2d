import { describe, expect, it } from 'vitest';
import { tagText } from '../../../src/analyze/tag-text.js';
import { buildLexicon, slotsOf } from '../../../src/weight/model/slot-of.js';

const slots = (text: string): string[] => slotsOf(tagText(text)[0]).slots;

describe('slotsOf', () => {
  it('should carry noun number and verb form, so templates agree', () => {
    expect(slots('The dogs run.')).toEqual(['=the', 'NOUN_P', 'VERB_B', '=.']);
    expect(slots('The dog runs.')).toEqual(['=the', 'NOUN_S', 'VERB_Z', '=.']);
  });

  it('should tell a participle after have/be from a simple past', () => {
    expect(slots('She has taken the boat.')).toEqual(['=she', '=has', 'VERB_N', '=the', 'NOUN_S', '=.']);
    expect(slots('She took the boat.')).toEqual(['=she', 'VERB_D', '=the', 'NOUN_S', '=.']);
    expect(slots('The men were walking.')).toEqual(['=the', 'NOUN_P', '=were', 'VERB_G', '=.']);
  });

  it('should keep function words literal and read "an" as the slot "=a"', () => {
    const s = slotsOf(tagText('An owl called from the dark trees.')[0]);
    expect(s.slots).toEqual(['=a', 'NOUN_S', 'VERB_D', '=from', '=the', 'ADJ', 'NOUN_P', '=.']);
    expect(s.forms).toEqual(['a', 'owl', 'called', 'from', 'the', 'dark', 'trees', '.']);
  });

  it('should undo sentence-initial capitals and a first-word PROPN tag the rest of the corpus contradicts', () => {
    const [first, second] = tagText('Heavy rain fell on Boston. The heavy rain stopped.');
    expect(first.pos[0]).toBe('PROPN');
    const s = slotsOf(first, buildLexicon([first, second]));
    expect(s.forms).toEqual(['heavy', 'rain', 'fell', 'on', 'Boston', '.']);
    expect(s.slots).toEqual(['ADJ', 'NOUN_S', 'VERB_D', '=on', 'PROPN', '=.']);
  });
});
