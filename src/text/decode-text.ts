/**
 * Bytes → text. The charset comes from a BOM, else the HTTP header, else the XML declaration or an
 * HTML meta tag, else UTF-8. Labels lie: bytes that are not valid UTF-8 under a UTF-8 label are read
 * as windows-1252 byte by byte (valid UTF-8 runs kept), and ISO-8859-1 is read as windows-1252 (as
 * browsers do, so curly quotes survive). Pure.
 */
import iconv from 'iconv-lite';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Buffer, contentType?: string): string {
  const bom = bomCharset(bytes);
  if (bom) return iconv.decode(bytes, bom, { stripBOM: true });
  const label = normaliseCharset(charsetOfHeader(contentType) ?? charsetInDocument(bytes) ?? 'utf-8');
  if (label === 'utf-8' || !iconv.encodingExists(label)) return decodeLenientUtf8(bytes);
  // A single-byte label on bytes that are valid UTF-8 with multi-byte sequences: the label is wrong.
  if (isSingleByteLatin(label) && hasMultiByteUtf8(bytes)) {
    const text = tryUtf8(bytes);
    if (text !== undefined) return text;
  }
  return iconv.decode(bytes, label);
}

function bomCharset(b: Buffer): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

export function charsetOfHeader(contentType?: string): string | undefined {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1];
}

/** `<?xml … encoding="…"?>` or `<meta charset>` / `<meta http-equiv content="…charset=…">` in the first 1 KB. */
function charsetInDocument(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 1024).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1];
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta?.[1];
}

function normaliseCharset(label: string): string {
  const l = label.toLowerCase();
  if (l === 'utf8' || l === 'utf-8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii', 'l1', 'cp819'].includes(l)) return 'windows-1252';
  return l;
}

const isSingleByteLatin = (label: string) => label === 'windows-1252' || label.startsWith('iso-8859');

function tryUtf8(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function hasMultiByteUtf8(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] >= 0xc2 && bytes[i] <= 0xf4 && (bytes[i + 1] & 0xc0) === 0x80) return true;
  }
  return false;
}

/** UTF-8 where valid; each byte of an invalid sequence read as windows-1252 (mixed-encoding feeds). */
export function decodeLenientUtf8(bytes: Buffer): string {
  const whole = tryUtf8(bytes);
  if (whole !== undefined) return whole;
  let out = '';
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const len = utf8SequenceLength(bytes, i);
    if (len > 0) {
      i += len;
      continue;
    }
    out += bytes.toString('utf8', start, i) + iconv.decode(bytes.subarray(i, i + 1), 'windows-1252');
    i += 1;
    start = i;
  }
  return out + bytes.toString('utf8', start, i);
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte starts none. */
function utf8SequenceLength(b: Buffer, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (len === 0 || i + len > b.length) return 0;
  for (let k = 1; k < len; k++) if ((b[i + k] & 0xc0) !== 0x80) return 0;
  return len;
}
