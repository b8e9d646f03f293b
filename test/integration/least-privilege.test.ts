/*
 * The RAM policy the constructs emit grants exactly what the handler and the reader call: every
 * path is run against the emulator, the actions called are collected from its call log, and
 * compared with the policy; every write and every per-image read names a managed image.
 */
import { TerraformStack, Testing } from 'cdktf';
import { DeletionPolicy, GoldenImageFamily, ManagedCustomImage, ManagedImagePolicy } from '../../lib';
import { EmulatorCall } from '../../lib/emulator';
import { createReader } from '../../lib/handler/reader';
import { silentLogger } from '../../lib/handler/logging/log';
import { EmulatorHarness, image, REGION } from '../support/emulator-harness';

const emu = new EmulatorHarness();
afterAll(() => emu.stop());

const SOLO = 'm-bp1priv0001';
const FAMILY = ['m-bp1priv0010', 'm-bp1priv0011'];
const TAG = 'cdktf-managed-image:sync:priv';

type Statement = { Effect: string; Action: string[]; Resource: string[] };

function policy(): Statement[] {
  const stack = new TerraformStack(Testing.app(), 's');
  new ManagedCustomImage(stack, 'Solo', { regionId: REGION, imageId: SOLO, imageName: 'solo', deletionPolicy: DeletionPolicy.RESTORE });
  new GoldenImageFamily(stack, 'Fam', { regionId: REGION, family: 'priv', images: FAMILY, keepAvailable: 1 });
  return (JSON.parse(ManagedImagePolicy.forStack(stack, { accountId: '1000000000000001' })) as { Statement: Statement[] }).Statement;
}

/** Every path of the handler and the reader, against one emulator; returns the calls made. */
async function everyPath(): Promise<EmulatorCall[]> {
  const calls: EmulatorCall[] = [];
  const collect = async () => calls.push(...(await emu.calls()));
  const state = {
    images: [
      image(SOLO, { ImageName: 'solo-before', ImageFamily: 'solo', Status: 'Deprecated' }),
      image('m-bp1privsib', { ImageFamily: 'solo' }),
      image(FAMILY[0], { ImageFamily: 'priv', CreationTime: '2026-11-01T00:00:00Z' }),
      image(FAMILY[1], { CreationTime: '2026-11-02T00:00:00Z' }),
    ],
    instances: [{ InstanceId: 'i-bp1priv', RegionId: REGION, ImageId: 'm-bp1privsib' }],
  };
  await emu.start(state);
  const handle = emu.handler();
  const read = createReader({ log: silentLogger });
  // Reads: one image, many, one that is missing (the community check).
  await read({ region_id: REGION, image_id: SOLO, image_name: 'solo', sync_tag: TAG });
  await read({
    'region_id': REGION,
    [`${SOLO}/sync_tag`]: TAG,
    [`${FAMILY[0]}/status`]: 'Available',
    [`${FAMILY[0]}/sync_tag`]: TAG,
    'm-bp1missing/sync_tag': TAG,
  });
  // Creates: a revival with a rename (the name guard), a boot mode change (instances), a deprecation (shares, family), a drift tag.
  await handle({
    RequestType: 'Create',
    ResourceProperties: {
      RegionId: REGION,
      ImageId: SOLO,
      Status: 'Available',
      ImageName: 'solo',
      SyncToken: 'repair x #1',
      SyncTagKey: TAG,
    },
  });
  await handle({ RequestType: 'Create', ResourceProperties: { RegionId: REGION, ImageId: SOLO, BootMode: 'UEFI' } });
  await handle({ RequestType: 'Create', ResourceProperties: { RegionId: REGION, ImageId: SOLO, Status: 'Deprecated' } });
  // Deletes: every policy, each removing the drift tag.
  for (const policy of ['Retain', 'Deprecate', 'Restore']) {
    await handle({
      RequestType: 'Delete',
      PhysicalResourceId: SOLO,
      ResourceProperties: {
        RegionId: REGION,
        ImageId: SOLO,
        DeletionPolicy: policy,
        SyncTagKey: TAG,
        RestoreTo: { ImageName: 'solo-before', Status: 'Available' },
        AllowEmptyFamily: true,
      },
    });
  }
  // A family: roll in the second member (join, deprecation tags, the former-members query), then delete.
  const members = [
    { ImageId: FAMILY[0], ImageFamily: 'priv', Status: 'Deprecated', SyncToken: 'repair Status #2' },
    { ImageId: FAMILY[1], ImageFamily: 'priv', Status: 'Available' },
  ];
  const familyEvent = (RequestType: 'Create' | 'Delete') =>
    ({
      RequestType,
      ResourceType: 'Custom::GoldenImageFamily',
      ResourceProperties: { RegionId: REGION, ImageFamily: 'priv', CurrentImageId: FAMILY[1], Members: members, SyncTagKey: TAG },
    }) as const;
  await handle(familyEvent('Create'));
  await handle(familyEvent('Delete'));
  await collect();
  return calls;
}

test('the actions called on every path are exactly the ones the policy grants, each on the resources it names', async () => {
  const statements = policy();
  const granted = new Set(statements.flatMap((s) => s.Action));
  const calls = await everyPath();
  const called = new Set(calls.map((c) => `ecs:${c.Action}`));
  expect([...called].sort()).toEqual([...granted].sort());

  const managed = new Set([SOLO, ...FAMILY]);
  const writes = statements.find((s) => s.Action.includes('ecs:ModifyImageAttribute'))!;
  expect(writes.Resource.sort()).toEqual([...managed].map((id) => `acs:ecs:${REGION}:1000000000000001:image/${id}`).sort());
  for (const c of calls.filter((c) => ['ModifyImageAttribute', 'DescribeImageSharePermission'].includes(c.Action))) {
    expect(managed.has(c.Params.ImageId)).toBe(true);
  }
  for (const c of calls.filter((c) => c.Action === 'TagResources' || c.Action === 'UntagResources')) {
    const ids = Object.entries(c.Params)
      .filter(([k]) => k.startsWith('ResourceId.'))
      .map(([, v]) => v);
    expect(ids.every((id) => managed.has(id))).toBe(true);
  }
  expect(statements.find((s) => s.Action.includes('ecs:DescribeInstances'))!.Resource).toEqual([
    `acs:ecs:${REGION}:1000000000000001:instance/*`,
  ]);
});
