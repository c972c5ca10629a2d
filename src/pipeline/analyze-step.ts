/**
 * Incremental analysis of the store: only documents whose content hash (or the analyzer) differs
 * from their stored analysis are tagged. Tagging runs outside any transaction; each batch's results
 * are then written in one short transaction, so readers and the harvester are never held up long.
 */
import type { Store } from '../store/open-store.js';
import { ANALYZER_VERSION } from '../model/analyzer-version.js';
import { packAnalyzedText } from '../analyze/pack-text.js';
import { analysisTokens, documentsToAnalyze, removeOrphanAnalyses, writeAnalyses, type StoredAnalysis } from '../store/analyses.js';
import { countDocuments, readDocumentText } from '../store/documents.js';

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

export function analyzeStore(store: Store, options: AnalyzeStoreOptions = {}): AnalyzeStoreResult {
  const batchSize = options.batchSize ?? 200;
  const removed = removeOrphanAnalyses(store);
  const total = countDocuments(store);
  const pending = documentsToAnalyze(store, ANALYZER_VERSION);
  const reused = total - pending.length;
  options.onProgress?.(reused, total);
  for (let start = 0; start < pending.length; start += batchSize) {
    const rows: StoredAnalysis[] = [];
    for (const id of pending.slice(start, start + batchSize)) {
      const doc = readDocumentText(store, id);
      if (!doc) continue; // deleted meanwhile
      const { data, tokens } = packAnalyzedText(doc);
      rows.push({ docId: doc.id, contentHash: doc.contentHash, analyzer: ANALYZER_VERSION, tokens, data });
    }
    writeAnalyses(store, rows);
    options.onProgress?.(reused + Math.min(start + batchSize, pending.length), total);
  }
  const tokens = analysisTokens(store);
  return { analyzed: pending.length, reused, removed, tokens };
}
