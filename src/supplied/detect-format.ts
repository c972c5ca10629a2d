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

/** True when the first bytes look like text (no NUL byte), so a file without extension is read. */
export function looksLikeText(bytes: Buffer): boolean {
  return !bytes.subarray(0, 8192).includes(0);
}
