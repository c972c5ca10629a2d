/**
 * A feed as the harvester reads it, whatever its format: the fields we keep, with links already
 * absolute (xml:base and the feed URL applied) and dates as ISO strings. Internal to harvest.
 */
export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

export interface ParsedItem {
  /** guid / atom:id / rdf:about / JSON id; absent when the feed gives none. */
  guid?: string;
  link?: string;
  title: string;
  /** The richest body the item has (content:encoded, content, description, summary, …; see parse-xml-feed.ts). */
  body: string;
  /** False when `body` is plain text (Atom type="text", JSON content_text). */
  bodyIsHtml: boolean;
  /** `body` as clean text (paragraphs joined by "\n\n"), filled in by extractFeed. */
  text?: string;
  author?: string;
  published?: string;
  updated?: string;
  /** From slash:comments, thr:total or link rel="replies" thr:count. */
  commentCount?: number;
  /** wfw:commentRss or link rel="replies" (a feed of this post's comments). */
  commentsUrl?: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string;
  siteUrl?: string;
  items: ParsedItem[];
  /** Set when the strict reader found the XML malformed and the forgiving one read it: what was wrong. */
  malformed?: string;
}

/**
 * Why a body could not be read as a feed. 'limit': it is past what one feed may cost to parse
 * (parse-limits.ts: entity expansion, size once expanded, nesting); 'timeout' / 'memory': its
 * extraction was stopped in the worker pool (extract-pool.ts).
 */
export type ParseFailure = { failure: 'html' | 'malformed' | 'not-a-feed' | 'empty' | 'limit' | 'timeout' | 'memory'; detail: string };
