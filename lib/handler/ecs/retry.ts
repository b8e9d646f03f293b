import { retriesRanOut } from '../../messages/api-errors';
import { EcsApiError } from './api-error';
import { ThrottleGate } from './throttle-gate';

/** How transient errors are retried: jittered exponential backoff, bounded. */
export interface RetryPolicy {
  /** Attempts for transient failures (5xx, timeouts, dropped connections), the first included; also throttling when `throttleBudgetMs` is not set. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /**
   * How long throttling is waited out, attempts regardless. ECS counts calls per minute: a
   * throttled caller can call again in the next minute, so the budget must outlast one. The
   * caller's deadline (the wait timeout, the invocation's remaining time) bounds it further.
   * @default - throttling is retried like any transient failure, `maxAttempts` times
   */
  readonly throttleBudgetMs?: number;
  /** The first wait after a throttled call when the server does not say how long (doubling, up to maxThrottleDelayMs). @default 1000 */
  readonly throttleBaseDelayMs?: number;
  /** The longest wait between throttled attempts when the server does not say. @default 30000 */
  readonly maxThrottleDelayMs?: number;
}

/** Six attempts over about 5 to 9 s for server errors and lost connections; throttling waited out for up to 5 minutes. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 300,
  maxDelayMs: 10_000,
  throttleBudgetMs: 5 * 60_000,
  throttleBaseDelayMs: 1_000,
  maxThrottleDelayMs: 30_000,
};

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** "Equal jitter": half the exponential bound plus a random part of the other half (or what the server asked for, capped). */
export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.min(retryAfterMs, policy.maxDelayMs);
  const bound = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(bound / 2 + (random() * bound) / 2);
}

/** The wait after the n-th throttled attempt: what the server said (in full), else equal jitter on a doubling bound. */
export function throttleDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return retryAfterMs;
  const bound = Math.min(policy.maxThrottleDelayMs ?? 30_000, (policy.throttleBaseDelayMs ?? 1_000) * 2 ** (attempt - 1));
  return Math.round(bound / 2 + (random() * bound) / 2);
}

export interface RetryObserver {
  (info: { action: string; attempt: number; delayMs: number; code: string }): void;
}

/** What a retried call may use besides the policy. */
export interface RetryContext {
  /** The action, for the gate. */
  readonly action: string;
  readonly sleep: Sleep;
  readonly now?: () => number;
  readonly onRetry?: RetryObserver;
  /** Epoch ms after which no throttled call is waited out (the caller's wait timeout, the invocation's end). */
  readonly deadline?: number;
  /** Shared with the other callers of the account: one caller's throttle holds them all. */
  readonly gate?: ThrottleGate;
}

/**
 * Runs `fn`, retrying transient ECS errors: server errors, timeouts and dropped connections up to
 * `maxAttempts`; throttling until `throttleBudgetMs` (or the deadline) runs out, waiting what the
 * server asks (`x-acs-retry-after`) in full. Before each attempt it waits out a throttle another
 * caller of the same account met (the gate), so no call is spent where a wait would do. Anything
 * else, and the last transient error, is thrown as is (with the attempts and time when retries ran out).
 */
export async function withRetry<T>(fn: () => Promise<T>, policy: RetryPolicy, ctx: RetryContext): Promise<T> {
  const now = ctx.now ?? Date.now;
  const started = now();
  const budgetEnd = Math.min(
    ctx.deadline ?? Infinity,
    policy.throttleBudgetMs !== undefined ? started + policy.throttleBudgetMs : Infinity,
  );
  let throttles = 0;
  for (let attempt = 1; ; attempt++) {
    if (ctx.gate) await ctx.gate.wait(ctx.action, ctx.sleep, now, budgetEnd);
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof EcsApiError) || !e.transient) throw e;
      const throttled = e.code.includes('Throttling') && policy.throttleBudgetMs !== undefined;
      const delayMs = throttled
        ? throttleDelay(policy, ++throttles, e.retryAfterMs)
        : backoffDelay(policy, attempt - throttles, e.retryAfterMs);
      const ranOut = throttled ? now() + delayMs > budgetEnd : attempt - throttles >= policy.maxAttempts;
      if (ranOut) {
        // Say so, with how many attempts and how long, so a person can tell a blip from an outage.
        if (attempt > 1) e.message = `${e.message} ${retriesRanOut(attempt, now() - started)}`;
        throw e;
      }
      if (throttled) ctx.gate?.hold(ctx.action, now() + delayMs);
      ctx.onRetry?.({ action: e.action, attempt, delayMs, code: e.code });
      await ctx.sleep(delayMs);
    }
  }
}
