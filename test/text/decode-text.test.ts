import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeLenientUtf8, decodeText } from '../../src/text/decode-text.js';

const text = 'Café “quoted” – naïve €5';
const cp1252 = iconv.encode(text, 'windows-1252');
const latin1Xml = (decl: string) => Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="${decl}"?><t>`), cp1252, Buffer.from('</t>')]);

describe('decodeText', () => {
  it('should read UTF-8 by default', () => {
    expect(decodeText(Buffer.from(text))).toBe(text);
  });

  it('should honour and strip a UTF-8 BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'text/xml; charset=iso-8859-1')).toBe(text);
  });

  it('should read a UTF-16LE BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
  });

  it('should take the charset from the Content-Type header', () => {
    expect(decodeText(cp1252, 'application/rss+xml; charset=windows-1252')).toBe(text);
  });

  it('should take the charset from the XML declaration', () => {
    expect(decodeText(latin1Xml('windows-1252'))).toBe(`<?xml version="1.0" encoding="windows-1252"?><t>${text}</t>`);
  });

  it('should read ISO-8859-1 as windows-1252 so curly quotes survive', () => {
    expect(decodeText(cp1252, 'text/xml; charset=ISO-8859-1')).toBe(text);
  });

  it('should read windows-1252 bytes that claim UTF-8 as windows-1252', () => {
    expect(decodeText(latin1Xml('UTF-8'), 'application/xml; charset=utf-8')).toContain(`<t>${text}</t>`);
  });

  it('should read UTF-8 bytes labelled ISO-8859-1 as UTF-8', () => {
    expect(decodeText(Buffer.from(text), 'text/xml; charset=iso-8859-1')).toBe(text);
  });

  it('should read every WHATWG alias of latin-1 as windows-1252', () => {
    for (const label of ['ISO_8859-1:1987', 'iso88591', 'iso-ir-100', 'csisolatin1', 'ibm819', 'ansi_x3.4-1968', 'us-ascii', 'x-cp1252']) {
      expect(decodeText(cp1252, `text/xml; charset=${label}`)).toBe(text);
    }
  });

  it('should tell UTF-32 by its BOM before UTF-16, and BOM-less UTF-16/32 by the XML declaration bytes', () => {
    const xml = `<?xml version="1.0"?><t>${text}</t>`;
    const utf32 = (s: string, be: boolean) => {
      const cps = [...s].map((c) => c.codePointAt(0)!);
      const b = Buffer.alloc(cps.length * 4);
      cps.forEach((cp, i) => (be ? b.writeUInt32BE(cp, i * 4) : b.writeUInt32LE(cp, i * 4)));
      return b;
    };
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(xml, false)]))).toBe(xml);
    expect(decodeText(Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32(xml, true)]))).toBe(xml);
    expect(decodeText(utf32(xml, true))).toBe(xml);
    expect(decodeText(utf32(xml, false))).toBe(xml);
    expect(decodeText(Buffer.from(xml, 'utf16le'))).toBe(xml);
    expect(decodeText(Buffer.from(xml, 'utf16le').swap16())).toBe(xml);
  });

  it('should ignore a UTF-16 label on 8-bit bytes', () => {
    expect(decodeText(Buffer.from(text), 'text/xml; charset=utf-16')).toBe(text);
  });

  it('should read other declared charsets', () => {
    expect(decodeText(iconv.encode('Привет', 'koi8-r'), 'text/xml; charset=koi8-r')).toBe('Привет');
  });
});

describe('decodeLenientUtf8', () => {
  it('should keep valid UTF-8 and read stray bytes as windows-1252', () => {
    const mixed = Buffer.concat([Buffer.from('naïve '), Buffer.from([0x93]), Buffer.from('ok'), Buffer.from([0x94])]);
    expect(decodeLenientUtf8(mixed)).toBe('naïve “ok”');
  });
});
