/**
 * Word ids back into prose: "a" becomes "an" before a vowel sound, tokens join with a space unless
 * they attach ("," "'s" "n't"), the first letter is capitalised; titles get Title Case and lose
 * their final punctuation.
 */
import type { LanguageModel } from '../model/language-model.js';

/** Vowel letters that sound like consonants ("a union", "a one-off"), and silent h ("an hour"). */
const consonantSound = /^(uni|use|usu|ura|ure|uro|eu|ewe|one|once|ubi|uga|uk)/i;
const vowelSound = /^(hour|honest|honou?r|heir|[aeiou])/i;

const smallWords = new Set('a an the and but or nor for of in on at to by with from as vs'.split(' '));

export const isWordToken = (form: string): boolean => /[\p{L}\p{N}]/u.test(form);

/** The article "a" or "an" for the word that follows it. */
export function articleFor(next: string): string {
  if (/^[A-Z]{2,}/.test(next)) return /^[AEFHILMNORSX]/.test(next) ? 'an' : 'a';
  return vowelSound.test(next) && !consonantSound.test(next) ? 'an' : 'a';
}

export function surfaceForms(lm: LanguageModel, words: number[]): string[] {
  const forms = words.map((w) => lm.words[w]);
  for (let i = 0; i + 1 < forms.length; i++) {
    if (forms[i] === 'a' && isWordToken(forms[i + 1])) forms[i] = articleFor(forms[i + 1]);
  }
  return forms;
}

export function renderSentence(lm: LanguageModel, words: number[]): string {
  const text = joinTokens(lm, words, surfaceForms(lm, words));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function renderTitle(lm: LanguageModel, words: number[]): string {
  let end = words.length;
  while (end > 1 && !isWordToken(lm.words[words[end - 1]])) end--;
  const kept = words.slice(0, end);
  const forms = surfaceForms(lm, kept).map((f, i) =>
    i > 0 && (smallWords.has(f) || lm.glue[kept[i]]) ? f : f.charAt(0).toUpperCase() + f.slice(1),
  );
  return joinTokens(lm, kept, forms);
}

function joinTokens(lm: LanguageModel, words: number[], forms: string[]): string {
  let text = '';
  for (let i = 0; i < words.length; i++) text += i > 0 && !lm.glue[words[i]] ? ` ${forms[i]}` : forms[i];
  return text;
}
