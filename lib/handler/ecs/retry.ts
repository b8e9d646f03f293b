import { retriesRanOut } from '../../messages/api-errors';
import { EcsApiError } from './api-error';

/** How transient errors are retried: jittered exponential backoff, bounded. */
export interface RetryPolicy {
  /** Total attempts, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 300, maxDelayMs: 10_000 };

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** "Equal jitter": half the exponential bound plus a random part of the other half (or what the server asked for, capped). */
export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.min(retryAfterMs, policy.maxDelayMs);
  const bound = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(bound / 2 + (random() * bound) / 2);
}

export interface RetryObserver {
  (info: { action: string; attempt: number; delayMs: number; code: string }): void;
}

/**
 * Runs `fn`, retrying transient ECS errors (throttling, 5xx, timeouts, dropped connections) up to
 * the policy's bound. Anything else, and the last transient error, is thrown as is.
 */
export async function withRetry<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy,
  sleep: Sleep,
  onRetry?: RetryObserver,
  now: () => number = Date.now,
): Promise<T> {
  const started = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof EcsApiError) || !e.transient) throw e;
      if (attempt >= policy.maxAttempts) {
        // Retries ran out: say so, with how many attempts and how long, so a person can tell a blip from an outage.
        if (attempt > 1) e.message = `${e.message} ${retriesRanOut(attempt, now() - started)}`;
        throw e;
      }
      const delayMs = backoffDelay(policy, attempt, e.retryAfterMs);
      onRetry?.({ action: e.action, attempt, delayMs, code: e.code });
      await sleep(delayMs);
    }
  }
}
