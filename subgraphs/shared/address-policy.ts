/**
 * Where the gateway's outbound webhooks may be delivered (here in shared because the one
 * list of variables checks `WEBHOOK_ALLOWED_NETWORKS` with it): a guard against server-side request forgery. An admin
 * (or a stolen admin key) registering `http://169.254.169.254/…` or `http://10.0.0.5/admin`
 * would otherwise make the gateway POST into the network it runs in. Only public unicast
 * addresses are allowed, plus the networks an operator lists in `WEBHOOK_ALLOWED_NETWORKS`
 * (CIDR, for receivers inside the company network; by default the loopback networks in
 * development and nothing in production).
 *
 * "Public" is what ipaddr.js classes as `unicast` after unwrapping IPv4-mapped IPv6 addresses:
 * everything in the IANA special-purpose registries (RFC 6890 and its updates: private,
 * loopback, link-local with the cloud metadata address, carrier-grade NAT, unique-local,
 * multicast, documentation, benchmarking, 6to4/Teredo/NAT64 prefixes that embed an IPv4
 * address, …) is refused.
 *
 * The check runs twice: at registration on the URL's host (a literal, or every address its
 * name resolves to), and at every delivery on the address the connection actually uses (a
 * DNS lookup hook), so a name that resolves to a public address at registration and to an
 * internal one later (DNS rebinding) is still refused.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** The networks beyond the public internet that webhooks may reach. */
export interface AddressPolicy {
  readonly allowed: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

/** The loopback networks: the default list in development. */
export const LOOPBACK_NETWORKS = ['127.0.0.0/8', '::1/128'] as const;

/** Whether `entry` is an address or a CIDR network (`10.0.0.0/8`, `fd00::/8`, `192.0.2.7`). */
export function isNetwork(entry: string): boolean {
  return ipaddr.isValidCIDR(entry) || ipaddr.isValid(entry);
}

/** The policy allowing `networks` (CIDR or single addresses; checked with `isNetwork` beforehand). */
export function addressPolicy(networks: readonly string[]): AddressPolicy {
  return {
    allowed: networks.map((entry) => {
      if (ipaddr.isValidCIDR(entry)) return ipaddr.parseCIDR(entry);
      const address = ipaddr.process(entry);
      return [address, address.kind() === 'ipv4' ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number];
    }),
  };
}

/** Why `address` (an IPv4 or IPv6 literal) may not be reached, or null when it may. */
export function refusalOf(address: string, policy: AddressPolicy): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range === 'unicast') return null;
  for (const [network, bits] of policy.allowed) {
    if (network.kind() === parsed.kind() && parsed.match(network, bits)) return null;
  }
  return `${parsed.toString()} is a ${range} address, not on the public internet (allow its network in WEBHOOK_ALLOWED_NETWORKS if the receiver is internal)`;
}

/** A refused destination; the message names the address and the reason. */
export class DestinationRefused extends Error {
  override readonly name = 'DestinationRefused';
  readonly code = 'EDESTINATIONREFUSED';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `dns.lookup` for sockets (net/tls `lookup` option): resolves as usual, then fails with
 * `DestinationRefused` when any resolved address is refused, so no connection is opened.
 */
export function guardedLookup(policy: AddressPolicy): (hostname: string, options: LookupOptions, callback: LookupCallback) => void {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      for (const { address } of addresses) {
        const refusal = refusalOf(address, policy);
        if (refusal) return callback(new DestinationRefused(`${hostname}: ${refusal}`), []);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * Checks the host of `url` (an IP literal, or a name resolved to all its addresses).
 * Resolves when every address may be reached; rejects with `DestinationRefused` naming the
 * refused address, or with the resolver's error (`ENOTFOUND`, …) when the name does not resolve.
 */
export async function checkDestination(url: URL, policy: AddressPolicy): Promise<void> {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (isIP(host) !== 0) {
    const refusal = refusalOf(host, policy);
    if (refusal) throw new DestinationRefused(refusal);
    return;
  }
  await new Promise<void>((resolve, reject) => {
    guardedLookup(policy)(host, { all: true }, (error) => (error ? reject(error) : resolve()));
  });
}
