import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaults } from '../src/config.js';
import { WebxError } from '../src/errors.js';
import { fromEnv, loadConfig, resolveDataDir } from '../src/load-config.js';
import { makeTempDir } from './helpers/temp-dir.js';

describe('resolveDataDir', () => {
  it('should prefer the flag, then WEBXCRETA_DATA, then the current directory', () => {
    expect(resolveDataDir('bots/a', { WEBXCRETA_DATA: '/env' }, '/cwd')).toBe('/cwd/bots/a');
    expect(resolveDataDir(undefined, { WEBXCRETA_DATA: '/env' }, '/cwd')).toBe('/env');
    expect(resolveDataDir(undefined, {}, '/cwd')).toBe('/cwd');
  });
});

describe('loadConfig', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (tmp = makeTempDir()));
  afterEach(() => tmp.remove());

  it('should give the defaults when there is no file', () => {
    const { config, paths } = loadConfig(tmp.dir);
    expect(config).toEqual(defaults);
    expect(paths.database).toBe(join(tmp.dir, '.webxcreta', 'webxcreta.db'));
    expect(paths.outDir).toBe(join(tmp.dir, 'out'));
  });

  it('should let the environment override the file, and flags override both', () => {
    writeFileSync(join(tmp.dir, 'webxcreta.config.json'), JSON.stringify({ generate: { paragraphs: 2, minWords: 5 } }));
    const { config } = loadConfig(tmp.dir, { WEBXCRETA_GENERATE_PARAGRAPHS: '3' }, { generate: { minWords: 6 } });
    expect(config.generate.paragraphs).toBe(3);
    expect(config.generate.minWords).toBe(6);
    expect(config.generate.maxWords).toBe(defaults.generate.maxWords);
  });

  it('should name the bad field and what it expects', () => {
    writeFileSync(join(tmp.dir, 'webxcreta.config.json'), JSON.stringify({ weight: { damping: 'cubic' } }));
    try {
      loadConfig(tmp.dir);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WebxError);
      expect((e as WebxError).message).toMatch(/weight\.damping: .*"log-squared"\|"log"\|"linear"/);
      expect((e as WebxError).exitCode).toBe(2);
      expect((e as WebxError).hint).toContain('webxcreta.config.json');
    }
  });

  it('should reject unknown keys and broken JSON with exit code 2', () => {
    writeFileSync(join(tmp.dir, 'webxcreta.config.json'), '{"harvset": {}}');
    expect(() => loadConfig(tmp.dir)).toThrow(/Unrecognized key: "harvset"/);
    writeFileSync(join(tmp.dir, 'webxcreta.config.json'), '{"seed": ');
    expect(() => loadConfig(tmp.dir)).toThrow(/not valid JSON/);
  });
});

describe('fromEnv', () => {
  it('should map WEBXCRETA_<SECTION>_<KEY> to section.key, reading JSON values', () => {
    expect(
      fromEnv({ WEBXCRETA_HARVEST_TIMEOUT_MS: '500', WEBXCRETA_WEIGHT_OWN_ONLY: 'true', WEBXCRETA_SEED: 'abc', OTHER: 'x' }),
    ).toEqual({ seed: 'abc', harvest: { timeoutMs: 500 }, weight: { ownOnly: true } });
  });
});
