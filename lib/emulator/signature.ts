/**
 * ACS3-HMAC-SHA256 (signature V3) canonicalisation and signing, as in §1.4 of the API reference.
 * Pure functions: the request-level checks (which key, which headers, clock, nonce) live in
 * `authenticate.ts`.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The only algorithm the emulator accepts. */
export const SIGNATURE_ALGORITHM = 'ACS3-HMAC-SHA256';

/** Thrown when a query string holds an invalid percent-escape. */
export class QueryDecodeError extends Error {}

/** Lower-case hex SHA-256. */
export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** RFC 3986 percent-encoding: keeps `A–Z a–z 0–9 - _ . ~`, encodes every other UTF-8 byte as upper-case `%XX`. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Splits a raw query string into decoded `[name, value]` pairs, in wire order. `+` is kept
 * literally (the SDK never sends it for a space).
 * @throws QueryDecodeError on a malformed escape
 */
export function parseQuery(rawQuery: string): Array<[string, string]> {
  if (rawQuery === '') return [];
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      const value = equals < 0 ? '' : pair.slice(equals + 1);
      return [decode(name), decode(value)];
    });
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new QueryDecodeError(`Malformed percent-encoding in query: ${text}`);
  }
}

/** The canonical query string: pairs sorted by decoded name, names and values RFC 3986-encoded. */
export function canonicalQueryString(pairs: ReadonlyArray<readonly [string, string]>): string {
  return [...pairs]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join('&');
}

/** What the signature covers. */
export interface SignableRequest {
  /** HTTP method, e.g. `POST`. */
  readonly method: string;
  /** Request path, e.g. `/`. */
  readonly path: string;
  /** Decoded query pairs. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Lower-case header name ⇒ values as received. */
  readonly headers: Readonly<Record<string, readonly string[] | undefined>>;
  /** The header names listed in `SignedHeaders`, in that order (lower-case). */
  readonly signedHeaders: readonly string[];
  /** Lower-case hex SHA-256 of the body (the `x-acs-content-sha256` value). */
  readonly hashedPayload: string;
}

/** `name:trimmed values sorted and joined by ","` lines for exactly the signed headers. */
export function canonicalHeaders(headers: SignableRequest['headers'], signedHeaders: readonly string[]): string {
  return signedHeaders
    .map(
      (name) =>
        `${name}:${[...(headers[name] ?? [])]
          .map((value) => value.trim())
          .sort()
          .join(',')}\n`,
    )
    .join('');
}

/** The canonical request (note the blank line produced by the trailing `\n` of the headers). */
export function canonicalRequest(request: SignableRequest): string {
  return [
    request.method,
    request.path,
    canonicalQueryString(request.query),
    canonicalHeaders(request.headers, request.signedHeaders),
    request.signedHeaders.join(';'),
    request.hashedPayload,
  ].join('\n');
}

/** `ACS3-HMAC-SHA256\n<hex sha256(canonical request)>`. */
export function stringToSign(request: SignableRequest): string {
  return `${SIGNATURE_ALGORITHM}\n${sha256Hex(canonicalRequest(request))}`;
}

/** Lower-case hex HMAC-SHA256 of the string to sign, keyed by the secret. */
export function sign(secret: string, toSign: string): string {
  return createHmac('sha256', secret).update(toSign).digest('hex');
}

/** Constant-time comparison of two hex signatures. */
export function signaturesEqual(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The `Authorization` header value for a request signed with `accessKeyId`/`secret`. */
export function authorizationHeader(accessKeyId: string, secret: string, request: SignableRequest): string {
  const signature = sign(secret, stringToSign(request));
  return `${SIGNATURE_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${request.signedHeaders.join(';')},Signature=${signature}`;
}
