/**
 * Generation: titles, sentences and whole posts from a model. The recipe for a post:
 * 1. check the request (a model with sentences, sane lengths, topic words the corpus knows);
 * 2. index the model for this temperature and build the copy guard for maxSharedRun;
 * 3. draw a title, then paragraphs of sentences of varied length, topic words spread over them;
 * 4. stamp the post with its seed, id and the model's fingerprint.
 */
import { createHash } from 'node:crypto';
import type { Model } from '../model/types.js';
import type { Rng } from '../rng.js';
import type { GeneratedSentence, Post } from './types.js';
import { indexContexts } from './index-contexts.js';
import { buildCopyGuard } from './copy-guard.js';
import { findTopicWords, type TopicWord } from './find-topic.js';
import { ATTEMPTS, makeSentence, type Generator, type Made, type SentenceRequest } from './make-sentence.js';
import { pickTheme } from './pick-theme.js';
import { startTheme, themeOf } from './follow-theme.js';
import { badLengths, emptyModel, noSentence, noTemplateOfLength, noTopicPlace } from './errors.js';
import { drawTemplate, samplerFor } from './pick-template.js';

export interface GenerateOptions {
  paragraphs: number;
  sentencesPerParagraph: number;
  minWords: number;
  maxWords: number;
  temperature: number;
  maxSharedRun: number;
  topic: string[];
  /** 0: independent sentences (as before themes); up to 1: a post holds tightly to its theme. */
  focus?: number;
  /** Printed sentences never to repeat (the bot's last posts), as plain data from the pipeline. */
  avoidSentences?: readonly string[];
  /** Templates (slot strings, `GeneratedSentence.template`) not to reuse while others remain (the last N posts'). */
  avoidTemplates?: readonly string[];
}

/** Longest corpus run a sentence keeps to while it can (maxSharedRun stays the hard limit). */
const SOFT_RUN = 5;
/** Title length range in words. */
const TITLE_WORDS: [number, number] = [2, 7];
/** After every topic word has had a sentence, the chance a further sentence carries one. */
const TOPIC_RATE = 0.35;

export function generatePost(model: Model, options: GenerateOptions, rng: Rng, meta: { seed: string; now: string }): Post {
  const { g, topics } = setUpGenerator(model, options);
  const focus = options.focus ?? 0;
  const theme = focus > 0 ? pickTheme(model, g.levels.slot, rng, topics) : undefined;
  const follow = theme ? startTheme(g, model, theme, focus) : undefined;
  const title = follow ? follow.title(topics, rng, options) : makeTitle(g, topics, rng, options);
  const paragraphs: GeneratedSentence[][] = [];
  let k = 0;
  let previous: number | undefined;
  for (let p = 0; p < options.paragraphs; p++) {
    const paragraph: GeneratedSentence[] = [];
    follow?.paragraph();
    for (let s = 0; s < options.sentencesPerParagraph; s++, k++) {
      const [minWords, maxWords] = lengthBand(options, rng);
      const topic = follow ? follow.anchor(topics, k, rng) : topicFor(topics, k, rng);
      const made = makeSentence(g, { kind: 'sentence', minWords, maxWords, topic, avoid: previous }, rng) ??
        makeSentence(g, { kind: 'sentence', minWords: options.minWords, maxWords: options.maxWords, topic }, rng) ??
        (follow && topic ? makeSentence(g, { kind: 'sentence', minWords: options.minWords, maxWords: options.maxWords }, rng) : undefined);
      if (!made) continue;
      previous = made.template;
      follow?.after(made);
      paragraph.push(made.sentence);
    }
    if (paragraph.length > 0) paragraphs.push(paragraph);
  }
  if (paragraphs.length === 0) {
    throw topics.length > 0
      ? noTopicPlace(topics.map((t) => t.text), options.minWords, options.maxWords, options.maxSharedRun)
      : noSentence('sentence', ATTEMPTS, options.maxSharedRun);
  }
  return {
    version: 1,
    id: createHash('sha256').update(`${meta.seed}\n${model.fingerprint}`).digest('hex').slice(0, 16),
    title,
    paragraphs,
    seed: meta.seed,
    modelFingerprint: model.fingerprint,
    ...(topics.length > 0 ? { topic: topics.map((t) => t.text) } : {}),
    ...(theme ? { theme: themeOf(model, theme) } : {}),
    createdAt: meta.now,
  };
}

