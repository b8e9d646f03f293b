import { EcsApiError } from '../../../lib/handler/ecs/api-error';
import { backoffDelay, withRetry } from '../../../lib/handler/ecs/retry';

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
      async (ms) => {
        sleeps.push(ms);
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
        async () => undefined,
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
        async () => undefined,
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
        async () => undefined,
      ),
    ).rejects.toThrow('bug');
    expect(calls).toBe(1);
  });
});
