import { lookup as dnsLookup, promises as dns } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { classifyAddress, isAllowedAddress } from '../../domain/network/addresses';

/**
 * Requests to a URL an administrator typed (an OpenID issuer and the endpoints its metadata names)
 * must not reach this host, its network or a cloud metadata service (SSRF). Two checks:
 * `checkOutboundUrl` before anything is sent, with a message the administrator can act on, and
 * `guardedFetch`, whose connections resolve names through a lookup that refuses the same
 * addresses at connect time, so neither a redirect nor a DNS answer that changes between the check
 * and the request (rebinding) gets through.
 */
export interface OutboundPolicy {
  /** Plain http and loopback addresses (a test identity provider on 127.0.0.1). Never in production. */
  allowLoopback: boolean;
  /** The whole request, connect to last byte. */
  timeoutMs?: number;
  /** The largest response body read; a larger one fails the request. */
  maxBytes?: number;
}

export const OUTBOUND_TIMEOUT_MS = 10_000;
export const OUTBOUND_MAX_BYTES = 1024 * 1024;

/** A request the policy does not allow; `message` says why in words an administrator understands. */
export class OutboundRefusedError extends Error {
  override readonly name = 'OutboundRefusedError';
}

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);

/** The host of a URL without IPv6 brackets. */
const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

function refusedAddress(host: string, address: string): OutboundRefusedError {
  const { class: kind, range } = classifyAddress(address);
  const what =
    kind === 'loopback' ? 'a loopback address (this server)' : `a ${range ?? 'non-public'} address`;
  const via = host === address ? address : `${host} resolves to ${address}`;
  return new OutboundRefusedError(`${via}, ${what}: the server does not connect to it`);
}

/** Scheme and literal host, no DNS: https, or http to loopback when the policy allows it. */
function checkScheme(url: URL, policy: OutboundPolicy): void {
  const host = hostOf(url);
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:') {
    if (!policy.allowLoopback)
      throw new OutboundRefusedError(`${url.origin} uses plain http: the issuer must use https`);
    if (!LOOPBACK_NAMES.has(host) && classifyAddress(host).class !== 'loopback')
      throw new OutboundRefusedError(
        `${url.origin} uses plain http: only https, or http on this machine in tests`,
      );
    return;
  }
  throw new OutboundRefusedError(`${url.protocol} is not allowed: the issuer must use https`);
}

/** Every address a name resolves to must be allowed (a literal address is checked as it is). */
async function checkHost(host: string, policy: OutboundPolicy): Promise<void> {
  if (isIP(host)) {
    if (!isAllowedAddress(host, policy)) throw refusedAddress(host, host);
    return;
  }
  let addresses: { address: string }[];
  try {
    addresses = await dns.lookup(host, { all: true, verbatim: true });
  } catch {
    throw new OutboundRefusedError(`${host} cannot be resolved (no such host)`);
  }
  const bad = addresses.find((a) => !isAllowedAddress(a.address, policy));
  if (bad) throw refusedAddress(host, bad.address);
}

/** Refuses a URL the server must not fetch, with the reason; resolves the host to check its addresses. */
export async function checkOutboundUrl(url: URL, policy: OutboundPolicy): Promise<void> {
  checkScheme(url, policy);
  await checkHost(hostOf(url), policy);
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | { address: string; family: number }[],
  family?: number,
) => void;

/** A `lookup` for http(s).request that refuses disallowed addresses when the socket connects. */
function guardedLookup(policy: OutboundPolicy) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const bad = addresses.find((a) => !isAllowedAddress(a.address, policy));
      if (bad) return callback(refusedAddress(hostname, bad.address), '');
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname}: no address`), '');
      callback(null, first.address, first.family);
    });
  };
}

/** What openid-client passes to its fetch (a subset of RequestInit). */
export interface FetchInit {
  method?: string;
  headers?: Record<string, string> | Headers | [string, string][];
  body?: unknown;
  signal?: AbortSignal | null;
  redirect?: string;
}

function bodyOf(body: unknown): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof URLSearchParams) return Buffer.from(body.toString());
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  throw new TypeError('guardedFetch: unsupported request body');
}

/**
 * A `fetch` for openid-client (its `customFetch`) under the policy: https only (http to loopback
 * when allowed), connections only to allowed addresses, redirects never followed, at most
 * `timeoutMs` for the whole request and `maxBytes` of response body.
 */
export function guardedFetch(policy: OutboundPolicy) {
  const timeoutMs = policy.timeoutMs ?? OUTBOUND_TIMEOUT_MS;
  const maxBytes = policy.maxBytes ?? OUTBOUND_MAX_BYTES;
  const lookup = guardedLookup(policy);
  return async (input: string | URL, init: FetchInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    checkScheme(url, policy);
    const host = hostOf(url);
    // A literal address never goes through `lookup`: check it here.
    if (isIP(host) && !isAllowedAddress(host, policy)) throw refusedAddress(host, host);
    const payload = bodyOf(init.body);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    if (payload) headers['content-length'] = String(payload.length);
    return new Promise<Response>((resolve, reject) => {
      const request = (url.protocol === 'https:' ? https : http).request(url, {
        method: init.method ?? 'GET',
        headers,
        lookup: lookup,
        timeout: timeoutMs,
      });
      let timer: NodeJS.Timeout | undefined = undefined;
      const fail = (error: Error) => {
        clearTimeout(timer);
        request.destroy();
        reject(error);
      };
      timer = setTimeout(
        () => fail(new OutboundRefusedError(`${url.origin} did not answer within ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
      const onAbort = () =>
        fail(init.signal?.reason instanceof Error ? init.signal.reason : new Error('Aborted'));
      if (init.signal?.aborted) return onAbort();
      init.signal?.addEventListener('abort', onAbort, { once: true });
      request.on('timeout', () =>
        fail(new OutboundRefusedError(`${url.origin} did not answer within ${timeoutMs / 1000} s`)),
      );
      request.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            response.destroy();
            fail(new OutboundRefusedError(`${url.origin} answered with more than ${maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', (error) => fail(error));
        response.on('end', () => {
          clearTimeout(timer);
          init.signal?.removeEventListener('abort', onAbort);
          const status = response.statusCode ?? 502;
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value === undefined) continue;
            for (const v of Array.isArray(value) ? value : [value]) responseHeaders.append(name, v);
          }
          const noBody = status === 204 || status === 304 || (status >= 100 && status < 200);
          resolve(
            new Response(noBody ? null : Buffer.concat(chunks), {
              status,
              statusText: response.statusMessage ?? '',
              headers: responseHeaders,
            }),
          );
        });
      });
      request.end(payload);
    });
  };
}
