/**
 * The layout of the language model this code builds, as a short hash of the model it builds from
 * no documents at all (its field names, table kinds and back-off levels). It is part of every
 * fingerprint, so a model file written by code with another layout is rebuilt rather than fed to
 * a generator that expects different tables, even when nobody remembered to bump MODEL_FORMAT.
 */
import { createHash } from 'node:crypto';
import { buildLanguageModel } from './model/build-language-model.js';

let layout: string | undefined;

export function lmLayout(): string {
  layout ??= createHash('sha256')
    .update(JSON.stringify(buildLanguageModel([], {}, { damping: 'linear' })))
    .digest('hex')
    .slice(0, 16);
  return layout;
}
