import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebxError } from '../../src/errors.js';
import { encodeModel, loadModel, saveModel } from '../../src/store/model-file.js';
import { MODEL_FORMAT } from '../../src/model/model-format.js';
import { generatePost } from '../../src/generate/index.js';
import { createRng } from '../../src/rng.js';
import type { Model } from '../../src/model/types.js';
import { fixture, modelFromTexts, readTextDocs } from '../generate/model-from-texts.js';
import { goldenOptions } from '../generate/golden.js';
import { plainModel } from '../helpers/plain-model.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'webx-model-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const model: Model = {
  ...modelFromTexts(readTextDocs(fixture('corpus.json'))),
  fingerprint: 'abc123',
  sources: [{ sourceId: 'A', title: 'Blog "A" <&> ☃', kind: 'blog', documents: 2, tokens: 30, rawShare: 1, dampedShare: 1 }],
};
const meta = { seed: 's', now: '2026-01-01T00:00:00.000Z' };

function errorOf(fn: () => unknown): WebxError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WebxError) return e;
    throw e;
  }
  throw new Error('expected a WebxError');
}


const write = (content: string | Uint8Array) => {
  const file = join(dir, 'model.bin');
  writeFileSync(file, content);
  return file;
};

describe('saveModel', () => {
  it('should write a binary file with the format in its preamble and leave no temporary file', () => {
    const file = join(dir, 'sub', 'model.bin');
    saveModel(file, model);
    const bytes = readFileSync(file);
    expect(bytes.toString('latin1', 0, 8)).toBe('WXMODEL\0');
    expect(bytes.readUInt32LE(8)).toBe(MODEL_FORMAT);
    expect(bytes.toString('latin1', bytes.length - 8)).toBe('WXMODEND');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['model.bin']);
  });

  it('should be smaller than the JSON document it replaces', () => {
    expect(encodeModel(model).length).toBeLessThan(JSON.stringify(model).length);
  });

  it('should say which file it could not write', () => {
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
    expect(errorOf(() => saveModel(join(dir, 'blocker', 'model.bin'), model)).message).toMatch(/cannot write the model file/);
  });
});

describe('loadModel', () => {
  it('should read back exactly what was saved, the columns as typed arrays', () => {
    const file = join(dir, 'model.bin');
    saveModel(file, model);
    const loaded = loadModel(file);
    expect(plainModel(loaded)).toEqual(plainModel(model));
    expect(ArrayBuffer.isView(loaded.lm.levels['prev-slot-next'].word)).toBe(true);
    expect(loaded.lm.levels.slot.weight).toBeInstanceOf(Float64Array);
  });

  it('should give a byte-identical post from the loaded model', () => {
    const file = join(dir, 'model.bin');
    saveModel(file, model);
    const loaded = loadModel(file);
    for (const seed of ['1', '2', '3']) {
      const options = { ...goldenOptions, topic: seed === '3' ? ['garden'] : [] };
      expect(JSON.stringify(generatePost(loaded, options, createRng(seed), meta))).toBe(JSON.stringify(generatePost(model, options, createRng(seed), meta)));
    }
  });

  it('should tell to run analyze when there is no model', () => {
    expect(errorOf(() => loadModel(join(dir, 'none.bin'))).hint).toMatch(/webxcreta analyze/);
  });

  const good = encodeModel(model);
  const patched = (at: number, f: (b: Buffer) => void) => {
    const b = Buffer.from(good);
    f(b);
    return b;
  };
  const footerStart = good.length - 16 - Buffer.from(good).readUInt32LE(good.length - 16);
  const withFooter = (edit: (footer: Record<string, any>) => void) => {
    const b = Buffer.from(good);
    const footer = JSON.parse(b.toString('utf8', footerStart, b.length - 16));
    const size = footer.fileBytes;
    edit(footer);
    const settle = footer.fileBytes === size;
    let text = Buffer.from(JSON.stringify(footer));
    for (let round = 0; settle && round < 3; round++) {
      footer.fileBytes = footerStart + text.length + 16;
      text = Buffer.from(JSON.stringify(footer));
    }
    const out = Buffer.alloc(footerStart + text.length + 16);
    b.copy(out, 0, 0, footerStart);
    text.copy(out, footerStart);
    const t = footerStart + text.length;
    out.writeUInt32LE(text.length, t);
    out.writeUInt32LE(crc32(text), t + 4);
    out.write('WXMODEND', t + 8, 'latin1');
    return out;
  };
  const broken: [string, string | Uint8Array, RegExp][] = [
    ['an empty file', '', /damaged/],
    ['a JSON model of format 3', '{"format":"webxcreta-model","version":3,"model":{}}', /damaged/],
    ['a truncated file', good.subarray(0, good.length - 100), /truncated/],
    ['a file cut in the middle', good.subarray(0, Math.floor(good.length / 2)), /damaged/],
    ['a flipped byte in a column', patched(0, (b) => (b[100] ^= 0xff)), /checksum/],
    ['a flipped byte in the footer', patched(0, (b) => (b[footerStart + 5] ^= 0x01)), /checksum/],
    ['an older format', patched(0, (b) => b.writeUInt32LE(MODEL_FORMAT - 1, 8)), /older webXcreta/],
    ['a newer format', patched(0, (b) => b.writeUInt32LE(MODEL_FORMAT + 1, 8)), /newer webXcreta/],
    ['a footer with the wrong file size', withFooter((f) => (f.fileBytes = 12)), /footer says/],
    ['a model with no fingerprint', withFooter((f) => delete f.model.fingerprint), /fingerprint/],
    ['a model missing a level', withFooter((f) => delete f.model.lm.levels['prev-slot']), /prev-slot/],
    ['a section pointing past the end', withFooter((f) => (f.sections[0].length = 1e9)), /outside the file/],
    ['a column from another table', withFooter((f) => (f.model.lm.levels.slot.word = f.model.lm.sentences.slots)), /slot/],
  ];
  for (const [what, content, message] of broken) {
    it(`should refuse ${what} with a hint to rebuild`, () => {
      const e = errorOf(() => loadModel(write(content)));
      expect(e.message).toMatch(message);
      expect(e.hint).toMatch(/webxcreta analyze --rebuild/);
      if (!/newer/.test(e.message)) expect(e.code).toBe('model-damaged');
    });
  }
});
