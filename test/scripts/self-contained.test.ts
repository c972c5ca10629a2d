/**
 * `npm install && npm test` on a fresh clone with nothing beside it: the tests, the code and the scripts
 * reach nothing outside the repository, and the project's own Atom tools (scripts/validate-atom.sh with
 * the RFC 4287 schema it carries, scripts/start-atombus.sh) work and give verdicts that could fail.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startAtomBus } from '../fixtures/publish/atombus.js';
import { validateAtom } from '../helpers/validate-atom.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

describe('a fresh clone', () => {
  it('should need nothing outside the repository: no test, source or script names the tools folder beside it', () => {
    const files = [...filesUnder(join(root, 'test')), ...filesUnder(join(root, 'src')), ...filesUnder(join(root, 'scripts')), join(root, 'package.json'), join(root, 'vitest.config.ts')];
    const outside = files.filter((f) => /(^|[^\w])shared\//.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(outside).toEqual([]);
    expect(files.length).toBeGreaterThan(100);
  });

  it('should carry the RFC 4287 schema the validator uses', () => {
    const rnc = readFileSync(join(root, 'scripts/atom/atom.rnc'), 'utf8');
    expect(rnc).toContain('start = atomFeed | atomEntry');
    expect(rnc).toContain('atomAuthor');
  });
});

describe('scripts/validate-atom.sh', () => {
  const dir = mkdtempSync(join(tmpdir(), 'webx-validate-'));
  const feed = (entry: string, feedAuthor = '') =>
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x:feed</id><title>t</title>` +
    `<updated>2026-01-01T00:00:00Z</updated>${feedAuthor}${entry}</feed>`;
  const entry = (extra: string) => `<entry><id>urn:x:1</id><title>e</title><updated>2026-01-01T00:00:00Z</updated>${extra}</entry>`;

  it('should accept a valid feed', () => {
    const file = join(dir, 'ok.atom');
    writeFileSync(file, feed(entry('<author><name>a</name></author><content>hi</content>')));
    expect(validateAtom(file)).toBe('OK');
  });

  it('should refuse a schema error (an entry with no id)', () => {
    const file = join(dir, 'no-id.atom');
    writeFileSync(file, feed('<entry><title>e</title><updated>2026-01-01T00:00:00Z</updated><author><name>a</name></author><content>x</content></entry>'));
    expect(validateAtom(file)).toMatch(/no-id\.atom:\d+:\d+: error/);
  });

  it('should run the Schematron rules jing skips: an entry with no author anywhere, an entry with no link or content', () => {
    const file = join(dir, 'schematron.atom');
    writeFileSync(file, feed(entry('')));
    const out = validateAtom(file);
    expect(out).toContain('schematron: atom:feed has no atom:author but 1 atom:entry lack one');
    expect(out).toContain('schematron: 1 atom:entry without link rel=alternate (or rel-less link) or atom:content');
  });
});

describe('scripts/start-atombus.sh', () => {
  it('should start AtomBus on a free port, answer 401 without credentials and 200 with them, and stop', async () => {
    const bus = await startAtomBus();
    try {
      expect((await fetch(`${bus.url}feeds/x`)).status).toBe(401);
      const authorization = `Basic ${Buffer.from(`${bus.user}:${bus.password}`).toString('base64')}`;
      const entry = '<entry xmlns="http://www.w3.org/2005/Atom"><title>From the test</title><content type="text">hello</content></entry>';
      const posted = await fetch(`${bus.url}feeds/x`, { method: 'POST', headers: { authorization, 'content-type': 'application/atom+xml' }, body: entry });
      expect(posted.status).toBe(201);
      const read = await fetch(`${bus.url}feeds/x`, { headers: { authorization } });
      expect(read.status).toBe(200);
      expect(await read.text()).toContain('From the test');
    } finally {
      await bus.stop();
    }
    await expect(fetch(`${bus.url}feeds/x`)).rejects.toThrow();
  }, 60_000);
});
