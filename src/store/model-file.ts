/**
 * The model on disk: one binary file (`model.bin`). Layout:
 *
 *   "WXMODEL\0" | u32 format | u32 0                      16-byte preamble
 *   section 0 | section 1 | …                              typed arrays, each 8-byte aligned
 *   footer JSON (utf-8)                                     everything else + the section list
 *   u32 footer length | u32 crc32(footer) | "WXMODEND"     16-byte trailer
 *
 * The big numeric columns of the language model (context tables, template tables) and the copy
 * guard's units are sections: stored as the narrowest typed array that holds every value exactly
 * (u8, i32 or f64), each with its own crc32, and read back as typed arrays with one read each,
 * no parsing. The rest (words, slots, documents, shares, settings) is the footer's JSON, small
 * next to the columns. A JSON string can then never hit V8's string limit, and a 10 M-word model
 * loads in a fraction of a second.
 *
 * Written atomically (temp file + fsync + rename), so a crash never leaves half a model. Read back
 * with a full structural check (preamble, trailer, footer checksum, every section inside the file
 * with its checksum, every table's lengths and ids consistent): an old, newer or damaged file
 * gives an error (`model-damaged`, `model-newer`) that says `webxcreta analyze --rebuild`, and the
 * model cache rebuilds on `model-damaged` by itself.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { WebxError } from '../errors.js';
import { corruptModel, missingModel, newerModel, oldModel, unwritableModel } from '../model/errors.js';
import { CONTEXT_LEVELS } from '../model/context-key.js';
import { MODEL_FILE_TAG, MODEL_FORMAT } from '../model/model-format.js';
import type { ContextTable, LanguageModel, NumberColumn, TemplateTable } from '../model/language-model.js';
import type { Model } from '../model/types.js';
import { writeAtomic } from './write-atomic.js';

const MAGIC = 'WXMODEL\0';
const END = 'WXMODEND';
const PREAMBLE = 16;
const TRAILER = 16;

type ElementType = 'u8' | 'i32' | 'f64';
const BYTES: Record<ElementType, number> = { u8: 1, i32: 4, f64: 8 };

interface Section {
  name: string;
  type: ElementType;
  offset: number;
  /** Elements, not bytes. */
  length: number;
  crc: number;
}

interface Footer {
  format: typeof MODEL_FILE_TAG;
  version: number;
  fileBytes: number;
  /** The model with every column replaced by its section name (see `Section`). */
  model: unknown;
  sections: Section[];
}

const TEMPLATE_COLUMNS = ['start', 'slots', 'weight', 'length', 'doc'] as const;
const CONTEXT_COLUMNS = ['keys', 'rowStart', 'word', 'weight', 'doc'] as const;

// ---------------------------------------------------------------------------------------- save

export function saveModel(file: string, model: Model): void {
  let bytes: Uint8Array;
  try {
    bytes = encodeModel(model);
  } catch (e) {
    throw unwritableModel(file, (e as Error).message);
  }
  try {
    writeAtomic(file, bytes);
  } catch (e) {
    throw unwritableModel(file, (e as Error).message);
  }
}

/** The bytes of the model file of `model`. */
export function encodeModel(model: Model): Uint8Array {
  const columns: { name: string; data: Uint8Array; type: ElementType; length: number }[] = [];
  const column = (name: string, values: NumberColumn): string => {
    const type = narrowestType(values);
    const typed = type === 'u8' ? Uint8Array.from(values) : type === 'i32' ? Int32Array.from(values) : Float64Array.from(values);
    columns.push({ name, type, length: values.length, data: new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength) });
    return name;
  };
  const { lm } = model;
  const templates = (name: string, t: TemplateTable) => Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c, column(`${name}.${c}`, t[c])]));
  const levels = Object.fromEntries(
    CONTEXT_LEVELS.map((level) => {
      const t = lm.levels[level];
      return [level, { level: t.level, ...Object.fromEntries(CONTEXT_COLUMNS.map((c) => [c, column(`${level}.${c}`, t[c])])) }];
    }),
  );
  const units = Buffer.from(lm.guard.units, 'base64');
  columns.push({ name: 'guard.units', type: 'u8', length: units.length, data: units });
  const shape = {
    ...model,
    lm: { ...lm, sentences: templates('sentences', lm.sentences), titles: templates('titles', lm.titles), levels, guard: { units: 'guard.units' } },
  };

  const sections: Section[] = [];
  let offset = PREAMBLE;
  for (const c of columns) {
    sections.push({ name: c.name, type: c.type, offset, length: c.length, crc: crc32(c.data) });
    offset = align8(offset + c.data.byteLength);
  }
  const bodyEnd = offset;
  // fileBytes depends on the footer's own length: settle it in two rounds (its digits rarely change)
  let footerText = '';
  let fileBytes = 0;
  for (let round = 0; round < 3; round++) {
    const footer: Footer = { format: MODEL_FILE_TAG, version: MODEL_FORMAT, fileBytes, model: shape, sections };
    footerText = JSON.stringify(footer);
    const total = bodyEnd + Buffer.byteLength(footerText) + TRAILER;
    if (total === fileBytes) break;
    fileBytes = total;
  }
  const footerBytes = Buffer.from(footerText);
  const out = Buffer.alloc(bodyEnd + footerBytes.length + TRAILER);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(MODEL_FORMAT, 8);
  columns.forEach((c, i) => out.set(c.data, sections[i].offset));
  out.set(footerBytes, bodyEnd);
  const t = bodyEnd + footerBytes.length;
  out.writeUInt32LE(footerBytes.length, t);
  out.writeUInt32LE(crc32(footerBytes), t + 4);
  out.write(END, t + 8, 'latin1');
  if (out.length !== fileBytes) throw new Error('model file size did not settle');
  return out;
}

