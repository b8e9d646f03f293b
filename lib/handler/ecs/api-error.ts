import { CREDENTIALS_ADVICE, describeApiError, slowAnswer, unreachable } from '../../messages/api-errors';
import { ERROR_CODES } from '../../messages/error-codes';
import { redact } from '../logging/redact';

export interface EcsApiErrorFields {
  readonly action: string;
  readonly code: string;
  readonly statusCode?: number;
  readonly apiMessage?: string;
  readonly requestId?: string;
  /** Worth another attempt: throttling, a server error, a timeout or a dropped connection. */
  readonly transient: boolean;
  /** Milliseconds the server asked the client to wait (x-acs-retry-after). */
  readonly retryAfterMs?: number;
  /** Replaces the message built from the error table. */
  readonly message?: string;
}

/** An error from ECS (or from reaching it), normalised from whatever the SDK threw. */
export class EcsApiError extends Error implements EcsApiErrorFields {
  public readonly action: string;
  public readonly code: string;
  public readonly statusCode?: number;
  public readonly apiMessage?: string;
  public readonly requestId?: string;
  public readonly transient: boolean;
  public readonly retryAfterMs?: number;

  constructor(fields: EcsApiErrorFields) {
    super(redact(fields.message ?? describeApiError(fields)));
    this.name = 'EcsApiError';
    this.action = fields.action;
    this.code = fields.code;
    this.statusCode = fields.statusCode;
    this.apiMessage = fields.apiMessage;
    this.requestId = fields.requestId;
    this.transient = fields.transient;
    this.retryAfterMs = fields.retryAfterMs;
  }
}

/**
 * Refusals that pass on their own: the image is still being created (DescribeImages can already
 * say Available while ModifyImageAttribute still says so, for a moment). Retried like a 5xx.
 */
const SETTLING_CODES = new Set(['InvalidStatus.ImageIsCreating']);

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * What the SDK and @alicloud/credentials throw when no credential can be found: openapi-core's
 * `InvalidCredentials` code, or the default chain's "unable to get credentials from any of the
 * providers in the chain". Only these: any other failure that happens to mention credentials
 * (a refused key, say) keeps its own code and may be retried.
 */
const CREDENTIAL_CHAIN_FAILURE = /^unable to get credentials from any of the providers in the chain/i;

interface SdkErrorShape {
  name?: string;
  code?: string | number;
  statusCode?: number;
  requestId?: string;
  retryAfter?: number;
  message?: string;
  data?: { Message?: string; RequestId?: string };
}

/**
 * httpx appends `<METHOD> <url> failed.` to network errors. The URL carries the request's
 * parameters (a Description, say), which have no place in a message: cut it off.
 */
function withoutRequest(message: string): string {
  return message
    .replace(/\s*(GET|POST|PUT|DELETE|HEAD|PATCH)\s+\S+\s+failed\.?\s*$/i, '')
    .replace(/https?:\/\/\S*/g, (url) => url.split('?')[0])
    .trim();
}

/** What the caller knows that the error does not: the timeout in force. */
export interface ErrorContext {
  readonly timeoutMs?: number;
}

/** Maps anything the SDK throws onto an {@link EcsApiError}. */
export function toEcsApiError(action: string, thrown: unknown, context: ErrorContext = {}): EcsApiError {
  if (thrown instanceof EcsApiError) return thrown;
  const e = (thrown ?? {}) as SdkErrorShape;
  const message = redact(String(e.message ?? thrown));
  if (typeof e.statusCode === 'number' && e.code !== undefined) {
    const code = String(e.code);
    return new EcsApiError({
      action,
      code,
      statusCode: e.statusCode,
      apiMessage: e.data?.Message,
      requestId: e.requestId ?? e.data?.RequestId,
      transient: code.includes('Throttling') || e.name === 'ThrottlingError' || e.statusCode >= 500 || SETTLING_CODES.has(code),
      retryAfterMs: Number.isFinite(e.retryAfter) ? e.retryAfter : undefined,
    });
  }
  if (e.code === 'InvalidCredentials' || CREDENTIAL_CHAIN_FAILURE.test(message)) {
    return new EcsApiError({ action, code: ERROR_CODES.credentialsNotFound, transient: false, message: CREDENTIALS_ADVICE });
  }
  if (e.name?.includes('RequestTimeout') || /ReadTimeout|ConnectTimeout/.test(message)) {
    // httpx reports a slow answer as a connect timeout too (its socket idle timeout): one timeout, one message.
    return new EcsApiError({ action, code: ERROR_CODES.requestTimeout, transient: true, message: slowAnswer(action, context.timeoutMs) });
  }
  const networkCode = typeof e.code === 'string' && NETWORK_CODES.has(e.code) ? e.code : undefined;
  if (networkCode || /socket hang up|ECONNRESET/i.test(message)) {
    const code = networkCode ?? ERROR_CODES.connectionReset;
    const detail = withoutRequest(message);
    return new EcsApiError({ action, code, transient: true, apiMessage: detail, message: unreachable(action, code, detail) });
  }
  return new EcsApiError({
    action,
    code: ERROR_CODES.unexpectedSdkError,
    apiMessage: withoutRequest(message),
    transient: false,
    message: `ECS ${action} failed: ${e.name ? `${e.name}: ` : ''}${withoutRequest(message)}`,
  });
}
