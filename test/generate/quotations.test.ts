/**
 * Dialogue: where the corpus quotes speech, generated sentences quote it too, with the quotation
 * marks paired and spaced as written ('he said, "Aye, I come."', never 'responded,Aye').
 */
import { describe, expect, it } from 'vitest';
import { generateSentences } from '../../src/generate/index.js';
import { defaults } from '../../src/config.js';
import { createRng } from '../../src/rng.js';
import { modelFromTexts } from './model-from-texts.js';

const dialogue = [
  'The captain turned to the mate and said, "Lower the boats, and be quick about it."',
  'The old sailor answered, "Aye, I come, sir."',
  '"Stand by the oars," cried the mate to the crew.',
  'The harpooneer looked at the sea and said, "There she blows, right ahead of us."',
  '"Where away?" shouted the captain from the deck.',
  'The boy replied, "Two points off the bow, sir."',
  '"Keep a sharp eye on the whale," said the captain quietly.',
  'The cook muttered, "I have seen a hundred of these before."',
  'The men rowed hard through the cold grey water.',
  'The mate stood in the bow with his long lance ready.',
  '"Pull, my lads, pull for your lives," roared the mate.',
  'The whale rolled slowly in the swell and spouted again.',
  'The captain said, "We shall have him before the sun goes down."',
  'A sailor whispered, "The sea is too rough for the boats today."',
  '"Hold water," the mate called to the rowers.',
  'The crew waited in silence as the great back rose beside them.',
  'The carpenter said, "The boat will not last another storm."',
  '"Mind the line," warned the old sailor to the boy.',
  'The wind grew stronger and the ship leaned hard to the east.',
  'The mate laughed and said, "Now we shall see some sport, my lads."',
].join(' ');

/** Straight quotes of a sentence, checked in turn: opening ones follow a space (or start the sentence) and touch the next word; closing ones touch the word before and are followed by a space, punctuation or the end. */
function quoteProblems(text: string): string[] {
  const problems: string[] = [];
  let open = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '"') continue;
    const before = text[i - 1] ?? '';
    const after = text[i + 1] ?? '';
    if (!open) {
      if (i > 0 && before !== ' ') problems.push(`no space before the opening quote at ${i}`);
      if (!/[\p{L}\p{N}]/u.test(after)) problems.push(`the opening quote at ${i} is not followed by a word`);
    } else {
      if (before === ' ') problems.push(`a space before the closing quote at ${i}`);
      if (after !== '' && !/[ .,;:!?]/.test(after)) problems.push(`no space after the closing quote at ${i}`);
    }
    open = !open;
  }
  if (open) problems.push('unbalanced quotes');
  if (/[,;:][\p{L}\p{N}]/u.test(text)) problems.push('a word glued after punctuation');
  return problems;
}

describe('quotations', () => {
  const model = modelFromTexts([{ docId: 'moby', sourceId: 'sea', text: dialogue }]);
  const sentences = generateSentences(model, 200, { ...defaults.generate, minWords: 4, maxWords: 30, maxSharedRun: 5 }, createRng('dialogue'));
  const quoted = sentences.filter((s) => s.text.includes('"'));

  it('should quote speech where the corpus does', () => {
    expect(sentences.length).toBeGreaterThan(150);
    expect(quoted.length).toBeGreaterThan(sentences.length / 4);
  });

  it('should pair every quotation mark and space it as written', () => {
    for (const s of sentences) expect(quoteProblems(s.text), s.text).toEqual([]);
  });

  it('should capitalise the first word of quoted speech', () => {
    const opening = quoted.filter((s) => s.text.startsWith('"'));
    expect(opening.length).toBeGreaterThan(0);
    for (const s of opening) expect(s.text, s.text).toMatch(/^"[A-Z]/);
    const introduced = quoted.filter((s) => /[,:] "/.test(s.text));
    expect(introduced.length).toBeGreaterThan(0);
    for (const s of introduced) expect(s.text, s.text).toMatch(/[,:] "[A-Z]/);
  });

  it('should pair and space curly quotes as written too', () => {
    let k = 0;
    const curly = dialogue.replace(/"/g, () => (k++ % 2 === 0 ? '“' : '”'));
    const m = modelFromTexts([{ docId: 'moby', sourceId: 'sea', text: curly }]);
    const made = generateSentences(m, 100, { ...defaults.generate, minWords: 4, maxWords: 30, maxSharedRun: 5 }, createRng('curly'));
    const withQuotes = made.filter((s) => s.text.includes('“'));
    expect(withQuotes.length).toBeGreaterThan(made.length / 4);
    for (const s of made) {
      const straight = s.text.replace(/[“”]/g, '"');
      expect(quoteProblems(straight), s.text).toEqual([]);
      expect(s.text.replace(/[^“”]/g, ''), s.text).toMatch(/^(“”)*$/);
    }
  });
});
