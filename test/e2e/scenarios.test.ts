/*
 * End-to-end scenarios, shaped like provider acceptance tests: a real engine (OpenTofu built from
 * the Go module proxy, and Terraform when it is on PATH) runs plan/apply/destroy on synthesized
 * stacks; the bundled CLI runs from the provisioners and the external data source; the emulator,
 * started by `managed-image emulator`, stands in for ECS. Assertions read the emulator's call log
 * and state.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ImdsSupport, DeletionPolicy, ImageStatus } from '../../lib';
import { sdkEcsApi } from '../../lib/handler/ecs/sdk-ecs-api';
import { startEmulatorProcess } from '../support/cli-process';
import { EmulatorControl } from '../support/emulator-control';
import { image } from '../support/emulator-harness';
import { Engine, EngineSession, findEngines } from '../support/engine-session';

const found = findEngines();
const SECRET = 'e2e-secret-value-7f3a';
const ACCESS_KEY = 'AKIDE2EPIPELINE';

if (found.engines.length === 0) {
  const message = `End-to-end tier: no engine available (${found.notes.join(' ')})`;
  if (process.env.CI === 'true') throw new Error(`${message}. Under CI=true the end-to-end tier must not be skipped.`);
  process.stderr.write(`\n*** SKIPPING the end-to-end tier. ${message} ***\n\n`);
} else {
  process.stderr.write(`\nEnd-to-end tier: ${found.notes.join('; ')}\n`);
}

jest.setTimeout(240_000);

const describeEach =
  found.engines.length > 0
    ? describe.each(found.engines.map((e) => [e.name, e] as [string, Engine]))
    : describe.skip.each([['none', undefined as unknown as Engine]]);

describeEach('on %s', (_name, engine) => {
  let emulator: Awaited<ReturnType<typeof startEmulatorProcess>>;
  let workdir: string;
  const env = () => ({
    ALIBABA_CLOUD_ECS_ENDPOINT: emulator.url,
    ALIBABA_CLOUD_ACCESS_KEY_ID: ACCESS_KEY,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
  });
  const session = (name: string) => new EngineSession(engine, found.cliConfigFile!, path.join(workdir, name), env());

  beforeAll(async () => {
    workdir = fs.mkdtempSync(path.join(os.tmpdir(), `managed-image-e2e-${engine.name}-`));
    const state = {
      accessKeys: [{ id: ACCESS_KEY, secret: SECRET }],
      images: [
        image('m-e2elife01', { ImageName: 'web-v1', Description: 'as built', ImageFamily: 'web', CreationTime: '2026-11-01T00:00:00Z' }),
        image('m-e2elife02', { ImageName: 'web-v0', ImageFamily: 'web', CreationTime: '2026-10-01T00:00:00Z' }),
        image('m-e2erest01', {
          ImageName: 'orig-name',
          Description: 'original description',
          Features: { NvmeSupport: 'unsupported', ImdsSupport: 'v1' },
        }),
        image('m-e2eretn01', { ImageName: 'keep-me' }),
        image('m-e2eref01', { ImageName: 'last-of-fam', ImageFamily: 'solo' }),
        image('m-e2eref02', { ImageName: 'next-of-fam', ImageFamily: 'solo', Status: 'Deprecated' }),
        image('m-e2etok01', { ImageName: 'from-token' }),
      ],
    };
    fs.writeFileSync(path.join(workdir, 'state.json'), JSON.stringify(state));
    emulator = await startEmulatorProcess(['--state', path.join(workdir, 'state.json')]);
  });

  afterAll(async () => {
    await emulator?.stop();
    if (workdir) fs.rmSync(workdir, { recursive: true, force: true });
  });

  const control = () => new EmulatorControl(emulator.url);
  const calls = () => control().calls();
  const clearCalls = () => control().clearCalls();
  const modifies = (imageId: string) => control().modifyCalls(imageId);
  const imageNow = (id: string) => control().image(id);

  test('lifecycle: create, no-op plan, no-op apply, drift, update, replacement without the destroy behaviour, destroy with deprecate', async () => {
    const s = session('lifecycle');
    const desired = {
      imageId: 'm-e2elife01',
      imageName: 'web-v2',
      description: 'golden web image',
      features: { imdsSupport: ImdsSupport.V2 },
      deletionPolicy: DeletionPolicy.DEPRECATE,
    };

    // (a) The first apply sets the attributes; the plan right after it exits 0.
    s.synth(desired);
    await s.init();
    expect((await s.plan()).code).toBe(2);
    await clearCalls();
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    expect(await imageNow('m-e2elife01')).toMatchObject({
      ImageName: 'web-v2',
      Description: 'golden web image',
      Features: { ImdsSupport: 'v2' },
    });
    expect(await modifies('m-e2elife01')).toEqual([
      { 'ImageName': 'web-v2', 'Description': 'golden web image', 'Features.ImdsSupport': 'v2' },
    ]);
    const afterCreate = await s.plan();
    expect(afterCreate.stdout).toContain('No changes');
    expect(afterCreate.code).toBe(0);

    // (d) An apply with nothing changed makes zero ModifyImageAttribute calls.
    await clearCalls();
    const noop = await s.expectOk(['apply', '-input=false', '-auto-approve']);
    expect(noop.stdout).toMatch(/0 added, 0 changed, 0 destroyed/);
    expect((await calls()).map((c) => c.Action)).not.toContain('ModifyImageAttribute');

    // (b) Drift made outside Terraform, through the SDK: the plan shows it, apply restores it, then no changes.
    const api = sdkEcsApi({
      regionId: 'cn-hangzhou',
      endpoint: emulator.url,
      credential: undefined,
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: ACCESS_KEY, ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET },
    });
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = ACCESS_KEY;
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = SECRET;
    try {
      await api.modifyImageAttribute({ regionId: 'cn-hangzhou', imageId: 'm-e2elife01', imageName: 'hand-edited' });
    } finally {
      delete process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
      delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
    }
    const drift = await s.plan();
    expect(drift.code).toBe(2);
    expect(drift.stdout).toMatch(/sync_token\s+=\s+"[^"]*"\s+->\s+"repair ImageName #[0-9a-f]{12}"/);
    await clearCalls();
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    expect(await modifies('m-e2elife01')).toEqual([{ ImageName: 'web-v2' }]);
    expect((await s.plan()).code).toBe(0);

    // (c) A desired attribute changed in code: the plan shows it; apply sends only that field.
    // (e) That replacement never runs the deletion policy (deprecate): the image stays Available.
    s.synth({ ...desired, description: 'golden web image, patched' });
    const update = await s.plan();
    expect(update.code).toBe(2);
    expect(update.stdout).toMatch(/description\s+=\s+"golden web image"\s+->\s+"golden web image, patched"/);
    await clearCalls();
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    expect(await modifies('m-e2elife01')).toEqual([{ Description: 'golden web image, patched' }]);
    expect((await imageNow('m-e2elife01')).Status).toBe('Available');
    expect((await s.plan()).code).toBe(0);

    // Credentials reach neither the configuration nor the state.
    for (const file of [path.join(s.stackDir, 'cdk.tf.json'), path.join(s.stackDir, 'terraform.tfstate')]) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(ACCESS_KEY);
    }

    // (e) Destroy with deprecate deprecates.
    await clearCalls();
    await s.expectOk(['destroy', '-input=false', '-auto-approve']);
    expect(await modifies('m-e2elife01')).toEqual([{ Status: 'Deprecated' }]);
    expect((await imageNow('m-e2elife01')).Status).toBe('Deprecated');
  });

  test('destroy with restore puts back the values the image had before it was first managed', async () => {
    const s = session('restore');
    s.synth({
      imageId: 'm-e2erest01',
      imageName: 'managed-name',
      description: 'managed description',
      features: { nvmeSupport: 'supported' as never },
      deletionPolicy: DeletionPolicy.RESTORE,
    });
    await s.init();
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    expect(await imageNow('m-e2erest01')).toMatchObject({ ImageName: 'managed-name', Features: { NvmeSupport: 'supported' } });
    // A later change in code must not move the recorded original values.
    s.synth({
      imageId: 'm-e2erest01',
      imageName: 'managed-name-2',
      description: 'managed description',
      features: { nvmeSupport: 'supported' as never },
      deletionPolicy: DeletionPolicy.RESTORE,
    });
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    expect((await s.plan()).code).toBe(0);
    await clearCalls();
    await s.expectOk(['destroy', '-input=false', '-auto-approve']);
    expect(await imageNow('m-e2erest01')).toMatchObject({
      ImageName: 'orig-name',
      Description: 'original description',
      Features: { NvmeSupport: 'unsupported' },
    });
    expect(await modifies('m-e2erest01')).toEqual([
      { 'ImageName': 'orig-name', 'Description': 'original description', 'Features.NvmeSupport': 'unsupported' },
    ]);
  });

  test('destroy with the default policy (retain) touches nothing', async () => {
    const s = session('retain');
    s.synth({ imageId: 'm-e2eretn01', imageName: 'kept-name' });
    await s.init();
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    await clearCalls();
    await s.expectOk(['destroy', '-input=false', '-auto-approve']);
    expect((await calls()).map((c) => c.Action)).not.toContain('ModifyImageAttribute');
    expect(await imageNow('m-e2eretn01')).toMatchObject({ ImageName: 'kept-name', Status: 'Available' });
  });

  test("a refused apply fails with the handler's message and writes nothing; once the cause is fixed, the next apply converges", async () => {
    const s = session('refused');
    s.synth({ imageId: 'm-e2eref01', status: ImageStatus.DEPRECATED, description: 'retired image' });
    await s.init();
    await clearCalls();
    const refused = await s.apply();
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('Guard.DeprecateLastImageOfFamily');
    expect(refused.stdout + refused.stderr).toContain('is the last Available image of family "solo"');
    expect(await modifies('m-e2eref01')).toEqual([]);

    // The cause: make another image of the family Available (outside Terraform).
    await control().upsertImage({ ImageId: 'm-e2eref02', Status: 'Available' });
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    expect(await imageNow('m-e2eref01')).toMatchObject({ Status: 'Deprecated', Description: 'retired image' });
    expect((await s.plan()).code).toBe(0);
  });

  test('an imageId from another resource (a token) works like a literal, and the stack directory is self-contained', async () => {
    const s = session('token');
    s.synth({ imageId: 'm-e2etok01', imageIdFromResource: true, imageName: 'via-token' });
    // Copy the synthesized stack alone elsewhere: no node_modules, no library beside it.
    const alone = path.join(workdir, 'token-alone');
    fs.cpSync(s.stackDir, alone, { recursive: true });
    await s.init(alone);
    const plan = await s.plan(alone);
    expect(plan.code).toBe(2);
    await s.expectOk(['apply', '-input=false', '-auto-approve'], alone);
    expect((await imageNow('m-e2etok01')).ImageName).toBe('via-token');
    expect((await s.plan(alone)).code).toBe(0);
    await s.expectOk(['destroy', '-input=false', '-auto-approve'], alone);
  });
});
