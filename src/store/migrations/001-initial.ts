/** The first schema: sources, documents, analyses, posts, publications, runs, locks. */
export const up = `
CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '',
  site_url TEXT,
  kind TEXT NOT NULL DEFAULT 'blog' CHECK (kind IN ('blog', 'own', 'file')),
  enabled INTEGER NOT NULL DEFAULT 1,
  added_at TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  last_fetched_at TEXT,
  last_status INTEGER,
  last_error TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT
);

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('post', 'comment')),
  parent_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
  guid TEXT NOT NULL,
  url TEXT,
  title TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  author TEXT,
  published TEXT,
  comment_count INTEGER NOT NULL DEFAULT 0,
  comments_url TEXT,
  content_hash TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX documents_source_guid ON documents(source_id, guid);
CREATE INDEX documents_content_hash ON documents(content_hash);
CREATE INDEX documents_parent ON documents(parent_id);

CREATE TABLE analyses (
  doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL,
  analyzer TEXT NOT NULL,
  tokens INTEGER NOT NULL,
  data BLOB NOT NULL
);

CREATE TABLE posts (
  id TEXT PRIMARY KEY,
  seed TEXT NOT NULL,
  title TEXT NOT NULL,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE publications (
  post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  target TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  slug TEXT,
  state TEXT NOT NULL CHECK (state IN ('intent', 'published', 'retracted', 'failed')),
  url TEXT,
  edit_url TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (post_id, target)
);

CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  ok INTEGER,
  summary TEXT,
  error TEXT
);

CREATE TABLE locks (
  name TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  pid INTEGER NOT NULL,
  acquired_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
