/**
 * Word ids back into prose: "a" becomes "an" before a vowel sound, tokens join as the corpus
 * joined them ("," "'s" "n't" attach, "can"+"not" is "cannot", "$11", quotes open and close; see
 * src/model/join-tokens.ts), the first letter is capitalised; titles get Title Case and lose
 * their final punctuation.
 */
import type { LanguageModel } from '../model/language-model.js';
import { joinTokens } from '../model/join-tokens.js';

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
  return capitalise(joinTokens(lm, words, capitaliseSpeech(surfaceForms(lm, words))));
}

/**
 * Quoted speech starts with a capital: the word after the sentence's first opening quote, when
 * that follows "," or ":" ('said, "The boat…'; a later quote continues the speech: '"Yes," he
 * replied, "we will."').
 */
function capitaliseSpeech(forms: string[]): string[] {
  let open = false;
  let openings = 0;
  for (let i = 0; i + 1 < forms.length; i++) {
    const f = forms[i];
    const opening = f === '“' || (f === '"' && !open);
    if (f === '"') open = !open;
    if (opening && openings++ === 0 && i > 0 && (forms[i - 1] === ',' || forms[i - 1] === ':')) {
      forms[i + 1] = forms[i + 1].charAt(0).toUpperCase() + forms[i + 1].slice(1);
    }
  }
  return forms;
}

/** Upper-cases the first letter, after any opening quote or bracket ('"aye' → '"Aye'). */
const capitalise = (text: string): string => text.replace(/^([^\p{L}\p{N}]*)(\p{L})/u, (_, lead: string, c: string) => lead + c.toUpperCase());

const QUOTE_MARKS = new Set(['"', '“', '”']);

export function renderTitle(lm: LanguageModel, words: number[]): string {
  let end = words.length;
  while (end > 1 && !isWordToken(lm.words[words[end - 1]])) end--;
  let kept = words.slice(0, end);
  // A closing quote cut off with the final punctuation: the title goes without quotes.
  if (!quotesPair(kept.map((w) => lm.words[w]))) kept = kept.filter((w) => !QUOTE_MARKS.has(lm.words[w]));
  const forms = surfaceForms(lm, kept).map((f, i) =>
    i > 0 && (smallWords.has(f) || lm.glue[kept[i]]) ? f : f.charAt(0).toUpperCase() + f.slice(1),
  );
  return capitalise(joinTokens(lm, kept, forms));
}

function quotesPair(forms: string[]): boolean {
  let straight = 0;
  let curly = 0;
  for (const f of forms) {
    if (f === '"') straight++;
    else if (f === '“') curly++;
    else if (f === '”' && --curly < 0) return false;
  }
  return straight % 2 === 0 && curly === 0;
}
