/** The page frame: head with feed and AtomPub service links, header, footer. `body` is already-safe HTML. */
import { escapeHtml } from '../text/escape-html.js';
import type { Site } from './site.js';

export function renderLayout(site: Site, title: string, body: string): string {
  const e = escapeHtml;
  const service = site.service
    ? `\n<link rel="service" type="application/atomsvc+xml" href="${e(site.service)}">`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<link rel="stylesheet" href="${e(site.css)}">
<link rel="alternate" type="application/atom+xml" title="${e(site.blogTitle)}" href="${e(site.feed)}">${service}
</head>
<body>
<header><a class="blog" href="${e(site.home)}">${e(site.blogTitle)}</a>${site.blogSubtitle ? ` <span class="sub">${e(site.blogSubtitle)}</span>` : ''}
<nav><a href="${e(site.home)}">posts</a> · <a href="${e(site.about)}">about the statistics</a> · <a href="${e(site.feed)}">feed</a></nav></header>
<main>
${body}
</main>
<footer>Written by webXcreta from the statistics of the blogs it reads.</footer>
</body>
</html>
`;
}
