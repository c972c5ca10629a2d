/**
 * The golden fidelity suite (test/fixtures/harvest/fidelity/<class>/<case>.xml + .expected.json) and
 * its comparator, for any harvester: a harvester is `(bytes, { contentType, url }) → { entries } |
 * { error }`. Used by test/harvest/fidelity.test.ts (webXcreta's harvester, through the store) and
 * bench/fidelity.ts (the same, beside rss-parser alone).
 *
 * Rules: entries have the same count and are compared in document order; `{ error }` never passes (an
 * empty feed is no items, not an error). title equal after normText; text equal after normText or with
 * all whitespace removed (paragraph joins may differ; surplus script code, base64 or lost SVG text
 * fail); published the same instant to the minute (expected null: absent or invalid); link and id equal
 * after trim (null ≡ undefined ≡ ""). normText: NFC, any whitespace run (NBSP, U+2000–200B, U+3000
 * included) one space, trimmed. A case marked "optional" (CDF) is counted apart.
 */
import { readdirSync, readFileSync } from 'node:fs';

export const FIELDS = ['title', 'text', 'published', 'link', 'id'] as const;
type Field = (typeof FIELDS)[number];

export type Entry = Partial<Record<Field, string | null | undefined>>;
export type HarvestResult = { entries: Entry[] } | { error: string };
export type Harvester = (bytes: Buffer, options: { contentType?: string; url: string }) => Promise<HarvestResult>;

export interface Expected {
  entries: Entry[];
  contentType?: string;
  note?: string;
  optional?: boolean;
}

export interface FidelityCase {
  cls: string;
  name: string;
  bytes: Buffer;
  expected: Expected;
}

export interface CaseResult extends FidelityCase {
  pass: boolean;
  problems: string[];
  fields: Record<Field, [number, number]>;
}

export const FIDELITY_DIR = new URL('../../fixtures/harvest/fidelity/', import.meta.url);

export function normText(s: unknown): string {
  if (s === null || s === undefined) return '';
  return String(s).normalize('NFC').replace(/[\s\u00a0\u2000-\u200b\u3000]+/gu, ' ').trim();
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

function minuteOf(v: unknown): number | null {
  if (blank(v)) return null;
  const ms = Date.parse(String(v));
  return Number.isFinite(ms) ? Math.floor(ms / 60_000) : null;
}

const rules: Record<Field, (want: unknown, got: unknown) => boolean> = {
  title: (want, got) => normText(want) === normText(got),
  text: (want, got) => {
    const w = normText(want);
    const g = normText(got);
    return w === g || w.replace(/\s/g, '') === g.replace(/\s/g, '');
  },
  published: (want, got) => minuteOf(want) === minuteOf(got),
  link: (want, got) => (blank(want) ? blank(got) : String(want).trim() === String(got ?? '').trim()),
  id: (want, got) => (blank(want) ? blank(got) : String(want).trim() === String(got ?? '').trim()),
};

export function compareCase(expected: Expected, got: HarvestResult | undefined): Omit<CaseResult, keyof FidelityCase> {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, [0, 0]])) as Record<Field, [number, number]>;
  const problems: string[] = [];
  for (const e of expected.entries) for (const f of FIELDS) if (f in e) fields[f][1]++;
  if (!got || 'error' in got) {
    problems.push(`error: ${got && 'error' in got ? got.error : 'no result'}`);
    return { pass: false, problems, fields };
  }
  if (got.entries.length !== expected.entries.length) problems.push(`entries: want ${expected.entries.length}, got ${got.entries.length}`);
  expected.entries.forEach((e, i) => {
    const g = got.entries[i] ?? {};
    for (const f of FIELDS) {
      if (!(f in e)) continue;
      if (rules[f](e[f], g[f])) fields[f][0]++;
      else problems.push(`[${i}].${f}: want ${JSON.stringify(e[f])}, got ${JSON.stringify(g[f])}`);
    }
  });
  return { pass: problems.length === 0, problems, fields };
}

export function loadCases(root: URL = FIDELITY_DIR): FidelityCase[] {
  const out: FidelityCase[] = [];
  for (const cls of readdirSync(root).sort()) {
    const dir = new URL(`${cls}/`, root);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.xml')).sort()) {
      const name = f.slice(0, -4);
      out.push({ cls, name, bytes: readFileSync(new URL(f, dir)), expected: JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8')) as Expected });
    }
  }
  return out;
}

export const caseUrl = (c: FidelityCase) => `http://fixtures.example/${c.cls}/${c.name}.xml`;

export async function runSuite(harvest: Harvester, cases = loadCases()): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of cases) {
    let got: HarvestResult;
    try {
      got = await harvest(c.bytes, { contentType: c.expected.contentType, url: caseUrl(c) });
    } catch (e) {
      got = { error: `threw: ${(e as Error)?.message ?? e}` };
    }
    results.push({ ...c, ...compareCase(c.expected, got) });
  }
  return results;
}

/** A markdown pass table by class: cases passed (optional ones apart) and fields right. */
export function passTable(results: CaseResult[], label: string): string {
  const lines = [`| class (${label}) | cases passed | title | text | published | link | id |`, '| --- | --- | --- | --- | --- | --- | --- |'];
  const classes = [...new Set(results.map((r) => r.cls))];
  for (const cls of [...classes, null]) {
    const rs = cls === null ? results : results.filter((r) => r.cls === cls);
    const required = rs.filter((r) => !r.expected.optional);
    const optional = rs.filter((r) => r.expected.optional);
    const sum = (f: Field) => rs.reduce((a, r) => [a[0] + r.fields[f][0], a[1] + r.fields[f][1]], [0, 0]);
    const opt = optional.length ? ` (+${optional.filter((r) => r.pass).length}/${optional.length} optional)` : '';
    lines.push(`| ${cls ?? '**all**'} | ${required.filter((r) => r.pass).length}/${required.length}${opt} | ${FIELDS.map((f) => sum(f).join('/')).join(' | ')} |`);
  }
  return lines.join('\n');
}

export function failureReport(results: CaseResult[]): string {
  return results
    .filter((r) => !r.pass)
    .map((r) => `✗ ${r.cls}/${r.name}${r.expected.optional ? ' (optional)' : ''}\n    ${r.problems.join('\n    ')}`)
    .join('\n');
}
