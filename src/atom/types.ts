/**
 * Publish stage data. An `Entry` is an Atom entry's fields (RFC 4287) ready to be serialised,
 * and a `PublishedEntry` records where it went.
 */

/** HTTP Basic credentials of an AtomPub client or server (never logged). */
export interface Credentials {
  user: string;
  password: string;
}

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

/** The blog a post is published on: names and the public base URL its links are built from. */
export interface Blog {
  title: string;
  subtitle?: string;
  author: string;
  /** Public base URL, e.g. `http://127.0.0.1:8080/` (a trailing slash is added when missing). */
  baseUrl: string;
}

/** An entry as read back from an Atom document (a feed's entry, a 201 response, an AtomPub POST/PUT body). */
export interface ParsedEntry {
  id?: string;
  title: string;
  /** Content as HTML (text content is escaped into HTML; xhtml is kept as markup). */
  contentHtml: string;
  contentType: 'html' | 'text' | 'xhtml';
  authors: string[];
  categories: string[];
  published?: string;
  updated?: string;
  edited?: string;
  draft: boolean;
  /** link rel → href (first of each rel; a link without rel counts as alternate). */
  links: Record<string, string>;
}
