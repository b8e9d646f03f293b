/*
 * GoldenImageFamily on every engine: a rollout, a narrower window, a rollback and a roll
 * forward, a member changed by hand, a shared member, a fleet-sized read. After every apply the
 * plan is empty, and a replay of the call log shows the family never had zero Available images.
 */
import { EmulatorCall } from '../../lib/emulator';
import { GoldenImageFamily, GoldenImageFamilyProps, ManagedCustomImage } from '../../lib';
import { image } from '../support/emulator-harness';
import { describeOnEachEngine, flat } from '../support/e2e-tier';
import { availableInFamilyOverTime, FamilyMember } from '../support/family-replay';

jest.setTimeout(300_000);

const REGION = 'cn-hangzhou';
const born = (day: number) => `2026-11-${String(day).padStart(2, '0')}T00:00:00Z`;
const WEB = ['m-e2efam01', 'm-e2efam02', 'm-e2efam03'];
const FLEET = Array.from({ length: 100 }, (_, i) => `m-e2efleet${String(i).padStart(3, '0')}`);
const SOLO = Array.from({ length: 50 }, (_, i) => `m-e2esolo${String(i).padStart(3, '0')}`);
const IMAGES = [
  image(WEB[0], { ImageFamily: 'web', CreationTime: born(1) }),
  image(WEB[1], { ImageFamily: 'web', CreationTime: born(2) }),
  image(WEB[2], { CreationTime: born(3) }),
  image('m-e2eshr01', { ImageFamily: 'shr', CreationTime: born(1) }),
  image('m-e2eshr02', { ImageFamily: 'shr', CreationTime: born(2) }),
  ...FLEET.map((id, i) =>
    image(id, {
      ImageFamily: 'fleet',
      CreationTime: `2026-10-01T${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`,
    }),
  ),
  ...SOLO.map((id) => image(id, { ImageName: `solo-${id.slice(-3)}` })),
];

