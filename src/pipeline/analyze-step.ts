/**
 * Incremental analysis of the store: only documents whose content hash (or the analyzer) differs
 * from their stored analysis are tagged. Tagging runs outside any transaction; each batch's results
 * are then written in one short transaction, so readers and the harvester are never held up long.
 */
import type { Store } from '../store/open-store.js';
import { ANALYZER_VERSION } from '../analyze/analyzer-version.js';
import { packAnalyzedText } from '../analyze/pack-text.js';

export interface AnalyzeStoreOptions {
  onProgress?(done: number, total: number): void;
  /** Documents tagged between two writes. */
  batchSize?: number;
}

export interface AnalyzeStoreResult {
  /** Documents tagged now (new, edited, or analysed by another analyzer version). */
  analyzed: number;
  /** Documents whose stored analysis was still valid. */
  reused: number;
  /** Stored analyses of documents that no longer exist. */
  removed: number;
  /** Tokens in all stored analyses after the run. */
  tokens: number;
}

interface DocumentRow {
  id: string;
  source_id: string;
  kind: 'post' | 'comment';
  title: string;
  text: string;
  content_hash: string;
}

export function analyzeStore(store: Store, options: AnalyzeStoreOptions = {}): AnalyzeStoreResult {
  const batchSize = options.batchSize ?? 200;
  const removed = store.prepare('DELETE FROM analyses WHERE doc_id NOT IN (SELECT id FROM documents)').run().changes;
  const total = (store.prepare('SELECT count(*) FROM documents').pluck().get() as number) ?? 0;
  const pending = store
    .prepare(
      `SELECT d.id FROM documents d LEFT JOIN analyses a ON a.doc_id = d.id
       WHERE a.doc_id IS NULL OR a.content_hash <> d.content_hash OR a.analyzer <> ? ORDER BY d.id`,
    )
    .pluck()
    .all(ANALYZER_VERSION) as string[];
  const readDocument = store.prepare('SELECT id, source_id, kind, title, text, content_hash FROM documents WHERE id = ?');
  const writeAnalysis = store.prepare(
    'INSERT OR REPLACE INTO analyses (doc_id, content_hash, analyzer, tokens, data) VALUES (?, ?, ?, ?, ?)',
  );
  const writeBatch = store.transaction((rows: [string, string, string, number, string][]) => {
    for (const row of rows) writeAnalysis.run(...row);
  });
  const reused = total - pending.length;
  options.onProgress?.(reused, total);
  for (let start = 0; start < pending.length; start += batchSize) {
    const rows: [string, string, string, number, string][] = [];
    for (const id of pending.slice(start, start + batchSize)) {
      const row = readDocument.get(id) as DocumentRow | undefined;
      if (!row) continue; // deleted meanwhile
      const { data, tokens } = packAnalyzedText(row);
      rows.push([row.id, row.content_hash, ANALYZER_VERSION, tokens, data]);
    }
    writeBatch(rows);
    options.onProgress?.(reused + Math.min(start + batchSize, pending.length), total);
  }
  const tokens = (store.prepare('SELECT coalesce(sum(tokens), 0) FROM analyses').pluck().get() as number) ?? 0;
  return { analyzed: pending.length, reused, removed, tokens };
}
