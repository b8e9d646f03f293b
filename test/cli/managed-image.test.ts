import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI_BUNDLE, runCli, startEmulatorProcess } from '../support/cli-process';
import { EmulatorControl } from '../support/emulator-control';
import { image } from '../support/emulator-harness';

const ID = 'm-bp1cli0001';
let dir: string;
let emulator: Awaited<ReturnType<typeof startEmulatorProcess>>;
let env: NodeJS.ProcessEnv;

const event = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ RequestType: 'Create', ResourceProperties: { RegionId: 'cn-hangzhou', ImageId: ID, ...props }, ...extra });

const calls = () => new EmulatorControl(emulator.url).calls();
const clearCalls = () => new EmulatorControl(emulator.url).clearCalls();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-cli-'));
  const state = {
    accessKeys: [{ id: 'AKIDCLITEST', secret: 'cli-secret-value' }],
    images: [image(ID, { ImageName: 'web', ImageFamily: 'web', Features: { ImdsSupport: 'v2' } })],
    shares: { [ID]: ['2000000000000002'] },
  };
  fs.writeFileSync(path.join(dir, 'state.json'), JSON.stringify(state));
  emulator = await startEmulatorProcess(['--state', path.join(dir, 'state.json')]);
  env = {
    ALIBABA_CLOUD_ECS_ENDPOINT: emulator.url,
    ALIBABA_CLOUD_ACCESS_KEY_ID: 'AKIDCLITEST',
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'cli-secret-value',
  };
});

afterAll(async () => {
  await emulator?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('managed-image emulator', () => {
  test('prints its URL as the first line of stdout', () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('stops cleanly on SIGTERM', async () => {
    const other = await startEmulatorProcess();
    expect(await other.stop()).toBe(0);
  });

  test('a bad --port is a usage error', () => {
    const res = runCli(['emulator', '--port', 'eighty']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('--port "eighty" is not valid');
  });

  test.each([
    ['missing', undefined, /Cannot read emulator state file .*no-such-state\.json: ENOENT/],
    ['not a valid state', '{"images": [{"ImageId": 7}]}', /Invalid emulator state: images\[0\]/],
  ])('a --state file that is %s is a usage error that names it, not a bug', (_what, content, message) => {
    const file = path.join(dir, content === undefined ? 'no-such-state.json' : 'bad-state.json');
    if (content !== undefined) fs.writeFileSync(file, content);
    const res = runCli(['emulator', '--state', file]);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stderr).not.toContain('InternalError');
    expect(res.stdout).toBe('');
  });
});

describe('managed-image handle', () => {
  test('changes the image as asked, then a second identical run makes zero ModifyImageAttribute calls', async () => {
    await clearCalls();
    const first = runCli(['handle', event({ ImageName: 'web-v2', Description: 'golden; $(rm -rf /) `x`' })], { env });
    expect(first.stderr).not.toMatch(/InternalError/);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      PhysicalResourceId: ID,
      Data: {
        Changes: [
          { Attribute: 'ImageName', From: 'web', To: 'web-v2' },
          { Attribute: 'Description', To: 'golden; $(rm -rf /) `x`' },
        ],
      },
    });
    expect((await calls()).filter((c) => c.Action === 'ModifyImageAttribute')).toHaveLength(1);

    await clearCalls();
    const second = runCli(['handle'], { env, input: event({ ImageName: 'web-v2', Description: 'golden; $(rm -rf /) `x`' }) });
    expect(second.status).toBe(0);
    expect(JSON.parse(second.stdout).Data.Changes).toEqual([]);
    expect((await calls()).map((c) => c.Action)).toEqual(['DescribeImages']);
  });

  test.each([
    ['ImdsSupport v2 to v1', { Features: { ImdsSupport: 'v1' } }, 'Guard.ImdsSupportDowngrade'],
    ['deprecating a shared image', { Status: 'Deprecated' }, 'Guard.DeprecateSharedImage'],
    ['an invalid name', { ImageName: 'acs:web' }, 'InvalidInput'],
  ])('a refusal (%s) exits 1 with its code and message on stderr, and writes nothing', async (_n, props, code) => {
    await clearCalls();
    const res = runCli(['handle', event(props)], { env });
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr.trim().split('\n').pop()).toMatch(new RegExp(`^${code.replace('.', '\\.')}: `));
    expect((await calls()).filter((c) => c.Action === 'ModifyImageAttribute')).toEqual([]);
  });

  test('an API error exits 1 with the API code, and no credential appears anywhere', async () => {
    const res = runCli(['handle', event({ ImageName: 'web-v3' })], { env: { ...env, ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'not-the-secret' } });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/^SignatureDoesNotMatch: /m);
    for (const secret of ['not-the-secret', 'cli-secret-value', 'AKIDCLITEST']) {
      expect(res.stderr).not.toContain(secret);
      expect(res.stdout).not.toContain(secret);
    }
  });

  test.each([
    [['handle', '{not json'], 'the event is not valid JSON'],
    [['handle', '[]'], 'the event must be a JSON object'],
    [['handle', 'a', 'b'], 'expected at most one EVENT_JSON argument'],
    [['nope'], 'unknown command "nope"'],
    [[], 'a command is required'],
  ])('usage error %j exits 2', (args, message) => {
    const res = runCli(args as string[]);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain(message);
  });

  test.each([['--help'], ['handle', '--help'], ['read', '-h'], ['emulator', '--help']])('%j prints help and exits 0', (...args) => {
    const res = runCli(args);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^Usage: managed-image/);
  });
});

