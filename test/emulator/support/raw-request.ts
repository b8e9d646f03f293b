/**
 * Hand-built signed requests, for what the SDK never sends (replayed nonces, malformed
 * Authorization headers, unsigned headers). Signed with the emulator's signer, which the
 * signature tests check against the official test vector.
 */
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { RunningEmulator } from '../../../lib/emulator';
import { authorizationHeader, parseQuery, sha256Hex } from '../../../lib/emulator/signature';
import { formatIsoSeconds } from '../../../lib/emulator/time';

/** How to build one raw request. */
export interface RawRequestOptions {
  action?: string;
  version?: string;
  query?: string;
  accessKeyId?: string;
  secret?: string;
  date?: string;
  nonce?: string;
  /** Extra headers, signed unless listed in `unsignedHeaders`. */
  headers?: Record<string, string>;
  unsignedHeaders?: string[];
  /** A query to put on the wire instead of the signed one (tampering). */
  sentQuery?: string;
  /** Replaces the computed Authorization header. */
  authorization?: string;
}

/** A raw answer. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/** The `x-acs-date` value for a moment (default: now). */
export function acsDate(epochMs = Date.now()): string {
  return formatIsoSeconds(epochMs);
}

/** Sends one signed POST to the emulator. */
export function sendSigned(emulator: RunningEmulator, options: RawRequestOptions = {}): Promise<RawResponse> {
  const query = options.query ?? `RegionId=cn-hangzhou`;
  const headers: Record<string, string> = {
    'host': emulator.endpoint,
    'x-acs-action': options.action ?? 'DescribeImages',
    'x-acs-version': options.version ?? '2014-05-26',
    'x-acs-date': options.date ?? acsDate(),
    'x-acs-signature-nonce': options.nonce ?? randomBytes(32).toString('hex'),
    'x-acs-content-sha256': sha256Hex(''),
    ...(options.headers ?? {}),
  };
  const signedHeaders = Object.keys(headers)
    .filter((name) => !(options.unsignedHeaders ?? []).includes(name))
    .sort();
  const authorization =
    options.authorization ??
    authorizationHeader(options.accessKeyId ?? 'test', options.secret ?? 'test', {
      method: 'POST',
      path: '/',
      query: parseQuery(query),
      headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
      signedHeaders,
      hashedPayload: sha256Hex(''),
    });
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: emulator.port,
        method: 'POST',
        path: `/?${options.sentQuery ?? query}`,
        headers: { ...headers, ...(authorization !== '' ? { authorization } : {}), 'content-length': '0' },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}
