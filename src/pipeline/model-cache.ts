/**
 * The model file is a cache of the corpus: reuse it when its fingerprint still matches, else
 * rebuild. One policy for the harvested corpus's model and for supplied corpora's cached ones.
 * A damaged or old file is rebuilt with a one-line notice; a file from a newer webXcreta is
 * refused where it may hold work worth keeping (`keepNewer`), so a downgrade never discards it.
 */
import { existsSync } from 'node:fs';
import { isWebxError } from '../errors.js';
import type { Model } from '../model/types.js';
import { loadModel } from '../store/model-file.js';

export interface CacheOptions {
  log: (line: string) => void;
  /** Refuse (throw) a model file written by a newer webXcreta instead of rebuilding over it. */
  keepNewer: boolean;
}

/** The cached model when it is usable and its fingerprint matches; undefined means build it. */
export function reuseModel(file: string, fingerprint: string, options: CacheOptions): Model | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const model = loadModel(file);
    if (model.fingerprint === fingerprint) return model;
    options.log('the corpus or the weight settings changed since the model was built: rebuilding it');
  } catch (e) {
    if (options.keepNewer && isWebxError(e, 'model-newer')) throw e;
    options.log(`${(e as Error).message}: rebuilding it`);
  }
  return undefined;
}
