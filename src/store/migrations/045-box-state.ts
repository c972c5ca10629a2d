/**
 * The box's state that must outlive a restart: its secrets (the CSRF key) and the per-address
 * counters of the comment rate limit and the AtomPub login throttle. And a mark on box entries
 * whose content went through the edge's sanitiser: rows written before it are cleaned once, when a
 * box next starts (new rows get the default 1; the UPDATE marks every existing row 0).
 */
export const up = `
CREATE TABLE box_secrets (
  name TEXT PRIMARY KEY,
  value BLOB NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE box_rate_limits (
  bucket TEXT NOT NULL,
  key TEXT NOT NULL,
  hits TEXT NOT NULL DEFAULT '[]',
  blocked_until INTEGER NOT NULL DEFAULT 0,
  updated_ms INTEGER NOT NULL,
  PRIMARY KEY (bucket, key)
);
CREATE INDEX box_rate_limits_updated ON box_rate_limits(updated_ms);

ALTER TABLE box_entries ADD COLUMN sanitized INTEGER NOT NULL DEFAULT 1;
UPDATE box_entries SET sanitized = 0;
`;
