/*
 * ManagedCustomImage under real use, on every engine: what users do in their first week after
 * the first apply. Each scenario is a stack of its own against one emulator per engine; the
 * timing-dependent ones run with a realistic network latency and -parallelism=10, and hold by
 * construction (the construct orders the changes), not by luck.
 */
import { TerraformVariable } from 'cdktf';
import { DeletionPolicy, ImageStatus, ImdsSupport, ManagedCustomImage } from '../../lib';
import { image } from '../support/emulator-harness';
import { describeOnEachEngine, flat } from '../support/e2e-tier';
import { availableInFamilyOverTime } from '../support/family-replay';

jest.setTimeout(240_000);

const REGION = 'cn-hangzhou';
const IMAGES = [
  image('m-e2egrow01', { ImageName: 'grow-orig', Description: 'grow original', ImageFamily: 'grow', CreationTime: '2026-10-01T00:00:00Z' }),
  image('m-e2egrow02', { ImageName: 'grow-other', ImageFamily: 'grow', CreationTime: '2026-10-02T00:00:00Z' }),
  image('m-e2epair01', { ImageName: 'pair-one', ImageFamily: 'pair' }),
  image('m-e2epair02', { ImageName: 'pair-two', ImageFamily: 'pair' }),
  image('m-e2eroll01', { ImageName: 'roll-old', ImageFamily: 'roll' }),
  image('m-e2eroll02', { ImageName: 'roll-new' }),
  image('m-e2eswap01', { ImageName: 'swap-one' }),
  image('m-e2eswap02', { ImageName: 'swap-two' }),
  image('m-e2etmpl01', { ImageName: 'template' }),
  image('m-e2eshar01', { ImageName: 'shared-orig', Description: 'shared original' }),
  image('m-e2egone01', { ImageName: 'gone-soon' }),
  image('m-e2ecrea01', { ImageName: 'creating-orig' }),
  image('m-e2eimds01', { ImageName: 'imds-v2', Features: { ImdsSupport: 'v2', NvmeSupport: 'unsupported' } }),
  image('m-e2eshow01', { ImageName: 'show-orig' }),
];

