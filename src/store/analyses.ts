/**
 * The `analyses` table: one packed analysis per document, written incrementally by the analyze step.
 * `loadAnalysis` reads them back into one `Analysis`, in document-id order (deterministic whatever
 * order documents were harvested in). Strings are interned while unpacking: a word used a hundred
 * thousand times is held once.
 */
import type { Store } from './open-store.js';
import { cachedStatement } from './cached-statement.js';
import { ANALYZER_VERSION } from '../model/analyzer-version.js';
import { createIntern, unpackDocument } from '../model/pack-document.js';
import type { Analysis, AnalyzedDocument } from '../analyze/types.js';

export interface LoadAnalysisOptions {
  /** Only documents of these sources (e.g. the bot's own blog). */
  sourceIds?: string[];
}

interface AnalysisRow {
  doc_id: string;
  source_id: string;
  kind: 'post' | 'comment';
  tokens: number;
  data: string | Buffer;
}

export function loadAnalysis(store: Store, options: LoadAnalysisOptions = {}): Analysis {
  const only = options.sourceIds ? new Set(options.sourceIds) : undefined;
  const rows = store
    .prepare(
      `SELECT a.doc_id, d.source_id, d.kind, a.tokens, a.data FROM analyses a JOIN documents d ON d.id = a.doc_id
       WHERE a.analyzer = ? AND a.content_hash = d.content_hash ORDER BY a.doc_id`,
    )
    .iterate(ANALYZER_VERSION) as IterableIterator<AnalysisRow>;
  const intern = createIntern();
  const documents: AnalyzedDocument[] = [];
  for (const row of rows) {
    if (only && !only.has(row.source_id)) continue;
    const data = typeof row.data === 'string' ? row.data : row.data.toString('utf8');
    const parts = unpackDocument(data, intern);
    const doc: AnalyzedDocument = { docId: row.doc_id, sourceId: row.source_id, kind: row.kind, sentences: parts.sentences, tokens: row.tokens };
    if (parts.title) doc.title = parts.title;
    documents.push(doc);
  }
  return { version: 1, documents };
}

/** One document's analysis as stored: packed sentences (see pack-document.ts) for the content it was made from. */
export interface StoredAnalysis {
  docId: string;
  contentHash: string;
  analyzer: string;
  tokens: number;
  data: string;
}

/** Deletes the analyses of documents no longer stored; returns how many. */
export function removeOrphanAnalyses(store: Store): number {
  return store.prepare('DELETE FROM analyses WHERE doc_id NOT IN (SELECT id FROM documents)').run().changes;
}

/** Ids of documents with no analysis by `analyzer` of their current content, in id order. */
export function documentsToAnalyze(store: Store, analyzer: string): string[] {
  return store
    .prepare(
      `SELECT d.id FROM documents d LEFT JOIN analyses a ON a.doc_id = d.id
       WHERE a.doc_id IS NULL OR a.content_hash <> d.content_hash OR a.analyzer <> ? ORDER BY d.id`,
    )
    .pluck()
    .all(analyzer) as string[];
}

/** Stores analyses (replacing a document's previous one) in one transaction. */
export function writeAnalyses(store: Store, rows: StoredAnalysis[]): void {
  const write = cachedStatement(store, 'INSERT OR REPLACE INTO analyses (doc_id, content_hash, analyzer, tokens, data) VALUES (?, ?, ?, ?, ?)');
  store.transaction(() => {
    for (const r of rows) write.run(r.docId, r.contentHash, r.analyzer, r.tokens, r.data);
  })();
}

/** Tokens in all stored analyses. */
export function analysisTokens(store: Store): number {
  return (store.prepare('SELECT coalesce(sum(tokens), 0) FROM analyses').pluck().get() as number) ?? 0;
}
