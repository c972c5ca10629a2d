/**
 * A depth limit for markup, in one linear pass, before any HTML parser sees it: tags opened deeper
 * than `limit` are dropped (with their matching end tags), their text kept. htmlparser2 (behind
 * cheerio and sanitize-html) keeps its open elements with `unshift`, which makes a document of n
 * nested elements cost n² (90,000 nested <div>s, a 1 MB body: 55 s), and recursive walks over its
 * tree overflow the stack; with this pass first, neither can happen.
 *
 * This is a bound on cost, not a sanitiser: the tag scan is approximate (a '>' inside a quoted
 * attribute ends the tag early), so its output must still go through a real one. Pure.
 */

/** Elements with no end tag: they never nest. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/**
 * Elements whose start tag closes an open one of the same name (HTML's implied end tags), unless a
 * scope boundary comes first: `<p>a<p>b` and unclosed `<li>`s are siblings, not ever deeper nesting.
 */
const SIBLINGS: Record<string, Set<string>> = {
  p: new Set(['div', 'section', 'article', 'blockquote', 'td', 'th', 'li']),
  li: new Set(['ul', 'ol']),
  dt: new Set(['dl']),
  dd: new Set(['dl']),
  option: new Set(['select']),
  tr: new Set(['table']),
  td: new Set(['table', 'tr']),
  th: new Set(['table', 'tr']),
};
/** How far down the open elements a misnested end tag is looked for before it is dropped as stray. */
const MAX_SEARCH = 16;

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*?(\/?)>/g;

export function capNesting(html: string, limit: number): string {
  if (!html.includes('<')) return html;
  const open: Array<{ name: string; kept: boolean }> = [];
  let depth = 0; // kept elements open
  let out = '';
  let last = 0;
  for (const m of html.matchAll(TAG)) {
    const [tag, closing, rawName, selfClosing] = m;
    const name = rawName.toLowerCase();
    let keep = true;
    if (closing) {
      const at = findOpen(open, name);
      if (at < 0) keep = depth < limit; // a stray end tag: harmless unless things are already deep
      else {
        keep = open[at].kept;
        for (let i = open.length - 1; i >= at; i--) if (open.pop()!.kept) depth--;
      }
    } else if (!VOID.has(name) && !selfClosing) {
      const scope = SIBLINGS[name];
      const sibling = scope ? findOpen(open, name, scope) : -1;
      if (sibling >= 0) for (let i = open.length - 1; i >= sibling; i--) if (open.pop()!.kept) depth--;
      keep = depth < limit;
      open.push({ name, kept: keep });
      if (keep) depth++;
    }
    if (!keep) {
      out += html.slice(last, m.index);
      last = m.index + tag.length;
    }
  }
  return last === 0 ? html : out + html.slice(last);
}

/** Index of the nearest open `name` (within MAX_SEARCH, not past an element in `stop`), or -1. */
function findOpen(open: Array<{ name: string }>, name: string, stop?: Set<string>): number {
  for (let i = open.length - 1, seen = 0; i >= 0 && seen < MAX_SEARCH; i--, seen++) {
    if (open[i].name === name) return i;
    if (stop?.has(open[i].name)) return -1;
  }
  return -1;
}
