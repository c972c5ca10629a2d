/**
 * Supplied texts → a `Corpus` (pure). Each input is one source (kind 'file'), so weighting damps a
 * long book against a short essay as it damps a busy blog against a quiet one. A long text is cut
 * at paragraph boundaries into documents of about `CHUNK_WORDS` words: tagging stays fast and
 * memory flat, and provenance can point at a part of a book rather than the whole.
 */
import { createHash } from 'node:crypto';
import type { Corpus, CorpusDocument, Source } from '../harvest/types.js';
import { toTitledText } from './to-titled-text.js';
import type { SuppliedText } from './types.js';

export const CHUNK_WORDS = 2000;

export function buildSuppliedCorpus(texts: SuppliedText[]): Corpus {
  const sources: Source[] = [];
  const documents: CorpusDocument[] = [];
  const seen = new Set<string>();
  for (const supplied of texts) {
    const sourceId = `file:${supplied.name}`;
    if (seen.has(sourceId)) continue;
    seen.add(sourceId);
    const { title, text } = toTitledText(supplied);
    const chunks = chunkParagraphs(text, CHUNK_WORDS);
    if (chunks.length === 0) continue;
    sources.push({ id: sourceId, url: supplied.name, title: title || supplied.name, kind: 'file' });
    chunks.forEach((chunk, i) => {
      const docTitle = i === 0 ? title : '';
      documents.push({
        id: `${sourceId}#${i + 1}`,
        sourceId,
        kind: 'post',
        title: docTitle,
        text: chunk,
        commentCount: 0,
        contentHash: createHash('sha256').update(`${docTitle}\n${chunk}`).digest('hex'),
      });
    });
  }
  return { version: 1, sources, documents };
}

/** Groups paragraphs into chunks of at least `words` words (the last may be shorter). */
export function chunkParagraphs(text: string, words: number): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let count = 0;
  for (const paragraph of text.split(/\n{2,}/)) {
    const p = paragraph.trim();
    if (!p) continue;
    current.push(p);
    count += p.split(/\s+/).length;
    if (count >= words) {
      chunks.push(current.join('\n\n'));
      current = [];
      count = 0;
    }
  }
  if (current.length) chunks.push(current.join('\n\n'));
  return chunks;
}
