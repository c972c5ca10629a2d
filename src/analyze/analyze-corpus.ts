/** A whole corpus analysed in memory (pure): for supplied text that never enters the store. */
import type { Corpus } from '../harvest/types.js';
import { analyzeDocument } from './analyze-document.js';
import type { Analysis } from './types.js';

export function analyzeCorpus(corpus: Corpus, onProgress?: (done: number, total: number) => void): Analysis {
  const documents = corpus.documents.map((doc, i) => {
    const analyzed = analyzeDocument(doc);
    onProgress?.(i + 1, corpus.documents.length);
    return analyzed;
  });
  return { version: 1, documents };
}
