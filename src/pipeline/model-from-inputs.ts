/**
 * The model `brainstorm` and `prompt` draw from: the supplied files/URLs/stdin when any are
 * given (cached by content), else the harvested corpus's model.
 */
import type { Bot } from './bot.js';
import { loadOrBuildModel } from './refresh-model.js';
import type { Model } from '../model/types.js';
import { buildSuppliedCorpus } from '../supplied/build-supplied-corpus.js';
import { noSuppliedSentence, noSuppliedText } from '../supplied/errors.js';
import { readSupplied } from '../supplied/read-supplied.js';
import { loadOrBuildSuppliedModel } from './supplied-model.js';

/** The shortest sentence the model learns a pattern from (see weight/model/count-templates.ts). */
const MIN_TEMPLATE_WORDS = 3;

export interface ModelFromInputs {
  model: Model;
  /** 'supplied' when built from the inputs, 'harvested' for the store's corpus. */
  corpus: 'supplied' | 'harvested';
  /** True when a cached model file was reused. */
  cached: boolean;
}

export interface InputStreams {
  cwd: string;
  stdin: NodeJS.ReadableStream;
}

export async function modelFromInputs(app: Bot, inputs: string[], io: InputStreams): Promise<ModelFromInputs> {
  if (inputs.length === 0) return { model: await loadOrBuildModel(app), corpus: 'harvested', cached: false };
  const h = app.config.harvest;
  const texts = await readSupplied(inputs, {
    cwd: io.cwd,
    stdin: io.stdin,
    fetch: { timeoutMs: h.timeoutMs, connectTimeoutMs: h.connectTimeoutMs, maxBytes: h.maxBytes, maxRedirects: h.maxRedirects, userAgent: h.userAgent, allowPrivateAddresses: h.allowPrivateAddresses },
  });
  const corpus = buildSuppliedCorpus(texts);
  if (corpus.documents.length === 0) throw noSuppliedText(inputs);
  const { model, cached } = loadOrBuildSuppliedModel(app.paths.cacheDir, corpus, app.config.weight, (line) => app.log(line));
  if (model.lm.sentences.weight.length === 0) throw noSuppliedSentence(inputs, MIN_TEMPLATE_WORDS);
  return { model, corpus: 'supplied', cached };
}
