/** Resolving a possibly relative link against a base (xml:base, the feed URL). Pure and total. */
export function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  const h = href.trim();
  if (!h) return undefined;
  try {
    return base ? new URL(h, base).href : new URL(h).href;
  } catch {
    return /^[a-z][a-z0-9+.-]*:/i.test(h) ? h : undefined;
  }
}
