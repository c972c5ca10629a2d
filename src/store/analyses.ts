/**
 * Reads the stored analyses back into one `Analysis`, in document-id order (deterministic whatever
 * order documents were harvested in). Strings are interned while unpacking: a word used a hundred
 * thousand times is held once.
 */
import type { Store } from './open-store.js';
import { ANALYZER_VERSION } from '../analyze/analyzer-version.js';
import { createIntern, unpackDocument } from '../analyze/pack-document.js';
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
