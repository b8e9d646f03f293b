import { EcsImageApi } from './ecs-api';
import { Logger } from '../logging/log';
import { RetryObserver, RetryPolicy, Sleep, withRetry } from './retry';

/**
 * Logs each retry at debug level (MANAGED_IMAGE_LOG_LEVEL=debug shows them): which call, which
 * attempt, which code, how long the wait. A retry that succeeds is not news; one that runs out is
 * reported once, in the error, with the attempts and the time spent.
 */
export function logRetries(log: Logger): RetryObserver {
  return (info) => log.log('debug', 'retrying after a transient error', info);
}

/** Wraps every call of an {@link EcsImageApi} in {@link withRetry}. The SDK itself retries nothing. */
export function retryingEcsApi(inner: EcsImageApi, policy: RetryPolicy, sleep: Sleep, onRetry?: RetryObserver): EcsImageApi {
  const retry = <T>(fn: () => Promise<T>) => withRetry(fn, policy, sleep, onRetry);
  return {
    describeImages: (q) => retry(() => inner.describeImages(q)),
    modifyImageAttribute: (r) => retry(() => inner.modifyImageAttribute(r)),
    describeInstancesUsingImage: (region, id, limit) => retry(() => inner.describeInstancesUsingImage(region, id, limit)),
    describeImageSharePermission: (region, id) => retry(() => inner.describeImageSharePermission(region, id)),
    tagImage: (region, id, tags) => retry(() => inner.tagImage(region, id, tags)),
    untagImages: (region, ids, keys) => retry(() => inner.untagImages(region, ids, keys)),
  };
}
