/**
 * The weight stage: how much each source and document counts, and the model built with it.
 *   1. weighDocuments     damped source shares (shareSources), comment boosts, the own-posts share
 *   2. buildModel         weights + analysis → Model (with the language model) (pure)
 *   3. saveModel/loadModel  the versioned model file
 *   loadOrBuildModel      all of it for the harvested corpus, reusing the file when nothing changed
 */
export { weighDocuments, type DocumentWeights } from './weigh-documents.js';
export { buildModel } from './build-model.js';
export { fingerprintCorpus } from './fingerprint-corpus.js';
export { inspectModel, type InspectReport } from './inspect-model.js';
export { renderWeightPlot, type PlotShares, type WeightPlotOptions } from './render-weight-plot.js';
export { shareSources, type ShareSettings, type Shares, type SourceMass } from './share-sources.js';
export { MODEL_FORMAT } from '../model/model-format.js';
export { dampings, logSquared, logOnly, linear, type Damping, type DampFn } from '../model/damping.js';
export type { Model, OwnShare, SourceShare, WeightSettings } from '../model/types.js';
