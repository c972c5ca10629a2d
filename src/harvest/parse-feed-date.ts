/**
 * A feed date → ISO string (UTC, `…Z`), or undefined. The spellings feed parsers meet in practice,
 * after Python feedparser's date handlers: W3C-DTF / ISO 8601 (extended, basic, ordinal), RFC 822/2822
 * and its corruptions (any or a wrong weekday, full month names, 2-digit years, dashes, comments,
 * zone names, AM/PM, "+0000 GMT"), asctime / Twitter, Perforce, Korean (OnBlog, Nate), Greek and
 * Hungarian. Never throws; never reads the machine's time zone (a date without a zone is UTC); years
 * 0–9999 are kept (a post from 1969 is a real post). Pure.
 */

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Zone names → minutes east of UTC (feedparser's table plus common ones seen in feeds). */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0,
  adt: -180, ast: -240, at: -240, edt: -240, est: -300, et: -300, cdt: -300, cst: -360, ct: -360,
  mdt: -360, mst: -420, mt: -420, pdt: -420, pst: -480, pt: -480, akst: -540, akdt: -480, hst: -600,
  ndt: -150, nst: -210,
  bst: 60, cet: 60, met: 60, west: 60, cest: 120, mest: 120, eet: 120, eest: 180, msk: 180,
  ist: 330, sgt: 480, hkt: 480, awst: 480, jst: 540, kst: 540, acst: 570, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};

const GREEK_MONTHS: Record<string, string> = {
  'Ιαν': 'Jan', 'Φεβ': 'Feb', 'Μάώ': 'Mar', 'Μαώ': 'Mar', 'Μαρ': 'Mar', 'Απρ': 'Apr', 'Μάι': 'May', 'Μαϊ': 'May', 'Μαι': 'May',
  'Ιούν': 'Jun', 'Ιον': 'Jun', 'Ιούλ': 'Jul', 'Ιολ': 'Jul', 'Αύγ': 'Aug', 'Αυγ': 'Aug', 'Σεπ': 'Sep', 'Οκτ': 'Oct',
  'Νοέ': 'Nov', 'Νοε': 'Nov', 'Δεκ': 'Dec',
};
const GREEK_DAYS: Record<string, string> = { 'Κυρ': 'Sun', 'Δευ': 'Mon', 'Τρι': 'Tue', 'Τετ': 'Wed', 'Πεμ': 'Thu', 'Παρ': 'Fri', 'Σαβ': 'Sat' };
const HUNGARIAN_MONTHS: Record<string, number> = {
  'január': 1, 'február': 2, 'március': 3, 'április': 4, 'május': 5, 'máujus': 5, 'június': 6, 'július': 7,
  'augusztus': 8, 'szeptember': 9, 'október': 10, 'november': 11, 'december': 12,
};

/** A handler's answer: undefined = "not my spelling, try the next", NaN = "mine, but invalid". */
type Handler = (v: string) => number | undefined;

const HANDLERS: Handler[] = [w3dtf, rfc822, asctime, perforce, korean, greek, hungarian];

export function parseFeedDate(value: string | undefined | null): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.replace(/\s+/g, ' ').trim();
  if (!v || v.length > 100) return undefined;
  for (const handler of HANDLERS) {
    const ms = handler(v);
    if (ms !== undefined) return Number.isFinite(ms) ? toIso(ms) : undefined;
  }
  return undefined;
}

/** Date.toISOString (as every stored date is written); years 0–9999. */
function toIso(ms: number): string | undefined {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (!Number.isFinite(y) || y < 0 || y > 9999) return undefined;
  return d.toISOString();
}

/** UTC milliseconds with years < 100 kept literally (Date.UTC maps 0–99 to 1900–1999); day overflow rolls over. */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, offsetMin = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, Math.min(s, 59), 0);
  return date.getTime() - offsetMin * 60_000;
}

const validTime = (h: number, mi: number, s: number) => h >= 0 && h <= 24 && mi >= 0 && mi <= 59 && s >= 0 && s <= 60 && !(h === 24 && (mi || s));

