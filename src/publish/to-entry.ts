/** Post → Entry: the Atom fields of a generated post on a given blog. Pure. */
import type { Post } from '../generate/types.js';
import { toAtomId } from '../atom/atom-id.js';
import { renderPostHtml } from '../site/render-post-html.js';
import { toSlug } from '../text/slug.js';
import { xmlSafeText } from '../text/xml-safe-text.js';
import type { Blog, Entry } from '../atom/types.js';
import { withSlash } from '../site/box-url.js';

export function toEntry(post: Post, blog: Pick<Blog, 'baseUrl' | 'author' | 'title'>): Entry {
  const id = toAtomId(post.id, post.createdAt);
  const first = post.paragraphs[0]?.[0]?.text;
  return {
    id,
    title: xmlSafeText(post.title.text),
    contentHtml: renderPostHtml(post, { atomId: id }),
    summary: first === undefined ? undefined : xmlSafeText(first),
    author: { name: blog.author, uri: withSlash(blog.baseUrl) },
    categories: post.topic ?? [],
    published: post.createdAt,
    updated: post.createdAt,
    slug: toSlug(post.title.text, post.id),
    postId: post.id,
  };
}