/** n sentences over the whole length range; each carries a topic word (in turn) when a topic is set. */
export function generateSentences(model: Model, n: number, options: GenerateOptions, rng: Rng): GeneratedSentence[] {
  const { g, topics } = setUpGenerator(model, options);
  const focus = options.focus ?? 0;
  const theme = focus > 0 ? pickTheme(model, g.levels.slot, rng, topics) : undefined;
  const follow = theme ? startTheme(g, model, theme, focus) : undefined;
  const out: GeneratedSentence[] = [];
  let previous: number | undefined;
  for (let k = 0; k < n; k++) {
    const topic = follow ? follow.anchor(topics, k, rng) : topics.length > 0 ? topics[k % topics.length] : undefined;
    const made =
      makeSentence(g, { kind: 'sentence', minWords: options.minWords, maxWords: options.maxWords, topic, avoid: previous }, rng) ??
      (follow && topic ? makeSentence(g, { kind: 'sentence', minWords: options.minWords, maxWords: options.maxWords, avoid: previous }, rng) : undefined);
    if (!made) continue;
    previous = made.template;
    follow?.after(made);
    out.push(made.sentence);
  }
  if (n > 0 && out.length === 0) {
    throw topics.length > 0
      ? noTopicPlace(topics.map((t) => t.text), options.minWords, options.maxWords, options.maxSharedRun)
      : noSentence('sentence', ATTEMPTS, options.maxSharedRun);
  }
  return out;
}

export function generateTitle(model: Model, options: GenerateOptions, rng: Rng): GeneratedSentence {
  const { g, topics } = setUpGenerator(model, options);
  return makeTitle(g, topics, rng, options);
}

function setUpGenerator(model: Model, options: GenerateOptions): { g: Generator; topics: TopicWord[] } {
  const { lm } = model;
  if (lm.sentences.weight.length === 0) throw emptyModel();
  if (options.minWords > options.maxWords) throw badLengths(options.minWords, options.maxWords);
  if (drawTemplate(samplerFor(lm.sentences, options.temperature), options.minWords, options.maxWords, 0) < 0) {
    throw noTemplateOfLength(options.minWords, options.maxWords);
  }
  const levels = indexContexts(lm, options.temperature);
  const topics = findTopicWords(lm, levels.slot, options.topic);
  const guard = buildCopyGuard(lm, options.maxSharedRun);
  const soft = options.maxSharedRun > SOFT_RUN ? buildCopyGuard(lm, SOFT_RUN) : undefined;
  const seen = new Set(options.avoidSentences ?? []);
  const cooldown = new Set(options.avoidTemplates ?? []);
  return { g: { model, levels, guard, soft, temperature: options.temperature, recent: [], seen, cooldown }, topics };
}

export function makeTitle(g: Generator, topics: TopicWord[], rng: Rng, options: GenerateOptions): GeneratedSentence {
  return makeTitleSentence(g, topics, rng, options).sentence;
}

export function makeTitleSentence(g: Generator, topics: TopicWord[], rng: Rng, options: GenerateOptions): Made {
  const request: SentenceRequest = { kind: 'title', minWords: TITLE_WORDS[0], maxWords: TITLE_WORDS[1], topic: topics[0] };
  const made =
    makeSentence(g, request, rng) ??
    makeSentence(g, { ...request, minWords: 1, maxWords: 12 }, rng) ??
    makeSentence(g, { ...request, minWords: 1, maxWords: 12, topic: undefined }, rng);
  if (!made) throw noSentence('title', ATTEMPTS, options.maxSharedRun);
  return made;
}

/** Short, middle or long third of the length range, so a paragraph's sentences vary. */
function lengthBand(options: GenerateOptions, rng: Rng): [number, number] {
  const { minWords: lo, maxWords: hi } = options;
  const third = Math.max(1, Math.round((hi - lo) / 3));
  const u = rng();
  if (u < 0.3) return [lo, Math.min(hi, lo + third)];
  if (u < 0.75) return [Math.min(hi, lo + third), Math.min(hi, lo + 2 * third)];
  return [Math.min(hi, lo + 2 * third), hi];
}

function topicFor(topics: TopicWord[], k: number, rng: Rng): TopicWord | undefined {
  if (topics.length === 0) return undefined;
  if (k < topics.length) return topics[k];
  const u = rng();
  return u < TOPIC_RATE ? topics[Math.floor((u / TOPIC_RATE) * topics.length)] : undefined;
}
