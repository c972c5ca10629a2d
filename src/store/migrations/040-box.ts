/**
 * The box (the bot's own blog server): its AtomPub entries and readers' comments. An entry whose
 * atom:id names a generated post keeps the post id, so its page can show each sentence's sources.
 */
export const up = `
CREATE TABLE box_entries (
  id TEXT PRIMARY KEY,
  atom_id TEXT NOT NULL UNIQUE,
  slug TEXT NOT NULL UNIQUE,
  post_id TEXT,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  content_type TEXT NOT NULL CHECK (content_type IN ('html', 'text', 'xhtml')),
  author TEXT NOT NULL,
  categories TEXT NOT NULL DEFAULT '[]',
  draft INTEGER NOT NULL DEFAULT 0,
  published TEXT NOT NULL,
  updated TEXT NOT NULL,
  edited TEXT NOT NULL,
  seq INTEGER NOT NULL
);
CREATE INDEX box_entries_published ON box_entries(draft, published);

CREATE TABLE box_comments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entry_id TEXT NOT NULL REFERENCES box_entries(id) ON DELETE CASCADE,
  author TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX box_comments_entry ON box_comments(entry_id, id);
`;
