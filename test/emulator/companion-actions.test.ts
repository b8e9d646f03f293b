/** DescribeInstances, DescribeImageSharePermission, DescribeImageFromFamily and the tag actions through the SDK. */
import Ecs, * as $Ecs from '@alicloud/ecs20140526';
import { EmulatorState, RunningEmulator, startEmulator } from '../../lib/emulator';
import { FOREIGN_ACCOUNT, PARTNER_ACCOUNT } from './support/fixtures';
import { REGION, control, ecsClient, sdkError } from './support/sdk-client';

const STATE: EmulatorState = {
  images: [
    { ImageId: 'm-fam-new', ImageFamily: 'web', CreationTime: '2024-03-01T00:00:00Z', Status: 'Deprecated' },
    { ImageId: 'm-fam-mid', ImageFamily: 'web', CreationTime: '2024-02-01T00:00:00Z', Tags: [{ TagKey: 'team', TagValue: 'web' }] },
    { ImageId: 'm-fam-old', ImageFamily: 'web', CreationTime: '2024-01-01T00:00:00Z' },
    { ImageId: 'm-lonely', ImageFamily: 'gone', Status: 'Deprecated' },
    { ImageId: 'm-shared', IsPublic: true },
    { ImageId: 'm-foreign', ImageOwnerAlias: 'others', ImageOwnerId: FOREIGN_ACCOUNT, ImageFamily: 'theirs' },
  ],
  instances: Array.from({ length: 25 }, (_, index) => ({
    InstanceId: `i-${String(index).padStart(2, '0')}`,
    ImageId: index < 23 ? 'm-fam-mid' : 'm-fam-old',
    RegionId: REGION,
  })),
  shares: { 'm-shared': [PARTNER_ACCOUNT, '1000000000000004'], 'm-foreign': ['1000000000000001'] },
};

