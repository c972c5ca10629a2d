/**
 * Hostile feed bodies for harvest hardening tests and bench/hostile.ts: the review's entity-expansion
 * feeds (21 KB and 135 KB on the wire, 22.5 M and 600 M characters once expanded), a classic billion
 * laughs, an item of 20,000 nested <div>s (HTML in CDATA, and inline XHTML), and a normal feed.
 */
export function entityFeed(uses: number, entityChars = 15_000): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE rss [
  <!ENTITY e "${'x'.repeat(entityChars)}">
]>
<rss version="2.0"><channel>
<title>Entity feed</title><link>http://127.0.0.1/</link><description>hostile</description>
<item><title>Boom</title><link>http://127.0.0.1/boom</link><guid>boom-${uses}</guid>
<description>${'&e;'.repeat(uses)}</description></item>
</channel></rss>
`;
}

/** 15,000-character entity used 1,500 times. */
export const entity21k = () => entityFeed(1_500);
/** The same entity used 40,000 times. */
export const entity135k = () => entityFeed(40_000);
/** Entities under the per-entity cap (5,000 characters) but 7.5 M characters in all. */
export const entityBudget = () => entityFeed(1_500, 5_000);

/** Nested entities, 10 levels × 10: 10⁹ characters from under 1 KB. */
export function billionLaughs(): string {
  const defs = ['<!ENTITY l0 "lol">'];
  for (let i = 1; i <= 9; i++) defs.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>
<!DOCTYPE rss [ ${defs.join('\n')} ]>
<rss version="2.0"><channel><title>laughs</title><link>http://127.0.0.1/</link>
<item><title>lol</title><guid>lol</guid><description>&l9;</description></item></channel></rss>
`;
}

/** An RSS item whose (CDATA) HTML body is `depth` nested <div>s around three words, and a normal item. */
export function deepHtmlFeed(depth: number): string {
  const html = '<div>'.repeat(depth) + 'deep words here' + '</div>'.repeat(depth);
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Deep feed</title><link>http://127.0.0.1/</link><description>deep</description>
<item><title>Deep</title><link>http://127.0.0.1/deep</link><guid>deep-${depth}</guid>
<description><![CDATA[${html}]]></description></item>
<item><title>Shallow</title><link>http://127.0.0.1/ok</link><guid>ok</guid><description>&lt;p&gt;A normal paragraph.&lt;/p&gt;</description></item>
</channel></rss>
`;
}

/** An Atom entry whose type="xhtml" content is `depth` nested <div>s written inline as XML. */
export function deepXhtmlFeed(depth: number): string {
  const xhtml = '<div>'.repeat(depth) + 'deep words here' + '</div>'.repeat(depth);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Deep Atom</title><id>urn:deep</id><updated>2024-01-01T00:00:00Z</updated>
<link href="http://127.0.0.1/"/>
<entry><title>Deep</title><id>urn:deep:${depth}</id><updated>2024-01-01T00:00:00Z</updated><link href="http://127.0.0.1/deep"/>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${xhtml}</div></content></entry>
</feed>
`;
}

/** A plain, well-formed feed of `items` items (about 1 KB each). */
export function normalFeed(items = 50): string {
  const entries = Array.from(
    { length: items },
    (_, i) => `<item><title>Post ${i}</title><link>http://127.0.0.1/p/${i}</link><guid>p-${i}</guid>
<pubDate>Mon, 05 Feb 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Paragraph one of post ${i}, with &lt;a href="/x"&gt;a link&lt;/a&gt; and some words to read.&lt;/p&gt;&lt;p&gt;${'Another sentence with ordinary words. '.repeat(15)}&lt;/p&gt;</description></item>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Normal feed</title><link>http://127.0.0.1/</link><description>fine</description>
${entries}
</channel></rss>
`;
}

export const HOSTILE_FEEDS = {
  '/normal.xml': normalFeed,
  '/entity-21k.xml': entity21k,
  '/entity-135k.xml': entity135k,
  '/entity-budget.xml': entityBudget,
  '/billion-laughs.xml': billionLaughs,
  '/deep-div-20k.xml': () => deepHtmlFeed(20_000),
  '/deep-xhtml-20k.xml': () => deepXhtmlFeed(20_000),
} as const;
