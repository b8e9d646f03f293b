import { ENV } from '../protocol/environment';
import { EcsImageApi } from './ecs/ecs-api';
import { DEFAULT_RETRY_POLICY, realSleep, RetryPolicy, Sleep } from './ecs/retry';
import { logRetries, retryingEcsApi } from './ecs/retrying-ecs-api';
import { sdkEcsApi } from './ecs/sdk-ecs-api';
import { fileThrottleGate, memoryThrottleGate, ThrottleGate } from './ecs/throttle-gate';
import { writesWhile } from './ecs/writes-while';
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
  /** Shared knowledge of throttles. @default - a gate shared by this machine's processes using the same endpoint and key (see throttle-gate.ts); in memory when `apiFor` is given */
  readonly gate?: ThrottleGate;
  /**
   * Asked before every write: false stops the handler before it writes (its engine is gone, say).
   * @default - always true
   */
  readonly mayWrite?: () => boolean;
}

/** The dependencies with their defaults filled in, and `apiFor` wrapped in the retry policy. */
export interface ResolvedDeps {
  /** The retrying API of a region; no retry starts after `deadline` (epoch ms) when one is given. */
  readonly apiFor: (regionId: string, deadline?: number) => EcsImageApi;
  readonly sleep: Sleep;
  readonly timing: Timing;
  readonly log: Logger;
}

/** What the default gate is shared by: the endpoint and the access key id (never a secret). */
function gateScope(env: NodeJS.ProcessEnv): string {
  return [env[ENV.endpoint] ?? 'default-endpoint', env[ENV.terraformAccessKey] || env[ENV.accessKeyId] || 'default-chain'].join('|');
}

/**
 * Fills in the defaults and assembles the retrying client once, for the handler and the reader
 * alike: the SDK retries nothing itself, so every call goes through {@link retryingEcsApi}, and
 * every write through the `mayWrite` check first.
 */
export function resolveDeps(deps: HandlerDeps = {}): ResolvedDeps {
  const log = deps.log ?? stderrLogger();
  const sleep = deps.sleep ?? realSleep;
  const inner = deps.apiFor ?? ((regionId: string) => sdkEcsApi({ regionId }));
  const policy = deps.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const gate = deps.gate ?? (deps.apiFor ? memoryThrottleGate() : fileThrottleGate(gateScope(process.env)));
  const mayWrite = deps.mayWrite ?? (() => true);
  return {
    apiFor: (regionId, deadline) =>
      retryingEcsApi(writesWhile(inner(regionId), mayWrite), policy, { sleep, onRetry: logRetries(log), gate, deadline }),
    sleep,
    timing: { ...DEFAULT_TIMING, ...deps.timing },
    log,
  };
}
