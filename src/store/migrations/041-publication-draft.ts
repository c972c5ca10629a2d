/** Publish state: whether a post went out as a draft (AtomPub app:control), so an update keeps it so. */
export const up = `
ALTER TABLE publications ADD COLUMN draft INTEGER NOT NULL DEFAULT 0;
`;
