import { EcsImageApi } from './ecs/ecs-api';
import { DEFAULT_RETRY_POLICY, realSleep, RetryPolicy, Sleep } from './ecs/retry';
import { logRetries, retryingEcsApi } from './ecs/retrying-ecs-api';
import { sdkEcsApi } from './ecs/sdk-ecs-api';
import { Logger, stderrLogger } from './logging/log';
import { DEFAULT_TIMING, Timing } from './reconcile/timing';

/** Everything the handler and the reader touch outside themselves; each has a real default. */
export interface HandlerDeps {
  /** Builds the (non-retrying) API for a region. @default the official SDK */
  readonly apiFor?: (regionId: string) => EcsImageApi;
  readonly retryPolicy?: RetryPolicy;
  readonly sleep?: Sleep;
  readonly timing?: Partial<Timing>;
  readonly log?: Logger;
}

/** The dependencies with their defaults filled in, and `apiFor` wrapped in the retry policy. */
export interface ResolvedDeps {
  readonly apiFor: (regionId: string) => EcsImageApi;
  readonly sleep: Sleep;
  readonly timing: Timing;
  readonly log: Logger;
}

/**
 * Fills in the defaults and assembles the retrying client once, for the handler and the reader
 * alike: the SDK retries nothing itself, so every call goes through {@link retryingEcsApi}.
 */
export function resolveDeps(deps: HandlerDeps = {}): ResolvedDeps {
  const log = deps.log ?? stderrLogger();
  const sleep = deps.sleep ?? realSleep;
  const inner = deps.apiFor ?? ((regionId: string) => sdkEcsApi({ regionId }));
  const policy = deps.retryPolicy ?? DEFAULT_RETRY_POLICY;
  return {
    apiFor: (regionId) => retryingEcsApi(inner(regionId), policy, sleep, logRetries(log)),
    sleep,
    timing: { ...DEFAULT_TIMING, ...deps.timing },
    log,
  };
}
