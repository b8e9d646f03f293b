/*
 * A handler whose engine is killed mid-apply stops before its next write. The "engine" here is a
 * small parent process that starts `managed-image handle` (as a local-exec provisioner would) and
 * is then killed with SIGKILL while the handler waits for a slow read (the emulator's delay, a
 * pause hook that makes the timing deterministic).
 */
import { spawn } from 'child_process';
import { CLI_BUNDLE } from '../support/cli-process';
import { EmulatorHarness, image, REGION } from '../support/emulator-harness';

const emu = new EmulatorHarness();
afterAll(() => emu.stop());

const ID = 'm-bp1orphan01';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('after its engine is killed, the handler makes no write', async () => {
  await emu.start({ images: [image(ID, { ImageName: 'before' })] });
  // The handler's first read answers after 1.5 s: the engine dies during it.
  await emu.fault({ Action: 'DescribeImages', DelayMs: 1_500 });
  const event = JSON.stringify({ RequestType: 'Create', ResourceProperties: { RegionId: REGION, ImageId: ID, ImageName: 'after' } });
  const engineScript = `
    const { spawn } = require('child_process');
    const child = spawn(process.execPath, [${JSON.stringify(CLI_BUNDLE)}, 'handle', process.argv[1]], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.pipe(process.stderr);
    process.stdout.write(String(child.pid) + '\\n');
    setInterval(() => {}, 1000);
  `;
  const engine = spawn(process.execPath, ['-e', engineScript, event], {
    env: { ...process.env, MANAGED_IMAGE_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const handlerPid = Number(await new Promise<string>((resolve) => engine.stdout!.once('data', (d) => resolve(String(d).trim()))));
  await sleep(500);
  engine.kill('SIGKILL');

  // The handler finishes its read, then stops: no ModifyImageAttribute, ever.
  const alive = () => {
    try {
      process.kill(handlerPid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 50 && alive(); i++) await sleep(100);
  expect(alive()).toBe(false);
  expect((await emu.actions()).filter((a) => a === 'ModifyImageAttribute')).toEqual([]);
  expect((await emu.image(ID)).ImageName).toBe('before');
});

test('with its engine alive, the same handler writes', async () => {
  await emu.start({ images: [image(ID, { ImageName: 'before' })] });
  await emu.fault({ Action: 'DescribeImages', DelayMs: 500 });
  const res = await new Promise<number | null>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        CLI_BUNDLE,
        'handle',
        JSON.stringify({ RequestType: 'Create', ResourceProperties: { RegionId: REGION, ImageId: ID, ImageName: 'after' } }),
      ],
      {
        env: { ...process.env, MANAGED_IMAGE_LOG_LEVEL: 'silent' },
        stdio: 'ignore',
      },
    );
    child.on('close', resolve);
  });
  expect(res).toBe(0);
  expect((await emu.image(ID)).ImageName).toBe('after');
});
