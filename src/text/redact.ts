/**
 * Keeping secrets out of what is printed or stored. `redactUrl` drops a URL's user and password
 * (and the values of query parameters named like secrets); `redactSecrets` replaces, in any text,
 * the known secrets (as given, URL-encoded, and as the base64 of `user:password`), every
 * `Basic …`/`Bearer …` token, and the userinfo of every URL in it, and bounds the text's length.
 * Pure.
 */

export const REDACTED = '***';

/** Query parameters whose values are treated as secrets. */
const SECRET_PARAM = /^(?:pass(?:word)?|pwd|secret|token|access_token|api_?key|key|auth|signature|sig)$/i;

/** The URL without user and password, secret-looking query values blanked; unparsable text is scrubbed as text. */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return scrubUserinfo(url);
  }
  let changed = false;
  if (u.username || u.password) {
    u.username = '';
    u.password = '';
    changed = true;
  }
  for (const key of [...u.searchParams.keys()]) {
    if (SECRET_PARAM.test(key) && u.searchParams.get(key) !== REDACTED) {
      u.searchParams.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? u.href : url;
}

export interface RedactOptions {
  /** Secrets to remove wherever they appear (passwords, tokens). Empty strings are ignored. */
  secrets?: Array<string | undefined>;
  /** Users whose `user:secret` base64 form is removed too. */
  users?: Array<string | undefined>;
  /** Longest text returned (characters); longer text is cut with an ellipsis. Default 500. */
  maxLength?: number;
}

export function redactSecrets(text: string, options: RedactOptions = {}): string {
  let out = text;
  const secrets = [...new Set((options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 3))];
  // Longest first, so a secret that contains another is removed whole.
  for (const secret of secrets.sort((a, b) => b.length - a.length)) {
    for (const form of formsOf(secret, options.users ?? [])) out = out.split(form).join(REDACTED);
  }
  out = out.replace(/\b(Basic|Bearer|Digest|Token)(\s+)[A-Za-z0-9+/=._~-]{4,}/gi, `$1$2${REDACTED}`);
  out = out.replace(/\b(password|passwd|pwd|secret|token|api[_-]?key)(["']?\s*[:=]\s*["']?)[^\s"'&,;<>]+/gi, (m, key: string, sep: string, value: string) =>
    value === REDACTED ? m : `${key}${sep}${REDACTED}`,
  );
  out = scrubUserinfo(out);
  const max = options.maxLength ?? 500;
  return out.length > max ? `${out.slice(0, Math.max(0, max - 1))}…` : out;
}

/** `scheme://user:pw@host` → `scheme://***@host` anywhere in the text. */
function scrubUserinfo(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi, `$1${REDACTED}@`);
}

function formsOf(secret: string, users: Array<string | undefined>): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), secret.replace(/\s+/g, '')]);
  for (const user of users) {
    if (!user) continue;
    for (const s of [secret, secret.replace(/\s+/g, '')]) forms.add(Buffer.from(`${user}:${s}`).toString('base64'));
  }
  forms.add(Buffer.from(secret).toString('base64'));
  return [...forms].filter((f) => f.length >= 3);
}
