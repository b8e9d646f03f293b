/**
 * Request authentication: ACS3-HMAC-SHA256 signature, clock skew, nonce replay and STS token.
 *
 * Order of checks (the real order is unknown; this one never reveals more than the caller proves):
 * Authorization syntax and algorithm ⇒ signed-header coverage ⇒ access key exists ⇒ `x-acs-date`
 * format and ±15 min skew ⇒ payload hash ⇒ signature ⇒ STS token ⇒ nonce not reused (a nonce is
 * only remembered once the signature is valid).
 */
import { ApiError, apiError } from './error-catalogue';
import { NonceCache } from './nonce-cache';
import { SIGNATURE_ALGORITHM, SignableRequest, sha256Hex, sign, signaturesEqual, stringToSign } from './signature';
import { AccessKeyRecord } from './state/records';
import { Clock } from './time';

/** Allowed distance between `x-acs-date` and the emulator clock, and the nonce memory. */
export const SIGNATURE_WINDOW_MS = 15 * 60 * 1000;

/** Headers every request must sign (official V3 document: all common headers). */
export const REQUIRED_SIGNED_HEADERS = [
  'host',
  'x-acs-action',
  'x-acs-content-sha256',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-version',
] as const;

const AUTHORIZATION_PATTERN = /^(\S+) Credential=([^,\s]+),SignedHeaders=([^,\s]+),Signature=([^,\s]+)$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** A received API request, as authentication needs it. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Lower-case header name ⇒ every received value. */
  readonly headers: Readonly<Record<string, readonly string[] | undefined>>;
  readonly body: Buffer;
}

/** Verifies requests against the configured access keys. */
export class Authenticator {
  private readonly nonces = new NonceCache(SIGNATURE_WINDOW_MS);

  constructor(
    private readonly accessKeys: ReadonlyMap<string, AccessKeyRecord>,
    private readonly clock: Clock,
  ) {}

  /**
   * Returns the access key that signed the request.
   * @throws ApiError IncompleteSignature, InvalidAccessKeyId.NotFound, InvalidTimeStamp.*,
   *   SignatureDoesNotMatch, InvalidSecurityToken.*, SignatureNonceUsed
   */
  authenticate(request: ReceivedRequest): AccessKeyRecord {
    const header = (name: string): string | undefined => request.headers[name]?.[0];
    const authorization = header('authorization');
    if (authorization === undefined) throw apiError('incompleteSignature', 'The Authorization header is missing.');
    const match = AUTHORIZATION_PATTERN.exec(authorization.trim());
    if (!match) throw apiError('incompleteSignature', 'The Authorization header is malformed.');
    const [, algorithm, accessKeyId, signedHeaderList, signature] = match;
    if (algorithm !== SIGNATURE_ALGORITHM) {
      throw apiError('incompleteSignature', `Signature algorithm ${algorithm} is not supported; use ${SIGNATURE_ALGORITHM}.`);
    }
    const signedHeaders = signedHeaderList.split(';');
    this.checkSignedHeaders(signedHeaders, request);

    const accessKey = this.accessKeys.get(accessKeyId);
    if (!accessKey) throw apiError('invalidAccessKeyIdNotFound');
    this.checkDate(header('x-acs-date') ?? '');

    const hashedPayload = header('x-acs-content-sha256') ?? '';
    const signable: SignableRequest = {
      method: request.method,
      path: request.path,
      query: request.query,
      headers: request.headers,
      signedHeaders,
      hashedPayload,
    };
    const expectedStringToSign = stringToSign(signable);
    if (hashedPayload !== sha256Hex(request.body) || !signaturesEqual(sign(accessKey.secret, expectedStringToSign), signature)) {
      throw apiError('signatureDoesNotMatch', expectedStringToSign);
    }
    this.checkSecurityToken(accessKey, header('x-acs-security-token'), header('x-acs-accesskey-id'));
    if (!this.nonces.use(header('x-acs-signature-nonce') ?? '', this.clock())) throw apiError('signatureNonceUsed');
    return accessKey;
  }

  private checkSignedHeaders(signedHeaders: readonly string[], request: ReceivedRequest): void {
    const incomplete = (detail: string): ApiError => apiError('incompleteSignature', detail);
    if (signedHeaders.some((name) => name !== name.toLowerCase())) throw incomplete('SignedHeaders must be lower-case.');
    const missing = REQUIRED_SIGNED_HEADERS.filter((name) => !signedHeaders.includes(name));
    if (missing.length > 0) throw incomplete(`SignedHeaders must include ${missing.join(', ')}.`);
    const unsigned = Object.keys(request.headers).filter((name) => name.startsWith('x-acs-') && !signedHeaders.includes(name));
    if (unsigned.length > 0) throw incomplete(`Header(s) ${unsigned.join(', ')} must be signed.`);
    const absent = signedHeaders.filter((name) => request.headers[name] === undefined);
    if (absent.length > 0) throw incomplete(`Signed header(s) ${absent.join(', ')} are missing from the request.`);
  }

  private checkDate(date: string): void {
    const time = DATE_PATTERN.test(date) ? Date.parse(date) : Number.NaN;
    if (Number.isNaN(time)) throw apiError('invalidTimeStampFormat');
    if (Math.abs(this.clock() - time) > SIGNATURE_WINDOW_MS) throw apiError('invalidTimeStampExpired');
  }

  /**
   * STS rules: a key with a token needs the same `x-acs-security-token` (missing ⇒ Malformed,
   * different ⇒ MismatchWithAccessKey, past expiration ⇒ Expired); `x-acs-accesskey-id`, when
   * sent, must name the signing key. A token sent for a key without one is ignored.
   */
  private checkSecurityToken(accessKey: AccessKeyRecord, token: string | undefined, tokenAccessKeyId: string | undefined): void {
    if (tokenAccessKeyId !== undefined && tokenAccessKeyId !== accessKey.id) throw apiError('invalidSecurityTokenMismatch');
    if (accessKey.securityToken === undefined) return;
    if (token === undefined || token === '') throw apiError('invalidSecurityTokenMalformed');
    if (!signaturesEqual(accessKey.securityToken, token)) throw apiError('invalidSecurityTokenMismatch');
    if (accessKey.expiresAt !== undefined && this.clock() > accessKey.expiresAt) throw apiError('invalidSecurityTokenExpired');
  }
}
