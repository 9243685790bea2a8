/** IPv4 and IPv6 addresses and CIDR ranges for the IpAddress operators, through ipaddr.js. */
import ipaddr from 'ipaddr.js';

export type Address = ipaddr.IPv4 | ipaddr.IPv6;
export interface Cidr {
  addr: Address;
  bits: number;
}

/** Reads "203.0.113.0/24", "2001:DB8::/32" or a bare address (IAM: a bare address means /32, /128 for IPv6). */
export function parseCidr(text: string): Cidr | undefined {
  const s = text.trim();
  try {
    if (s.includes('/')) {
      if (ipaddr.IPv4.isValidCIDRFourPartDecimal(s) || ipaddr.IPv6.isValidCIDR(s)) {
        const [addr, bits] = ipaddr.parseCIDR(s);
        return { addr, bits };
      }
      return undefined;
    }
    if (ipaddr.IPv4.isValidFourPartDecimal(s)) return { addr: ipaddr.IPv4.parse(s), bits: 32 };
    if (ipaddr.IPv6.isValid(s)) return { addr: ipaddr.IPv6.parse(s), bits: 128 };
  } catch {
    return undefined;
  }
  return undefined;
}

export function parseAddress(text: string): Address | undefined {
  const c = parseCidr(text);
  return c && c.bits === (c.addr.kind() === 'ipv4' ? 32 : 128) ? c.addr : undefined;
}

/** Is the address inside the range? An IPv4-mapped IPv6 address is compared as IPv4. */
export function inCidr(addr: Address, range: Cidr): boolean {
  let a: Address = addr;
  if (a.kind() === 'ipv6' && range.addr.kind() === 'ipv4' && (a as ipaddr.IPv6).isIPv4MappedAddress()) {
    a = (a as ipaddr.IPv6).toIPv4Address();
  }
  if (a.kind() !== range.addr.kind()) return false;
  return a.match(range.addr, range.bits);
}
