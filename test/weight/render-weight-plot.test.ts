import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWeightPlot, type PlotShares } from '../../src/weight/render-weight-plot.js';
import type { SourceShare } from '../../src/model/types.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const source = (id: string, rawShare: number, dampedShare: number, kind: SourceShare['kind'] = 'blog', title = `Blog ${id}`): SourceShare => ({
  sourceId: id, title, kind, documents: 1, tokens: Math.round(rawShare * 1000), rawShare, dampedShare,
});

const shares = (sources: SourceShare[], own = { posts: 0, share: 0 }): PlotShares => ({ sources, own, settings: { damping: 'log-squared' } });

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir('webx-plot-')));
afterEach(() => tmp.remove());

describe('renderWeightPlot', () => {
  const svg = renderWeightPlot(
    shares(
      [source('small', 0.001, 0.2, 'blog', 'Tom & "Jerry" <b>\u0001'), source('big', 0.989, 0.7762), source('me', 0.01, 0.0238, 'own')],
      { posts: 1, share: 0.0238 },
    ),
  );

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

  it('should draw the recorded shares, heaviest in the model first, and say what each bar is', () => {
    const titles = [...svg.matchAll(/<g><title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual([
      'Blog big: 98.9% of the words, 77.6% of the weight',
      'Tom &amp; &quot;Jerry&quot; &lt;b&gt;: 0.10% of the words, 20.0% of the weight',
      'Blog me (own): 1.00% of the words, 2.38% of the weight',
    ]);
    expect(svg).toContain('share of the words (raw token counts)');
    expect(svg).toContain('share of the weight in the model (log-squared damping (ln(1+n))², own blog 2.38%)');
    expect(svg).not.toContain('linear');
  });

  it('should not name an own blog when there is none', () => {
    expect(renderWeightPlot(shares([source('a', 1, 1)]))).toContain('share of the weight in the model (log-squared damping (ln(1+n))²)');
  });

  it('should fold the smallest sources into one row beyond maxRows', () => {
    const many = Array.from({ length: 12 }, (_, i) => source(`s${i}`, (12 - i) / 78, (12 - i) / 78));
    const folded = renderWeightPlot(shares(many), { maxRows: 5 });
    expect(folded).toContain('8 more sources');
    expect(folded.match(/<g>/g)).toHaveLength(5);
  });
});

