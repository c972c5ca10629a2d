/**
 * What a model learned, for people: the heaviest title and sentence templates, each source's share
 * of the words and of the weight (the numbers the model was built with, heaviest first), and the
 * heaviest words of each word class. Pure: model in, report out.
 * Reads the language model's tables (see `model/types.ts`); a field it lacks gives empty lists.
 */
import type { LanguageModel } from '../model/language-model.js';
import { columnSlice } from '../model/language-model.js';
import { sortByShare } from '../model/shares.js';
import type { Model, OwnShare, SourceShare } from '../model/types.js';

export interface TemplateReport {
  /** Slots joined by spaces: function words as themselves, classes by name (NOUN_P, VERB_Z). */
  template: string;
  weight: number;
  /** Share of all templates' weight of its kind. */
  share: number;
}

export interface SlotWordsReport {
  slot: string;
  /** Share of all class-word weight that falls on this slot. */
  share: number;
  words: { word: string; weight: number }[];
}

export interface InspectReport {
  fingerprint: string;
  settings: Model['settings'];
  /** The own blog's posts and share of the weight in this model (after the ramp). */
  own: OwnShare;
  documents: number;
  tokens: number;
  /** The model's sources and shares, heaviest first (`sortByShare`). */
  sources: SourceShare[];
  titleTemplates: TemplateReport[];
  sentenceTemplates: TemplateReport[];
  words: SlotWordsReport[];
}

type TemplateTable = LanguageModel['sentences'];

export function inspectModel(model: Model, top: number): InspectReport {
  const lm = model.lm as Partial<LanguageModel>;
  return {
    fingerprint: model.fingerprint,
    settings: model.settings,
    own: model.own,
    documents: Object.keys(model.documentWeights).length,
    tokens: model.sources.reduce((a, s) => a + s.tokens, 0),
    sources: sortByShare(model.sources),
    titleTemplates: topTemplates(lm, lm.titles, top),
    sentenceTemplates: topTemplates(lm, lm.sentences, top),
    words: topWords(lm, top),
  };
}

const slotLabel = (slot: string) => (slot.startsWith('=') ? slot.slice(1) : slot);

function topTemplates(lm: Partial<LanguageModel>, table: TemplateTable | undefined, top: number): TemplateReport[] {
  if (!table?.start || !table.weight || !lm.slots) return [];
  const weights = Array.from(table.weight);
  const total = weights.reduce((a, w) => a + w, 0) || 1;
  const order = weights.map((_, t) => t).sort((a, b) => weights[b] - weights[a] || a - b);
  return order.slice(0, top).map((t) => ({
    template: columnSlice(table.slots, table.start[t], table.start[t + 1]).map((s) => slotLabel(lm.slots![s])).join(' '),
    weight: table.weight[t],
    share: table.weight[t] / total,
  }));
}

/** The most specific-free table (context = the slot alone) holds each class's word distribution. */
function topWords(lm: Partial<LanguageModel>, top: number): SlotWordsReport[] {
  const table = lm.levels?.slot;
  if (!table || !lm.slots || !lm.words) return [];
  const rows = Array.from(table.keys, (slot, r) => {
    const entries: { word: string; weight: number }[] = [];
    for (let e = table.rowStart[r]; e < table.rowStart[r + 1]; e++) entries.push({ word: lm.words![table.word[e]], weight: table.weight[e] });
    entries.sort((a, b) => b.weight - a.weight || a.word.localeCompare(b.word));
    return { slot: lm.slots![slot], total: entries.reduce((a, x) => a + x.weight, 0), words: entries.slice(0, top) };
  });
  const all = rows.reduce((a, r) => a + r.total, 0) || 1;
  return rows
    .sort((a, b) => b.total - a.total || a.slot.localeCompare(b.slot))
    .slice(0, top)
    .map((r) => ({ slot: r.slot, share: r.total / all, words: r.words }));
}
