/**
 * Corpus + analysis + settings → Model: weigh the documents, then let the language model count
 * every word and template of the documents that carry weight, each scaled by its weight.
 */
import type { Analysis } from '../analyze/types.js';
import type { Corpus } from '../harvest/types.js';
import { fingerprintCorpus } from './fingerprint-corpus.js';
import { buildLanguageModel } from './model/build-language-model.js';
import type { Model, WeightSettings } from '../model/types.js';
import { weighDocuments } from './weigh-documents.js';

export function buildModel(corpus: Corpus, analysis: Analysis, settings: WeightSettings): Model {
  const { documentWeights, sources, own } = weighDocuments(corpus, analysis, settings);
  const docs = analysis.documents.filter((d) => documentWeights[d.docId] > 0);
  const lm = buildLanguageModel(docs, documentWeights, { damping: settings.damping });
  return {
    version: 1,
    fingerprint: fingerprintCorpus(corpus, settings),
    settings: pickSettings(settings),
    sources,
    own,
    documentWeights,
    lm,
  };
}

/** Only the weight fields (a whole config section may carry more). */
export function pickSettings(s: WeightSettings): WeightSettings {
  return { damping: s.damping, ownShare: s.ownShare, ownRampPosts: s.ownRampPosts ?? 0, ownOnly: s.ownOnly, commentWeight: s.commentWeight };
}
