/**
 * Writer's-block prompts around a topic (pure, seeded): opening lines, "what if" questions,
 * titles and a scene seed, each built from generated sentences that use the topic words.
 */
import { generateSentences, generateTitle, type GenerateOptions } from '../generate/index.js';
import type { GeneratedSentence } from '../generate/types.js';
import type { Rng } from '../rng.js';
import type { Model } from '../model/types.js';

export type PromptKind = 'opening' | 'what-if' | 'title' | 'scene';

export interface WritingPrompt {
  kind: PromptKind;
  text: string;
  /** The generated sentences it was made from (with their provenance). */
  from: GeneratedSentence[];
}

/** How many of each kind one batch holds. */
export const PROMPT_COUNTS: Record<PromptKind, number> = { opening: 3, 'what-if': 2, title: 2, scene: 1 };

/** Questions read best short. */
const WHAT_IF_MAX_WORDS = 18;

export function makePrompts(model: Model, given: GenerateOptions, rng: Rng): WritingPrompt[] {
  // Prompts are independent lines around the writer's topic words, not a themed post (focus 0).
  const options = { ...given, focus: 0 };
  const topic = options.topic;
  const openings = generateSentences(model, PROMPT_COUNTS.opening, options, rng);
  const questions = generateSentences(model, PROMPT_COUNTS['what-if'], { ...options, maxWords: Math.max(options.minWords, Math.min(options.maxWords, WHAT_IF_MAX_WORDS)) }, rng);
  const titles: GeneratedSentence[] = [];
  for (let i = 0; i < PROMPT_COUNTS.title; i++) titles.push(generateTitle(model, { ...options, topic: rotate(topic, i) }, rng));
  const scene = generateSentences(model, 2, { ...options, topic: rotate(topic, 1) }, rng);
  return [
    ...openings.map((s) => ({ kind: 'opening' as const, text: s.text, from: [s] })),
    ...questions.map((s) => ({ kind: 'what-if' as const, text: toWhatIf(s), from: [s] })),
    ...titles.map((s) => ({ kind: 'title' as const, text: s.text, from: [s] })),
    { kind: 'scene' as const, text: `${scene.map((s) => s.text).join(' ')} Begin there.`, from: scene },
  ];
}

/** "The river rose." → "What if the river rose?" (a name or "I" keeps its capital). */
export function toWhatIf(sentence: GeneratedSentence): string {
  const body = sentence.text.replace(/[\s.!?…:;,]+["”’)]*\s*$/u, '');
  const first = sentence.template.split(' ')[0] ?? '';
  const keepCapital = first === 'PROPN' || first === '=i' || /^\p{Lu}{2}/u.test(body);
  const start = keepCapital ? body : body.charAt(0).toLowerCase() + body.slice(1);
  return `What if ${start}?`;
}

const rotate = <T>(list: T[], by: number): T[] => (list.length === 0 ? list : [...list.slice(by % list.length), ...list.slice(0, by % list.length)]);
