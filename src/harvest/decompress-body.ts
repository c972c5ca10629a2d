/**
 * Content-Encoding decoding under the response cap: gzip, deflate (zlib-wrapped or raw, as servers
 * send both) and brotli, each run in the thread pool with `maxOutputLength` so a small compressed
 * body cannot inflate past the cap (a zip bomb ends as 'too-large').
 */
import { brotliDecompress, gunzip, inflate, inflateRaw } from 'node:zlib';
import { promisify } from 'node:util';

const decoders = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  deflate: promisify(inflate),
  rawDeflate: promisify(inflateRaw),
  br: promisify(brotliDecompress),
};

export async function decompressBody(raw: Buffer, encoding: string | undefined, maxBytes: number): Promise<Buffer | 'too-large' | 'corrupt'> {
  const name = (encoding ?? '').trim().toLowerCase();
  if (!name || name === 'identity') return raw;
  let decode = decoders[name as keyof typeof decoders];
  if (!decode) return raw;
  // A deflate body without the zlib header (first byte 0x78) is raw deflate.
  if (name === 'deflate' && (raw[0] & 0x0f) !== 0x08) decode = decoders.rawDeflate;
  // Some servers label a plain body as gzip: trust the magic bytes over the header.
  if ((name === 'gzip' || name === 'x-gzip') && !(raw[0] === 0x1f && raw[1] === 0x8b)) return raw;
  try {
    return await decode(raw, { maxOutputLength: maxBytes });
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'corrupt';
  }
}
