/*
 * The fault matrix (see fault-matrix.ts): for every fault, the image converges (or the failure
 * says retries ran out) and no write is ever sent that the diff did not ask for. The CLI as it
 * ships, against the emulator. `npm run reliability` writes the latest results to docs/reliability.md.
 */
import { runScenario, SCENARIOS } from './fault-matrix';

jest.setTimeout(60_000);

describe('fault matrix', () => {
  test.each(SCENARIOS.map((s) => [s.fault, s] as const))('%s', async (_name, scenario) => {
    const row = await runScenario(scenario);
    expect(row.unaskedWrites).toBe(0);
    if (scenario.expect === 'converges') {
      expect(row).toMatchObject({ converged: true, failure: undefined });
    } else {
      expect(row.converged).toBe(false);
      expect(row.failure).toMatch(/Gave up after \d+ attempts over \d+\.\d s\.$/);
    }
    if (scenario.killAfterWrites) expect(row.killedMidway).toBe(true);
    expect(row.ok).toBe(true);
  });
});
