/**
 * webXcreta as a library (`import { … } from 'webxcreta'`): the stages as plain functions from one
 * JSON-serialisable value to the next, and the types that are their contract.
 *
 *   harvestFeeds(store, urls, options)      feeds → documents in a store; readCorpus(store) → Corpus
 *   analyzeCorpus(corpus)                   Corpus → Analysis (sentences, tokens, tags)       pure
 *   buildModel(corpus, analysis, settings)  → Model (weighDocuments, shareSources inside)      pure
 *   generatePost(model, options, rng, meta) → Post; generateSentences, generateTitle          pure, seeded
 *   toEntry(post, blog)                     → Entry; toAtomEntryXml(entryToAtom(entry)) → Atom XML
 *
 * Around them: openStore (the SQLite store), saveModel/loadModel (the model file), loadConfig and
 * defaultConfig (settings: defaultConfig.weight, defaultConfig.generate), createRng (the seeded RNG).
 * Nothing in src/ imports this file; it only names what is public.
 */

// base
export { defaults as defaultConfig, type Config } from './config.js';
export { loadConfig, type Loaded as LoadedConfig, type Paths } from './load-config.js';
export { WebxError } from './errors.js';
export { createRng, type Rng } from './rng.js';

// the store
export { openStore, type Store } from './store/open-store.js';
export { readCorpus } from './store/read-corpus.js';
export { saveModel, loadModel } from './store/model-file.js';

// harvest: feeds → Corpus
export { harvestFeeds, type HarvestConfig, type HarvestOptions } from './harvest/harvest-feeds.js';
export type { Corpus, CorpusDocument, DocumentKind, FeedResult, HarvestReport, Source, SourceKind } from './harvest/types.js';

// analyze: Corpus → Analysis
export { analyzeCorpus } from './analyze/analyze-corpus.js';
export type { Analysis, AnalyzedDocument, TaggedSentence } from './analyze/types.js';

// weight: Corpus + Analysis → Model
export { buildModel } from './weight/build-model.js';
export { weighDocuments, type DocumentWeights } from './weight/weigh-documents.js';
export { shareSources, type ShareSettings, type Shares, type SourceMass } from './weight/share-sources.js';
export { inspectModel, type InspectReport } from './weight/inspect-model.js';
export { renderWeightPlot, type PlotShares, type WeightPlotOptions } from './weight/render-weight-plot.js';
export type { Damping } from './model/damping.js';
export type { Model, OwnShare, SourceShare, WeightSettings } from './model/types.js';

// generate: Model → Post
export { generatePost, generateSentences, generateTitle, type GenerateOptions } from './generate/index.js';
export type { GeneratedSentence, Post, ProvenanceSource } from './generate/types.js';

// publish: Post → Entry → Atom
export { toEntry } from './publish/to-entry.js';
export { entryToAtom } from './atom/entry-to-atom.js';
export { toAtomEntryXml, toAtomFeedXml } from './atom/atom-xml.js';
export type { Blog, Entry, EntryAuthor } from './atom/types.js';
