import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileThrottleGate } from '../../../lib/handler/ecs/throttle-gate';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-gate-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** How long `gate` makes a caller wait at `now`, recorded instead of slept. */
async function waitOf(gate: ReturnType<typeof fileThrottleGate>, now: number, notAfter = Infinity): Promise<number> {
  let slept = 0;
  await gate.wait(
    'DescribeImages',
    async (ms) => void (slept += ms),
    () => now,
    notAfter,
  );
  return slept;
}

describe('fileThrottleGate', () => {
  test('a hold one process records makes another of the same scope wait, up to its own deadline', async () => {
    const dir = path.join(root, 'gate');
    fileThrottleGate('endpoint key-a', dir).hold('DescribeImages', 5_000);
    const other = fileThrottleGate('endpoint key-a', dir);
    expect(await waitOf(other, 1_000)).toBe(4_000);
    expect(await waitOf(other, 1_000, 3_000)).toBe(2_000);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  test('another scope (another access key or endpoint) and another action are not held', async () => {
    const dir = path.join(root, 'gate');
    fileThrottleGate('endpoint key-a', dir).hold('DescribeImages', 5_000);
    expect(await waitOf(fileThrottleGate('endpoint key-b', dir), 1_000)).toBe(0);
    let slept = 0;
    await fileThrottleGate('endpoint key-a', dir).wait(
      'ModifyImageAttribute',
      async (ms) => void (slept += ms),
      () => 1_000,
      Infinity,
    );
    expect(slept).toBe(0);
  });

  test('a directory others can write to is not used: what is in it holds nothing, and nothing is written to it', async () => {
    const dir = path.join(root, 'shared');
    fs.mkdirSync(dir);
    const holder = fileThrottleGate('endpoint key-a', path.join(root, 'own'));
    holder.hold('DescribeImages', 9_999_999);
    for (const name of fs.readdirSync(path.join(root, 'own'))) fs.copyFileSync(path.join(root, 'own', name), path.join(dir, name));
    fs.chmodSync(dir, 0o777);
    const gate = fileThrottleGate('endpoint key-a', dir);
    expect(await waitOf(gate, 1_000)).toBe(0);
    const before = fs.readdirSync(dir);
    gate.hold('ModifyImageAttribute', 5_000);
    expect(fs.readdirSync(dir)).toEqual(before);
  });
});