const align8 = (n: number) => (n + 7) & ~7;

function narrowestType(values: NumberColumn): ElementType {
  let small = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff || Object.is(v, -0)) return 'f64';
    if (v < 0 || v > 255) small = false;
  }
  return small ? 'u8' : 'i32';
}

// ---------------------------------------------------------------------------------------- load

export function loadModel(file: string): Model {
  if (!existsSync(file)) throw missingModel(file);
  const fd = openSync(file, 'r');
  try {
    return readModel(file, fd);
  } catch (e) {
    if (e instanceof WebxError) throw e;
    throw corruptModel(file, (e as Error).message);
  } finally {
    closeSync(fd);
  }
}

function readModel(file: string, fd: number): Model {
  const damaged = (why: string) => corruptModel(file, why);
  const size = fstatSync(fd).size;
  if (size < PREAMBLE + TRAILER) throw damaged('too short for a model file');
  const head = readAt(fd, 0, PREAMBLE);
  if (head.toString('latin1', 0, 8) !== MAGIC) throw damaged('no webxcreta-model preamble');
  const version = head.readUInt32LE(8);
  if (version < MODEL_FORMAT) throw oldModel(file, version, MODEL_FORMAT);
  if (version > MODEL_FORMAT) throw newerModel(file, version, MODEL_FORMAT);
  const tail = readAt(fd, size - TRAILER, TRAILER);
  if (tail.toString('latin1', 8, 16) !== END) throw damaged('the end of the file is missing (truncated?)');
  const footerLength = tail.readUInt32LE(0);
  const footerStart = size - TRAILER - footerLength;
  if (footerStart < PREAMBLE) throw damaged('the footer length is out of range');
  const footerBytes = readAt(fd, footerStart, footerLength);
  if (crc32(footerBytes) !== tail.readUInt32LE(4)) throw damaged('the footer checksum does not match');
  let footer: Footer;
  try {
    footer = JSON.parse(footerBytes.toString('utf8')) as Footer;
  } catch (e) {
    throw damaged((e as Error).message);
  }
  if (!isObject(footer) || footer.format !== MODEL_FILE_TAG) throw damaged('no webxcreta-model footer');
  if (footer.version !== version) throw damaged('the footer and the preamble disagree on the format');
  if (footer.fileBytes !== size) throw damaged(`the file has ${size} bytes, its footer says ${String(footer.fileBytes)}`);
  if (!Array.isArray(footer.sections)) throw damaged('no section list');

  const columns = new Map<string, NumberColumn>();
  let end = PREAMBLE;
  for (const s of footer.sections) {
    if (!isObject(s) || typeof s.name !== 'string' || !(s.type in BYTES)) throw damaged('a section entry is malformed');
    const bytes = s.length * BYTES[s.type];
    if (!Number.isSafeInteger(s.offset) || !Number.isSafeInteger(s.length) || s.length < 0 || s.offset < end || s.offset % 8 !== 0 || s.offset + bytes > footerStart) {
      throw damaged(`section ${s.name} lies outside the file`);
    }
    const array = s.type === 'u8' ? new Uint8Array(s.length) : s.type === 'i32' ? new Int32Array(s.length) : new Float64Array(s.length);
    const view = new Uint8Array(array.buffer);
    readInto(fd, view, s.offset);
    if (crc32(view) !== s.crc) throw damaged(`section ${s.name} fails its checksum`);
    if (columns.has(s.name)) throw damaged(`section ${s.name} appears twice`);
    columns.set(s.name, array);
    end = s.offset + bytes;
  }
  return assemble(footer.model, columns, damaged);
}

