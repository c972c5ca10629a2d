/**
 * Provenance of one sentence: the document that gave its template and the documents that gave
 * its words (each table entry remembers its heaviest document), weighted by the document's
 * weight in the model and normalised so a sentence's shares sum to 1.
 */
import type { Model } from '../model/types.js';
import type { ProvenanceSource } from './types.js';
import type { WordSource } from './fill-template.js';

export function toProvenance(model: Model, templateDoc: number, sources: WordSource[]): ProvenanceSource[] {
  const { lm } = model;
  const weightOf = (d: number): number => model.documentWeights[lm.docs[d]] ?? 1;
  const out: ProvenanceSource[] = [
    { docId: lm.docs[templateDoc], sourceId: lm.sources[lm.docSource[templateDoc]], weight: weightOf(templateDoc), gave: 'template' },
  ];
  const byDoc = new Map<number, ProvenanceSource>();
  for (const s of sources) {
    const d = lm.levels[s.level].doc[s.entry];
    let p = byDoc.get(d);
    if (!p) {
      p = { docId: lm.docs[d], sourceId: lm.sources[lm.docSource[d]], weight: 0, gave: 'words', positions: [] };
      byDoc.set(d, p);
      out.push(p);
    }
    p.weight += weightOf(d);
    p.positions!.push(s.position);
  }
  const total = out.reduce((a, p) => a + p.weight, 0);
  for (const p of out) p.weight = total > 0 ? Math.round((p.weight / total) * 1e4) / 1e4 : 0;
  return out;
}
