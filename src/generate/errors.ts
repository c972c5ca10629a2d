/** Every error the generate stage can raise, in one place: what happened, and what to do. */
import { WebxError } from '../errors.js';

export const missingLevel = (level: string): WebxError =>
  new WebxError(`the model has no '${level}' word table: it was built by another webXcreta`, {
    hint: 'run `webxcreta analyze --rebuild` to build it again from the corpus',
  });

export const emptyModel = (): WebxError =>
  new WebxError('the model has no sentences to learn from', {
    hint: 'harvest or add some text first (webxcreta harvest, then webxcreta analyze), or point brainstorm at a file',
  });

export const unknownTopic = (word: string, nearby: string[]): WebxError =>
  new WebxError(`the topic word "${word}" never occurs in the corpus, so no sentence can use it`, {
    hint: nearby.length
      ? `pick a word the corpus uses, such as ${nearby.map((w) => `"${w}"`).join(', ')}, or add text that uses "${word}"`
      : `pick a word the corpus uses, or add text that uses "${word}"`,
    exitCode: 2,
  });

export const noSentence = (what: string, attempts: number, maxSharedRun: number): WebxError =>
  new WebxError(`could not make a ${what} that copies no corpus run longer than ${maxSharedRun} words (${attempts} attempts)`, {
    hint: `add more text to the corpus, widen the sentence length (${LENGTH_FLAGS}), or raise generate.maxSharedRun`,
  });

export const badLengths = (minWords: number, maxWords: number): WebxError =>
  new WebxError(`generate.minWords (${minWords}) is larger than generate.maxWords (${maxWords})`, {
    hint: `make the least no larger than the most: ${LENGTH_FLAGS}`,
    exitCode: 2,
  });

export const noTopicPlace = (words: string[], minWords: number, maxWords: number, maxSharedRun: number): WebxError =>
  new WebxError(
    `could not place ${words.map((w) => `"${w}"`).join(', ')} in a new ${minWords}–${maxWords}-word sentence that copies no corpus run longer than ${maxSharedRun} words`,
    { hint: `widen the sentence length (${LENGTH_FLAGS}), try another topic word, or add text that uses it` },
  );

/** Nothing learnable at these lengths (exit 1, as for a corpus with no text at all). */
export const noTemplateOfLength = (minWords: number, maxWords: number): WebxError =>
  new WebxError(`the corpus has no sentence of ${minWords}–${maxWords} words to learn a template from`, {
    hint: `widen the sentence length (${LENGTH_FLAGS}), or add text with longer sentences`,
  });

/** Where the sentence length is set: the flags of `generate`, `brainstorm`, `prompt` and `run`, or the file. */
const LENGTH_FLAGS = '--min-words N / --max-words N, or generate.minWords/maxWords in webxcreta.config.json';
