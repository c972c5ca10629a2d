import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppCredentials, resolveBoxCredentials } from '../../src/pipeline/credentials.js';
import { makeTestApp } from '../fixtures/publish/test-app.js';

describe('resolveBoxCredentials', () => {
  it('should make a random password once, keep it private (0600), and give the same one again', () => {
    const t = makeTestApp();
    const first = resolveBoxCredentials(t.app.env, t.app.paths.stateDir);
    expect(first.user).toBe('webxcreta');
    expect(first.password).toMatch(/^[\w-]{24}$/);
    expect(statSync(join(t.app.paths.stateDir, 'box-password')).mode & 0o777).toBe(0o600);
    expect(resolveBoxCredentials(t.app.env, t.app.paths.stateDir)).toEqual(first);
    expect(resolveBoxCredentials(makeTestApp().app.env, makeTestApp().app.paths.stateDir).password).not.toBe(first.password);
  });

  it('should take the credentials from the environment when set', () => {
    const t = makeTestApp({}, { WEBXCRETA_BOX_USER: 'editor', WEBXCRETA_BOX_PASSWORD: 'from-env' });
    expect(resolveBoxCredentials(t.app.env, t.app.paths.stateDir)).toEqual({ user: 'editor', password: 'from-env' });
  });
});

describe('resolveAppCredentials', () => {
  it('should read the password from publish.passwordFile, and refuse a user without a password', () => {
    const t = makeTestApp({ publish: { user: 'me', passwordFile: 'secret.txt' } });
    writeFileSync(join(t.dir, 'secret.txt'), 'file-pw\n');
    expect(resolveAppCredentials(t.app.config.publish, t.app.env, t.app.paths.dataDir)).toEqual({ user: 'me', password: 'file-pw' });
    const u = makeTestApp({ publish: { user: 'me' } });
    expect(() => resolveAppCredentials(u.app.config.publish, u.app.env, u.app.paths.dataDir)).toThrow('AtomPub credentials are incomplete');
    expect(resolveAppCredentials(makeTestApp().app.config.publish, makeTestApp().app.env, makeTestApp().app.paths.dataDir)).toBeUndefined();
  });
});