describe('companion actions', () => {
  let emulator: RunningEmulator;
  let client: Ecs;
  beforeEach(async () => {
    emulator = await startEmulator({ state: STATE });
    client = ecsClient(emulator);
  });
  afterEach(async () => {
    await emulator.close();
  });

  test('DescribeInstances pages instances of an image with MaxResults/NextToken', async () => {
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const response = await client.describeInstances(
        new $Ecs.DescribeInstancesRequest({ regionId: REGION, imageId: 'm-fam-mid', maxResults: 10, nextToken }),
      );
      seen.push(...(response.body?.instances?.instance ?? []).map((instance) => instance.instanceId ?? ''));
      nextToken = response.body?.nextToken || undefined;
      pages += 1;
    } while (nextToken);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 23 }, (_, index) => `i-${String(index).padStart(2, '0')}`));
  });

  test('DescribeInstances answers an empty array for an unused image and rejects a forged NextToken', async () => {
    const response = await client.describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: REGION, imageId: 'm-lonely' }));
    expect([response.body?.totalCount, response.body?.instances?.instance]).toEqual([0, []]);
    const error = await sdkError(client.describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: REGION, nextToken: 'forged' })));
    expect([error.code, error.statusCode]).toEqual(['InvalidParameter', 400]);
  });

  test('DescribeImageSharePermission lists accounts and the community group', async () => {
    const response = await client.describeImageSharePermission(
      new $Ecs.DescribeImageSharePermissionRequest({ regionId: REGION, imageId: 'm-shared' }),
    );
    expect(response.body?.accounts?.account?.map((account) => account.aliyunId)).toEqual([PARTNER_ACCOUNT, '1000000000000004']);
    expect(response.body?.shareGroups?.shareGroup?.map((group) => group.group)).toEqual(['all']);
    expect(response.body?.totalCount).toBe(2);
    const unshared = await client.describeImageSharePermission(
      new $Ecs.DescribeImageSharePermissionRequest({ regionId: REGION, imageId: 'm-fam-old' }),
    );
    expect([unshared.body?.totalCount, unshared.body?.accounts?.account, unshared.body?.shareGroups?.shareGroup]).toEqual([0, [], []]);
  });

  test("DescribeImageSharePermission of another account's image ⇒ 404 naming the image", async () => {
    const error = await sdkError(
      client.describeImageSharePermission(new $Ecs.DescribeImageSharePermissionRequest({ regionId: REGION, imageId: 'm-foreign' })),
    );
    expect([error.code, error.statusCode, error.data?.Message]).toEqual([
      'InvalidImageId.NotFound',
      404,
      'The specified image m-foreign does not exist.',
    ]);
  });

  test('DescribeImageFromFamily returns the newest Available image, skipping Deprecated', async () => {
    const response = await client.describeImageFromFamily(
      new $Ecs.DescribeImageFromFamilyRequest({ regionId: REGION, imageFamily: 'web' }),
    );
    expect([response.body?.image?.imageId, response.body?.image?.status]).toEqual(['m-fam-mid', 'Available']);
  });

  test('DescribeImageFromFamily answers an empty Image when no Available image is left', async () => {
    const response = await client.describeImageFromFamily(
      new $Ecs.DescribeImageFromFamilyRequest({ regionId: REGION, imageFamily: 'gone' }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.body?.image?.imageId).toBeUndefined();
    const raw = await sdkError(client.describeImageFromFamily(new $Ecs.DescribeImageFromFamilyRequest({ regionId: REGION })));
    expect([raw.code, raw.data?.Message]).toEqual([
      'MissingParameter',
      'The input parameter "ImageFamily" that is mandatory for processing this request is not supplied.',
    ]);
  });

  test('DescribeImageFromFamily finds a shared family as acs:<owner>:<family>', async () => {
    const response = await client.describeImageFromFamily(
      new $Ecs.DescribeImageFromFamilyRequest({ regionId: REGION, imageFamily: `acs:${FOREIGN_ACCOUNT}:theirs` }),
    );
    expect(response.body?.image?.imageId).toBe('m-foreign');
  });

  test('TagResources overwrites a key, adds new ones, and DescribeImages shows them', async () => {
    const tag = (key: string, value: string): $Ecs.TagResourcesRequestTag => new $Ecs.TagResourcesRequestTag({ key, value });
    await client.tagResources(
      new $Ecs.TagResourcesRequest({
        regionId: REGION,
        resourceType: 'image',
        resourceId: ['m-fam-mid', 'm-fam-old'],
        tag: [tag('team', 'platform'), tag('env', '')],
      }),
    );
    const listed = await client.listTagResources(
      new $Ecs.ListTagResourcesRequest({ regionId: REGION, resourceType: 'image', resourceId: ['m-fam-mid'] }),
    );
    expect(
      listed.body?.tagResources?.tagResource?.map((entry) => [entry.resourceId, entry.resourceType, entry.tagKey, entry.tagValue]),
    ).toEqual([
      ['m-fam-mid', 'image', 'team', 'platform'],
      ['m-fam-mid', 'image', 'env', ''],
    ]);
    const described = await client.describeImages(new $Ecs.DescribeImagesRequest({ regionId: REGION, imageId: 'm-fam-old' }));
    expect(described.body?.images?.image?.[0]?.tags?.tag?.map((entry) => `${entry.tagKey}=${entry.tagValue}`)).toEqual([
      'team=platform',
      'env=',
    ]);
  });

  test('ListTagResources by tag lists only the filtered keys of matching images', async () => {
    const response = await client.listTagResources(
      new $Ecs.ListTagResourcesRequest({
        regionId: REGION,
        resourceType: 'image',
        tag: [new $Ecs.ListTagResourcesRequestTag({ key: 'team', value: 'web' })],
      }),
    );
    expect(response.body?.tagResources?.tagResource?.map((entry) => entry.resourceId)).toEqual(['m-fam-mid']);
    expect(response.body?.nextToken).toBe('');
  });

  test('UntagResources removes the named keys, or all with All=true', async () => {
    await client.tagResources(
      new $Ecs.TagResourcesRequest({
        regionId: REGION,
        resourceType: 'image',
        resourceId: ['m-fam-old'],
        tag: ['a', 'b', 'c'].map((key) => new $Ecs.TagResourcesRequestTag({ key, value: key })),
      }),
    );
    await client.untagResources(
      new $Ecs.UntagResourcesRequest({ regionId: REGION, resourceType: 'image', resourceId: ['m-fam-old'], tagKey: ['b'] }),
    );
    const keys = async (): Promise<string[]> =>
      (
        (
          await client.listTagResources(
            new $Ecs.ListTagResourcesRequest({
              regionId: REGION,
              resourceType: 'image',
              resourceId: ['m-fam-old'],
            }),
          )
        ).body?.tagResources?.tagResource ?? []
      ).map((entry) => entry.tagKey ?? '');
    expect(await keys()).toEqual(['a', 'c']);
    await client.untagResources(
      new $Ecs.UntagResourcesRequest({ regionId: REGION, resourceType: 'image', resourceId: ['m-fam-old'], all: true }),
    );
    expect(await keys()).toEqual([]);
  });

  test.each([
    ['a key starting with aliyun', 'InvalidTagKey.Malformed', 400, { tag: [{ key: 'aliyun:x', value: 'v' }] }],
    ['a value with a URL', 'InvalidTagValue.Malformed', 400, { tag: [{ key: 'k', value: 'see https://x' }] }],
    [
      'duplicate keys',
      'Duplicate.TagKey',
      400,
      {
        tag: [
          { key: 'k', value: '1' },
          { key: 'k', value: '2' },
        ],
      },
    ],
    ['21 tags', 'InvalidTagCount', 400, { tag: Array.from({ length: 21 }, (_, index) => ({ key: `k${index}`, value: '' })) }],
    ['another resource type', 'InvalidResourceType.NotSupported', 400, { resourceType: 'disk' }],
    ["another account's image", 'InvalidResourceId.NotFound', 404, { resourceId: ['m-fam-old', 'm-foreign'] }],
    ['no resource', 'MissingParameter', 400, { resourceId: [] }],
  ])('TagResources with %s ⇒ %s and nothing changes', async (_name, code, status, override) => {
    const { tag = [{ key: 'ok', value: 'v' }], ...rest } = override as { tag?: Array<{ key: string; value: string }> };
    const error = await sdkError(
      client.tagResources(
        new $Ecs.TagResourcesRequest({
          regionId: REGION,
          resourceType: 'image',
          resourceId: ['m-fam-old'],
          ...rest,
          tag: tag.map((entry) => new $Ecs.TagResourcesRequestTag(entry)),
        }),
      ),
    );
    expect([error.code, error.statusCode]).toEqual([code, status]);
    const { body: state } = await control(emulator, 'GET', '/__emulator/state');
    expect(state.images.find((image: { ImageId: string }) => image.ImageId === 'm-fam-old').Tags).toEqual({ Tag: [] });
  });

  test('a resource may carry at most 20 tags (QuotaExceed.TagNum)', async () => {
    const tags = (prefix: string, count: number): $Ecs.TagResourcesRequestTag[] =>
      Array.from({ length: count }, (_, index) => new $Ecs.TagResourcesRequestTag({ key: `${prefix}${index}`, value: '' }));
    await client.tagResources(
      new $Ecs.TagResourcesRequest({ regionId: REGION, resourceType: 'image', resourceId: ['m-fam-mid'], tag: tags('a', 19) }),
    );
    const error = await sdkError(
      client.tagResources(
        new $Ecs.TagResourcesRequest({ regionId: REGION, resourceType: 'image', resourceId: ['m-fam-mid'], tag: tags('b', 1) }),
      ),
    );
    expect([error.code, error.statusCode]).toEqual(['QuotaExceed.TagNum', 400]);
  });
});