describeOnEachEngine('GoldenImageFamily', (_engine, tier) => {
  beforeAll(() => tier.start({ images: IMAGES, shares: { 'm-e2eshr01': ['1000000000000009'] } }));
  afterAll(() => tier.stop());

  const control = () => tier.control;
  const statusOf = async (id: string) => (await control().image(id)).Status;
  let calls: EmulatorCall[] = [];
  /** Applies, keeps the call log for the replay, and checks the plan after it is empty. */
  const applyAndSettle = async (s: ReturnType<typeof tier.session>) => {
    await control().clearCalls();
    await s.expectOk(['apply', '-input=false', '-auto-approve', '-parallelism=10']);
    calls = [...calls, ...(await control().calls())];
    expect((await s.plan()).code).toBe(0);
  };

  test('roll out, narrow the window, roll back and forward, repair a hand-deprecated member: never an empty family', async () => {
    const s = tier.session('web');
    const declare = (props: Partial<GoldenImageFamilyProps>) =>
      s.synthStack((stack) => new GoldenImageFamily(stack, 'Web', { regionId: REGION, family: 'web', images: WEB, ...props }));
    const start: FamilyMember[] = [
      { id: WEB[0], status: 'Available', family: 'web' },
      { id: WEB[1], status: 'Available', family: 'web' },
      { id: WEB[2], status: 'Available' },
    ];

    // Roll image 3 into a family of 2, keeping 2.
    declare({});
    await s.init();
    await applyAndSettle(s);
    expect([await statusOf(WEB[0]), await statusOf(WEB[1]), await statusOf(WEB[2])]).toEqual(['Deprecated', 'Available', 'Available']);
    expect((await control().image(WEB[2])).ImageFamily).toBe('web');
    expect((await control().image(WEB[0])).Tags).toEqual({
      Tag: expect.arrayContaining([{ TagKey: 'cdktf-managed-image:replaced-by', TagValue: WEB[2] }]),
    });

    // keepAvailable 2 -> 1.
    declare({ keepAvailable: 1 });
    expect((await s.plan()).code).toBe(2);
    await applyAndSettle(s);
    expect([await statusOf(WEB[1]), await statusOf(WEB[2])]).toEqual(['Deprecated', 'Available']);

    // Roll back to image 2, then forward again.
    declare({ keepAvailable: 1, current: WEB[1] });
    await applyAndSettle(s);
    expect([await statusOf(WEB[1]), await statusOf(WEB[2])]).toEqual(['Available', 'Deprecated']);
    declare({ keepAvailable: 1 });
    await applyAndSettle(s);
    expect([await statusOf(WEB[1]), await statusOf(WEB[2])]).toEqual(['Deprecated', 'Available']);

    // A member deprecated by hand: the plan shows it, with its values; apply restores it.
    await control().upsertImage({ ImageId: WEB[2], Status: 'Deprecated' });
    const drift = await s.plan();
    expect(drift.code).toBe(2);
    expect(flat(drift.stdout)).toContain(
      `Image ${WEB[2]} in cn-hangzhou differs from its declaration: Status is "Deprecated" on the image and "Available" in the configuration.`,
    );
    await applyAndSettle(s);
    expect(await statusOf(WEB[2])).toBe('Available');

    // Through all of it, the family always had an Available image.
    expect(Math.min(...availableInFamilyOverTime(start, calls, 'web'))).toBeGreaterThanOrEqual(1);
  });

  test('a shared member that would be deprecated is refused; with excludeShared it is kept Available and the plan settles', async () => {
    const s = tier.session('shared');
    const declare = (excludeShared: boolean) =>
      s.synthStack(
        (stack) =>
          new GoldenImageFamily(stack, 'Shr', {
            regionId: REGION,
            family: 'shr',
            images: ['m-e2eshr01', 'm-e2eshr02'],
            keepAvailable: 1,
            excludeShared,
          }),
      );
    declare(false);
    await s.init();
    const refused = await s.apply();
    expect(refused.code).not.toBe(0);
    expect(flat(refused.stdout + refused.stderr)).toContain(
      'Image m-e2eshr01 in cn-hangzhou cannot be deprecated while it is shared with 1 account(s)',
    );
    expect(await statusOf('m-e2eshr01')).toBe('Available');

    declare(true);
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    expect(await statusOf('m-e2eshr01')).toBe('Available');
    expect((await s.plan()).code).toBe(0);
  });

  test('a stack of a 100-image family and 50 other images: the plan reads them all in 2 DescribeImages calls, a no-op apply makes no other call, and drift on one image and one member shows per image in those 2 reads and is repaired alone', async () => {
    const s = tier.session('fleet');
    s.synthStack((stack) => {
      new GoldenImageFamily(stack, 'Fleet', { regionId: REGION, family: 'fleet', images: FLEET, keepAvailable: 100 });
      for (const id of SOLO)
        new ManagedCustomImage(stack, `Solo${id.slice(-3)}`, { regionId: REGION, imageId: id, imageName: `solo-${id.slice(-3)}` });
    });
    await s.init();
    await s.expectOk(['apply', '-input=false', '-auto-approve', '-parallelism=10']);
    await control().clearCalls();
    expect((await s.plan()).code).toBe(0);
    const planCalls = await control().calls();
    expect(planCalls.map((c) => c.Action)).toEqual(['DescribeImages', 'DescribeImages']);
    expect(planCalls.map((c) => c.Params.ImageId.split(',').length).sort()).toEqual([100, 50]);
    await control().clearCalls();
    await s.expectOk(['apply', '-input=false', '-auto-approve']);
    expect((await control().calls()).map((c) => c.Action)).toEqual(['DescribeImages', 'DescribeImages']);

    // Drift on one image and on one member: the same two reads show it, per image, and nothing else.
    await control().upsertImage({ ImageId: SOLO[7], ImageName: 'solo-renamed-by-hand' });
    await control().upsertImage({ ImageId: FLEET[42], ImageFamily: 'elsewhere' });
    await control().clearCalls();
    const drift = await s.plan();
    expect(drift.code).toBe(2);
    expect((await control().calls()).map((c) => c.Action)).toEqual(['DescribeImages', 'DescribeImages']);
    const text = flat(drift.stdout);
    expect(text).toMatch(/Plan: 2 to add, 0 to change, 2 to destroy/);
    expect(text).toMatch(
      /# terraform_data\.Solo007_reconciler_\w+ must be replaced .* sync_token = "in-sync" -> "repair ImageName #[0-9a-f]{12}"/,
    );
    expect(text).toMatch(/member_42_sync_token = "in-sync" -> "repair ImageFamily #[0-9a-f]{12}"/);
    expect(text.match(/repair \w+ #/g)).toHaveLength(2);
    expect(text).toContain(`Image ${SOLO[7]} in ${REGION} differs from its declaration: ImageName is "solo-renamed-by-hand" on the image`);
    expect(text).toContain(`Image ${FLEET[42]} in ${REGION} differs from its declaration: ImageFamily is "elsewhere" on the image`);
    await control().clearCalls();
    await s.expectOk(['apply', '-input=false', '-auto-approve', '-parallelism=10']);
    const writes = (await control().calls()).filter((c) => c.Action === 'ModifyImageAttribute');
    expect(writes.map((c) => [c.Params.ImageId, c.Params.ImageName ?? c.Params.ImageFamily]).sort()).toEqual([
      [FLEET[42], 'fleet'],
      [SOLO[7], 'solo-007'],
    ]);
    expect((await s.plan()).code).toBe(0);
  });
});
