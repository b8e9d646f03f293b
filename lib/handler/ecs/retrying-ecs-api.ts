import { EcsImageApi } from './ecs-api';
import { Logger } from '../logging/log';
import { RetryContext, RetryObserver, RetryPolicy, withRetry } from './retry';

/**
 * Logs each retry at debug level (MANAGED_IMAGE_LOG_LEVEL=debug shows them): which call, which
 * attempt, which code, how long the wait. A retry that succeeds is not news; one that runs out is
 * reported once, in the error, with the attempts and the time spent.
 */
export function logRetries(log: Logger): RetryObserver {
  return (info) => log.log('debug', 'retrying after a transient error', info);
}

/** What every retried call of one API shares: the clock, the sleep, the deadline, the gate. */
export type RetryOptions = Omit<RetryContext, 'action'>;

/** Wraps every call of an {@link EcsImageApi} in {@link withRetry}. The SDK itself retries nothing. */
export function retryingEcsApi(inner: EcsImageApi, policy: RetryPolicy, options: RetryOptions): EcsImageApi {
  const retry = <T>(action: string, fn: () => Promise<T>) => withRetry(fn, policy, { ...options, action });
  return {
    describeImages: (q) => retry('DescribeImages', () => inner.describeImages(q)),
    modifyImageAttribute: (r) => retry('ModifyImageAttribute', () => inner.modifyImageAttribute(r)),
    describeInstancesUsingImage: (region, id, limit) =>
      retry('DescribeInstances', () => inner.describeInstancesUsingImage(region, id, limit)),
    describeImageSharePermission: (region, id) =>
      retry('DescribeImageSharePermission', () => inner.describeImageSharePermission(region, id)),
    tagImage: (region, id, tags) => retry('TagResources', () => inner.tagImage(region, id, tags)),
    untagImages: (region, ids, keys) => retry('UntagResources', () => inner.untagImages(region, ids, keys)),
  };
}
