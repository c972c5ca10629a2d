/** Every message about the model file, in one place (the store reads and writes it). */
import { WebxError } from '../errors.js';

export const REBUILD_HINT = 'run `webxcreta analyze --rebuild` to build it again from the corpus';

export const missingModel = (file: string) =>
  new WebxError(`no model at ${file}`, { hint: 'run `webxcreta analyze` to build it', code: 'model-missing' });

export const corruptModel = (file: string, why: string) =>
  new WebxError(`the model file ${file} is damaged or not a webXcreta model (${why})`, { hint: REBUILD_HINT, code: 'model-damaged' });

export const oldModel = (file: string, found: number, expected: number) =>
  new WebxError(`the model file ${file} was built by an older webXcreta (format ${found}; this one reads ${expected})`, {
    hint: REBUILD_HINT,
    code: 'model-damaged',
  });

export const newerModel = (file: string, found: number, expected: number) =>
  new WebxError(`the model file ${file} was built by a newer webXcreta (format ${found}; this one reads up to ${expected})`, {
    hint: `upgrade webXcreta, or ${REBUILD_HINT} with this version`,
    code: 'model-newer',
  });

export const unwritableModel = (file: string, why: string) =>
  new WebxError(`cannot write the model file ${file}: ${why}`, {
    hint: 'check that the data directory exists and that you may write to it (or use --data); if something else is in the model file\'s place, move it aside and run again',
  });
