/** Harvest: find a document by its link within a source quickly (dedupe by link on every item). */
export const up = `
CREATE INDEX IF NOT EXISTS documents_source_url ON documents(source_id, url);
`;
