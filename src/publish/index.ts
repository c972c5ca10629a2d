/**
 * The publish stage: a generated Post becomes an Atom entry (pure: `toEntry`, `renderPostHtml`),
 * goes to an AtomPub server exactly once (`publishPost`), can be updated or retracted there, and
 * the whole blog can be written out as static files (`exportBlog`).
 */
export { toEntry } from './to-entry.js';
export { renderPostHtml, postText } from '../site/render-post-html.js';
export { toAtomEntryXml, toAtomFeedXml } from '../atom/atom-xml.js';
export { entryToAtom } from '../atom/entry-to-atom.js';
export { parseEntryXml, parseFeedEntries } from '../atom/parse-entry.js';
export { publishPost, type PublishOptions } from './publish-post.js';
export { updatePublishedPost, retractPost } from './update-post.js';
export { exportBlog, type ExportResult } from './export-blog.js';
export { blogOf, canonicalBaseUrl, fixedBaseUrl, onCanonicalBox } from './blog-of.js';
export { listPublications, latestUnpublishedPost, type Publication } from '../store/publications.js';
export type { Blog, Entry, PublishedEntry, ParsedEntry } from '../atom/types.js';
