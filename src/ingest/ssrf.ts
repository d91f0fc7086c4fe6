import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Address ranges a server-side fetch must never reach on a user's say-so (SSRF):
 * loopback, RFC 1918 private, carrier-grade NAT, link-local (cloud metadata lives at
 * 169.254.169.254), unique-local IPv6, multicast, and the reserved/unspecified blocks.
 */
const PRIVATE_RANGES: ReadonlyArray<readonly [string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
];

const blockList = new BlockList();
for (const [address, prefix, family] of PRIVATE_RANGES) blockList.addSubnet(address, prefix, family);

/** IPv6 forms that carry an IPv4 address whose range decides: NAT64 (64:ff9b::/96) and 6to4 (2002::/16). */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const nat64 = /^64:ff9b::(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/.exec(lower);
  if (nat64) return nat64[1] ?? hexPairToIpv4(nat64[2] ?? '0', nat64[3] ?? '0');
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4})(?::|$)/.exec(lower);
  if (sixToFour) return hexPairToIpv4(sixToFour[1] ?? '0', sixToFour[2] ?? '0');
  return undefined;
}

function hexPairToIpv4(high: string, low: string): string {
  const h = parseInt(high, 16);
  const l = parseInt(low, 16);
  return [h >> 8, h & 0xff, l >> 8, l & 0xff].join('.');
}

/** True for addresses in loopback/private/link-local/reserved ranges (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blockList.check(address, 'ipv4');
  if (family === 6) {
    const embedded = embeddedIpv4(address);
    if (embedded !== undefined && isIP(embedded) === 4 && blockList.check(embedded, 'ipv4')) return true;
    return blockList.check(address, 'ipv6');
  }
  return true; // not an address at all: refuse rather than guess
}

export type HostCheck = { readonly ok: true } | { readonly ok: false; readonly rule: string; readonly message: string };

export type Resolver = (hostname: string) => Promise<readonly string[]>;

export const dnsResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Refuses a URL whose host is, or resolves to, a private address. Every resolved address is
 * checked, since the connection may use any of them. (A DNS answer that changes between this
 * check and the connection is not caught; a pinned-address dispatcher would be needed for that.)
 */
export async function checkPublicHost(url: URL, resolve: Resolver = dnsResolver): Promise<HostCheck> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) {
    return isPrivateAddress(host)
      ? { ok: false, rule: 'private-network', message: `refused ${url.href}: ${host} is a private or loopback address` }
      : { ok: true };
  }
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return { ok: false, rule: 'private-network', message: `refused ${url.href}: ${host} is the local machine` };
  }
  let addresses: readonly string[];
  try {
    addresses = await resolve(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, rule: 'dns-failed', message: `cannot resolve host ${host} for ${url.href} (${code})` };
  }
  const blocked = addresses.find(isPrivateAddress);
  if (blocked !== undefined) {
    return { ok: false, rule: 'private-network', message: `refused ${url.href}: ${host} resolves to ${blocked}, a private or loopback address` };
  }
  return { ok: true };
}
