/**
 * What parsing one feed may cost, checked on the text before and while it is expanded, so that no
 * input (a "billion laughs" DTD, a feed that is small on the wire and huge once expanded) can take the
 * harvester's memory or time:
 *
 * - entity expansion: repairXml is what expands internal-DTD entities (the XML parser expands none),
 *   so the budget lives there: each declared value ≤ `maxEntityChars`, all references together ≤
 *   `maxEntityExpansionChars`, at most `maxEntities` declarations; the first reference past the budget
 *   stops the feed (no copy is built);
 * - document size: the text handed to the XML parser ≤ `maxDocumentChars` (harvest.maxBytes: the
 *   response cap applies to what is parsed, not only to what was downloaded).
 *
 * A refusal is a `FeedLimitError` whose message says what was too much, and by how much. Pure.
 */

export interface ParseLimits {
  /** Characters of text decoded, repaired and handed to the parser (entities expanded). Default: harvest.maxBytes. */
  maxDocumentChars: number;
  /** Characters of one declared entity's value. */
  maxEntityChars: number;
  /** Characters all entity references of one document may expand to together. */
  maxEntityExpansionChars: number;
  /** `<!ENTITY` declarations read from the internal subset. */
  maxEntities: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxDocumentChars: 10 * 1024 * 1024,
  maxEntityChars: 10_000,
  maxEntityExpansionChars: 1_000_000,
  maxEntities: 1_000,
};

export const limitsFor = (maxBytes: number | undefined): ParseLimits => ({ ...DEFAULT_LIMITS, ...(maxBytes ? { maxDocumentChars: maxBytes } : {}) });

export class FeedLimitError extends Error {
  readonly code = 'ERR_FEED_LIMIT';
  constructor(message: string) {
    super(message);
    this.name = 'FeedLimitError';
  }
}

const n = (x: number) => x.toLocaleString('en-US');
const BILLION_LAUGHS = 'an entity-expansion ("billion laughs") document';

/** `<!ENTITY name "value">` declarations of an internal DTD subset, within the limits (else throws). */
export function declaredEntities(xml: string, limits: ParseLimits): Map<string, string> {
  const map = new Map<string, string>();
  const doctype = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i.exec(xml.slice(0, 20_000 + limits.maxEntities * 64));
  if (!doctype) return map;
  for (const m of doctype[1].matchAll(/<!ENTITY\s+([\w.-]+)\s+(["'])([\s\S]*?)\2\s*>/g)) {
    if (map.size >= limits.maxEntities) throw new FeedLimitError(`the feed declares more than ${n(limits.maxEntities)} entities`);
    if (m[3].length > limits.maxEntityChars) {
      throw new FeedLimitError(`the feed declares entity "${m[1]}" of ${n(m[3].length)} characters (the limit is ${n(limits.maxEntityChars)}): ${BILLION_LAUGHS}`);
    }
    map.set(m[1], m[3]);
  }
  return map;
}

/**
 * A running budget for one document's entity references: `take(name, value)` returns the value
 * escaped as XML text (markup in an entity value reads as text, 1:1 in size) or throws once spent.
 * Entities referring to entities are not expanded further: their references stay visible text.
 */
export function expansionBudget(limits: ParseLimits) {
  let used = 0;
  let refs = 0;
  return {
    take(name: string, value: string): string {
      used += value.length;
      refs++;
      if (used > limits.maxEntityExpansionChars) {
        throw new FeedLimitError(
          `its entity references expand to more than ${n(limits.maxEntityExpansionChars)} characters (stopped at reference ${n(refs)}, to "${name}" of ${n(value.length)} characters): ${BILLION_LAUGHS}`,
        );
      }
      return escapeText(value);
    },
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeText = (s: string) => (/[&<>"']/.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]) : s);

/** Throws when the text handed to the parser is over the document cap. */
export function checkDocumentSize(text: string, limits: ParseLimits, what = 'once repaired and its entities expanded'): void {
  if (text.length > limits.maxDocumentChars) {
    throw new FeedLimitError(`the feed is ${n(text.length)} characters ${what} (the limit is harvest.maxBytes, ${n(limits.maxDocumentChars)})`);
  }
}
