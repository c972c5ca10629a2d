/**
 * The model on disk: a JSON envelope `{ format: 'webxcreta-model', version, model }`. Written
 * atomically (temp file + rename), so a crash never leaves half a model; read back with checks so
 * an old, newer or damaged file (envelope or body) gives an error that says `webxcreta analyze --rebuild`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { checkModelShape } from '../model/check-model-shape.js';
import { corruptModel, missingModel, newerModel, oldModel, unwritableModel } from '../model/errors.js';
import { MODEL_FILE_TAG, MODEL_FORMAT } from '../model/model-format.js';
import type { Model } from '../model/types.js';
import { writeAtomic } from './write-atomic.js';

interface Envelope {
  format: typeof MODEL_FILE_TAG;
  version: number;
  model: Model;
}

export function saveModel(file: string, model: Model): void {
  const envelope: Envelope = { format: MODEL_FILE_TAG, version: MODEL_FORMAT, model };
  try {
    writeAtomic(file, JSON.stringify(envelope));
  } catch (e) {
    throw unwritableModel(file, (e as Error).message);
  }
}

export function loadModel(file: string): Model {
  if (!existsSync(file)) throw missingModel(file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw corruptModel(file, (e as Error).message);
  }
  return checkEnvelope(file, data);
}

function checkEnvelope(file: string, data: unknown): Model {
  if (!isObject(data) || data.format !== MODEL_FILE_TAG) throw corruptModel(file, 'no webxcreta-model envelope');
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) throw corruptModel(file, 'no format version');
  if (version < MODEL_FORMAT) throw oldModel(file, version, MODEL_FORMAT);
  if (version > MODEL_FORMAT) throw newerModel(file, version, MODEL_FORMAT);
  const model = data.model;
  if (!isObject(model)) throw corruptModel(file, 'no model inside');
  const problem = describeProblem(model);
  if (problem) throw corruptModel(file, problem);
  return model as unknown as Model;
}

/**
 * The first missing, mistyped or inconsistent part of a model, or undefined when its shape is right:
 * the full structural check (src/model/check-model-shape.ts), so a damaged body is caught here, on
 * load, and rebuilt by the model cache — never met halfway through generation.
 */
function describeProblem(m: Record<string, unknown>): string | undefined {
  return checkModelShape(m);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
