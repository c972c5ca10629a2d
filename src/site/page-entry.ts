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
  /** What the post is about, when it was made with a theme: its words and the documents they came from. */
  theme?: PageTheme;
}

export interface PageTheme {
  words: string[];
  from: { title: string; url?: string; sourceTitle?: string }[];
}

/** A generated post's theme for its page, with the titles and links of its documents where the store knows them. */
export function pageTheme(
  theme: { words: string[]; seed: string; related: string[] } | undefined,
  sources: Record<string, { title: string; url?: string; sourceTitle?: string }>,
): PageTheme | undefined {
  if (!theme) return undefined;
  return { words: theme.words, from: [theme.seed, ...theme.related].map((id) => sources[id] ?? { title: id }) };
}

/** A reader's comment on a post (plain text, escaped when rendered). */
export interface BoxComment {
  id: number;
  entryId: string;
  author: string;
  text: string;
  createdAt: string;
}
