/**
 * Analyze: covering indexes for the questions asked on every run. "Which documents changed since
 * they were analysed?" and "whose are they?" read only (id, content_hash, source_id, kind), which
 * in the table sit after the long `text` column: without this index each run would walk every
 * document's text. The analyses index answers the staleness check and the token total likewise.
 */
export const up = `
CREATE INDEX IF NOT EXISTS documents_analysis_key ON documents(id, content_hash, source_id, kind);
CREATE INDEX IF NOT EXISTS analyses_state ON analyses(doc_id, content_hash, analyzer, tokens);
`;
