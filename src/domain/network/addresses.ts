/**
 * Which IP addresses the server may connect to when it fetches a URL an administrator typed (an
 * OpenID issuer): only public ones. Pure and dependency-free: an address is a 32- or 128-bit
 * number, checked against the special-purpose ranges (RFC 6890 and its IANA registries) that reach
 * this host, its network or a cloud's metadata service (169.254.169.254, fd00:ec2::254, …).
 */

export type AddressClass = 'public' | 'loopback' | 'blocked' | 'invalid';

interface Range {
  base: bigint;
  bits: number;
  name: string;
}

const V4_RANGES: [string, number, string][] = [
  ['0.0.0.0', 8, '"this network" (0.0.0.0/8)'],
  ['10.0.0.0', 8, 'private (10.0.0.0/8)'],
  ['100.64.0.0', 10, 'carrier-grade NAT (100.64.0.0/10)'],
  ['127.0.0.0', 8, 'loopback (127.0.0.0/8)'],
  ['169.254.0.0', 16, 'link-local / cloud metadata (169.254.0.0/16)'],
  ['172.16.0.0', 12, 'private (172.16.0.0/12)'],
  ['192.0.0.0', 24, 'IETF protocol assignments (192.0.0.0/24)'],
  ['192.0.2.0', 24, 'documentation (192.0.2.0/24)'],
  ['192.88.99.0', 24, '6to4 relay (192.88.99.0/24)'],
  ['192.168.0.0', 16, 'private (192.168.0.0/16)'],
  ['198.18.0.0', 15, 'benchmarking (198.18.0.0/15)'],
  ['198.51.100.0', 24, 'documentation (198.51.100.0/24)'],
  ['203.0.113.0', 24, 'documentation (203.0.113.0/24)'],
  ['224.0.0.0', 4, 'multicast (224.0.0.0/4)'],
  ['240.0.0.0', 4, 'reserved (240.0.0.0/4, broadcast)'],
];

const V6_RANGES: [string, number, string][] = [
  ['::', 128, 'unspecified (::)'],
  ['::1', 128, 'loopback (::1)'],
  ['64:ff9b::', 96, 'NAT64 (64:ff9b::/96)'],
  ['64:ff9b:1::', 48, 'local NAT64 (64:ff9b:1::/48)'],
  ['100::', 64, 'discard (100::/64)'],
  ['2001::', 23, 'IETF protocol assignments (2001::/23)'],
  ['2001:db8::', 32, 'documentation (2001:db8::/32)'],
  ['2002::', 16, '6to4 (2002::/16)'],
  ['fc00::', 7, 'unique local (fc00::/7)'],
  ['fe80::', 10, 'link-local (fe80::/10)'],
  ['fec0::', 10, 'site-local (fec0::/10)'],
  ['ff00::', 8, 'multicast (ff00::/8)'],
];

/** The number of a dotted-quad IPv4 address (four decimal parts 0–255, no leading zeros), or null. */
export function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let n = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return null;
    n = (n << 8n) | BigInt(p);
  }
  return n;
}

/** The number of an IPv6 address (with `::` and an optional dotted IPv4 tail; no zone), or null. */
export function parseIpv6(text: string): bigint | null {
  let s = text;
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (s.includes('%') || s.length === 0) return null;
  const groups: number[] = [];
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const parse = (half: string): number[] | null => {
    if (half === '') return [];
    const out: number[] = [];
    const pieces = half.split(':');
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === null) return null;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) out.push(parseInt(piece, 16));
      else return null;
    }
    return out;
  };
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !tail) return null;
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return null;
    groups.push(...head, ...Array<number>(missing).fill(0), ...tail);
  } else {
    if (head.length !== 8) return null;
    groups.push(...head);
  }
  return groups.reduce((n, g) => (n << 16n) | BigInt(g), 0n);
}

const toRanges = (list: [string, number, string][], parse: (s: string) => bigint | null): Range[] =>
  list.map(([base, bits, name]) => ({ base: parse(base)!, bits, name }));
const V4 = toRanges(V4_RANGES, parseIpv4);
const V6 = toRanges(V6_RANGES, parseIpv6);

const inRange = (n: bigint, r: Range, width: number) =>
  n >> BigInt(width - r.bits) === r.base >> BigInt(width - r.bits);

/**
 * Classifies an IP address (IPv4 dotted quad or IPv6, brackets allowed): `loopback` (127/8, ::1,
 * and their IPv4-mapped forms), `blocked` (every other special-purpose range: private, link-local,
 * metadata, carrier-grade NAT, multicast, unspecified, documentation …) with the range's name, or
 * `public`. IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged as the IPv4 address inside it.
 */
export function classifyAddress(address: string): { class: AddressClass; range: string | null } {
  const v4 = parseIpv4(address);
  if (v4 !== null) return classifyV4(v4);
  const v6 = parseIpv6(address);
  if (v6 === null) return { class: 'invalid', range: null };
  if (v6 >> 32n === 0xffffn) return classifyV4(v6 & 0xffffffffn);
  const hit = V6.find((r) => inRange(v6, r, 128));
  if (!hit) return { class: 'public', range: null };
  return { class: hit.bits === 128 && v6 === 1n ? 'loopback' : 'blocked', range: hit.name };
}

function classifyV4(n: bigint): { class: AddressClass; range: string | null } {
  const hit = V4.find((r) => inRange(n, r, 32));
  if (!hit) return { class: 'public', range: null };
  return {
    class: hit.base === parseIpv4('127.0.0.0') && hit.bits === 8 ? 'loopback' : 'blocked',
    range: hit.name,
  };
}

/**
 * May the server connect to this address? Public addresses always; loopback only when the
 * configuration allows it (tests run their identity provider on 127.0.0.1); nothing else.
 */
export function isAllowedAddress(address: string, opts: { allowLoopback: boolean }): boolean {
  const c = classifyAddress(address).class;
  return c === 'public' || (c === 'loopback' && opts.allowLoopback);
}
