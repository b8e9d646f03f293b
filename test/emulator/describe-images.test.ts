/** DescribeImages through the real SDK: visibility, filters, default status, paging, rendering. */
import Ecs, * as $Ecs from '@alicloud/ecs20140526';
import { EmulatorState, RunningEmulator, startEmulator } from '../../lib/emulator';
import { FOREIGN_ACCOUNT } from './support/fixtures';
import { REGION, ecsClient, sdkError } from './support/sdk-client';

const STATE: EmulatorState = {
  images: [
    {
      ImageId: 'm-new',
      ImageName: 'web-base-v3',
      ImageFamily: 'web',
      CreationTime: '2024-03-01T00:00:00Z',
      Tags: {
        Tag: [
          { TagKey: 'team', TagValue: 'web' },
          { TagKey: 'tier', TagValue: 'gold' },
        ],
      },
    },
    {
      ImageId: 'm-mid',
      ImageName: 'web-base-v2',
      ImageFamily: 'web',
      CreationTime: '2024-02-01T00:00:00Z',
      Tags: [{ TagKey: 'team', TagValue: 'db' }],
    },
    { ImageId: 'm-old', ImageName: 'db-base', ImageFamily: 'web-legacy', CreationTime: '2024-01-01T00:00:00Z' },
    { ImageId: 'm-deprecated', ImageName: 'web-base-v1', ImageFamily: 'web', Status: 'Deprecated', CreationTime: '2023-12-01T00:00:00Z' },
    { ImageId: 'm-creating', Status: 'Creating', CreationTime: '2024-04-01T00:00:00Z', ReadyAfterSeconds: 30 },
    { ImageId: 'm-shared-to-me', ImageOwnerAlias: 'others', ImageOwnerId: FOREIGN_ACCOUNT, CreationTime: '2023-06-01T00:00:00Z' },
    {
      ImageId: 'm-community',
      ImageOwnerAlias: 'others',
      ImageOwnerId: FOREIGN_ACCOUNT,
      IsPublic: true,
      CreationTime: '2023-05-01T00:00:00Z',
    },
    { ImageId: 'm-foreign-private', ImageOwnerAlias: 'others', ImageOwnerId: FOREIGN_ACCOUNT, CreationTime: '2023-04-01T00:00:00Z' },
    { ImageId: 'aliyun_3_x64', ImageOwnerAlias: 'system', CreationTime: '2023-03-01T00:00:00Z' },
    { ImageId: 'm-market', ImageOwnerAlias: 'marketplace', CreationTime: '2023-02-01T00:00:00Z' },
    { ImageId: 'm-beijing', RegionId: 'cn-beijing', CreationTime: '2024-05-01T00:00:00Z' },
  ],
  instances: [{ InstanceId: 'i-1', ImageId: 'm-mid', RegionId: REGION }],
  shares: { 'm-new': ['1000000000000003'], 'm-shared-to-me': ['1000000000000001'] },
};

function request(fields: Record<string, unknown> = {}): $Ecs.DescribeImagesRequest {
  return new $Ecs.DescribeImagesRequest({ regionId: REGION, ...fields });
}

