/**
 * The URL a box is reached at from this machine: its host and port, with a wildcard address
 * (0.0.0.0, ::) replaced by loopback, since a wildcard is where one listens, not where one connects.
 */
/** The same URL with a trailing slash, so relative links resolve inside it. */
export const withSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`);

export function boxUrl(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${h.includes(':') ? `[${h}]` : h}:${port}/`;
}

/**
 * The stable name under which the bot's own box feed is stored as a source (it is harvested from a
 * box at a passing port). A reserved `.invalid` name: never fetched as it is, never linked.
 */
export const OWN_BOX_BASE = 'http://own.webxcreta.invalid/';
