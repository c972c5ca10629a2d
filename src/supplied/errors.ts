/** Every message about supplied text, in one place. */
import { WebxError } from '../errors.js';

export const inputNotFound = (input: string) =>
  new WebxError(`cannot read ${input}: no such file or folder`, {
    hint: 'give a text, Markdown or HTML file, a folder of them, an http(s) URL, or - for stdin',
    exitCode: 2,
  });

export const inputUnreadable = (input: string, why: string) =>
  new WebxError(`cannot read ${input}: ${why}`, { hint: 'check the path and its permissions' });

export const urlFailed = (url: string, why: string) =>
  new WebxError(`cannot fetch ${url}: ${why}`, {
    hint: 'check the URL, or save the page and pass the file instead (harvest.timeoutMs and harvest.maxBytes limit fetches)',
  });

/** Nothing learnable (exit 1): the input was read, but holds no prose. */
export const noSuppliedText = (inputs: string[]) =>
  new WebxError(`found no text to learn from in ${inputs.join(', ')}`, {
    hint: `pass .txt, .md or .html files (or a folder holding them) with some sentences in them`,
  });

/** Bad input (exit 2): not text at all. */
export const binaryInput = (input: string) =>
  new WebxError(`${input} is a binary file, not text`, {
    hint: 'give text, Markdown or HTML (files, a folder of them, an http(s) URL, or - for stdin); binary files inside a folder are skipped',
    exitCode: 2,
  });

/** Nothing learnable (exit 1): text, but no sentence long enough to learn a pattern from. */
export const noSuppliedSentence = (inputs: string[], minWords: number) =>
  new WebxError(`found no sentence of ${minWords} words or more to learn from in ${inputs.join(', ')}`, {
    hint: 'give text with whole sentences in it (brainstorm learns sentence patterns from them)',
  });
