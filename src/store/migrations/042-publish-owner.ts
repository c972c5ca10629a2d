/**
 * Exactly-once publishing, under concurrency and after kills: an intent records the process that
 * wrote it (`owner`, as in the locks table) so no other process overwrites a live one; the
 * target's own id of the post (`remote_id`: a WordPress post id, a static file's path) is kept
 * for update and retract. A run records the post it generated and where it meant to publish it,
 * and its process, so a later run can publish a post a killed run left behind and `status` can
 * tell an interrupted run from a running one.
 */
export const up = `
ALTER TABLE publications ADD COLUMN owner TEXT;
ALTER TABLE publications ADD COLUMN remote_id TEXT;
ALTER TABLE runs ADD COLUMN owner TEXT;
ALTER TABLE runs ADD COLUMN post_id TEXT;
ALTER TABLE runs ADD COLUMN target TEXT;
`;
