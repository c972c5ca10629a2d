/**
 * Following a theme through a post (generate.focus > 0): what each sentence is asked for.
 * - Every candidate word of the theme is boosted (FillEnv.bias): b = focus · BOOST · θ · DECAY^uses,
 *   none after MAX_USES uses in the post, so a theme is many words, not one hammered in.
 * - The title is built around the theme's top noun; its content words must then be mentioned in
 *   the first sentences, and it leaves no trace in `recent`.
 * - Referents carry on: the nouns of one sentence are boosted in the next, and with probability
 *   focus · CARRY one of them is placed (as a topic word is); else with focus · ANCHOR a theme
 *   word drawn by θ is placed. A sentence that cannot place it is made without (never lost).
 * All draws come from the post's rng, and only here, so focus 0 draws exactly as before.
 */
import type { Model } from '../model/types.js';
import type { Rng } from '../rng.js';
import type { GeneratedSentence, PostTheme } from './types.js';
import type { TopicWord } from './find-topic.js';
import { themeTopic, type Theme } from './pick-theme.js';
import { ATTEMPTS, makeSentence, type Generator, type Made, type SentenceRequest } from './make-sentence.js';
import { noSentence } from './errors.js';

/** The knobs, as one object so the coherence bench can sweep them (nothing else changes them). */
export const THEME_TUNING = { BOOST: 30, TITLE_BOOST: 60, DECAY: 0.6, MAX_USES: 5, CARRY: 0.9, ANCHOR: 0.2 };
/** Carried nouns kept from one sentence to the next. */
const CARRIED = 2;
const TITLE_WORDS: [number, number] = [2, 7];

const CONTENT = /^(NOUN|PROPN|VERB|ADJ|ADV_LY)/;
const NOUN = /^(NOUN|PROPN)/;

export interface ThemeFollower {
  title(topics: TopicWord[], rng: Rng, options: { maxSharedRun: number }): GeneratedSentence;
  paragraph(): void;
  anchor(topics: TopicWord[], k: number, rng: Rng): TopicWord | undefined;
  after(made: Made): void;
}

export function startTheme(g: Generator, model: Model, theme: Theme, focus: number): ThemeFollower {
  const { BOOST, TITLE_BOOST, DECAY, MAX_USES, CARRY, ANCHOR } = THEME_TUNING;
  const { lm } = model;
  const slotLevel = g.levels.slot;
  const key = (w: number): string => lm.words[w].toLowerCase();
  const theta = new Map<string, number>();
  for (const w of theme.words) theta.set(key(w), theme.weight.get(w) ?? 0);
  const uses = new Map<string, number>();
  let carry: number[] = [];
  const must: number[] = [];
  let lastAnchor = -1;

  const refresh = (boost: number): void => {
    const bias = new Map<number, number>();
    const exempt = new Set<number>();
    for (const w of theme.words) {
      const n = uses.get(key(w)) ?? 0;
      if (n >= MAX_USES) continue;
      bias.set(w, focus * boost * (theme.weight.get(w) ?? 0) * Math.pow(DECAY, n));
      exempt.add(w);
    }
    for (const w of [...carry, ...must]) {
      bias.set(w, Math.max(bias.get(w) ?? 0, focus * boost));
      exempt.add(w);
    }
    g.theme = { bias, exempt };
  };
  const count = (made: Made): number[] => {
    const content: number[] = [];
    made.words.forEach((w, i) => {
      if (!CONTENT.test(lm.slots[made.slots[i]]) || !/\p{L}/u.test(lm.words[w])) return;
      uses.set(key(w), (uses.get(key(w)) ?? 0) + 1);
      content.push(i);
    });
    return content;
  };

  return {
    title(topics, rng, options) {
      refresh(TITLE_BOOST);
      const noun = theme.words.map((w) => themeTopic(model, slotLevel, w)).find((t) => t && [...t.slots].some((s) => NOUN.test(lm.slots[s])));
      const topic = topics[0] ?? noun;
      const request: SentenceRequest = { kind: 'title', minWords: TITLE_WORDS[0], maxWords: TITLE_WORDS[1], topic };
      const made =
        makeSentence(g, request, rng) ??
        makeSentence(g, { ...request, minWords: 1, maxWords: 12 }, rng) ??
        makeSentence(g, { ...request, minWords: 1, maxWords: 12, topic: undefined }, rng);
      if (!made) throw noSentence('title', ATTEMPTS, options.maxSharedRun);
      for (const i of count(made)) {
        const w = made.words[i];
        if (NOUN.test(lm.slots[made.slots[i]]) || theta.has(key(w))) {
          if (!must.includes(w) && !topics.some((t) => t.word === w)) must.push(w);
          theta.set(key(w), Math.max(theta.get(key(w)) ?? 0, 1));
        }
      }
      // the title's words count once, not as uses the body must avoid
      uses.clear();
      return made.sentence;
    },
    paragraph() {
      carry = carry.slice(0, 1);
    },
    anchor(topics, k, rng) {
      refresh(BOOST);
      if (topics.length > 0) {
        if (k < topics.length) return topics[k];
        const u = rng();
        return u < 0.35 ? topics[Math.floor((u / 0.35) * topics.length)] : undefined;
      }
      while (must.length > 0) {
        const t = themeTopic(model, slotLevel, must.shift()!);
        if (t) return remember(t);
      }
      const u = rng();
      if (u < focus * CARRY && carry.length > 0) {
        const t = themeTopic(model, slotLevel, carry[0]);
        if (t && t.word !== lastAnchor) return remember(t);
      }
      if (u < focus * (CARRY + ANCHOR)) {
        const live = theme.words.filter((w) => w !== lastAnchor && (uses.get(key(w)) ?? 0) < MAX_USES);
        const weights = live.map((w) => (theme.weight.get(w) ?? 0) * Math.pow(DECAY, uses.get(key(w)) ?? 0));
        const total = weights.reduce((a, b) => a + b, 0);
        let x = ((u - focus * CARRY) / (focus * ANCHOR)) * total;
        for (let i = 0; i < live.length && total > 0; i++) {
          x -= weights[i];
          if (x < 0 || i === live.length - 1) {
            const t = themeTopic(model, slotLevel, live[i]);
            if (t) return remember(t);
            break;
          }
        }
      }
      return undefined;
    },
    after(made) {
      const placed = count(made).filter((i) => NOUN.test(lm.slots[made.slots[i]]));
      carry = placed
        .map((i) => made.words[i])
        .filter((w, i, all) => all.indexOf(w) === i)
        .sort((a, b) => (theta.get(key(b)) ?? 0) - (theta.get(key(a)) ?? 0))
        .slice(0, CARRIED);
    },
  };

  function remember(t: TopicWord): TopicWord {
    lastAnchor = t.word;
    return t;
  }
}

/** The theme as the post's provenance: its words, best first, and the documents it was drawn from. */
export function themeOf(model: Model, theme: Theme): PostTheme {
  const { lm } = model;
  return {
    words: theme.words.map((w) => lm.words[w]),
    seed: lm.docs[theme.seed],
    related: theme.related.map((d) => lm.docs[d]),
  };
}
