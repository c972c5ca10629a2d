/**
 * Bytes → text, by the WHATWG Encoding Standard's labels and decoders (@exodus/bytes) plus what it
 * leaves out for XML:
 *   1. a BOM (UTF-32 checked before UTF-16: `FF FE 00 00` is UTF-32LE, not UTF-16LE);
 *   2. XML 1.0 Appendix F: BOM-less UTF-32/UTF-16 told by the NUL pattern of the first four bytes;
 *   3. the HTTP `charset=`, else the XML declaration's `encoding=` (or an HTML `<meta charset>`),
 *      else UTF-8;
 *   4. labels normalised the WHATWG way (iso-8859-1, latin1, us-ascii, iso_8859-1:1987, … all mean
 *      windows-1252, so curly quotes survive), plus the UTF-32 labels WHATWG dropped; a UTF-16/32
 *      label on plainly 8-bit bytes is stale and ignored.
 * Labels lie: bytes that are not valid UTF-8 under a UTF-8 label are read as windows-1252 byte by byte
 * (valid UTF-8 runs kept), and a single-byte Latin label on valid multi-byte UTF-8 reads as UTF-8.
 * Node 20's own TextDecoder is not used for legacy encodings (it reads windows-1252 as ISO-8859-1). Pure.
 */
import { normalizeEncoding, TextDecoder as WhatwgDecoder } from '@exodus/bytes/encoding.js';

const fatalUtf8 = new WhatwgDecoder('utf-8', { fatal: true });
const windows1252 = new WhatwgDecoder('windows-1252');
const decoders = new Map<string, InstanceType<typeof WhatwgDecoder>>();

export function decodeText(bytes: Uint8Array, contentType?: string): string {
  return decodeWithEncoding(bytes, contentType).text;
}

/** The text and the encoding it was read in (for diagnostics and tests). */
export function decodeWithEncoding(bytes: Uint8Array, contentType?: string): { text: string; encoding: string } {
  const bom = sniffBom(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.skip), bom.encoding), encoding: bom.encoding };
  const wide = sniffWide(bytes);
  if (wide) return { text: decodeAs(bytes, wide), encoding: wide };
  let encoding = encodingOfLabel(charsetOfHeader(contentType)) ?? encodingOfLabel(charsetInDocument(bytes)) ?? 'utf-8';
  // A wide label on bytes with no BOM and no NUL pattern: the label is stale (WHATWG: "replacement" is never decoded either).
  if (/^utf-(16|32)/.test(encoding) || encoding === 'replacement') encoding = 'utf-8';
  if (encoding === 'utf-8') return { text: decodeLenientUtf8(bytes), encoding };
  if (SINGLE_BYTE_LATIN.has(encoding) && hasMultiByteUtf8(bytes)) {
    const text = tryUtf8(bytes);
    if (text !== undefined) return { text, encoding: 'utf-8' };
  }
  return { text: decodeAs(bytes, encoding), encoding };
}

const SINGLE_BYTE_LATIN = new Set(['windows-1252', 'iso-8859-2', 'iso-8859-15', 'windows-1250']);

function sniffBom(b: Uint8Array): { encoding: string; skip: number } | undefined {
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', skip: 4 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return { encoding: 'utf-32le', skip: 4 };
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  return undefined;
}

/** XML Appendix F, generalised from "<" to any ASCII first character. */
function sniffWide(b: Uint8Array): string | undefined {
  if (b.length < 4) return undefined;
  const [a, c, d, e] = b;
  if (a === 0 && c === 0 && d === 0 && e !== 0 && e < 0x80) return 'utf-32be';
  if (a !== 0 && a < 0x80 && c === 0 && d === 0 && e === 0) return 'utf-32le';
  if (a === 0 && c !== 0 && c < 0x80 && d === 0 && e !== 0 && e < 0x80) return 'utf-16be';
  if (a !== 0 && a < 0x80 && c === 0 && d !== 0 && d < 0x80 && e === 0) return 'utf-16le';
  return undefined;
}

export function charsetOfHeader(contentType?: string): string | undefined {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1];
}

/** `<?xml … encoding="…"?>` or `<meta charset>` / `<meta http-equiv content="…charset=…">` in the first 1 KB. */
function charsetInDocument(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']\s*([\w.:-]+)\s*["']/i.exec(head);
  if (xml) return xml[1];
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta?.[1];
}

/** A WHATWG encoding name for a label (plus utf-32 / utf-32be / utf-32le), or undefined when unknown. */
export function encodingOfLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const l = label.trim().toLowerCase();
  if (/^(utf-?32|ucs-?4|iso-10646-ucs-4)$/.test(l)) return 'utf-32';
  if (/^utf-?32-?be$/.test(l)) return 'utf-32be';
  if (/^utf-?32-?le$/.test(l)) return 'utf-32le';
  return normalizeEncoding(l) ?? undefined;
}

function decodeAs(b: Uint8Array, encoding: string): string {
  if (encoding === 'utf-32be' || encoding === 'utf-32le' || encoding === 'utf-32') return decodeUtf32(b, encoding !== 'utf-32le');
  if (encoding === 'utf-8') return decodeLenientUtf8(b);
  let decoder = decoders.get(encoding);
  if (!decoder) decoders.set(encoding, (decoder = new WhatwgDecoder(encoding)));
  return decoder.decode(b);
}

/** UTF-32 (the WHATWG standard has no decoder for it): invalid code points become U+FFFD. */
function decodeUtf32(b: Uint8Array, bigEndian: boolean): string {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength - (b.byteLength % 4));
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i < view.byteLength; i += 4) {
    const cp = view.getUint32(i, !bigEndian);
    chunk.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function hasMultiByteUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] >= 0xc2 && bytes[i] <= 0xf4 && (bytes[i + 1] & 0xc0) === 0x80) return true;
  }
  return false;
}

/** UTF-8 where valid; each byte of an invalid sequence read as windows-1252 (mixed-encoding feeds). */
export function decodeLenientUtf8(bytes: Uint8Array): string {
  const whole = tryUtf8(bytes);
  if (whole !== undefined) return whole;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < b.length) {
    const len = utf8SequenceLength(b, i);
    if (len > 0) {
      i += len;
      continue;
    }
    out.push(b.toString('utf8', start, i), windows1252.decode(b.subarray(i, i + 1)));
    i += 1;
    start = i;
  }
  out.push(b.toString('utf8', start, i));
  return out.join('');
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte starts none. */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (len === 0 || i + len > b.length) return 0;
  for (let k = 1; k < len; k++) if ((b[i + k] & 0xc0) !== 0x80) return 0;
  return len;
}
