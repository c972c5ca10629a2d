import { describe, expect, it } from 'vitest';
import { discoverFeeds, selectLinks } from '../../src/harvest/discover-feeds.js';

describe('discoverFeeds', () => {
  it('should find alternate feed links, main feed before comment feeds, resolved against <base>', () => {
    const html = `<html><head><base href="https://blog.example.com/sub/">
      <link rel="alternate" type="application/rss+xml" title="Comments" href="comments/feed/">
      <link rel="alternate" type="application/rss+xml" title="Posts" href="feed/">
      <link rel="alternate" type="application/atom+xml" href="/atom.xml">
      <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
      <link rel="stylesheet" href="s.css"></head><body></body></html>`;
    expect(discoverFeeds(html, 'https://blog.example.com/')).toEqual([
      'https://blog.example.com/sub/feed/',
      'https://blog.example.com/atom.xml',
      'https://blog.example.com/sub/comments/feed/',
    ]);
  });

  it('should fall back to links that look like feeds', () => {
    const html = '<body><a href="/about">About</a><a href="/rss.xml">RSS</a></body>';
    expect(discoverFeeds(html, 'http://x.example/home')).toEqual(['http://x.example/rss.xml']);
  });

  it('should find nothing on a page without feeds', () => {
    expect(discoverFeeds('<p>hello</p>', 'http://x.example/')).toEqual([]);
  });

  it('should read a page nested 20,000 elements deep, and attributes quoted any way', () => {
    const deep = `<html><head><LINK REL=alternate type='application/atom+xml' title="a > b" href="/f.atom?a=1&amp;b=2"></head><body>${'<div>'.repeat(20_000)}x${'</div>'.repeat(20_000)}</body></html>`;
    expect(discoverFeeds(deep, 'http://x.example/')).toEqual(['http://x.example/f.atom?a=1&b=2']);
  });
});

describe('selectLinks', () => {
  it('should pick links by selector, from anchors or their containers', () => {
    const html = `<ol><li class="b"><a href="/one/">One</a></li><li class="b"><a href="https://two.example/">Two</a></li></ol>
      <a class="blog" href="three/">Three</a><a class="blog" href="mailto:x@y">mail</a>`;
    expect(selectLinks(html, 'http://dir.example/top/', 'li.b')).toEqual(['http://dir.example/one/', 'https://two.example/']);
    expect(selectLinks(html, 'http://dir.example/top/', 'a.blog')).toEqual(['http://dir.example/top/three/']);
  });
});
