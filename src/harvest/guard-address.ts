/**
 * Where the harvester may connect (the SSRF guard). Every TCP connection the harvester's Agent opens
 * is checked on the address it really connects to — after DNS, at connect time — so every redirect
 * hop is checked, and so is a DNS name that resolves inward (or rebinds between two lookups).
 * Refused unless global unicast: loopback, RFC 1918 private, link-local, unique-local, CGNAT,
 * 0.0.0.0/8 and ::, multicast, broadcast, reserved/documentation ranges, and the IPv4-mapped /
 * NAT64 / 6to4 IPv6 forms of those.
 *
 * Exceptions: hosts the user named (the host of a feed URL as given, any port), `host:port` pairs the
 * wiring maps to (the built-in corpus server, the own box), and `allowPrivateAddresses` (config
 * `harvest.allowPrivateAddresses`), which turns the check off.
 */
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { buildConnector } from 'undici';

/** ipaddr.js range name → how a message names it. Every range not listed here (and not 'unicast') is refused too. */
const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private (RFC 1918) address',
  linkLocal: 'a link-local address',
  uniqueLocal: 'a unique-local (fc00::/7) address',
  carrierGradeNat: 'a carrier-grade NAT (100.64.0.0/10) address',
  unspecified: 'an unspecified (0.0.0.0/8 or ::) address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved or documentation address',
  deprecatedSiteLocal: 'a site-local (fec0::/10) address',
  teredo: 'a Teredo tunnel address',
  benchmarking: 'a benchmarking address',
  discard: 'a discard-only address',
  amt: 'an AMT tunnel address',
  as112: 'an AS112 (DNS sink) address',
  orchid2: 'an ORCHID address',
};

export interface Classified {
  /** The address as checked (IPv4-mapped, NAT64 and 6to4 IPv6 reduced to the IPv4 address inside). */
  address: string;
  /** ipaddr.js range: 'unicast' for a global address. */
  range: string;
  /** Undefined when connecting is fine; else why not, e.g. "a loopback address". */
  refused?: string;
}

/** Classify one IP literal (v4 or v6, no brackets). A string that is not an IP is refused ("not an IP address"). */
export function classifyAddress(ip: string): Classified {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return { address: ip, range: 'invalid', refused: 'not an IP address' };
  // Only the canonical forms: ipaddr.js also reads "0x7f.1" and "2130706433" as IPv4, which net.connect does not.
  if (net.isIP(bare) === 0) return { address: ip, range: 'invalid', refused: 'not an IP address' };
  let addr = ipaddr.process(bare); // ::ffff:a.b.c.d → a.b.c.d
  if (addr.kind() === 'ipv6') {
    const embedded = embeddedIPv4(addr as ipaddr.IPv6);
    if (embedded) addr = embedded;
  }
  const range = addr.range();
  if (range === 'unicast') return { address: addr.toString(), range };
  return { address: addr.toString(), range, refused: RANGE_NAMES[range] ?? `a special-purpose address (${range})` };
}

/** NAT64 (64:ff9b::/96, 64:ff9b:1::/48), SIIT (::ffff:0:a.b.c.d) and 6to4 (2002:AABB:CCDD::/48) reach the IPv4 address they carry. */
function embeddedIPv4(v6: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const range = v6.range();
  const p = v6.parts;
  if (range === 'rfc6052' || range === 'rfc6145') return new ipaddr.IPv4([p[6] >> 8, p[6] & 0xff, p[7] >> 8, p[7] & 0xff]);
  if (range === '6to4') return new ipaddr.IPv4([p[1] >> 8, p[1] & 0xff, p[2] >> 8, p[2] & 0xff]);
  return undefined;
}

export const REFUSED_ADDRESS = 'ERR_REFUSED_ADDRESS';

export class RefusedAddressError extends Error {
  readonly code = REFUSED_ADDRESS;
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly why: string,
  ) {
    super(`refused to connect to ${address}${hostname !== address ? ` (${hostname})` : ''}, ${why}`);
    this.name = 'RefusedAddressError';
  }
}

