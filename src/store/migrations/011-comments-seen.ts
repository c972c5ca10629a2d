/**
 * Harvest: the comment count a post had when its comment feed was last read (NULL: never read).
 * Comment feeds are fetched again only when the count changes, and posts never read are caught up
 * on later runs even when their feed answers 304.
 */
export const up = `
ALTER TABLE documents ADD COLUMN comments_seen INTEGER;
`;
