/**
 * Harvest: feeds in, clean text in the store out. The recipe for one feed lives in
 * `harvest-feed.ts` (backoff → fetch → decode → parse → text → comments → one transaction);
 * this module is the stage's public face.
 */
export { harvestFeeds, type HarvestConfig, type HarvestOptions } from './harvest-feeds.js';
export { addSource, listSources, removeSource, type SourceListing } from '../store/sources.js';
export { parseOpml, toOpml, type OpmlFeed } from './opml.js';
export { readCorpus } from '../store/read-corpus.js';
export { keepRecent } from './keep-recent.js';
export { discoverFeeds, selectLinks } from './discover-feeds.js';
export { findFeed, type FoundFeed } from './find-feed.js';
export { htmlToText } from '../text/html-to-text.js';
export type * from './types.js';
export { fetchText, type FetchedText } from './fetch-text.js';
export { importDirectory, importOpml, type DirectoryImport, type ImportedSource } from './import-sources.js';