/** The refusal inside an undici error (it may come wrapped as `cause`), or undefined. */
export function refusalOf(e: unknown): RefusedAddressError | undefined {
  for (let x: unknown = e, i = 0; x && i < 4; x = (x as { cause?: unknown }).cause, i++) {
    if (x instanceof RefusedAddressError) return x;
  }
  return undefined;
}

/** The per-feed error detail: the address, its range, how the host led there, and the way out. */
export function refusalMessage(e: RefusedAddressError): string {
  const via = e.hostname === e.address ? '' : net.isIP(e.hostname) ? `; ${e.hostname} is that address in another form` : `; ${e.hostname} resolves to it`;
  return `${e.address} is ${e.why}${via}`;
}

export interface AddressGuard {
  /** true: no check at all (config `harvest.allowPrivateAddresses`). */
  allowPrivateAddresses: boolean;
  /**
   * Hosts that may be private: `host` (any port; the host of a URL the user gave) or `host:port`
   * (a trusted mapping made by the wiring). Lower case; IPv6 without brackets.
   */
  allowHosts: Iterable<string>;
  /** DNS resolver (tests inject one); default node's dns.lookup. */
  lookup?: typeof dns.lookup;
}

/** The guard of a one-off fetch of URLs the user gave: their hosts may be private. */
export const guardFor = (urls: Iterable<string>, allowPrivateAddresses = false): AddressGuard => ({ allowPrivateAddresses, allowHosts: hostsOf(urls) });

/** Hostnames of URLs, normalised as the connector sees them (lower case, IPv6 unbracketed). Non-URLs are skipped. */
export function hostsOf(urls: Iterable<string>): string[] {
  const out: string[] = [];
  for (const u of urls) {
    try {
      out.push(normalizeHost(new URL(u).hostname));
    } catch {
      // not a URL: nothing to allow
    }
  }
  return out;
}

/** `host:port` of a URL (the port made explicit), for a trusted mapping's allow-list. */
export function hostPortOf(url: string): string {
  const u = new URL(url);
  return `${normalizeHost(u.hostname)}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
}

const normalizeHost = (h: string) => h.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();

type Connector = buildConnector.connector;
type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * An undici connector that checks the address before any SYN is sent: IP literals directly, names in
 * the `lookup` that net/tls.connect call (so the address checked is the one connected to).
 */
export function guardedConnector(connectOptions: buildConnector.BuildOptions, guard: AddressGuard): Connector {
  const plain = buildConnector(connectOptions);
  if (guard.allowPrivateAddresses) return plain;
  const allowed = new Set([...guard.allowHosts].map((h) => h.toLowerCase()));
  const resolve = guard.lookup ?? dns.lookup;

  const checkedLookup = (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, options.all ? [] : '');
      const list = addresses as unknown as dns.LookupAddress[];
      // Only global addresses are handed to net.connect: a name resolving to [public, 127.0.0.1] connects to the public one.
      const ok = list.filter((a) => !classifyAddress(a.address).refused);
      if (ok.length === 0) {
        const first = classifyAddress(list[0]?.address ?? '');
        return callback(new RefusedAddressError(hostname, first.address, first.refused!) as NodeJS.ErrnoException, options.all ? [] : '');
      }
      if (options.all) callback(null, ok);
      else callback(null, ok[0].address, ok[0].family);
    });
  };
  const guarded = buildConnector({ ...connectOptions, lookup: checkedLookup } as buildConnector.BuildOptions);

  return (opts, callback) => {
    const host = normalizeHost(opts.hostname);
    const port = opts.port || (opts.protocol === 'https:' ? '443' : '80');
    if (allowed.has(host) || allowed.has(`${host}:${port}`)) return plain(opts, callback);
    if (net.isIP(host)) {
      const c = classifyAddress(host);
      if (!c.refused) return plain(opts, callback);
      // Asynchronously, as a socket error would come.
      queueMicrotask(() => callback(new RefusedAddressError(host, c.address, c.refused!), null));
      return undefined as never;
    }
    return guarded(opts, callback);
  };
}
