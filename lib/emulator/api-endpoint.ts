/**
 * The API request pipeline: log the call ⇒ route (`x-acs-action`, `x-acs-version`) ⇒
 * authenticate ⇒ rate limit ⇒ injected fault ⇒ action ⇒ JSON answer.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { ACTIONS } from './actions';
import { Authenticator } from './authenticate';
import { CallLog } from './call-log';
import { ApiError, apiError } from './error-catalogue';
import { ANSWER_LOST, ArmedFault, CONNECTION_RESET, FaultInjector, STALE_READ } from './fault-injector';
import { Latency } from './latency';
import { newRequestId, readBody, sendApiError, sendJson } from './http-io';
import { Params } from './params';
import { MinuteLimiter } from './minute-limiter';
import { RateLimiter } from './rate-limiter';
import { QueryDecodeError, parseQuery } from './signature';
import { EmulatorStore } from './state/store';
import { Clock } from './time';

/** The only API version served. */
export const API_VERSION = '2014-05-26';

/** What the pipeline works with. */
export interface ApiEndpointDependencies {
  readonly store: EmulatorStore;
  readonly authenticator: Authenticator;
  /** Absent ⇒ no rate limit. */
  readonly rateLimiter?: RateLimiter;
  /** Absent ⇒ no per-minute limit. */
  readonly minuteLimiter?: MinuteLimiter;
  /** Whether a per-minute throttle carries `x-acs-retry-after`. */
  readonly retryAfterHeader?: boolean;
  readonly faults: FaultInjector;
  readonly latency: Latency;
  readonly callLog: CallLog;
  readonly clock: Clock;
  /** Resolves after `ms` (injected so that closing the emulator can cut delays short). */
  readonly wait: (ms: number) => Promise<void>;
  /** Receives one line per call when request logging is on. */
  readonly logLine?: (line: string) => void;
}

/** Handles one API request (any path other than `/__emulator/…`). */
export async function handleApiRequest(request: IncomingMessage, response: ServerResponse, deps: ApiEndpointDependencies): Promise<void> {
  const startedAt = deps.clock();
  const requestId = newRequestId();
  const hostId = request.headers.host ?? '';
  const action = request.headers['x-acs-action'];
  const actionName = typeof action === 'string' ? action : '';
  const url = request.url ?? '/';
  const queryStart = url.indexOf('?');
  const path = queryStart < 0 ? url : url.slice(0, queryStart);
  let query: Array<[string, string]> = [];
  let queryError: ApiError | undefined;
  try {
    query = parseQuery(queryStart < 0 ? '' : url.slice(queryStart + 1));
  } catch (error) {
    if (!(error instanceof QueryDecodeError)) throw error;
    queryError = apiError('invalidParameter', 'QueryString');
  }
  const values = Object.fromEntries(query);
  const call = deps.callLog.start(actionName, values);
  const finish = (status: number, code: string | null): void => {
    call.Code = code;
    deps.logLine?.(`${new Date(startedAt).toISOString()} ${actionName || '-'} ${status} ${code ?? 'OK'} ${deps.clock() - startedAt}ms`);
  };

  try {
    const body = await readBody(request);
    if (queryError) throw queryError;
    const handler = ACTIONS.get(actionName);
    if (!handler) throw apiError('invalidActionNotFound');
    if (request.headers['x-acs-version'] !== API_VERSION) throw apiError('invalidVersion');
    const accessKey = deps.authenticator.authenticate({
      method: request.method ?? 'POST',
      path,
      query,
      headers: request.headersDistinct,
      body,
    });
    if (deps.rateLimiter && !deps.rateLimiter.admit(accessKey.id, deps.clock())) throw apiError('throttlingUser');
    const waitMs = deps.minuteLimiter?.admit(accessKey.id, actionName, deps.clock());
    if (waitMs !== undefined) throw throttledForMinute(waitMs, deps.retryAfterHeader === true);

    if (deps.latency.delayMs > 0) await deps.wait(deps.latency.delayMs);
    const fault = deps.faults.take(actionName, values.ImageId);
    if (fault?.DelayMs) await deps.wait(fault.DelayMs);
    if (fault?.Code === CONNECTION_RESET) {
      finish(0, CONNECTION_RESET);
      request.socket.destroy();
      return;
    }
    const lost = fault?.Code === ANSWER_LOST;
    const stale = fault?.Code === STALE_READ;
    if (fault?.Code !== undefined && !lost && !stale) throw faultError(fault);

    const result = handler({
      params: new Params(values),
      accountId: accessKey.accountId,
      store: stale ? deps.store.staleView() : deps.store,
    });
    if (lost) {
      // The call took effect; the caller never hears of it.
      finish(0, ANSWER_LOST);
      request.socket.destroy();
      return;
    }
    sendJson(response, 200, { RequestId: requestId, ...result }, { 'x-acs-request-id': requestId });
    finish(200, null);
  } catch (error) {
    const apiFailure = error instanceof ApiError ? error : apiError('internalError');
    if (!(error instanceof ApiError)) deps.logLine?.(`internal error: ${(error as Error).stack ?? String(error)}`);
    sendApiError(response, apiFailure, requestId, hostId);
    finish(apiFailure.httpStatus, apiFailure.code);
  }
}

/** Throttling.User from the per-minute limit, with the wait until the next window when asked to tell it. */
function throttledForMinute(waitMs: number, tell: boolean): ApiError {
  const base = apiError('throttlingUser');
  return new ApiError(base.code, base.httpStatus, base.message, tell ? { 'x-acs-retry-after': String(waitMs) } : {});
}

function faultError(fault: ArmedFault): ApiError {
  const headers: Record<string, string> = fault.RetryAfterMs !== undefined ? { 'x-acs-retry-after': String(fault.RetryAfterMs) } : {};
  return new ApiError(fault.Code ?? 'InternalError', fault.HttpStatus, fault.Message, headers);
}
