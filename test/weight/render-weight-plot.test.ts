import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escapeXml, renderWeightPlot } from '../../src/weight/render-weight-plot.js';
import type { SourceShare } from '../../src/model/types.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const source = (id: string, tokens: number, kind: SourceShare['kind'] = 'blog', title = `Blog ${id}`): SourceShare => ({
  sourceId: id, title, kind, documents: 1, tokens, rawShare: 0, dampedShare: 0,
});

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir('webx-plot-')));
afterEach(() => tmp.remove());

describe('renderWeightPlot', () => {
  const svg = renderWeightPlot([source('big', 100_000), source('small', 100, 'blog', 'Tom & "Jerry" <b>\u0001'), source('me', 50, 'own')]);

  it('should be well-formed XML (xmllint)', () => {
    const file = join(tmp.dir, 'plot.svg');
    writeFileSync(file, svg);
    expect(execFileSync('xmllint', ['--noout', file], { encoding: 'utf8' })).toBe('');
  });

  it('should escape every text', () => {
    expect(svg).toContain('Tom &amp; &quot;Jerry&quot; &lt;b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('\u0001');
  });

  it('should label each source with its linear and log-squared shares, largest first', () => {
    // linear: 0.75·100000/100100 = 74.93%; log-squared lifts the small blog from 0.07% to 10.4%.
    expect(svg).toMatch(/Blog big: linear 74\.9%, log-squared 64\.6%/);
    expect(svg).toMatch(/Tom .*: linear 0\.07%, log-squared 10\.4%/);
    expect(svg).toMatch(/Blog me \(own\): linear 25\.0%, log-squared 25\.0%/);
    expect(svg.indexOf('Blog big')).toBeLessThan(svg.indexOf('Blog me'));
  });

  it('should fold the smallest sources into one row beyond maxRows', () => {
    const many = Array.from({ length: 12 }, (_, i) => source(`s${i}`, 1000 - i));
    const folded = renderWeightPlot(many, { maxRows: 5 });
    expect(folded).toContain('8 more sources');
    expect(folded.match(/<g>/g)).toHaveLength(5);
  });
});

describe('escapeXml', () => {
  it('should escape the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
