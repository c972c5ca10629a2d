/**
 * Words as the outside judge counts them: lower case, runs of letters and digits joined by
 * apostrophes or hyphens ("john's", "hard-fought"), punctuation ignored. "an" is read as "a" so
 * that the renderer's choice between them never hides a copy, and "cannot" as "can not" so that
 * neither spelling hides one (a changed capital cannot either: all is lower case). Each word becomes a 32-bit
 * FNV-1a hash (never 0, which separates sentences in the guard stream).
 */

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The judge-style words of a piece of rendered text. */
export function unitsOf(text: string): string[] {
  const found = text.toLowerCase().match(WORD) ?? [];
  const out: string[] = [];
  for (const w of found) {
    if (w === 'an') out.push('a');
    else if (w === 'cannot') out.push('can', 'not');
    else out.push(w.includes('’') ? w.replace(/’/g, "'") : w);
  }
  return out;
}

export function hashUnit(unit: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < unit.length; i++) {
    h ^= unit.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0 || 1;
}

/** A 53-bit key for the hashed words `units[from .. to)` (two independent 32-bit mixes). */
export function hashRun(units: ArrayLike<number>, from: number, to: number): number {
  let a = 0x9e3779b9;
  let b = 0x85ebca6b;
  for (let i = from; i < to; i++) {
    a = Math.imul(a ^ units[i], 0x01000193);
    b = Math.imul((b ^ units[i]) + 0x7f4a7c15, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) >>> 11);
}

/** The guard stream as base64 of little-endian 32-bit words (see GuardStream). */
export function encodeUnits(units: number[]): string {
  const bytes = Buffer.alloc(units.length * 4);
  units.forEach((u, i) => bytes.writeUInt32LE(u, i * 4));
  return bytes.toString('base64');
}

export function decodeUnits(encoded: string): Uint32Array {
  const bytes = Buffer.from(encoded, 'base64');
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readUInt32LE(i * 4);
  return out;
}
