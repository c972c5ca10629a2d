import { describe, expect, it } from 'vitest';
import { capNesting } from '../../src/text/cap-nesting.js';
import { MAX_HTML_NESTING, sanitizeClientHtml } from '../../src/text/sanitize-client-html.js';

describe('capNesting', () => {
  it('should drop tags opened deeper than the limit, with their end tags, and keep their text', () => {
    expect(capNesting('<div><div><div><b>x</b></div></div></div>', 2)).toBe('<div><div>x</div></div>');
    expect(capNesting(`${'<span>'.repeat(10_000)}text${'</span>'.repeat(10_000)}`, 3)).toBe('<span><span><span>text</span></span></span>');
  });

  it('should leave shallow markup exactly as it was', () => {
    const html = '<p>One <a href="/x?a=1&b=2">link</a><br>two<img src="x"/></p><ul><li>a</li><li>b</li></ul> 1 < 2';
    expect(capNesting(html, 3)).toBe(html);
  });

  it('should read unclosed paragraphs and list items as siblings, as HTML does, not as ever deeper nesting', () => {
    const html = `${'<p>para '.repeat(100)}<ul>${'<li>item '.repeat(100)}</ul>`;
    expect(capNesting(html, 3)).toBe(html);
    // Unclosed inline elements do nest: past the limit they go.
    expect(capNesting(`${'<b>'.repeat(5)}x`, 2)).toBe('<b><b>x');
  });

  it('should keep a nested list inside a list item, and close misnested tags within reach', () => {
    expect(capNesting('<ul><li>a<ul><li>b</ul><li>c</ul>', 4)).toBe('<ul><li>a<ul><li>b</ul><li>c</ul>');
    // A stray end tag (its element already closed) stays: harmless, the sanitiser after this drops it.
    expect(capNesting('<b><i>x</b></i>y', 1)).toBe('<b>x</b></i>y');
  });
});

describe('sanitizeClientHtml', () => {
  it('should cap nesting at MAX_HTML_NESTING before sanitising', () => {
    const out = sanitizeClientHtml(`${'<div>'.repeat(20_000)}deep${'</div>'.repeat(20_000)}`);
    expect(out).toBe(`${'<div>'.repeat(MAX_HTML_NESTING)}deep${'</div>'.repeat(MAX_HTML_NESTING)}`);
  });

  it('should keep the publisher\'s data-entry-id and mark links nofollow', () => {
    expect(sanitizeClientHtml('<div data-entry-id="tag:x,2026:post/1" class="c" style="x"><p><a href="http://e.org/">e</a></p></div>')).toBe(
      '<div data-entry-id="tag:x,2026:post/1"><p><a href="http://e.org/" rel="nofollow noopener ugc">e</a></p></div>',
    );
  });
});
