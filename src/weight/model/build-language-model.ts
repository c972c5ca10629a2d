/**
 * Builds the language model from analysed documents: intern words and slots, count templates
 * and words in context (scaled by document weight, damped), keep the corpus as hashed words for
 * the copy guard. Pure: documents and weights in, plain JSON out.
 */
import type { AnalyzedDocument } from '../../analyze/types.js';
import { dampings, type Damping } from '../../model/damping.js';
import type { LanguageModel } from '../../model/language-model.js';
import { internCorpus } from './intern-corpus.js';
import { encodeUnits } from './hash-units.js';
import { countContexts } from './count-contexts.js';
import { countJoins } from './count-joins.js';
import { countTerms } from './count-terms.js';
import { countSentenceTemplates, countTitleTemplates } from './count-templates.js';

export interface LanguageModelOptions {
  damping: Damping;
}

export function buildLanguageModel(
  docs: AnalyzedDocument[],
  documentWeights: Record<string, number>,
  options: LanguageModelOptions,
): LanguageModel {
  const damp = dampings[options.damping];
  const c = internCorpus(docs, documentWeights);
  const slotWord = c.slots.list.map((s) => (s.startsWith('=') ? c.words.ids.get(literalForm(s)) ?? -1 : -1));
  return {
    version: 1,
    words: c.words.list,
    ...countJoins(c),
    slots: c.slots.list,
    slotWord,
    docs: c.docs,
    docSource: c.docSource,
    sources: c.sources.list,
    sentences: countSentenceTemplates(c, damp),
    titles: countTitleTemplates(c, damp),
    levels: countContexts(c, slotWord, damp),
    guard: { units: encodeUnits(c.guardUnits) },
    docTerms: countTerms(c, slotWord),
  };
}

/** "=the" → "the"; the pronoun "I" is the one literal kept in upper case. */
const literalForm = (slot: string): string => (slot === '=i' ? 'I' : slot.slice(1));
