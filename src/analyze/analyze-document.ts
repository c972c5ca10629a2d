/** One document in, its tagged title and body sentences out (pure; wink-nlp does the tagging). */
import type { CorpusDocument } from '../harvest/types.js';
import { tagText } from './tag-text.js';
import type { AnalyzedDocument, TaggedSentence } from './types.js';

type DocumentText = Pick<CorpusDocument, 'id' | 'sourceId' | 'kind' | 'title' | 'text'>;

export function analyzeDocument(doc: DocumentText): AnalyzedDocument {
  const title = doc.kind === 'post' ? tagTitle(doc.title) : undefined;
  const sentences = tagText(doc.text);
  let tokens = title ? title.words.length : 0;
  for (const s of sentences) tokens += s.words.length;
  const out: AnalyzedDocument = { docId: doc.id, sourceId: doc.sourceId, kind: doc.kind, sentences, tokens };
  if (title) out.title = title;
  return out;
}

/** A title is one unit even when the tagger sees two sentences in it ("Wait. What?"). */
export function tagTitle(title: string): TaggedSentence | undefined {
  if (!title.trim()) return undefined;
  const parts = tagText(title);
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return {
    words: parts.flatMap((p) => p.words),
    lemmas: parts.flatMap((p) => p.lemmas),
    pos: parts.flatMap((p) => p.pos),
    spaces: parts.flatMap((p) => p.spaces),
  };
}
