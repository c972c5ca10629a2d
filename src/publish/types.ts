/**
 * Publish stage data. An `Entry` is an Atom entry's fields (RFC 4287) ready to be serialised,
 * and a `PublishedEntry` records where it went.
 */

export interface EntryAuthor {
  name: string;
  uri?: string;
}

export interface Entry {
  /** Stable atom:id, a tag: URI derived from the post id. */
  id: string;
  title: string;
  /** HTML content (escaped text in <p> paragraphs). */
  contentHtml: string;
  summary?: string;
  author: EntryAuthor;
  categories: string[];
  published: string;
  updated: string;
  slug: string;
  postId: string;
}

export interface PublishedEntry {
  postId: string;
  entryId: string;
  /** Where the entry can be read (HTML page, or the server's alternate link). */
  url: string;
  /** AtomPub edit link, when published over AtomPub. */
  editUrl?: string;
  target: string;
  publishedAt: string;
}
