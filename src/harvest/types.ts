/**
 * Harvest stage data. A `Corpus` is what the harvester has stored: sources (blogs, the bot's own
 * blog, supplied files) and their documents (posts and comments) as clean text. Everything here is
 * plain JSON: dates are ISO strings, ids are strings.
 */

export type SourceKind = 'blog' | 'own' | 'file';

export interface Source {
  id: string;
  /** Feed URL (or file path / `stdin` for supplied text). */
  url: string;
  title: string;
  siteUrl?: string;
  kind: SourceKind;
}

export type DocumentKind = 'post' | 'comment';

export interface CorpusDocument {
  id: string;
  sourceId: string;
  kind: DocumentKind;
  /** For a comment, the id of the post it answers. */
  parentId?: string;
  title: string;
  /** Clean text; paragraphs are separated by a blank line ("\n\n"). */
  text: string;
  url?: string;
  author?: string;
  published?: string;
  /** Number of comments the post has (from slash:comments / thr:total, or counted). */
  commentCount: number;
  /** Hash of title + text: changes when the document is edited. */
  contentHash: string;
}

export interface Corpus {
  version: 1;
  sources: Source[];
  documents: CorpusDocument[];
}

/** Outcome of harvesting one feed. */
export type FeedOutcome = 'new' | 'unchanged' | 'error' | 'skipped';

export interface FeedResult {
  url: string;
  /** Where the feed was really read, when that differs from `url` (autodiscovered from a page, or redirected). */
  feedUrl?: string;
  outcome: FeedOutcome;
  /** The bot's own blog (read back into its corpus), not one of the blogs it reads. */
  own?: true;
  newItems: number;
  updatedItems: number;
  comments: number;
  status?: number;
  error?: string;
  hint?: string;
  /** The feed was read, but its XML is malformed (read forgivingly): what the strict reader said. */
  warning?: string;
  ms: number;
}

export interface HarvestReport {
  startedAt: string;
  finishedAt: string;
  feeds: FeedResult[];
}