/** "+05:30", "-0800", "+05", "GMT+0100", "EST", "Etc/GMT", "Z" → minutes; null for no zone; undefined when unknown. */
function zoneOffset(raw: string | undefined): number | null | undefined {
  if (raw === undefined || raw === '') return null;
  let z = raw.trim().toLowerCase().replace(/^etc\//, '');
  const num = /^(?:(?:gmt|utc|ut)\s*)?([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (num) {
    const h = Number(num[2]);
    const m = Number(num[3] ?? 0);
    if (h > 14 || m > 59) return undefined;
    return (num[1] === '-' ? -1 : 1) * (h * 60 + m);
  }
  z = z.replace(/[()]/g, '');
  return Object.hasOwn(ZONES, z) ? ZONES[z] : undefined;
}

// W3C-DTF / ISO 8601
const ISO_EXTENDED = /^(\d{4}|\d{2})(?:-(\d{2})(?:-(\d{2}))?|-(\d{3}))?(?:[T ](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?)?)? ?(z|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})?(\d{2})?(?:[.,]\d+)?)?(z|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_ORDINAL_BASIC = /^(\d{4})(\d{3})$/;

function w3dtf(v: string): number | undefined {
  let m: (string | undefined)[] | null;
  const basic = ISO_BASIC.exec(v);
  const ordinal = basic ? null : ISO_ORDINAL_BASIC.exec(v);
  if (basic) m = [basic[0], basic[1], basic[2], basic[3], undefined, basic[4], basic[5], basic[6], basic[7]];
  else if (ordinal) m = [v, ordinal[1], undefined, undefined, ordinal[2]];
  else m = ISO_EXTENDED.exec(v);
  if (!m) return undefined;
  const [, ys, mos, ds, ords, hs, mis, ss, zs] = m;
  if (ys!.length === 2 && !mos) return undefined; // "03" alone is not a date
  let year = Number(ys);
  if (ys!.length === 2) year += year < 90 ? 2000 : 1900;
  const h = Number(hs ?? 0);
  const mi = Number(mis ?? 0);
  const s = Number(ss ?? 0);
  if (!validTime(h, mi, s)) return NaN;
  const offset = zoneOffset(zs);
  if (offset === undefined) return NaN;
  if (ords) {
    const day = Number(ords);
    if (day < 1 || day > 366) return NaN;
    return utc(year, 1, day, h, mi, s, offset ?? 0);
  }
  const month = Number(mos ?? 1);
  const day = Number(ds ?? 1);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return NaN;
  return utc(year, month, day, h, mi, s, offset ?? 0);
}

const daysIn = (y: number, m: number) => new Date(Date.UTC(2000 + (y % 400), m, 0)).getUTCDate();

/** [weekday[,]] day month year [time [zone]], or month day year; dashes or commas between date parts; "(GMT)" comments dropped. */
function rfc822(v: string): number | undefined {
  let s = v.replace(/\([^)]*\)/g, ' ').replace(/,/g, ', ').replace(/\s+/g, ' ').trim();
  s = s.replace(/^[A-Za-z]{2,9}\.?,? /, (w) => (monthOf(w.replace(/[.,\s]/g, '')) ? w : '')); // a weekday, right or wrong
  s = s.replace(/^(\d{1,2})-([A-Za-z]{3,9})-(\d{2,4})\b/, '$1 $2 $3').replace(/,/g, ' ').replace(/\s+/g, ' ');
  const parts = s.split(' ');
  if (parts.length < 3) return undefined;
  const [a, b, yearS, ...rest] = parts;
  let day: number;
  let month: number;
  if (/^\d{1,2}$/.test(a) && monthOf(b)) [day, month] = [Number(a), monthOf(b)!];
  else if (monthOf(a) && /^\d{1,2}$/.test(b)) [day, month] = [Number(b), monthOf(a)!];
  else return undefined;
  if (!/^\d{2,4}$/.test(yearS)) return undefined;
  let year = Number(yearS);
  if (yearS.length <= 2) year += year < 90 ? 2000 : 1900;
  if (day < 1 || day > 31) return NaN;
  let h = 0;
  let mi = 0;
  let sec = 0;
  let offset = 0;
  if (rest.length > 0) {
    const t = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?$/.exec(rest[0]);
    if (!t) return NaN;
    [h, mi, sec] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
    if (!validTime(h, mi, sec)) return NaN;
    let zoneParts = rest.slice(1);
    if (/^[ap]\.?m\.?$/i.test(zoneParts[0] ?? '') && h >= 1 && h <= 12) {
      h = (h % 12) + (/^p/i.test(zoneParts[0]) ? 12 : 0);
      zoneParts = zoneParts.slice(1);
    }
    if (zoneParts.length > 0) {
      // "+0000 GMT", "GMT +0100": the whole, else the first token that is a zone.
      let z = zoneOffset(zoneParts.join(''));
      if (z === undefined) z = zoneParts.map(zoneOffset).find((o) => o !== undefined && o !== null);
      if (z === undefined) return NaN;
      offset = z ?? 0;
    }
  }
  return utc(year, month, day, h, mi, sec, offset);
}

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const key = w.slice(0, 3);
  if (!Object.hasOwn(MONTHS, key)) return undefined;
  const full = MONTH_NAMES[MONTHS[key] - 1];
  return w.length === 3 || full.startsWith(w) || w === 'sept' ? MONTHS[key] : undefined;
}

