import { describe, expect, it } from 'vitest';
import { parseOpml, toOpml } from '../../src/harvest/opml.js';
import type { Source } from '../../src/harvest/types.js';

const opml = `<?xml version="1.0"?>
<opml version="1.0"><head><title>Blogroll</title></head><body>
  <outline text="Friends">
    <outline type="rss" text="Ann &amp; Co" xmlUrl="feeds/ann.xml" htmlUrl="blogs/ann/"/>
    <outline type="rss" title="Bob" text="bob" xmlURL="https://bob.example.com/feed"/>
  </outline>
  <outline type="rss" text="Ann again" xmlUrl="feeds/ann.xml"/>
  <outline type="link" text="A page" url="https://page.example.com/"/>
  <outline text="folder without feeds"/>
</body></opml>`;

describe('parseOpml', () => {
  it('should read nested outlines, resolve relative URLs and drop repeats', () => {
    expect(parseOpml(opml, 'http://base.example/lists/blogs.opml')).toEqual([
      { title: 'Ann & Co', xmlUrl: 'http://base.example/lists/feeds/ann.xml', htmlUrl: 'http://base.example/lists/blogs/ann/' },
      { title: 'Bob', xmlUrl: 'https://bob.example.com/feed' },
      { title: 'A page', xmlUrl: 'https://page.example.com/' },
    ]);
  });
});

describe('toOpml', () => {
  it('should write an OPML 2.0 list that parseOpml reads back', () => {
    const sources: Source[] = [
      { id: 's-1', url: 'https://a.example/feed?x=1&y=2', title: 'A "quoted" <blog>', kind: 'blog', siteUrl: 'https://a.example/' },
      { id: 's-2', url: 'https://own.example/feed', title: '', kind: 'own' },
    ];
    const xml = toOpml(sources, 'Mine & yours');
    expect(xml).toContain('<title>Mine &amp; yours</title>');
    expect(xml).toContain('category="own"');
    expect(parseOpml(xml, 'http://ignored.example/')).toEqual([
      { title: 'A "quoted" <blog>', xmlUrl: 'https://a.example/feed?x=1&y=2', htmlUrl: 'https://a.example/' },
      { title: 'https://own.example/feed', xmlUrl: 'https://own.example/feed' },
    ]);
  });
});
