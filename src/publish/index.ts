/**
 * The publish stage: a generated Post becomes an Atom entry (pure: `toEntry`, `renderPostHtml`),
 * goes to a target exactly once (`publishPost`: the box or any AtomPub server, WordPress over its
 * REST API, a static site's Markdown folder — one `PublishTarget` interface), can be updated or
 * retracted there, and the whole blog can be written out as static files (`exportBlog`).
 */
export { toEntry } from './to-entry.js';
export { renderPostHtml, postText } from '../site/render-post-html.js';
export { toAtomEntryXml, toAtomFeedXml } from '../atom/atom-xml.js';
export { entryToAtom } from '../atom/entry-to-atom.js';
export { parseEntryXml, parseFeedEntries } from '../atom/parse-entry.js';
export { publishPost, type PublishOptions } from './publish-post.js';
export { updatePublishedPost, retractPost } from './update-post.js';
export type { PublishTarget, PublishItem, RemotePost, RemoteCopy, CreateOutcome, PublishStep } from './target.js';
export { atomPubTarget } from './atompub-target.js';
export { wordPressTarget, discoverWordPressApi } from './wordpress-target.js';
export { staticTarget } from './static-target.js';
export { exportBlog, type ExportResult } from './export-blog.js';
export { blogOf, canonicalBaseUrl, fixedBaseUrl, onCanonicalBox } from './blog-of.js';
export { listPublications, latestUnpublishedPost, type Publication } from '../store/publications.js';
export type { Blog, Entry, PublishedEntry, ParsedEntry } from '../atom/types.js';
