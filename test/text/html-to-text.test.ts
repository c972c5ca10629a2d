import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanTitle, htmlToText, inlineText, plainToText, windows1252Controls } from '../../src/text/html-to-text.js';

const dir = new URL('../fixtures/harvest/html/', import.meta.url);
const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));

describe('htmlToText', () => {
  it.each(pages)('should turn %s into its golden .txt', (name) => {
    const html = readFileSync(new URL(name, dir), 'utf8');
    const expected = readFileSync(new URL(name.replace(/\.html$/, '.txt'), dir), 'utf8').trimEnd();
    expect(htmlToText(html)).toBe(expected);
  });

  it('should give an empty string for markup without prose', () => {
    expect(htmlToText('<div><script>x()</script><img src="a"></div>')).toBe('');
  });

  it('should keep a short code word in a sentence and drop code', () => {
    expect(htmlToText('<p>Run <code>ls</code> now.</p><p><code>const x = 1;</code></p><p><code>a\nb</code></p>')).toBe('Run ls now.');
  });

  it('should never glue the words on either side of an element boundary', () => {
    expect(htmlToText('<p>The</p><p>fifth district</p>')).toBe('The\n\nfifth district');
    expect(htmlToText('<b>The</b> fifth <i>district</i>, <span>in</span>\n<span>fiscal</span> year')).toBe('The fifth district, in fiscal year');
    expect(htmlToText('<li>in</li><li>1995-2007</li>')).toBe('in\n\n1995-2007');
    expect(htmlToText('<p>The<aside>ad</aside>fifth</p>')).toBe('The\n\nfifth');
    expect(htmlToText('<p>The<div class="share">x</div>fifth<table><tr><td>1</td><td>2</td><td>3</td><td>4</td></tr></table>north</p>')).toBe('The\n\nfifth\n\nnorth');
    expect(htmlToText('<p>in an <code>AbortSignal</code></p>')).toBe('in an AbortSignal');
  });

  it('should keep a table of words and drop a table of numbers', () => {
    expect(htmlToText('<table><tr><td>1</td><td>2</td></tr><tr><td>3.5%</td><td>$4</td></tr></table><p>after</p>')).toBe('after');
  });
});

describe('htmlToText on hostile and unusual markup', () => {
  it('should read 20,000 nested <div>s without failing, keeping the words', () => {
    expect(htmlToText(`<p>Before.</p>${'<div>'.repeat(20_000)}deep words here${'</div>'.repeat(20_000)}<script>x()</script>`)).toBe('Before.\n\ndeep words here');
  });

  it('should read 10,000 nested <span>s and tables the ordinary way below the depth limit', () => {
    expect(htmlToText(`${'<span>'.repeat(900)}still prose${'</span>'.repeat(900)}`)).toBe('still prose');
    expect(htmlToText(`${'<table><tr><td>'.repeat(300)}cell words${'</td></tr></table>'.repeat(300)}`)).toBe('cell words');
  });

  it('should keep the text of inline SVG and MathML', () => {
    expect(htmlToText('<p>A circle.</p><svg><title>Unit circle</title><circle r="1"/><text>radius one</text></svg>')).toBe('A circle.\n\nUnit circle\n\nradius one');
    expect(htmlToText('<p>Mass: <math><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math> holds.</p>')).toBe('Mass:\n\nE=mc2\n\nholds.');
  });

  it('should read numeric references 128–159 as windows-1252 characters', () => {
    expect(htmlToText('<p>&#147;Quoted&#148; &#128;5</p>')).toBe('“Quoted” €5');
    expect(windows1252Controls('don\u0092t')).toBe('don’t');
  });
});

describe('inlineText', () => {
  it('should strip tags, drop script code and keep a bare "<"', () => {
    expect(inlineText("Safe <script>alert('x')</script>title")).toBe('Safe title');
    expect(inlineText('5 < 6 and 7 > 3')).toBe('5 < 6 and 7 > 3');
    expect(inlineText('Read more about <b>X</b>')).toBe('Read more about X');
  });
});

describe('plainToText', () => {
  it('should split paragraphs on blank lines and join wrapped lines', () => {
    expect(plainToText('one\r\ntwo\r\n\r\nthree')).toBe('one two\n\nthree');
  });
});

describe('cleanTitle', () => {
  it('should decode entities and strip tags', () => {
    expect(cleanTitle(' <b>Tom</b> &amp; Jerry&rsquo;s  ')).toBe('Tom & Jerry’s');
    expect(cleanTitle(undefined)).toBe('');
  });
});