function assemble(shape: unknown, columns: Map<string, NumberColumn>, damaged: (why: string) => Error): Model {
  if (!isObject(shape)) throw damaged('no model inside');
  const m = shape;
  if (m.version !== 1) throw damaged('model.version is not 1');
  if (typeof m.fingerprint !== 'string') throw damaged('model.fingerprint is missing');
  if (!isObject(m.settings)) throw damaged('model.settings is missing');
  if (!Array.isArray(m.sources)) throw damaged('model.sources is missing');
  if (!isObject(m.own)) throw damaged('model.own is missing');
  if (!isObject(m.documentWeights)) throw damaged('model.documentWeights is missing');
  if (!isObject(m.lm)) throw damaged('model.lm is missing');
  const lm = m.lm;
  if (lm.version !== 1) throw damaged('lm.version is not 1');
  for (const key of ['words', 'slots', 'docs', 'sources'] as const) {
    if (!Array.isArray(lm[key]) || !(lm[key] as unknown[]).every((x) => typeof x === 'string')) throw damaged(`lm.${key} is missing`);
  }
  for (const key of ['glue', 'slotWord', 'docSource'] as const) {
    if (!Array.isArray(lm[key]) || !(lm[key] as unknown[]).every((x) => typeof x === 'number')) throw damaged(`lm.${key} is missing`);
  }
  const words = lm.words as string[];
  const slots = lm.slots as string[];
  const docs = lm.docs as string[];
  if ((lm.glue as number[]).length !== words.length) throw damaged('lm.glue does not match lm.words');
  if ((lm.slotWord as number[]).length !== slots.length) throw damaged('lm.slotWord does not match lm.slots');
  if ((lm.docSource as number[]).length !== docs.length) throw damaged('lm.docSource does not match lm.docs');
  if (!(lm.docSource as number[]).every((s) => Number.isInteger(s) && s >= 0 && s < (lm.sources as string[]).length)) throw damaged('lm.docSource names a missing source');

  const take = (owner: string, ref: unknown): NumberColumn => {
    const col = typeof ref === 'string' ? columns.get(ref) : undefined;
    if (!col) throw damaged(`${owner} has no data`);
    return col;
  };
  const templateTable = (name: string): TemplateTable => {
    const t = lm[name];
    if (!isObject(t)) throw damaged(`lm.${name} is missing`);
    const table = Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c, take(`lm.${name}.${c}`, t[c])])) as unknown as TemplateTable;
    const n = table.weight.length;
    if (table.start.length !== n + 1 || table.length.length !== n || table.doc.length !== n) throw damaged(`lm.${name} columns differ in length`);
    checkOffsets(table.start, table.slots.length, `lm.${name}.start`, damaged);
    checkIds(table.slots, slots.length, `lm.${name}.slots`, damaged);
    checkIds(table.doc, docs.length, `lm.${name}.doc`, damaged);
    return table;
  };
  const levelsIn = lm.levels;
  if (!isObject(levelsIn)) throw damaged('lm.levels is missing');
  const levels = {} as Record<string, ContextTable>;
  for (const level of CONTEXT_LEVELS) {
    const t = levelsIn[level];
    if (!isObject(t) || t.level !== level) throw damaged(`lm.levels.${level} is missing`);
    const table = { level, ...Object.fromEntries(CONTEXT_COLUMNS.map((c) => [c, take(`lm.levels.${level}.${c}`, t[c])])) } as unknown as ContextTable;
    const n = table.word.length;
    if (table.rowStart.length !== table.keys.length + 1 || table.weight.length !== n || table.doc.length !== n) throw damaged(`lm.levels.${level} columns differ in length`);
    checkOffsets(table.rowStart, n, `lm.levels.${level}.rowStart`, damaged);
    checkIds(table.word, words.length, `lm.levels.${level}.word`, damaged);
    checkIds(table.doc, docs.length, `lm.levels.${level}.doc`, damaged);
    levels[level] = table;
  }
  const guard = lm.guard;
  if (!isObject(guard)) throw damaged('lm.guard is missing');
  const units = take('lm.guard', guard.units) as Uint8Array;
  if (units.length % 4 !== 0) throw damaged('lm.guard is not whole 32-bit units');
  const language = {
    ...lm,
    sentences: templateTable('sentences'),
    titles: templateTable('titles'),
    levels,
    guard: { units: Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('base64') },
  } as unknown as LanguageModel;
  return { ...(m as unknown as Model), lm: language };
}

/** Offsets into a column of `total` elements: start at 0, never decrease, end at `total`. */
function checkOffsets(offsets: NumberColumn, total: number, what: string, damaged: (why: string) => Error): void {
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== total) throw damaged(`${what} does not cover its table`);
  for (let i = 1; i < offsets.length; i++) if (offsets[i] < offsets[i - 1]) throw damaged(`${what} goes backwards`);
}

/** Every value an id below `count` (provenance may be -1: no document). */
function checkIds(ids: NumberColumn, count: number, what: string, damaged: (why: string) => Error): void {
  for (let i = 0; i < ids.length; i++) {
    const v = ids[i];
    if (!(v >= -1 && v < count) || !Number.isInteger(v)) throw damaged(`${what} names a missing entry`);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  readInto(fd, buf, position);
  return buf;
}

function readInto(fd: number, target: Uint8Array, position: number): void {
  let done = 0;
  while (done < target.length) {
    const n = readSync(fd, target, done, Math.min(target.length - done, 1 << 30), position + done);
    if (n <= 0) throw new Error('unexpected end of the model file');
    done += n;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
