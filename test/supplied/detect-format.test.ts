import { describe, expect, it } from 'vitest';
import { formatOfContentType, looksLikeText, sniffFormat } from '../../src/supplied/detect-format.js';

describe('sniffFormat', () => {
  const cases: [string, string][] = [
    ['<!DOCTYPE html><p>Hi</p>', 'html'],
    ['Some text <p>with a paragraph</p>', 'html'],
    ['# Title\n\nBody text.', 'markdown'],
    ['See [the docs](https://x.example) now.', 'markdown'],
    ['- one\n- two\n', 'markdown'],
    ['Just words. Two sentences, a # in the middle and 3 * 4 = 12.', 'text'],
  ];
  for (const [content, format] of cases) {
    it(`should read ${JSON.stringify(content.slice(0, 24))} as ${format}`, () => expect(sniffFormat(content)).toBe(format));
  }
});

describe('formatOfContentType', () => {
  it('should map HTML, Markdown and plain types and ignore the rest', () => {
    expect(formatOfContentType('text/html; charset=utf-8')).toBe('html');
    expect(formatOfContentType('text/markdown')).toBe('markdown');
    expect(formatOfContentType('text/plain')).toBe('text');
    expect(formatOfContentType('application/octet-stream')).toBeUndefined();
    expect(formatOfContentType(undefined)).toBeUndefined();
  });
});

describe('looksLikeText', () => {
  it('should refuse bytes with a NUL', () => {
    expect(looksLikeText(Buffer.from('plain words'))).toBe(true);
    expect(looksLikeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBe(false);
  });
});
