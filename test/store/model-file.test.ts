import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebxError } from '../../src/errors.js';
import { loadModel, saveModel } from '../../src/store/model-file.js';
import { MODEL_FORMAT } from '../../src/model/model-format.js';
import type { Model } from '../../src/model/types.js';
import { buildLanguageModel } from '../../src/weight/model/build-language-model.js';
import { fixture, modelFromTexts, readTextDocs } from '../generate/model-from-texts.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'webx-model-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const model: Model = {
  version: 1,
  fingerprint: 'abc123',
  settings: { damping: 'log-squared', ownShare: 0.25, ownOnly: false, commentWeight: 0.2 },
  sources: [{ sourceId: 'A', title: 'Blog "A" <&>', kind: 'blog', documents: 2, tokens: 30, rawShare: 1, dampedShare: 1 }],
  own: { posts: 0, share: 0 },
  documentWeights: { a1: 1.25, a2: 0.75 },
  lm: buildLanguageModel([], {}, { damping: 'linear' }), // the language model of no documents: empty tables, right shape
};

function errorOf(fn: () => unknown): WebxError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WebxError) return e;
    throw e;
  }
  throw new Error('expected a WebxError');
}

const write = (content: unknown) => {
  const file = join(dir, 'model.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

describe('saveModel', () => {
  it('should write a versioned envelope and leave no temporary file', () => {
    const file = join(dir, 'sub', 'model.json');
    saveModel(file, model);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'webxcreta-model', version: MODEL_FORMAT });
    expect(readdirSync(join(dir, 'sub'))).toEqual(['model.json']);
  });

  it('should say which file it could not write', () => {
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
    expect(errorOf(() => saveModel(join(dir, 'blocker', 'model.json'), model)).message).toMatch(/cannot write the model file/);
  });
});

describe('loadModel', () => {
  it('should read back exactly what was saved', () => {
    const file = join(dir, 'model.json');
    saveModel(file, model);
    expect(loadModel(file)).toEqual(model);
  });

  it('should tell to run analyze when there is no model', () => {
    expect(errorOf(() => loadModel(join(dir, 'none.json'))).hint).toMatch(/webxcreta analyze/);
  });

  const broken: [string, unknown, RegExp][] = [
    ['truncated JSON', '{"format":"webxcreta-model","version":1,"mo', /damaged/],
    ['an empty file', '', /damaged/],
    ['another JSON file', { name: 'package' }, /not a webXcreta model/],
    ['a model without a language model', { format: 'webxcreta-model', version: MODEL_FORMAT, model: { ...model, lm: undefined } }, /model\.lm/],
    ['a model with no fingerprint', { format: 'webxcreta-model', version: MODEL_FORMAT, model: { ...model, fingerprint: 3 } }, /fingerprint/],
    ['an older format', { format: 'webxcreta-model', version: MODEL_FORMAT - 1, model }, /older webXcreta/],
    ['a newer format', { format: 'webxcreta-model', version: MODEL_FORMAT + 1, model }, /newer webXcreta/],
  ];
  // A real model with a valid envelope and a damaged body: each must be caught on load, not in generation.
  const real = modelFromTexts(readTextDocs(fixture('corpus.json')));
  const damaged = (damage: (m: Model) => void): unknown => {
    const copy = structuredClone(real);
    damage(copy);
    return { format: 'webxcreta-model', version: MODEL_FORMAT, model: copy };
  };
  broken.push(
    ['a body missing a back-off level (the old "reading \'table\'" crash)', damaged((m) => delete (m.lm.levels as Partial<Model['lm']['levels']>).slot), /model\.lm\.levels has no "slot" level/],
    ['a level of the wrong kind', damaged((m) => (m.lm.levels['prev-slot-next'].level = 'slot')), /model\.lm\.levels\.prev-slot-next\.level is "slot", expected "prev-slot-next"/],
    ['a cut word table', damaged((m) => m.lm.levels['prev-slot'].rowStart.pop()), /model\.lm\.levels\.prev-slot\.rowStart/],
    ['a word id past the vocabulary', damaged((m) => (m.lm.levels.slot.word[0] = m.lm.words.length)), /model\.lm\.levels\.slot\.word\[0\] is not an id/],
    ['unsorted keys', damaged((m) => m.lm.levels['slot-next'].keys.reverse()), /keys are not sorted/],
    ['templates whose offsets overrun their slots', damaged((m) => m.lm.sentences.slots.pop()), /model\.lm\.sentences\.start ends at \d+, expected \d+/],
    ['a template weight that is not a number', damaged((m) => ((m.lm.titles.weight as unknown[])[0] = 'x')), /model\.lm\.titles\.weight\[0\] is not a number/],
    ['missing glue', damaged((m) => delete (m.lm as Partial<Model['lm']>).glue), /model\.lm\.glue is missing/],
    ['a guard that is not base64', damaged((m) => (m.lm.guard.units = '%%%')), /model\.lm\.guard\.units is not base64/],
    ['a source list entry that is not a source', damaged((m) => (m.sources as unknown[]).push(null)), /model\.sources\[0\] is missing/],
  );
  it('should accept a real model', () => {
    const file = join(dir, 'real.json');
    saveModel(file, real);
    expect(loadModel(file)).toEqual(real);
  });
  for (const [what, content, message] of broken) {
    it(`should refuse ${what} with a hint to rebuild`, () => {
      const e = errorOf(() => loadModel(write(content)));
      expect(e.message).toMatch(message);
      expect(e.hint).toMatch(/webxcreta analyze --rebuild/);
    });
  }
});
