/**
 * One sentence or title, with a bounded number of attempts: draw a template in the length range
 * (one with a slot for the topic word, if there is one), fill it, keep the most confident of a
 * few fills, render it. An attempt that
 * fails (a slot with no word the copy guard allows) costs one attempt; after the budget, the
 * result is undefined ("no result this time"), never an endless loop.
 */
import type { Model } from '../model/types.js';
import type { ContextLevel, TemplateTable } from '../model/language-model.js';
import { columnSlice } from '../model/language-model.js';
import type { Rng } from '../rng.js';
import type { GeneratedSentence } from './types.js';
import { findRow, rowHasWord, type LevelIndexes } from './index-contexts.js';
import { contextKey } from '../model/context-key.js';
import { isPrintedCopy, type CopyGuard } from './copy-guard.js';
import type { TopicWord } from './find-topic.js';
import { drawTemplate, samplerFor } from './pick-template.js';
import { fillTemplate, type Filled } from './fill-template.js';
import { renderSentence, renderTitle } from './render-sentence.js';
import { toProvenance } from './to-provenance.js';


export const ATTEMPTS = 60;
/**
 * Filled templates compared per sentence: the first whose every word had its full context
 * (a FULL_CONTEXT level: the previous word and the next slot) wins, else the one
 * with the fewest words guessed from a shorter context. Each guess costs about 7 points of
 * grammaticality on Brown, so trying a few templates is cheap quality.
 */
const FILLS = 4;
/** A placed topic word makes a confident fill rarer: compare more. */
const TOPIC_FILLS = 12;
const FULL_CONTEXT: ReadonlySet<ContextLevel> = new Set<ContextLevel>(['prev2-prev-slot-next', 'prev-slot-next']);
/** Sentences whose open-class words the next sentence avoids while it can. */
const RECENT = 30;


export interface Generator {
  model: Model;
  levels: LevelIndexes;
  guard: CopyGuard;
  soft?: CopyGuard;
  temperature: number;
  /** Open-class words of the sentences made so far in this call, newest last (see RECENT). */
  recent: number[][];
  /** Printed sentences not to repeat: this post's or batch's so far, and any passed in (the bot's last posts). */
  seen?: Set<string>;
  /** Templates (slot strings) of the last few posts, not reused while other templates remain (generate.templateCooldown). */
  cooldown?: Set<string>;
  /** Set while a post follows a theme (generate.focus > 0). */
  theme?: ThemeState;
}

/** What the theme asks of the next sentence. */
export interface ThemeState {
  /** Word id → boost (see FillEnv.bias). */
  bias: Map<number, number>;
  /** Words the first draw pass may reuse although they are recent (theme words, carried nouns). */
  exempt: Set<number>;
}

export interface SentenceRequest {
  kind: 'sentence' | 'title';
  minWords: number;
  maxWords: number;
  topic?: TopicWord;
  /** A template to avoid (the previous sentence's), so neighbours differ in form. */
  avoid?: number;
}

export interface Made {
  sentence: GeneratedSentence;
  template: number;
  /** Word ids and slot ids of the sentence as filled. */
  words: number[];
  slots: number[];
}

export function makeSentence(g: Generator, req: SentenceRequest, rng: Rng): Made | undefined {
  const { lm } = g.model;
  const table: TemplateTable = req.kind === 'title' && lm.titles.weight.length > 0 ? lm.titles : lm.sentences;
  const sampler = req.topic
    ? samplerFor(table, g.temperature, req.topic.slots, `slots:${[...req.topic.slots].sort((a, b) => a - b).join(',')}`)
    : samplerFor(table, g.temperature);
  const recent = new Set(g.recent.flat());
  if (g.theme) for (const w of g.theme.exempt) recent.delete(w);
  const render = (words: number[]): string => (req.kind === 'title' ? renderTitle(lm, words) : renderSentence(lm, words));
  let best: { filled: Filled; t: number; slots: number[]; guesses: number } | undefined;
  let fills = 0;
  const maxFills = req.topic ? TOPIC_FILLS : FILLS;
  for (let attempt = 0; attempt < ATTEMPTS && fills < maxFills; attempt++) {
    const k = drawTemplate(sampler, req.minWords, req.maxWords, rng());
    if (k < 0) return undefined;
    const t = sampler.order[k];
    if (t === req.avoid && attempt < ATTEMPTS / 2) continue;
    const slots = columnSlice(table.slots, table.start[t], table.start[t + 1]);
    if (g.cooldown?.size && attempt < ATTEMPTS / 2 && g.cooldown.has(slots.map((x) => lm.slots[x]).join(' '))) continue;
    const fixed = slots.map((s) => lm.slotWord[s]);
    if (req.topic) fixed[sampler.at[k]] = req.topic.word;
    const filled = fillTemplate({ lm, levels: g.levels, guard: g.guard, soft: g.soft, recent, bias: g.theme?.bias, rng }, slots, fixed);
    if (!filled) continue;
    const printed = render(filled.words);
    if (isPrintedCopy(g.guard, printed) || g.seen?.has(printed)) continue;
    fills++;
    const guesses =
      filled.sources.filter((s) => !FULL_CONTEXT.has(s.level)).length +
      (req.topic && !topicFits(g, filled.words, slots, sampler.at[k]) ? 1 : 0);
    if (!best || guesses < best.guesses) best = { filled, t, slots, guesses };
    if (guesses === 0) break;
  }
  if (!best) return undefined;
  const { filled, t, slots } = best;
  // A themed post's title leaves no trace in recent: the body should take its words up, not avoid them.
  if (!(g.theme && req.kind === 'title')) {
    g.recent.push(filled.sources.map((s) => filled.words[s.position]));
    if (g.recent.length > RECENT) g.recent.shift();
  }

  const text = render(filled.words);
  g.seen?.add(text);
  return {
    template: t,
    words: filled.words,
    slots,
    sentence: {
      text,
      template: slots.map((s) => lm.slots[s]).join(' '),
      provenance: toProvenance(g.model, table.doc[t], filled.sources),
    },
  };
}


/** Whether the corpus has the placed topic word after the word before it (in its slot), i.e. it was not forced in blind. */
function topicFits(g: Generator, words: number[], slots: number[], at: number): boolean {
  if (at === 0) return true;
  const { lm } = g.model;
  const [S, V] = [lm.slots.length, lm.words.length];
  // After a function word only the full context (word before, slot, slot after) counts: "to river" is in Brown, "lead to river with" is not English.
  const levels: ContextLevel[] = lm.slotWord[slots[at - 1]] >= 0 ? ['prev-slot-next'] : ['prev-slot-next', 'prev-slot'];
  for (const level of levels) {
    const L = g.levels[level];
    const r = findRow(L, contextKey(level, S, V, 0, words[at - 1], slots[at], at + 1 < slots.length ? slots[at + 1] : 0));
    if (r >= 0 && rowHasWord(L, r, words[at])) return true;
  }
  return false;
}
