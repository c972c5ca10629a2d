/**
 * The fingerprint of what a model was built from: every document's id, source, content hash and
 * comment count (which moves its weight), every source's kind, the weight settings, and the
 * versions of the analyzer, the model format and the language model's layout. Equal fingerprints
 * ⇒ the model can be reused.
 */
import { createHash } from 'node:crypto';
import { ANALYZER_VERSION } from '../model/analyzer-version.js';
import type { Corpus } from '../harvest/types.js';
import { lmLayout } from './lm-layout.js';
import { MODEL_FORMAT } from '../model/model-format.js';
import type { WeightSettings } from '../model/types.js';

export function fingerprintCorpus(corpus: Corpus, settings: WeightSettings): string {
  const hash = createHash('sha256');
  hash.update(`${MODEL_FORMAT}\n${lmLayout()}\n${ANALYZER_VERSION}\n`);
  const { damping, ownShare, ownRampPosts = 0, ownOnly, commentWeight } = settings;
  hash.update(`${JSON.stringify({ damping, ownShare, ownRampPosts, ownOnly, commentWeight })}\n`);
  for (const s of [...corpus.sources].sort((a, b) => cmp(a.id, b.id))) hash.update(`s\t${s.id}\t${s.kind}\n`);
  for (const d of [...corpus.documents].sort((a, b) => cmp(a.id, b.id))) {
    hash.update(`d\t${d.id}\t${d.sourceId}\t${d.kind}\t${d.contentHash}\t${d.commentCount}\n`);
  }
  return hash.digest('hex').slice(0, 32);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
