/**
 * Reading supplied text (I/O edge): files, folders (recursively, in sorted order), http(s) URLs
 * (with the harvester's timeout, size cap and redirect limit) and `-` for stdin. Bytes are decoded
 * as the harvester does (BOM, declared charset, else lenient UTF-8).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { decodeText } from '../text/decode-text.js';
import { createAgent, fetchUrl } from '../harvest/fetch-url.js';
import { guardFor } from '../harvest/guard-address.js';
import { formatOfContentType, formatOfExtension, looksLikeText, sniffFormat } from './detect-format.js';
import { binaryInput, inputNotFound, inputUnreadable, urlFailed } from './errors.js';
import type { SuppliedText } from './types.js';

export interface FetchLimits {
  timeoutMs: number;
  connectTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** Config `harvest.allowPrivateAddresses`: redirects may lead to private addresses too (the URL's own host always may). */
  allowPrivateAddresses?: boolean;
}

export interface ReadSuppliedOptions {
  cwd: string;
  stdin: NodeJS.ReadableStream;
  fetch: FetchLimits;
}

/** Folders never descended into. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.webxcreta']);

export async function readSupplied(inputs: string[], options: ReadSuppliedOptions): Promise<SuppliedText[]> {
  const out: SuppliedText[] = [];
  for (const input of inputs) {
    if (input === '-') out.push(fromBytes('stdin', await readStream(options.stdin), undefined));
    else if (/^https?:\/\//i.test(input)) out.push(await readUrl(input, options.fetch));
    else out.push(...readPath(input, options.cwd));
  }
  return out;
}

function readPath(input: string, cwd: string): SuppliedText[] {
  const path = resolve(cwd, input);
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw inputNotFound(input);
  }
  const files = isDir ? listTextFiles(path) : [path];
  return files.flatMap((file) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw inputUnreadable(file, (e as Error).message);
    }
    // A binary file named on the command line is refused; one inside a folder is skipped.
    if (isDir && !looksLikeText(bytes)) return [];
    return [fromBytes(nameOf(file, cwd), bytes, formatOfExtension(extname(file)))];
  });
}

function listTextFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...listTextFiles(path));
    } else if (entry.isFile() && isTextFile(path)) out.push(path);
  }
  return out;
}

function isTextFile(path: string): boolean {
  const ext = extname(path);
  if (formatOfExtension(ext)) return true;
  if (ext !== '') return false;
  try {
    return looksLikeText(readFileSync(path).subarray(0, 8192));
  } catch {
    return false;
  }
}

async function readUrl(url: string, limits: FetchLimits): Promise<SuppliedText> {
  const agent = createAgent(limits.connectTimeoutMs, limits.timeoutMs, guardFor([url], limits.allowPrivateAddresses));
  try {
    const r = await fetchUrl(url, { agent, ...limits, accept: 'text/html, text/markdown, text/plain;q=0.9, */*;q=0.5' });
    if (!r.ok) throw urlFailed(url, `${r.failure}${r.detail ? ` (${r.detail})` : ''}`);
    return fromBytes(url, r.body, formatOfContentType(r.contentType), r.contentType);
  } finally {
    await agent.close();
  }
}

function fromBytes(name: string, bytes: Buffer, format: SuppliedText['format'] | undefined, contentType?: string): SuppliedText {
  if (!looksLikeText(bytes)) throw binaryInput(name);
  const content = decodeText(bytes, contentType);
  return { name, format: format ?? sniffFormat(content), content };
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

const nameOf = (file: string, cwd: string) => {
  const rel = relative(cwd, file);
  return (rel.startsWith('..') ? file : rel).split(sep).join('/');
};
