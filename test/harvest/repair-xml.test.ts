import { describe, expect, it } from 'vitest';
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

  it('should use entities declared in an internal DTD', () => {
    const xml = '<!DOCTYPE rss [<!ENTITY site "Our Site">]><rss><t>&site;</t></rss>';
    expect(repairXml(xml)).toContain('<t>&#79;&#117;&#114;&#32;&#83;&#105;&#116;&#101;</t>');
  });

  it('should leave CDATA sections alone', () => {
    expect(repairXml('<t><![CDATA[a & b &nbsp;]]></t>')).toBe('<t><![CDATA[a & b &nbsp;]]></t>');
  });

  it('should empty unreadable Atom dates and keep good ones', () => {
    expect(repairXml('<e><published>yesterday</published><updated>2024-01-01T00:00:00Z</updated></e>')).toBe(
      '<e><published></published><updated>2024-01-01T00:00:00Z</updated></e>',
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
