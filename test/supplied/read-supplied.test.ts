import { createServer, type Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaults } from '../../src/config.js';
import { readSupplied } from '../../src/supplied/read-supplied.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const limits = { ...defaults.harvest, timeoutMs: 2_000, maxBytes: 1_000 };
const stdinOf = (text: string) => {
  const s = new PassThrough();
  s.end(text);
  return s;
};

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<h1>Hello</h1><p>From the web.</p>');
    } else if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('x'.repeat(5_000));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('webx-supplied-');
  mkdirSync(join(tmp.dir, 'notes', 'deep', '.hidden'), { recursive: true });
  mkdirSync(join(tmp.dir, 'notes', 'node_modules'), { recursive: true });
  writeFileSync(join(tmp.dir, 'notes', 'b.md'), '# B\n\nBee text.');
  writeFileSync(join(tmp.dir, 'notes', 'a.txt'), 'Aye text.');
  writeFileSync(join(tmp.dir, 'notes', 'deep', 'c.html'), '<p>Sea text.</p>');
  writeFileSync(join(tmp.dir, 'notes', 'deep', 'README'), 'No extension, but text.');
  writeFileSync(join(tmp.dir, 'notes', 'deep', 'blob'), Buffer.from([1, 2, 0, 3]));
  writeFileSync(join(tmp.dir, 'notes', 'deep', 'photo.jpg'), 'not read');
  writeFileSync(join(tmp.dir, 'notes', 'deep', '.hidden', 'x.txt'), 'hidden');
  writeFileSync(join(tmp.dir, 'notes', 'node_modules', 'y.txt'), 'skipped');
  writeFileSync(join(tmp.dir, 'one.data'), 'An explicitly named file is read whatever its extension.');
});
afterEach(() => tmp.remove());

const read = (inputs: string[], stdin = '') => readSupplied(inputs, { cwd: tmp.dir, stdin: stdinOf(stdin), fetch: limits });

describe('readSupplied', () => {
  it('should read a folder recursively, in order, skipping hidden, binary and unknown files', async () => {
    const texts = await read(['notes']);
    expect(texts.map((t) => [t.name, t.format])).toEqual([
      ['notes/a.txt', 'text'],
      ['notes/b.md', 'markdown'],
      ['notes/deep/README', 'text'],
      ['notes/deep/c.html', 'html'],
    ]);
  });

  it('should read a named file whatever its extension', async () => {
    expect(await read(['one.data'])).toEqual([
      { name: 'one.data', format: 'text', content: 'An explicitly named file is read whatever its extension.' },
    ]);
  });

  it('should read stdin for -, sniffing its format', async () => {
    expect(await read(['-'], '# Piped\n\nIn **bold**.')).toEqual([{ name: 'stdin', format: 'markdown', content: '# Piped\n\nIn **bold**.' }]);
  });

  it('should fetch a URL and take its format from the content type', async () => {
    const [page] = await read([`${base}/page`]);
    expect(page).toEqual({ name: `${base}/page`, format: 'html', content: '<h1>Hello</h1><p>From the web.</p>' });
  });

  it('should refuse a URL that fails or is too large, saying why', async () => {
    await expect(read([`${base}/missing`])).rejects.toThrow(/cannot fetch .*missing: http \(HTTP 404\)/);
    await expect(read([`${base}/big`])).rejects.toThrow(/too-large/);
  });

  it('should say when a path does not exist, as a usage error', async () => {
    await expect(read(['nope.txt'])).rejects.toMatchObject({ message: 'cannot read nope.txt: no such file or folder', exitCode: 2 });
  });
});
