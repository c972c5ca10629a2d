import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/text/xml-safe-text.js';

describe('escapeXml', () => {
  it('should escape the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