/** "Sun Jan  4 16:29:06 PST 2004", "Sun Jul 15 01:16:00 +0000 2012". */
function asctime(v: string): number | undefined {
  const m = /^[A-Za-z]{3,9},? ([A-Za-z]{3,9}) (\d{1,2}) (\d{1,2}:\d{1,2}(?::\d{1,2})?)(?: (\S+))? (\d{4})$/.exec(v);
  if (!m) return undefined;
  return rfc822(`${m[2]} ${m[1]} ${m[5]} ${m[3]} ${m[4] ?? ''}`.trim());
}

/** Perforce: "Fri, 2006/09/15 08:19:53 EDT". */
function perforce(v: string): number | undefined {
  const m = /^(?:[A-Za-z]{3,9},? )?(\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})(?: (\S+))?$/.exec(v);
  if (!m) return undefined;
  const offset = zoneOffset(m[7]);
  if (offset === undefined) return NaN;
  return utc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), offset ?? 0);
}

/** Korean OnBlog "2004년 05월 28일 01:31:15" and Nate "2004-05-25 오후 11:23:17" (KST). */
function korean(v: string): number | undefined {
  let m = /^(\d{4})년 (\d{1,2})월 (\d{1,2})일 (\d{1,2}):(\d{2}):(\d{2})$/.exec(v);
  if (m) return utc(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6], 540);
  m = /^(\d{4})-(\d{2})-(\d{2}) (오전|오후) (\d{1,2}):(\d{2}):(\d{2})$/.exec(v);
  if (!m) return undefined;
  let h = Number(m[5]) % 12;
  if (m[4] === '오후') h += 12;
  return utc(+m[1], +m[2], +m[3], h, +m[6], +m[7], 540);
}

/** Greek: "Κυρ, 11 Ιούλ 2004 12:00:00 EST". */
function greek(v: string): number | undefined {
  const m = /^(\S+), (\d{1,2}) (\S+) (\d{4}) (\d{1,2}:\d{2}:\d{2}) (\S+)$/u.exec(v);
  if (!m || !GREEK_MONTHS[m[3]]) return undefined;
  return rfc822(`${GREEK_DAYS[m[1]] ?? 'Sun'}, ${m[2]} ${GREEK_MONTHS[m[3]]} ${m[4]} ${m[5]} ${m[6]}`);
}

/** Hungarian: "2004-július-13T9:15-05:00". */
function hungarian(v: string): number | undefined {
  const m = /^(\d{4})-(\p{L}+)-(\d{1,2})T(\d{1,2}):(\d{2})(?::(\d{2}))?(z|[+-]\d{2}:?\d{2})?$/iu.exec(v);
  if (!m) return undefined;
  const month = HUNGARIAN_MONTHS[m[2].toLowerCase()];
  if (!month) return undefined;
  const offset = zoneOffset(m[7]);
  if (offset === undefined) return NaN;
  return utc(+m[1], month, +m[3], +m[4], +m[5], Number(m[6] ?? 0), offset ?? 0);
}