describe('DescribeImages', () => {
  let clockOffset = 0;
  let emulator: RunningEmulator;
  let client: Ecs;
  beforeAll(async () => {
    emulator = await startEmulator({ state: STATE, now: () => Date.now() + clockOffset });
    client = ecsClient(emulator);
  });
  afterAll(async () => {
    await emulator.close();
  });

  async function ids(fields: Record<string, unknown> = {}): Promise<string[] | undefined> {
    return (await client.describeImages(request(fields))).body?.images?.image?.map((image) => image.imageId ?? '');
  }

  test('by default: Available images of the region the caller can see, newest first, marketplace excluded', async () => {
    expect(await ids()).toEqual(['m-new', 'm-mid', 'm-old', 'm-shared-to-me', 'm-community', 'aliyun_3_x64']);
  });

  test('Deprecated images are hidden by default even by ID, and found with Status=ALL or Status=Deprecated', async () => {
    expect(await ids({ imageId: 'm-deprecated' })).toEqual([]);
    expect(await ids({ imageId: 'm-deprecated', status: 'ALL' })).toEqual(['m-deprecated']);
    expect(await ids({ imageOwnerAlias: 'self', status: 'Deprecated,Creating' })).toEqual(['m-creating', 'm-deprecated']);
  });

  test.each([
    ['self', {}, ['m-new', 'm-mid', 'm-old']],
    ['system', {}, ['aliyun_3_x64']],
    ['marketplace', {}, ['m-market']],
    ['others', {}, ['m-shared-to-me']],
    ['others', { isPublic: true }, ['m-community']],
  ])('ImageOwnerAlias=%s %j', async (alias, extra, expected) => {
    expect(await ids({ imageOwnerAlias: alias, ...extra })).toEqual(expected);
  });

  test('ImageOwnerId narrows shared images to one owner', async () => {
    expect(await ids({ imageOwnerAlias: 'others', imageOwnerId: Number(FOREIGN_ACCOUNT) })).toEqual(['m-shared-to-me']);
    expect(await ids({ imageOwnerAlias: 'others', imageOwnerId: 1000000000000009 })).toEqual([]);
  });

  test('a comma-separated ImageId returns the known ones and no error for the unknown', async () => {
    expect(await ids({ imageId: 'm-old,m-new,m-missing,m-foreign-private,m-beijing' })).toEqual(['m-new', 'm-old']);
  });

  test('ImageName is a substring match; ImageFamily is exact', async () => {
    expect(await ids({ imageName: 'base-v' })).toEqual(['m-new', 'm-mid']);
    expect(await ids({ imageFamily: 'web' })).toEqual(['m-new', 'm-mid']);
    expect(await ids({ imageFamily: 'we' })).toEqual([]);
  });

  test('Tag filters need every tag; a key alone matches any value', async () => {
    const tag = (key: string, value?: string): $Ecs.DescribeImagesRequestTag => new $Ecs.DescribeImagesRequestTag({ key, value });
    expect(await ids({ tag: [tag('team', 'web')] })).toEqual(['m-new']);
    expect(await ids({ tag: [tag('team')] })).toEqual(['m-new', 'm-mid']);
    expect(await ids({ tag: [tag('team', 'web'), tag('tier', 'silver')] })).toEqual([]);
  });

  test('Usage selects images used by an instance or idle ones', async () => {
    expect(await ids({ imageOwnerAlias: 'self', usage: 'instance' })).toEqual(['m-mid']);
    expect(await ids({ imageOwnerAlias: 'self', usage: 'none' })).toEqual(['m-new', 'm-old']);
  });

  test('pages: TotalCount counts all matches, PageNumber/PageSize slice them', async () => {
    const response = await client.describeImages(request({ pageSize: 2, pageNumber: 2 }));
    expect(response.body?.totalCount).toBe(6);
    expect([response.body?.pageNumber, response.body?.pageSize, response.body?.regionId]).toEqual([2, 2, REGION]);
    expect(response.body?.images?.image?.map((image) => image.imageId)).toEqual(['m-old', 'm-shared-to-me']);
    const defaults = await client.describeImages(request());
    expect([defaults.body?.pageNumber, defaults.body?.pageSize]).toEqual([1, 10]);
  });

  test('renders the owner view: alias, owner ID, sharing, usage, tags, features and defaults', async () => {
    const [newest, mid] = (await client.describeImages(request({ imageId: 'm-new,m-mid' }))).body?.images?.image ?? [];
    expect(newest).toMatchObject({
      imageId: 'm-new',
      imageOwnerAlias: 'self',
      imageOwnerId: 1000000000000001,
      isSelfShared: 'True',
      usage: 'none',
      status: 'Available',
      progress: '100%',
      size: 40,
      architecture: 'x86_64',
      OSType: 'linux',
      bootMode: 'BIOS',
      isPublic: false,
    });
    expect(newest.tags?.tag?.map((tag) => [tag.tagKey, tag.tagValue])).toEqual([
      ['team', 'web'],
      ['tier', 'gold'],
    ]);
    expect([newest.features?.nvmeSupport, newest.features?.imdsSupport]).toEqual(['unsupported', 'v1']);
    expect([mid.isSelfShared, mid.usage]).toEqual(['False', 'instance']);
    const [shared] = (await client.describeImages(request({ imageId: 'm-shared-to-me' }))).body?.images?.image ?? [];
    expect([shared.imageOwnerAlias, shared.imageOwnerId, shared.isSelfShared]).toEqual(['others', Number(FOREIGN_ACCOUNT), '']);
  });

  test('a Creating image becomes Available with Progress 100% ReadyAfterSeconds after loading', async () => {
    expect(await ids({ imageId: 'm-creating' })).toEqual([]);
    clockOffset = 31_000;
    const [ready] = (await client.describeImages(request({ imageId: 'm-creating' }))).body?.images?.image ?? [];
    expect([ready?.status, ready?.progress]).toEqual(['Available', '100%']);
    clockOffset = 0;
  });

  test.each(
    (
      [
        ['missing RegionId', new $Ecs.DescribeImagesRequest({}), 'MissingParameter', 400],
        ['unknown ImageOwnerAlias', request({ imageOwnerAlias: 'friends' }), 'InvalidImageOwnerAlias.ValueNotSupported', 400],
        ['IsPublic without others', request({ isPublic: true }), 'InvalidImageOwnerAlias.PublicImageUnsupported', 400],
        ['ImageOwnerId with self', request({ imageOwnerAlias: 'self', imageOwnerId: 1 }), 'InvalidOperation.ImageOwnerIdUnsupported', 400],
        ['PageSize 101', request({ pageSize: 101 }), 'InvalidParameter', 400],
        ['PageSize 0', request({ pageSize: 0 }), 'InvalidParameter', 400],
        ['ALL combined with another status', request({ status: 'ALL,Available' }), 'InvalidParameter', 400],
        ['unknown status', request({ status: 'Gone' }), 'InvalidParameter', 400],
        ['unknown Usage', request({ usage: 'sometimes' }), 'InvalidUsage', 404],
        ['unknown OSType', request({ OSType: 'plan9' }), 'InvalidOSType', 404],
        ['unknown Architecture', request({ architecture: 'riscv' }), 'InvalidArchitecture', 404],
        ['Tag value without key', request({ tag: [new $Ecs.DescribeImagesRequestTag({ value: 'v' })] }), 'InvalidTag.Mismatch', 400],
        [
          'unknown filter key',
          request({ filter: [new $Ecs.DescribeImagesRequestFilter({ key: 'Color', value: 'red' })] }),
          'InvalidFilterKey.NotFound',
          404,
        ],
        ['DryRun', request({ dryRun: true }), 'DryRunOperation', 400],
      ] as const
    ).map(([name, call, code, status]) => ({ name, call, code, status })),
  )('$name ⇒ $status $code', async ({ call, code, status }) => {
    const error = await sdkError(client.describeImages(call));
    expect([error.code, error.statusCode]).toEqual([code, status]);
  });

  test('Filter CreationStartTime/CreationEndTime bound CreationTime', async () => {
    const filter = (key: string, value: string): $Ecs.DescribeImagesRequestFilter => new $Ecs.DescribeImagesRequestFilter({ key, value });
    expect(
      await ids({
        imageOwnerAlias: 'self',
        filter: [filter('CreationStartTime', '2024-01-15T00:00Z'), filter('CreationEndTime', '2024-02-15T00:00Z')],
      }),
    ).toEqual(['m-mid']);
  });
});
