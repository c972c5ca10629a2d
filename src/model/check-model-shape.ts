/**
 * The full structural check of a model read from disk: every field `Model` and `LanguageModel`
 * promise, with the right types, the tables' lengths consistent with each other, and every id
 * inside its table — so a file with a valid envelope but a damaged body is caught when it is
 * loaded (and rebuilt), never halfway through generation. Pure; linear in the model's size.
 *
 * Whoever changes the model's shape (types.ts, language-model.ts) extends this check with it.
 */
import { CONTEXT_LEVELS } from './context-key.js';
import type { ContextLevel } from './language-model.js';

const DAMPINGS = new Set(['log-squared', 'log', 'linear']);
const KINDS = new Set(['blog', 'own', 'file']);

/** The first thing wrong with a model's shape, named by its path ("model.lm.levels[2].rowStart …"), or undefined. */
export function checkModelShape(m: unknown): string | undefined {
  try {
    checkModel(m);
    return undefined;
  } catch (e) {
    if (e instanceof ShapeError) return e.message;
    throw e;
  }
}

class ShapeError extends Error {}

function fail(message: string): never {
  throw new ShapeError(message);
}

function checkModel(m: unknown): void {
  const model = object(m, 'model');
  if (model.version !== 1) fail('model.version is not 1');
  string(model.fingerprint, 'model.fingerprint');
  const settings = object(model.settings, 'model.settings');
  if (!DAMPINGS.has(settings.damping as string)) fail('model.settings.damping is not a damping');
  finite(settings.ownShare, 'model.settings.ownShare');
  finite(settings.commentWeight, 'model.settings.commentWeight');
  if (typeof settings.ownOnly !== 'boolean') fail('model.settings.ownOnly is not a boolean');
  if (settings.ownRampPosts !== undefined) finite(settings.ownRampPosts, 'model.settings.ownRampPosts');
  array(model.sources, 'model.sources').forEach((s, i) => {
    const source = object(s, `model.sources[${i}]`);
    string(source.sourceId, `model.sources[${i}].sourceId`);
    string(source.title, `model.sources[${i}].title`);
    if (!KINDS.has(source.kind as string)) fail(`model.sources[${i}].kind is not a source kind`);
    for (const k of ['documents', 'tokens', 'rawShare', 'dampedShare']) finite(source[k], `model.sources[${i}].${k}`);
  });
  const weights = object(model.documentWeights, 'model.documentWeights');
  for (const k in weights) if (typeof weights[k] !== 'number' || !Number.isFinite(weights[k])) fail(`model.documentWeights["${k.slice(0, 40)}"] is not a number`);
  checkLanguageModel(model.lm);
}

function checkLanguageModel(value: unknown): void {
  const lm = object(value, 'model.lm');
  if (lm.version !== 1) fail('model.lm.version is not 1');
  const words = strings(lm.words, 'model.lm.words');
  if (words.length === 0) fail('model.lm.words is empty (it starts with the sentence marker)');
  const V = words.length;
  ints(lm.glue, 'model.lm.glue', 0, 1, V);
  const S = strings(lm.slots, 'model.lm.slots').length;
  ints(lm.slotWord, 'model.lm.slotWord', -1, V - 1, S);
  const sources = strings(lm.sources, 'model.lm.sources').length;
  const D = strings(lm.docs, 'model.lm.docs').length;
  ints(lm.docSource, 'model.lm.docSource', 0, sources - 1, D);
  templates(lm.sentences, 'model.lm.sentences', S, D);
  templates(lm.titles, 'model.lm.titles', S, D);
  const levels = object(lm.levels, 'model.lm.levels');
  for (const name of CONTEXT_LEVELS) {
    if (!(name in levels)) fail(`model.lm.levels has no "${name}" level`);
    context(levels[name], `model.lm.levels.${name}`, name, V, D);
  }
  const guard = object(lm.guard, 'model.lm.guard');
  const units = string(guard.units, 'model.lm.guard.units');
  if (units.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(units)) fail('model.lm.guard.units is not base64');
}

/** Templates stored flat: start has n+1 offsets from 0 to slots.length, never decreasing. */
function templates(value: unknown, path: string, S: number, D: number): void {
  const t = object(value, path);
  const slots = ints(t.slots, `${path}.slots`, 0, S - 1);
  const start = offsets(t.start, `${path}.start`, slots.length);
  const n = start.length - 1;
  finites(t.weight, `${path}.weight`, n);
  ints(t.length, `${path}.length`, 0, Number.MAX_SAFE_INTEGER, n);
  ints(t.doc, `${path}.doc`, 0, D - 1, n);
}

/** One back-off level: keys sorted, rowStart offsets from 0 to the entries' count, ids in range. */
function context(value: unknown, path: string, level: ContextLevel, V: number, D: number): void {
  const c = object(value, path);
  if (c.level !== level) fail(`${path}.level is ${JSON.stringify(c.level)?.slice(0, 40)}, expected "${level}"`);
  const word = ints(c.word, `${path}.word`, 0, V - 1);
  const rows = offsets(c.rowStart, `${path}.rowStart`, word.length).length - 1;
  const keys = finites(c.keys, `${path}.keys`, rows);
  for (let i = 1; i < keys.length; i++) if (keys[i] <= keys[i - 1]) fail(`${path}.keys are not sorted at ${i}`);
  finites(c.weight, `${path}.weight`, word.length);
  ints(c.doc, `${path}.doc`, 0, D - 1, word.length);
}

function offsets(value: unknown, path: string, end: number): number[] {
  const a = ints(value, path, 0, Number.MAX_SAFE_INTEGER);
  if (a.length === 0 || a[0] !== 0) fail(`${path} does not start at 0`);
  for (let i = 1; i < a.length; i++) if (a[i] < a[i - 1]) fail(`${path} decreases at ${i}`);
  if (a[a.length - 1] !== end) fail(`${path} ends at ${a[a.length - 1]}, expected ${end}`);
  return a;
}

function object(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`${path} is missing or not an object`);
  return v as Record<string, unknown>;
}

function array(v: unknown, path: string, length?: number): unknown[] {
  if (!Array.isArray(v)) fail(`${path} is missing or not a list`);
  if (length !== undefined && v.length !== length) fail(`${path} has ${v.length} entries, expected ${length}`);
  return v;
}

function string(v: unknown, path: string): string {
  if (typeof v !== 'string') fail(`${path} is missing or not a string`);
  return v;
}

function finite(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${path} is missing or not a number`);
  return v;
}

function strings(v: unknown, path: string, length?: number): string[] {
  const a = array(v, path, length);
  for (let i = 0; i < a.length; i++) if (typeof a[i] !== 'string') fail(`${path}[${i}] is not a string`);
  return a as string[];
}

function finites(v: unknown, path: string, length?: number): number[] {
  const a = array(v, path, length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) fail(`${path}[${i}] is not a number`);
  }
  return a as number[];
}

function ints(v: unknown, path: string, min: number, max: number, length?: number): number[] {
  const a = array(v, path, length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) fail(`${path}[${i}] is not an id in ${min}..${max}`);
  }
  return a as number[];
}
