/**
 * The blog as static files for any static host: index.html, one page per post (posts/SLUG.html,
 * each sentence with its sources), about.html, box.css and an Atom feed (feed.atom, RFC 4287).
 * Every stored post that is published (not as a draft) on some target is in it, newest first, with
 * the comments readers left on the box; a post only generated, or left in `intent` by a killed
 * run, is not. Each file is written atomically, the feed last; pages of posts no longer listed are removed.
 */
import { VERSION } from '../version.js';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { publicEntryIdOfPost } from '../store/box-entries.js';
import { listComments, type BoxComment } from '../store/comments.js';
import { describeSources } from '../store/describe-sources.js';
import { BOX_CSS } from '../site/box-css.js';
import { pageTheme, type PageEntry } from '../site/page-entry.js';
import { renderAbout } from '../site/render-about.js';
import { renderIndex } from '../site/render-index.js';
import { renderPostPage } from '../site/render-post-page.js';
import { renderSentences } from '../site/render-sentences.js';
import { staticSite } from '../site/site.js';
import { aboutData } from '../box/about-data.js';
import type { Post } from '../generate/types.js';
import type { Store } from '../store/open-store.js';
import { readPosts } from '../store/posts.js';
import { publishedPostIds } from '../store/publications.js';
import type { Damping } from '../model/damping.js';
import { toAtomFeedXml } from '../atom/atom-xml.js';
import { entryToAtom } from '../atom/entry-to-atom.js';
import { toEntry } from './to-entry.js';
import { withSlash } from '../site/box-url.js';
import type { Blog } from '../atom/types.js';
import { writeAtomic } from '../store/write-atomic.js';

export interface ExportResult {
  feedFile: string;
  pagesDir: string;
  posts: number;
}

export function exportBlog(store: Store, outDir: string, blog: Blog, options: { damping?: Damping; modelFile?: string } = {}): ExportResult {
  const base = withSlash(blog.baseUrl);
  const posts = listedPosts(store);
  const entries = posts.map((post) => ({ post, entry: toEntry(post, blog) }));
  const comments = entries.map(({ post }) => commentsOf(store, post.id));
  const exported = new Set(entries.map(({ entry }) => entry.slug));
  const postSite = staticSite(blog, '../');
  // The bot's own earlier posts are linked to their page in this export, relatively (none when not exported).
  const links = { ownPost: (slug: string) => (exported.has(slug) ? postSite.post(slug) : undefined) };
  const pages: PageEntry[] = entries.map(({ post, entry }, i, _all, sources = describeSources(store, post)) => ({
    slug: entry.slug,
    title: entry.title,
    author: entry.author.name,
    published: entry.published,
    categories: entry.categories,
    bodyHtml: renderSentences(post, sources, links),
    teaser: entry.summary ?? '',
    comments: comments[i].length,
    sentences: true,
    theme: pageTheme(post.theme, sources),
  }));
  const keep = new Set<string>();
  pages.forEach((page, i) => {
    const file = `${page.slug}.html`;
    keep.add(file);
    writeAtomic(join(outDir, 'posts', file), renderPostPage(postSite, page, comments[i]));
  });
  removeStalePages(join(outDir, 'posts'), keep);
  const root = staticSite(blog, '');
  writeAtomic(join(outDir, 'box.css'), BOX_CSS);
  writeAtomic(join(outDir, 'index.html'), renderIndex(root, pages));
  const damping = options.damping ?? 'log-squared';
  writeAtomic(join(outDir, 'about.html'), renderAbout(root, aboutData(options.modelFile), damping));
  const feedFile = join(outDir, 'feed.atom');
  writeAtomic(feedFile, toAtomFeedXml({
    id: `${base}feed.atom`,
    title: { value: blog.title, type: 'text' },
    subtitle: blog.subtitle ? { value: blog.subtitle, type: 'text' } : undefined,
    updated: entries[0]?.entry.updated ?? '1970-01-01T00:00:00.000Z',
    authors: [{ name: blog.author, uri: base }],
    generator: { text: 'webXcreta', version: VERSION },
    links: [
      { href: `${base}feed.atom`, rel: 'self', type: 'application/atom+xml' },
      { href: base, rel: 'alternate', type: 'text/html' },
    ],
    entries: entries.map(({ entry }) =>
      entryToAtom(entry, { links: [{ href: `${base}posts/${encodeURIComponent(entry.slug)}.html`, rel: 'alternate', type: 'text/html' }] }),
    ),
  }));
  return { feedFile, pagesDir: outDir, posts: posts.length };
}

/** Published posts, newest first (not those only generated, left in intent, sent as drafts or retracted). */
function listedPosts(store: Store): Post[] {
  const published = new Set(publishedPostIds(store));
  return readPosts(store)
    .filter((p) => published.has(p.id))
    .reverse();
}

/** Readers' comments on the post's entry in the box, if it was published there. */
function commentsOf(store: Store, postId: string): BoxComment[] {
  const entryId = publicEntryIdOfPost(store, postId);
  return entryId ? listComments(store, entryId) : [];
}

function removeStalePages(dir: string, keep: Set<string>): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.html') && !keep.has(name)) rmSync(join(dir, name), { force: true });
  }
}
