import { EcsApiError } from '../../../lib/handler/ecs/api-error';
import { backoffDelay, RetryPolicy, throttleDelay, withRetry } from '../../../lib/handler/ecs/retry';
import { memoryThrottleGate } from '../../../lib/handler/ecs/throttle-gate';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };
const transient = (code = 'Throttling.User', retryAfterMs?: number) =>
  new EcsApiError({ action: 'DescribeImages', code, statusCode: 400, transient: true, retryAfterMs });
const permanent = () =>
  new EcsApiError({ action: 'ModifyImageAttribute', code: 'InvalidImageName.Malformed', statusCode: 400, transient: false });

describe('backoffDelay', () => {
  test.each([
    [1, 0, 50],
    [1, 1, 100],
    [2, 0, 100],
    [2, 1, 200],
    [3, 1, 400],
    [10, 1, 1000],
  ])('attempt %i with random %d waits %i ms (equal jitter: half the doubling bound plus a random half, capped)', (attempt, r, ms) => {
    expect(backoffDelay(policy, attempt, undefined, () => r)).toBe(ms);
  });

  test("honours the server's x-acs-retry-after, capped", () => {
    expect(backoffDelay(policy, 1, 250)).toBe(250);
    expect(backoffDelay(policy, 1, 60_000)).toBe(1000);
  });
});

describe('withRetry', () => {
  test('retries transient errors until success, sleeping between attempts', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        if (++calls < 3) throw transient();
        return 'ok';
      },
      policy,
      {
        action: 'DescribeImages',
        sleep: async (ms) => {
          sleeps.push(ms);
        },
      },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(sleeps).toHaveLength(2);
  });

  test('gives up after maxAttempts with the last error', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw transient('ServiceUnavailable');
        },
        policy,
        { action: 'DescribeImages', sleep: async () => undefined },
      ),
    ).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    expect(calls).toBe(4);
  });

  test('never retries a permanent error', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw permanent();
        },
        policy,
        { action: 'DescribeImages', sleep: async () => undefined },
      ),
    ).rejects.toMatchObject({ code: 'InvalidImageName.Malformed' });
    expect(calls).toBe(1);
  });

  test('never retries an error that is not from ECS', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new TypeError('bug');
        },
        policy,
        { action: 'DescribeImages', sleep: async () => undefined },
      ),
    ).rejects.toThrow('bug');
    expect(calls).toBe(1);
  });
});

describe('throttling under a per-minute limit', () => {
  const budgeted: RetryPolicy = { ...policy, throttleBudgetMs: 120_000, throttleBaseDelayMs: 1_000, maxThrottleDelayMs: 30_000 };
  /** A clock that the sleeps move, so minutes pass in no time. */
  function virtualTime() {
    let t = 1_000_000;
    const sleeps: number[] = [];
    return { now: () => t, sleep: async (ms: number) => void (sleeps.push(ms), (t += ms)), sleeps };
  }

  test("is waited out past maxAttempts, for as long as the budget allows, honouring the server's wait in full", async () => {
    const clock = virtualTime();
    let calls = 0;
    const result = await withRetry(
      async () => {
        if (++calls <= 4) throw transient('Throttling.User', 25_000);
        return 'ok';
      },
      budgeted,
      { action: 'ModifyImageAttribute', ...clock },
    );
    expect(result).toBe('ok');
    // Five attempts (past maxAttempts 4), four waits of what the server asked: 100 s, within the 120 s budget.
    expect(clock.sleeps).toEqual([25_000, 25_000, 25_000, 25_000]);
    expect(calls).toBe(5);
  });

  test('without a server wait, doubles from 1 s up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => throttleDelay(budgeted, n, undefined, () => 1))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
  });

  test("stops at the budget, or at the caller's deadline, whichever is first, saying how long it tried", async () => {
    const clock = virtualTime();
    const started = clock.now();
    await expect(
      withRetry(async () => Promise.reject(transient('Throttling.User', 20_000)), budgeted, {
        action: 'DescribeImages',
        ...clock,
        deadline: started + 50_000,
      }),
    ).rejects.toMatchObject({ code: 'Throttling.User', message: expect.stringMatching(/Gave up after 3 attempts over 40\.0 s\.$/) });
  });

  test('a throttle one caller met holds the others: they wait instead of spending a call', async () => {
    const clock = virtualTime();
    const gate = memoryThrottleGate();
    let first = 0;
    await withRetry(
      async () => {
        if (++first === 1) throw transient('Throttling.User', 10_000);
        return 'ok';
      },
      budgeted,
      { action: 'DescribeImages', ...clock, gate },
    );
    // The second caller starts while the hold is still on (time is rewound to when the first was throttled).
    const second = { ...virtualTime(), now: () => 1_000_000 + 1 };
    const waits: number[] = [];
    let calls = 0;
    await withRetry(async () => (calls++, 'ok'), budgeted, {
      action: 'DescribeImages',
      now: second.now,
      sleep: async (ms) => void waits.push(ms),
      gate,
    });
    expect(waits).toEqual([9_999]);
    expect(calls).toBe(1);
  });
});
