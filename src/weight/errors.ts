/** Every message the weight stage shows the user, in one place. */
import { WebxError } from '../errors.js';

export const REBUILD_HINT = 'run `webxcreta analyze --rebuild` to build it again from the corpus';

export const noOwnPosts = () =>
  new WebxError('weight.ownOnly is set, but the bot has no posts of its own to learn from', {
    hint: 'publish a few posts first (`webxcreta run`), or set weight.ownOnly to false',
    exitCode: 2,
  });

export const emptyCorpus = (what: string) =>
  new WebxError(`there is nothing to learn from: ${what} holds no words`, {
    hint: 'harvest some blogs first (`webxcreta harvest`), or supply text files',
  });

export const missingModel = (file: string) =>
  new WebxError(`no model at ${file}`, { hint: 'run `webxcreta analyze` to build it' });

export const corruptModel = (file: string, why: string) =>
  new WebxError(`the model file ${file} is damaged or not a webXcreta model (${why})`, { hint: REBUILD_HINT });

export const oldModel = (file: string, found: number, expected: number) =>
  new WebxError(`the model file ${file} was built by an older webXcreta (format ${found}; this one reads ${expected})`, {
    hint: REBUILD_HINT,
  });

export const newerModel = (file: string, found: number, expected: number) =>
  new WebxError(`the model file ${file} was built by a newer webXcreta (format ${found}; this one reads up to ${expected})`, {
    hint: `upgrade webXcreta, or ${REBUILD_HINT} with this version`,
  });

export const unwritableModel = (file: string, why: string) =>
  new WebxError(`cannot write the model file ${file}: ${why}`, {
    hint: 'check that the data directory exists and that you may write to it (or use --data)',
  });
