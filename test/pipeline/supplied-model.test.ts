import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaults } from '../../src/config.js';
import { buildSuppliedCorpus } from '../../src/supplied/build-supplied-corpus.js';
import { loadOrBuildSuppliedModel } from '../../src/pipeline/supplied-model.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { plainModel } from '../helpers/plain-model.js';

const corpusOf = (extra: string) =>
  buildSuppliedCorpus([{ name: 'a.txt', format: 'text', content: `The dogs run home. The cats sleep late. ${extra}` }]);

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir('webx-supplied-model-')));
afterEach(() => tmp.remove());

describe('loadOrBuildSuppliedModel', () => {
  it('should build once and then load the same model from the cache', () => {
    const first = loadOrBuildSuppliedModel(tmp.dir, corpusOf(''), defaults.weight);
    const second = loadOrBuildSuppliedModel(tmp.dir, corpusOf(''), defaults.weight);
    expect([first.cached, second.cached]).toEqual([false, true]);
    expect(plainModel(second.model)).toEqual(plainModel(first.model));
    expect(second.file).toBe(first.file);
  });

  it('should ignore the own-posts knobs, which cannot apply to supplied text', () => {
    const r = loadOrBuildSuppliedModel(tmp.dir, corpusOf(''), { ...defaults.weight, ownOnly: true });
    expect(r.model.settings.ownOnly).toBe(false);
  });

  it('should rebuild a damaged cache file, saying so', () => {
    const { file } = loadOrBuildSuppliedModel(tmp.dir, corpusOf(''), defaults.weight);
    writeFileSync(file, 'garbage');
    const lines: string[] = [];
    expect(loadOrBuildSuppliedModel(tmp.dir, corpusOf(''), defaults.weight, (l) => lines.push(l)).cached).toBe(false);
    expect(lines[0]).toMatch(/damaged.*rebuilding it/);
  });

  it('should keep only the eight most recently used models', () => {
    for (let i = 0; i < 10; i++) loadOrBuildSuppliedModel(tmp.dir, corpusOf(`Birds sing ${i} times.`), defaults.weight);
    expect(readdirSync(join(tmp.dir, 'supplied'))).toHaveLength(8);
  });
});
