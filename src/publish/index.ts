/**
 * The publish stage: a generated Post becomes an Atom entry (pure: `toEntry`, `renderPostHtml`),
 * goes to an AtomPub server exactly once (`publishPost`), can be updated or retracted there, and
 * the whole blog can be written out as static files (`exportBlog`).
 */
export { toEntry } from './to-entry.js';
export { renderPostHtml, postText } from './render-post-html.js';
export { toAtomEntryXml, toAtomFeedXml } from './atom-xml.js';
export { entryToAtom } from './entry-to-atom.js';
export { parseEntryXml, parseFeedEntries } from './parse-entry.js';
export { publishPost, type PublishOptions } from './publish-post.js';
export { updatePublishedPost, retractPost } from './update-post.js';
export { exportBlog, type ExportResult } from './export-blog.js';
export { blogOf } from './blog-of.js';
export { listPublications, latestUnpublishedPost, type Publication } from './publications.js';
export type { Blog, Entry, PublishedEntry, ParsedEntry } from './types.js';
