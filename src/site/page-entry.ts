/** What a page shows of one post, whatever it came from (a box entry or a stored post). */
export interface PageEntry {
  slug: string;
  title: string;
  author: string;
  published: string;
  categories: string[];
  /** Already-safe HTML of the body. */
  bodyHtml: string;
  /** A one-line teaser (plain text). */
  teaser: string;
  comments: number;
  /** The body is a generated post whose sentences open onto their sources. */
  sentences?: boolean;
}

/** A reader's comment on a post (plain text, escaped when rendered). */
export interface BoxComment {
  id: number;
  entryId: string;
  author: string;
  text: string;
  createdAt: string;
}
