/**
 * The AtomPub login throttle: after box.authFailures wrong passwords from one address, every
 * request from that address is refused (429 + Retry-After) for box.authWindowMs — the right
 * password too — while other addresses go on; the count survives a restart of the box.
 */
import { Agent, fetch as undiciFetch } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBox } from '../../src/box/index.js';
import { clientKey } from '../../src/box/rate-limit.js';
import { serveBox } from '../../src/pipeline/serve-box.js';
import { makeTestApp, type TestApp } from '../fixtures/publish/test-app.js';

const CREDS = { user: 'bot', password: 's3cret-pw' };
const basic = (password: string) => `Basic ${Buffer.from(`${CREDS.user}:${password}`).toString('base64')}`;
const WINDOW_MS = 60_000;

let t: TestApp;
let box: RunningBox;
let clock: number;
/** Requests from another loopback address: another client. */
const other = new Agent({ localAddress: '127.0.0.2' });

const start = () => serveBox(t.app, { host: '127.0.0.1', port: 0, credentials: CREDS, now: () => new Date(clock) });
const get = (password: string, dispatcher?: Agent) =>
  dispatcher ? undiciFetch(`${box.url}app`, { headers: { authorization: basic(password) }, dispatcher }) : fetch(`${box.url}app`, { headers: { authorization: basic(password) } });

beforeEach(async () => {
  clock = Date.parse('2026-11-01T12:00:00Z');
  t = makeTestApp({ box: { port: 0, authFailures: 3, authWindowMs: WINDOW_MS } });
  box = await start();
});
afterEach(async () => {
  await box.close();
  await other.close().catch(() => undefined);
  t.app.close();
});

describe('the AtomPub login throttle', () => {
  it('should refuse every request from an address that guessed wrong too often, the right password too, until the window has passed', async () => {
    expect((await get(CREDS.password)).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get(`guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 429]);

    const right = await get(CREDS.password);
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toBe(String(WINDOW_MS / 1000));
    expect(await right.text()).toMatch(/too many failed logins/);
    // Without credentials too: the address is refused, not challenged.
    expect((await fetch(`${box.url}app`)).status).toBe(429);

    // Another address is not affected.
    expect((await get(CREDS.password, other)).status).toBe(200);

    clock += WINDOW_MS / 2;
    const later = await get(CREDS.password);
    expect([later.status, later.headers.get('retry-after')]).toEqual([429, String(WINDOW_MS / 2000)]);

    clock += WINDOW_MS / 2;
    expect((await get(CREDS.password)).status).toBe(200);
    // The allowance starts again from nothing.
    expect((await get('guess-again')).status).toBe(401);
  });

  it('should keep counting across a restart of the box', async () => {
    expect((await get('guess-1')).status).toBe(401);
    expect((await get('guess-2')).status).toBe(401);
    await box.close();
    box = await start();
    expect((await get('guess-3')).status).toBe(429);
    await box.close();
    box = await start();
    expect((await get(CREDS.password)).status).toBe(429);
  });

  it('should count failures in a sliding window', async () => {
    expect((await get('guess-1')).status).toBe(401);
    expect((await get('guess-2')).status).toBe(401);
    clock += WINDOW_MS + 1;
    expect((await get('guess-3')).status).toBe(401);
    expect((await get(CREDS.password)).status).toBe(200);
  });
});

describe('clientKey', () => {
  it('should count an IPv4-mapped address as the IPv4 one and an IPv6 host by its /64', () => {
    expect(['::ffff:192.0.2.7', '192.0.2.7', '2001:db8:1:2::1', '2001:db8:1:2:ffff::9', '2001:db8:1:3::1', undefined].map(clientKey)).toEqual([
      '192.0.2.7',
      '192.0.2.7',
      '2001:db8:1:2::/64',
      '2001:db8:1:2::/64',
      '2001:db8:1:3::/64',
      'unknown',
    ]);
  });
});
