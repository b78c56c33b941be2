import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

/**
 * Whose request is this: the address the per-address rate limits count under. Only the socket can say; a
 * header can be written by anyone. server.mjs (the production server) works it out here from the socket and
 * TRUST_PROXY, removes every client-address header the request came with, and passes the result on as the one
 * X-Forwarded-For the app reads (server/trpc/context.ts). Plain JavaScript, because server.mjs runs in plain Node.
 */

/** Headers a client could use to claim another address, host or scheme; none reaches the app as sent. */
export const FORWARDING_HEADERS = ['x-forwarded-for', 'x-real-ip', 'forwarded', 'x-client-ip', 'true-client-ip', 'cf-connecting-ip'];
/** What a trusted proxy says about the original request; kept only when the socket is such a proxy. */
export const PROXY_DETAIL_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port'];

/**
 * The TRUST_PROXY setting (server/env.js) as proxy-addr's trust function, with Express's `trust proxy`
 * meanings: `off` (or 0) trusts no proxy, the socket's address is the client's; a number N trusts the N
 * nearest hops (the socket and the N-1 proxies it names); otherwise a comma-separated list of addresses, CIDR
 * ranges or proxy-addr's names (loopback, linklocal, uniquelocal) that are proxies. Express's `true` (trust
 * every hop) is refused by env.js: it lets any client choose its address.
 * @param {string} setting
 * @returns {(address: string, hop: number) => boolean}
 */
export function compileTrustProxy(setting) {
  const trimmed = setting.trim();
  if (trimmed === 'off') return () => false;
  if (/^\d+$/.test(trimmed)) {
    const hops = Number(trimmed);
    return (_address, hop) => hop < hops;
  }
  return proxyaddr.compile(trimmed.split(',').map((part) => part.trim()).filter(Boolean));
}

/**
 * Whether `setting` is a TRUST_PROXY value compileTrustProxy accepts; the reason when not.
 * @param {string} setting
 * @returns {string | null}
 */
export function trustProxyProblem(setting) {
  const trimmed = setting.trim();
  if (trimmed === 'true' || trimmed === 'on') {
    return 'trusting every hop lets any client choose its own address; give the number of proxies in front of the app (1 for one reverse proxy) or their addresses';
  }
  try {
    compileTrustProxy(trimmed);
    return null;
  } catch (error) {
    return `off, a number of proxy hops, or proxy addresses/CIDR ranges/loopback/linklocal/uniquelocal separated by commas (${/** @type {Error} */ (error).message})`;
  }
}

/**
 * The client's address of a Node request: the socket's, or, through the trusted proxies, the address the
 * farthest trusted one saw. IPv4 written as IPv6 (::ffff:203.0.113.7) comes back as IPv4.
 * @param {import('node:http').IncomingMessage} request
 * @param {(address: string, hop: number) => boolean} trust
 * @returns {string | null}
 */
export function clientAddressOf(request, trust) {
  if (!request.socket.remoteAddress) return null;
  return plainAddress(proxyaddr(request, trust));
}

/**
 * Sets the request's headers to what the app may believe: every client-address header removed, then
 * X-Forwarded-For set to the one address worked out from the socket; a trusted proxy's host and scheme
 * headers kept, anyone else's removed.
 * @param {import('node:http').IncomingMessage} request
 * @param {(address: string, hop: number) => boolean} trust
 */
export function rewriteClientHeaders(request, trust) {
  const client = clientAddressOf(request, trust);
  const socketAddress = request.socket.remoteAddress;
  const isFromTrustedProxy = socketAddress !== undefined && trust(socketAddress, 0);
  for (const name of FORWARDING_HEADERS) delete request.headers[name];
  if (!isFromTrustedProxy) for (const name of PROXY_DETAIL_HEADERS) delete request.headers[name];
  if (client) request.headers['x-forwarded-for'] = client;
}

/** @param {string} address */
function plainAddress(address) {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.parse(address);
  return parsed.kind() === 'ipv6' && /** @type {ipaddr.IPv6} */ (parsed).isIPv4MappedAddress()
    ? /** @type {ipaddr.IPv6} */ (parsed).toIPv4Address().toString()
    : parsed.toString();
}

/**
 * The part of an address that rate limits count together: an IPv4 address whole; an IPv6 address by its /64,
 * because one home or host is given a whole /64 and could otherwise take a fresh address for every call.
 * @param {string} address
 * @returns {string}
 */
export function addressGroupOf(address) {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.parse(plainAddress(address));
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = /** @type {ipaddr.IPv6} */ (parsed).parts.slice(0, 4);
  return `${parts.map((part) => part.toString(16)).join(':')}::/64`;
}