describeOnEachEngine('ManagedCustomImage under real use', (engine, tier) => {
  beforeAll(() => tier.start({ images: IMAGES }));
  afterAll(() => tier.stop());

  const control = () => tier.control;
  const imageNow = (id: string) => control().image(id);
  const applyParallel = (s: ReturnType<typeof tier.session>) => s.apply(undefined, ['-parallelism=10']);

  test('growing and shrinking the managed set is an ordinary plan; RESTORE puts back each attribute as it was when first managed', async () => {
    const s = tier.session('grow');
    const props = { regionId: REGION, imageId: 'm-e2egrow01', deletionPolicy: DeletionPolicy.RESTORE };
    s.synthStack((stack) => new ManagedCustomImage(stack, 'Image', { ...props, imageName: 'grow-managed' }));
    await s.init();
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    expect((await s.plan()).code).toBe(0);

    // Someone edits an attribute nobody manages yet: no drift.
    await control().upsertImage({ ImageId: 'm-e2egrow01', Description: 'edited by hand' });
    expect((await s.plan()).code).toBe(0);

    // Then the stack starts managing it, and later the status too.
    s.synthStack((stack) => new ManagedCustomImage(stack, 'Image', { ...props, imageName: 'grow-managed', description: 'grow managed' }));
    expect((await s.plan()).code).toBe(2);
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    expect((await s.plan()).code).toBe(0);
    s.synthStack(
      (stack) =>
        new ManagedCustomImage(stack, 'Image', {
          ...props,
          imageName: 'grow-managed',
          description: 'grow managed',
          status: ImageStatus.DEPRECATED,
        }),
    );
    expect((await s.plan()).code).toBe(2);
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    expect(await imageNow('m-e2egrow01')).toMatchObject({ ImageName: 'grow-managed', Description: 'grow managed', Status: 'Deprecated' });
    expect((await s.plan()).code).toBe(0);

    // Each attribute goes back to the value it had at the plan that first managed it, and the tag goes.
    await s.expectOk(['destroy', '-input=false', '-auto-approve']);
    expect(await imageNow('m-e2egrow01')).toMatchObject({ ImageName: 'grow-orig', Description: 'edited by hand', Status: 'Available' });
    expect(JSON.stringify((await imageNow('m-e2egrow01')).Tags ?? {})).not.toContain('cdktf-managed-image');
  });

  test('two deprecations that would together empty a family, in one apply at -parallelism=10 with 150 ms calls: one goes, one is refused', async () => {
    const s = tier.session('pair');
    s.synthStack((stack) => {
      for (const [id, name] of [
        ['m-e2epair01', 'PairA'],
        ['m-e2epair02', 'PairB'],
      ]) {
        new ManagedCustomImage(stack, name, { regionId: REGION, imageId: id, status: ImageStatus.DEPRECATED });
      }
    });
    await s.init();
    await control().clearCalls();
    await control().latency(150);
    try {
      const res = await applyParallel(s);
      expect(res.code).not.toBe(0);
      expect(flat(res.stdout + res.stderr)).toContain('is the last Available image of family "pair"');
    } finally {
      await control().latency(0);
    }
    const statuses = [(await imageNow('m-e2epair01')).Status, (await imageNow('m-e2epair02')).Status];
    expect(statuses).toEqual(['Deprecated', 'Available']);
    const start = [
      { id: 'm-e2epair01', status: 'Available', family: 'pair' },
      { id: 'm-e2epair02', status: 'Available', family: 'pair' },
    ];
    expect(Math.min(...availableInFamilyOverTime(start, await control().calls(), 'pair'))).toBeGreaterThanOrEqual(1);
  });

  test('a rollover in one apply (a new image joins the family, the old one is deprecated) succeeds at -parallelism=10 with 150 ms calls', async () => {
    const s = tier.session('roll');
    s.synthStack((stack) => {
      new ManagedCustomImage(stack, 'Old', { regionId: REGION, imageId: 'm-e2eroll01', status: ImageStatus.DEPRECATED });
      new ManagedCustomImage(stack, 'New', { regionId: REGION, imageId: 'm-e2eroll02', imageFamily: 'roll' });
    });
    await s.init();
    await control().clearCalls();
    await control().latency(150);
    // The join is slow to land: left to chance, the deprecation's family check would run before it.
    await control().fault({ Action: 'ModifyImageAttribute', ImageId: 'm-e2eroll02', DelayMs: 1500 });
    try {
      await s.expectOk(['apply', '-input=false', '-auto-approve', '-parallelism=10']);
    } finally {
      await control().latency(0);
    }
    expect(await imageNow('m-e2eroll01')).toMatchObject({ Status: 'Deprecated' });
    expect(await imageNow('m-e2eroll02')).toMatchObject({ Status: 'Available', ImageFamily: 'roll' });
    const start = [
      { id: 'm-e2eroll01', status: 'Available', family: 'roll' },
      { id: 'm-e2eroll02', status: 'Available' },
    ];
    expect(Math.min(...availableInFamilyOverTime(start, await control().calls(), 'roll'))).toBeGreaterThanOrEqual(1);
    expect((await s.plan()).code).toBe(0);
  });

  test('moving a name to a new imageId under RESTORE releases the old image before the new one is renamed', async () => {
    const s = tier.session('swap');
    const declare = (imageId: string) =>
      s.synthStack(
        (stack) =>
          new ManagedCustomImage(stack, 'Web', {
            regionId: REGION,
            imageId,
            imageName: 'web-current',
            deletionPolicy: DeletionPolicy.RESTORE,
          }),
      );
    declare('m-e2eswap01');
    await s.init();
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    declare('m-e2eswap02');
    await control().latency(150);
    // The old image's rename-back is slow to land: left to chance, the new image's rename would go first (and be refused as a duplicate).
    await control().fault({ Action: 'ModifyImageAttribute', ImageId: 'm-e2eswap01', DelayMs: 1500 });
    try {
      await s.expectOk(['apply', '-input=false', '-auto-approve', '-parallelism=10']);
    } finally {
      await control().latency(0);
    }
    expect((await imageNow('m-e2eswap01')).ImageName).toBe('swap-one');
    expect((await imageNow('m-e2eswap02')).ImageName).toBe('web-current');
    expect((await s.plan()).code).toBe(0);
  });

  test('a description holding ${...} and %{...} reaches the API verbatim: nothing is evaluated', async () => {
    const description = 'Built by ${file("/etc/hostname")} for ${HOME}; %{ if true }kept%{ endif }';
    const s = tier.session('template');
    s.synthStack((stack) => new ManagedCustomImage(stack, 'Image', { regionId: REGION, imageId: 'm-e2etmpl01', description }));
    await s.init();
    await control().clearCalls();
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    expect((await imageNow('m-e2etmpl01')).Description).toBe(description);
    expect(await control().modifyCalls('m-e2etmpl01')).toEqual([{ Description: description }]);
    expect((await s.plan()).code).toBe(0);
  });

  test("two stacks managing different attributes of one image never see each other's repairs as drift", async () => {
    const a = tier.session('share-a');
    const b = tier.session('share-b');
    a.synthStack(
      (stack) => new ManagedCustomImage(stack, 'ByName', { regionId: REGION, imageId: 'm-e2eshar01', imageName: 'shared-name' }),
    );
    b.synthStack(
      (stack) =>
        new ManagedCustomImage(stack, 'ByDescription', { regionId: REGION, imageId: 'm-e2eshar01', description: 'shared managed' }),
    );
    await a.init();
    await b.init();
    await a.expectOk(['apply', '-input=false', '-auto-approve']);
    await b.expectOk(['apply', '-input=false', '-auto-approve']);
    expect([(await a.plan()).code, (await b.plan()).code]).toEqual([0, 0]);

    // A's attribute drifts; A repairs it; B must not see that repair as drift (and the other way round).
    await control().upsertImage({ ImageId: 'm-e2eshar01', ImageName: 'renamed-by-hand' });
    expect([(await a.plan()).code, (await b.plan()).code]).toEqual([2, 0]);
    await a.expectOk(['apply', '-input=false', '-auto-approve']);
    expect([(await a.plan()).code, (await b.plan()).code]).toEqual([0, 0]);
    await control().upsertImage({ ImageId: 'm-e2eshar01', Description: 'edited by hand' });
    await b.expectOk(['apply', '-input=false', '-auto-approve']);
    expect([(await a.plan()).code, (await b.plan()).code]).toEqual([0, 0]);
  });

  test('an image deleted outside Terraform: the plan says so and what to do; destroy still works', async () => {
    const s = tier.session('gone');
    s.synthStack(
      (stack) => new ManagedCustomImage(stack, 'Image', { regionId: REGION, imageId: 'm-e2egone01', imageName: 'gone-managed' }),
    );
    await s.init();
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    await control().deleteImage('m-e2egone01');
    const plan = await s.plan();
    expect(plan.code).toBe(1);
    expect(flat(plan.stdout + plan.stderr)).toContain(
      "Guard.ImageNotFound: Image m-e2egone01 in cn-hangzhou was not found among this account's custom images (any status): it may have been deleted outside Terraform",
    );
    expect(flat(plan.stdout + plan.stderr)).toContain('run destroy (it needs no image) or remove the construct from the code');
    await s.expectOk(['destroy', '-input=false', '-auto-approve']);
  });

  test('RESTORE after managing an image that was still Creating: destroy skips the Status it cannot set, and says so', async () => {
    // Still being created when the stack starts managing it (ReadyAfterSeconds counts from now).
    await control().upsertImage({ ImageId: 'm-e2ecrea01', Status: 'Creating', Progress: '40%', ReadyAfterSeconds: 2 });
    const s = tier.session('creating');
    s.synthStack(
      (stack) =>
        new ManagedCustomImage(stack, 'Image', {
          regionId: REGION,
          imageId: 'm-e2ecrea01',
          imageName: 'fresh-image',
          status: ImageStatus.AVAILABLE,
          deletionPolicy: DeletionPolicy.RESTORE,
          waitTimeout: 120,
        }),
    );
    await s.init();
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    expect(await imageNow('m-e2ecrea01')).toMatchObject({ ImageName: 'fresh-image', Status: 'Available' });
    const destroy = await s.expectOk(['destroy', '-input=false', '-auto-approve']);
    expect(destroy.stdout).toContain('RestoreTo.Status \\"Creating\\" is not valid');
    expect(await imageNow('m-e2ecrea01')).toMatchObject({ ImageName: 'creating-orig', Status: 'Available' });
  });

  test("what can never be applied fails the plan with the handler's message, before any write", async () => {
    const s = tier.session('refuse-at-plan');
    s.synthStack(
      (stack) =>
        new ManagedCustomImage(stack, 'Image', { regionId: REGION, imageId: 'm-e2eimds01', features: { imdsSupport: ImdsSupport.V1 } }),
    );
    await s.init();
    await control().clearCalls();
    const plan = await s.plan();
    expect(plan.code).toBe(1);
    expect(flat(plan.stdout + plan.stderr)).toContain(
      'Guard.ImdsSupportDowngrade: Image m-e2eimds01 in cn-hangzhou has Features.ImdsSupport "v2"; the API never allows going back to "v1"',
    );
    expect((await control().calls()).map((c) => c.Action)).toEqual(['DescribeImages']);

    // A name given as a variable is checked by the read once known: the same rule, at plan.
    s.synthStack((stack) => {
      const name = new TerraformVariable(stack, 'name', { type: 'string', default: 'aliyun-name' });
      new ManagedCustomImage(stack, 'Image', { regionId: REGION, imageId: 'm-e2eimds01', imageName: name.stringValue });
    });
    const named = await s.plan();
    expect(named.code).toBe(1);
    expect(flat(named.stdout + named.stderr)).toContain('image_name "aliyun-name" is not valid: it must not start with "aliyun" or "acs:"');
  });

  test("a drift plan shows, per attribute, the image's value and the declared one; after the repair the plan is empty and quiet", async () => {
    const s = tier.session('show');
    s.synthStack(
      (stack) => new ManagedCustomImage(stack, 'Image', { regionId: REGION, imageId: 'm-e2eshow01', imageName: 'declared-name' }),
    );
    await s.init();
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    await control().upsertImage({ ImageId: 'm-e2eshow01', ImageName: 'hand-name' });
    const drift = await s.plan();
    expect(drift.code).toBe(2);
    expect(flat(drift.stdout)).toContain(
      'Image m-e2eshow01 in cn-hangzhou differs from its declaration: ImageName is "hand-name" on the image and "declared-name" in the configuration. Apply sets the declared values.',
    );
    expect(drift.stdout).toMatch(/sync_token\s+=\s+"[^"]*"\s+->\s+"repair ImageName #[0-9a-f]{12}"/);
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    const after = await s.plan();
    expect(after.code).toBe(0);
    expect(after.stdout).not.toContain('differs from its declaration');
    void engine;
  });
});
