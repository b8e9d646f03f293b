/*
 * Handlers at the engine's default parallelism (10 at a time) under ECS's per-minute limits:
 * every one converges, none fails, and the shared throttle gate keeps the refused calls few. The
 * emulator's "minute" is shortened to 3 s (20 calls per action per window) so a run of several
 * windows takes seconds; the client is the one shipped (the default retry policy, the file gate).
 */
import { DEFAULT_RETRY_POLICY } from '../../lib/handler/ecs/retry';
import { silentLogger } from '../../lib/handler/logging/log';
import { createHandler } from '../../lib/handler/handler';
import { EmulatorHarness, image, REGION } from '../support/emulator-harness';

const emu = new EmulatorHarness();
afterAll(() => emu.stop());

const IMAGES = Array.from({ length: 30 }, (_, i) => `m-bp1thr${String(i).padStart(4, '0')}`);

/** Runs `tasks` with at most `limit` at a time, like an engine's -parallelism. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]().then(
        (value) => ({ status: 'fulfilled', value }) as const,
        (reason) => ({ status: 'rejected', reason }) as const,
      );
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe.each([
  ['the server says how long to wait (x-acs-retry-after)', true],
  ['the server does not say', false],
])('30 reconciles, 10 at a time, under a per-minute limit: %s', (_name, retryAfterHeader) => {
  test('none fails, every image converges exactly once, and fewer than half of the calls are refused', async () => {
    await emu.start({ images: IMAGES.map((id) => image(id)) }, { rateLimitPerMinute: 20, rateLimitWindowMs: 3_000, retryAfterHeader });
    const handler = createHandler({ log: silentLogger, retryPolicy: DEFAULT_RETRY_POLICY });
    const results = await pool(
      IMAGES.map(
        (id) => () =>
          handler({ RequestType: 'Create', ResourceProperties: { RegionId: REGION, ImageId: id, ImageName: `renamed-${id.slice(-4)}` } }),
      ),
      10,
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    for (const id of IMAGES) expect((await emu.image(id)).ImageName).toBe(`renamed-${id.slice(-4)}`);
    const calls = await emu.calls();
    const writes = calls.filter((c) => c.Action === 'ModifyImageAttribute' && c.Code === null);
    expect(writes).toHaveLength(IMAGES.length);
    const refused = calls.filter((c) => c.Code === 'Throttling.User').length;
    process.stderr.write(`throttling (${retryAfterHeader ? 'with' : 'without'} retry-after): ${calls.length} calls, ${refused} refused\n`);
    // Without the gate, ten callers retrying on their own would be refused many times per window.
    expect(refused).toBeLessThan(calls.length / 2);
  }, 120_000);
});
