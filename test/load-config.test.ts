import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaults } from '../src/config.js';
import { WebxError } from '../src/errors.js';
import { configEnvNames, fromEnv, loadConfig, NON_CONFIG_ENV, resolveDataDir } from '../src/load-config.js';
import { runCli } from './helpers/run-cli.js';
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
    expect(() => loadConfig(tmp.dir)).toThrow(/Unrecognized key: "harvset" \(did you mean "harvest"\?\)/);
    writeFileSync(join(tmp.dir, 'webxcreta.config.json'), '{"generate": {"paragraph": 3}}');
    expect(() => loadConfig(tmp.dir)).toThrow(/generate: Unrecognized key: "paragraph" \(did you mean "paragraphs"\?\)/);
    writeFileSync(join(tmp.dir, 'webxcreta.config.json'), '{"generate": {"zzzzzzzz": 3}}');
    expect(() => loadConfig(tmp.dir)).toThrow(/Unrecognized key: "zzzzzzzz"$/);
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

describe('validation on every load', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (tmp = makeTempDir()));
  afterEach(() => tmp.remove());

  it('should refuse a cron expression that is not one, and an unknown time zone, whatever the command', async () => {
    writeFileSync(join(tmp.dir, 'webxcreta.config.json'), JSON.stringify({ schedule: { post: 'every day' } }));
    expect(() => loadConfig(tmp.dir)).toThrow(/schedule\.post: a cron expression of five or six fields/);
    const status = await runCli(['--data', tmp.dir, 'status'], { cwd: tmp.dir });
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('schedule.post: a cron expression');
    expect(() => loadConfig(tmp.dir, { WEBXCRETA_SCHEDULE_POST: '61 * * * *' }, {})).toThrow(/schedule\.post/);
    writeFileSync(join(tmp.dir, 'webxcreta.config.json'), JSON.stringify({ schedule: { harvest: '*/15 * * * *', timezone: 'Mars/Olympus' } }));
    expect(() => loadConfig(tmp.dir)).toThrow(/schedule\.timezone: an IANA time zone/);
    writeFileSync(join(tmp.dir, 'webxcreta.config.json'), JSON.stringify({ schedule: { harvest: '*/15 * * * *', post: '0 9 * * 1-5', timezone: 'Europe/Berlin' } }));
    expect(loadConfig(tmp.dir).config.schedule).toMatchObject({ harvest: '*/15 * * * *', post: '0 9 * * 1-5', timezone: 'Europe/Berlin' });
  });

  it('should refuse an unknown WEBXCRETA_* variable with a "did you mean", exit 2', async () => {
    expect(() => loadConfig(tmp.dir, { WEBXCRETA_GENERATE_PARAGRAPH: '3' })).toThrow(
      /unknown environment variable WEBXCRETA_GENERATE_PARAGRAPH \(did you mean WEBXCRETA_GENERATE_PARAGRAPHS\?\)/,
    );
    expect(() => loadConfig(tmp.dir, { WEBXCRETA_BOX_PASWORD: 'x' })).toThrow(/did you mean WEBXCRETA_BOX_PASSWORD\?/);
    expect(() => loadConfig(tmp.dir, { WEBXCRETA_NOTHING_LIKE_IT_AT_ALL: '1' })).toThrow(/unknown environment variable WEBXCRETA_NOTHING_LIKE_IT_AT_ALL$/);
    const r = await runCli(['--data', tmp.dir, 'status'], { cwd: tmp.dir, env: { WEBXCRETA_GENERATE_PARAGRAPH: '3' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean WEBXCRETA_GENERATE_PARAGRAPHS?');
  });

  it('should accept every configuration variable and the known non-configuration ones', () => {
    const names = configEnvNames();
    expect(names.get('WEBXCRETA_GENERATE_PARAGRAPHS')).toEqual(['generate', 'paragraphs']);
    expect(names.get('WEBXCRETA_HARVEST_CONNECT_TIMEOUT_MS')).toEqual(['harvest', 'connectTimeoutMs']);
    expect(names.get('WEBXCRETA_SEED')).toEqual(['seed']);
    expect(Object.keys(NON_CONFIG_ENV)).toEqual(expect.arrayContaining(['WEBXCRETA_DATA', 'WEBXCRETA_CACHE_DIR', 'WEBXCRETA_APP_PASSWORD', 'WEBXCRETA_BOX_USER', 'WEBXCRETA_BOX_PASSWORD', 'WEBXCRETA_WP_USER', 'WEBXCRETA_WP_PASSWORD', 'WEBXCRETA_DEBUG', 'WEBXCRETA_TEST_CRASH_AT']));
    const env = Object.fromEntries(Object.keys(NON_CONFIG_ENV).map((n) => [n, 'x']));
    expect(() => loadConfig(tmp.dir, { ...env, WEBXCRETA_GENERATE_PARAGRAPHS: '2', WEBXCRETA_SCHEDULE_POST: '0 8 * * *' })).not.toThrow();
    expect(loadConfig(tmp.dir, { WEBXCRETA_GENERATE_PARAGRAPHS: '2' }).config.generate.paragraphs).toBe(2);
  });
});

