/** Which reader a supplied text needs: by file extension or content type, else by a look inside. */
import type { SuppliedFormat } from './types.js';

const BY_EXTENSION: Record<string, SuppliedFormat> = {
  '.txt': 'text', '.text': 'text',
  '.md': 'markdown', '.markdown': 'markdown', '.mdown': 'markdown', '.mkd': 'markdown',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
};

/** Extensions read from a folder; files without an extension are read too when they hold text. */
export const TEXT_EXTENSIONS = Object.keys(BY_EXTENSION);

export function formatOfExtension(ext: string): SuppliedFormat | undefined {
  return BY_EXTENSION[ext.toLowerCase()];
}

export function formatOfContentType(contentType: string | undefined): SuppliedFormat | undefined {
  const type = contentType?.split(';')[0].trim().toLowerCase() ?? '';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/markdown' || type === 'text/x-markdown') return 'markdown';
  if (type === 'text/plain') return 'text';
  return undefined;
}

export function sniffFormat(content: string): SuppliedFormat {
  const head = content.slice(0, 4096);
  if (/^\s*(<!doctype html|<html|<\?xml)/i.test(head) || /<(p|div|body|article|br|h[1-6])\b[^>]*>/i.test(head)) return 'html';
  if (/^#{1,6} \S|^```|^\s*[-*] \S.*\n\s*[-*] \S|\[[^\]]+\]\([^)]+\)|\*\*[^*]+\*\*/m.test(head)) return 'markdown';
  return 'text';
}

/**
 * True when the first bytes look like text: a UTF-16 byte-order mark, or no NUL byte and few control
 * characters (images, archives, executables and databases have many). Binary input is refused.
 */
export function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  if (head.includes(0)) return false;
  let control = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  return control <= head.length / 20;
}
