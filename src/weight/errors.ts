/** Every message the weight stage shows the user, in one place. */
import { WebxError } from '../errors.js';

export { REBUILD_HINT } from '../model/errors.js';

export const noOwnPosts = () =>
  new WebxError('weight.ownOnly is set, but the bot has no posts of its own to learn from', {
    hint: 'publish a few posts first (`webxcreta run`), or set weight.ownOnly to false',
    exitCode: 2,
  });

export const emptyCorpus = (what: string) =>
  new WebxError(`there is nothing to learn from: ${what} holds no words`, {
    hint: 'harvest some blogs first (`webxcreta harvest`), or supply text files',
  });