describe('managed-image read (the external data source protocol)', () => {
  test('prints a flat map of strings: the sync token, drifted attributes, status and current values', async () => {
    await clearCalls();
    const res = runCli(['read'], {
      env,
      input: JSON.stringify({ region_id: 'cn-hangzhou', image_id: ID, image_name: 'something-else', image_family: 'web' }),
    });
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out).toEqual({
      sync_token: expect.stringMatching(/^repair ImageName #[0-9a-f]{12}$/),
      drifted: 'ImageName',
      status: 'Available',
      drift: expect.stringMatching(
        /^Image m-\w+ in cn-hangzhou differs from its declaration: ImageName is "[^"]+" on the image and "something-else" in the configuration\./,
      ),
      refusal: '',
      current_image_name: expect.any(String),
      current_image_family: 'web',
    });
    expect(Object.values(out).every((v) => typeof v === 'string')).toBe(true);
    expect((await calls()).map((c) => c.Action)).toEqual(['DescribeImages']);
  });

  test('a missing image is answered with a refusal for the plan, not a failed read (so destroy still works)', () => {
    const res = runCli(['read'], { env, input: JSON.stringify({ region_id: 'cn-hangzhou', image_id: 'm-bp1missing', image_name: 'web' }) });
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({ status: '', drifted: '', current_image_name: '' });
    expect(out.refusal).toMatch(
      /^Guard\.ImageNotFound: Image m-bp1missing in cn-hangzhou was not found .* If it was deleted on purpose, run destroy/,
    );
  });

  test('a query that breaks a rule fails with one line on stderr and exit 1, before any call', async () => {
    await clearCalls();
    const res = runCli(['read'], { env, input: JSON.stringify({ region_id: 'cn-hangzhou', image_id: ID, image_name: 'aliyun-x' }) });
    expect(res.status).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/^InvalidInput: image_name "aliyun-x" is not valid: it must not start with "aliyun" or "acs:"\./);
    expect(await calls()).toEqual([]);
  });

  test('a non-string query value is refused as the protocol requires', () => {
    const res = runCli(['read'], { env, input: JSON.stringify({ region_id: 'cn-hangzhou', image_id: ID, status: 1 }) });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('query value "status" must be a string');
  });
});

describe('the bundle', () => {
  test('runs alone, with no node_modules beside it', () => {
    const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-alone-'));
    const copy = path.join(alone, 'managed-image.js');
    fs.copyFileSync(CLI_BUNDLE, copy);
    const res = runCli(['handle', event({ ImageName: 'web-v2' })], { env, bundle: copy, cwd: alone });
    expect(res.stderr).not.toMatch(/Cannot find module/);
    expect(res.status).toBe(0);
    fs.rmSync(alone, { recursive: true, force: true });
  });
});
