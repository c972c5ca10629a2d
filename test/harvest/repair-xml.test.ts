import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, FeedLimitError } from '../../src/harvest/parse-limits.js';
import { parseDate, repairXml } from '../../src/harvest/repair-xml.js';

describe('repairXml', () => {
  it('should turn HTML entities into character references', () => {
    expect(repairXml('<t>caf&eacute;&nbsp;&mdash;</t>')).toBe('<t>caf&#233;&#160;&#8212;</t>');
  });

  it('should keep the five XML entities and valid character references', () => {
    expect(repairXml('<t>&amp;&lt;&gt;&quot;&apos;&#233;&#x1F600;</t>')).toBe('<t>&amp;&lt;&gt;&quot;&apos;&#233;&#x1F600;</t>');
  });

  it('should keep an undefined entity as visible text', () => {
    expect(repairXml('<t>&bogus; here</t>')).toBe('<t>&amp;bogus; here</t>');
  });

  it('should escape bare ampersands and drop invalid character references', () => {
    expect(repairXml('<t>Tom & Jerry &#0;</t>')).toBe('<t>Tom &amp; Jerry </t>');
  });

  it('should use entities declared in an internal DTD, their markup as text', () => {
    const xml = '<!DOCTYPE rss [<!ENTITY site "Our <b>Site</b>">]><rss><t>&site;</t></rss>';
    expect(repairXml(xml)).toContain('<t>Our &lt;b&gt;Site&lt;/b&gt;</t>');
  });

  it('should refuse an entity too large, or references that expand past the budget', () => {
    const entity = (chars: number, uses: number) => `<!DOCTYPE rss [<!ENTITY e "${'x'.repeat(chars)}">]><rss><t>${'&e;'.repeat(uses)}</t></rss>`;
    expect(() => repairXml(entity(15_000, 2))).toThrow(/declares entity "e" of 15,000 characters \(the limit is 10,000\)/);
    expect(() => repairXml(entity(5_000, 1_500))).toThrow(/expand to more than 1,000,000 characters \(stopped at reference 201/);
    expect(repairXml(entity(5_000, 10))).toHaveLength(5_000 * 11 + 49);
  });

  it('should refuse a text over the document cap once expanded', () => {
    const xml = `<!DOCTYPE rss [<!ENTITY e "${'x'.repeat(1_000)}">]><rss><t>${'&e;'.repeat(200)}</t></rss>`;
    expect(() => repairXml(xml, { ...DEFAULT_LIMITS, maxDocumentChars: 100_000 })).toThrow(FeedLimitError);
    expect(() => repairXml(xml, { ...DEFAULT_LIMITS, maxDocumentChars: 100_000 })).toThrow(/characters once repaired and its entities expanded \(the limit is harvest.maxBytes, 100,000\)/);
  });

  it('should leave CDATA sections alone', () => {
    expect(repairXml('<t><![CDATA[a & b &nbsp;]]></t>')).toBe('<t><![CDATA[a & b &nbsp;]]></t>');
  });

  it('should leave unreadable dates for the parser (which tries the next date element)', () => {
    expect(repairXml('<e><published>yesterday</published><updated>2024-01-01T00:00:00Z</updated></e>')).toBe(
      '<e><published>yesterday</published><updated>2024-01-01T00:00:00Z</updated></e>',
    );
  });

  it('should give an Atom link written as text its href', () => {
    expect(repairXml('<feed><entry><link> http://x.example/a?b=1&amp;c=2 </link></entry></feed>')).toBe('<feed><entry><link href="http://x.example/a?b=1&amp;c=2"/></entry></feed>');
  });

  it('should drop junk before the root and control characters', () => {
    expect(repairXml('Warning: x\n<?xml version="1.0"?><rss>\u0001ok</rss>')).toBe('<?xml version="1.0"?><rss>ok</rss>');
  });
});

describe('parseDate', () => {
  it.each([
    ['Tue, 02 Jan 2024 10:00:00 +0000', '2024-01-02T10:00:00.000Z'],
    ['2024-03-01T09:00:00+01:00', '2024-03-01T08:00:00.000Z'],
    ['Mon, 02 Jan 2024 10:00:00 GMT (UTC)', '2024-01-02T10:00:00.000Z'],
    ['Wed, 05 Feb 2024 10:00:00 EST', '2024-02-05T15:00:00.000Z'],
  ])('should read %s', (input, iso) => {
    expect(parseDate(input)).toBe(iso);
  });

  it.each(['', 'not a date', 'Someday, 45 Foo 2024'])('should give undefined for "%s"', (input) => {
    expect(parseDate(input)).toBeUndefined();
  });
});
