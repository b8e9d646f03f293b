/** ModifyImageAttribute through the real SDK: every error of the seed table, transitions, atomicity. */
import Ecs, * as $Ecs from '@alicloud/ecs20140526';
import { EmulatorState, RunningEmulator, StateImage, startEmulator } from '../../lib/emulator';
import { IMAGE_STATE, features, modify, readImage } from './support/fixtures';
import { REGION, control, ecsClient, sdkError } from './support/sdk-client';

// Messages copied from the seed page's error table (authoritative), not from the emulator.
const SEED = {
  nameMalformed:
    'Image names must be between 2 and 128 characters long, using either English or Chinese characters. ' +
    'The name must start with a letter or a Chinese character, and can include numbers, colons, underscores and hyphens.',
  missingRegion: 'The input parameter "RegionId" that is mandatory for processing this request is not supplied.',
  nameDuplicated: 'The specified Image name has already bean used.',
  descriptionMalformed: 'The specified description is wrongly formed.',
  familyImagesFull: 'The specified image family has exceeded max number of images for one image family.',
  familyMalformed: 'The specified parameter "ImageFamily" is malformed.',
  familiesFull: 'The specified region has exceeded max number of image family.',
  bootMode: 'The specified parameter BootMode is not supported.',
  license: 'The specified parameter LicenseType is not supported.',
  imds: 'The specified parameter Features.ImdsSupport is not supported.',
  notAvailable: 'The specified image status is not available.',
  notDeprecated: 'The specified image status is not deprecated.',
  shared: 'The specified image has been shared to others, please remove shared accounts first.',
  usedByInstance: 'The boot mode of the image cannot be modified because it has associated instances.',
  imdsV2ToV1: 'The specified parameter Features.ImdsSupport can not be set to v1 from v2.',
  creating: 'The operation cannot be performed because the image is creating. Please wait until the creation is complete and try again.',
  community: "The community image's publisher is not the current account. Modification is not permitted.",
  descriptionNotValid: 'The specified parameter description is not valid.',
  notFound: 'The specified ImageId does not exist.',
};

type Case = [name: string, request: $Ecs.ModifyImageAttributeRequest, code: string, status: number, message: string];

describe('ModifyImageAttribute errors (seed table)', () => {
  let emulator: RunningEmulator;
  let client: Ecs;
  beforeAll(async () => {
    emulator = await startEmulator({ state: IMAGE_STATE });
    client = ecsClient(emulator);
  });
  afterAll(async () => {
    await emulator.close();
  });

  const cases: Case[] = [
    ['name starting with a digit', modify('m-avail', { imageName: '1web' }), 'InvalidImageName.Malformed', 400, SEED.nameMalformed],
    ['name of one character', modify('m-avail', { imageName: 'a' }), 'InvalidImageName.Malformed', 400, SEED.nameMalformed],
    [
      'name of 129 characters',
      modify('m-avail', { imageName: `a${'b'.repeat(128)}` }),
      'InvalidImageName.Malformed',
      400,
      SEED.nameMalformed,
    ],
    ['name with a space', modify('m-avail', { imageName: 'web base' }), 'InvalidImageName.Malformed', 400, SEED.nameMalformed],
    ['name starting with aliyun', modify('m-avail', { imageName: 'aliyun-base' }), 'InvalidImageName.Malformed', 400, SEED.nameMalformed],
    ['name starting with acs:', modify('m-avail', { imageName: 'acs:base' }), 'InvalidImageName.Malformed', 400, SEED.nameMalformed],
    [
      'missing RegionId',
      new $Ecs.ModifyImageAttributeRequest({ imageId: 'm-avail', imageName: 'x1' }),
      'MissingParameter',
      400,
      SEED.missingRegion,
    ],
    [
      'missing ImageId',
      new $Ecs.ModifyImageAttributeRequest({ regionId: REGION, imageName: 'x1' }),
      'MissingParameter',
      400,
      'The input parameter "ImageId" that is mandatory for processing this request is not supplied.',
    ],
    ['name of another image', modify('m-avail', { imageName: 'taken-name' }), 'InvalidImageName.Duplicated', 400, SEED.nameDuplicated],
    [
      'description of one character',
      modify('m-avail', { description: 'x' }),
      'InvalidDescription.Malformed',
      400,
      SEED.descriptionMalformed,
    ],
    [
      'description of 257 characters',
      modify('m-avail', { description: 'd'.repeat(257) }),
      'InvalidDescription.Malformed',
      400,
      SEED.descriptionMalformed,
    ],
    [
      'description starting with https://',
      modify('m-avail', { description: 'https://example.com' }),
      'InvalidDescription.Malformed',
      400,
      SEED.descriptionMalformed,
    ],
    [
      'description with a control character',
      modify('m-avail', { description: 'bell\u0007here' }),
      'InvalidDescription.Malformed',
      403,
      SEED.descriptionNotValid,
    ],
    [
      'family starting with a hyphen',
      modify('m-avail', { imageFamily: '-web' }),
      'InvalidImageFamily.Malformed',
      400,
      SEED.familyMalformed,
    ],
    ['family with a URL', modify('m-avail', { imageFamily: 'web-http://x' }), 'InvalidImageFamily.Malformed', 400, SEED.familyMalformed],
    ['unknown boot mode', modify('m-avail', { bootMode: 'Legacy' }), 'InvalidBootMode.NotSupport', 400, SEED.bootMode],
    [
      'BIOS on an arm64 image',
      modify('m-arm', { bootMode: 'BIOS' }),
      'InvalidBootMode.NotSupport',
      400,
      'The specified parameter BootMode is not supported for current image architecture.',
    ],
    ['license other than BYOL', modify('m-avail', { licenseType: 'PAYG' }), 'InvalidLicenseType.NotSupported', 400, SEED.license],
    [
      'IMDS value v3',
      modify('m-avail', { features: features({ imdsSupport: 'v3' }) }),
      'InvalidParameter.FeaturesImdsSupport',
      400,
      SEED.imds,
    ],
    [
      'deprecating a Deprecated image',
      modify('m-deprecated', { status: 'Deprecated' }),
      'ImageStatus.NotAvailable',
      403,
      SEED.notAvailable,
    ],
    [
      'deprecating an UnAvailable image',
      modify('m-unavailable', { status: 'Deprecated' }),
      'ImageStatus.NotAvailable',
      403,
      SEED.notAvailable,
    ],
    ['restoring an Available image', modify('m-avail', { status: 'Available' }), 'ImageStatus.NotDeprecated', 403, SEED.notDeprecated],
    ['deprecating an image shared with an account', modify('m-shared', { status: 'Deprecated' }), 'ImageUseShared', 403, SEED.shared],
    ['deprecating an own community image', modify('m-own-community', { status: 'Deprecated' }), 'ImageUseShared', 403, SEED.shared],
    [
      'changing the boot mode of a used image',
      modify('m-used', { bootMode: 'UEFI' }),
      'OperationDeined.ImageUsingByInstance',
      403,
      SEED.usedByInstance,
    ],
    [
      'IMDS v2 back to v1',
      modify('m-imdsv2', { features: features({ imdsSupport: 'v1' }) }),
      'InvalidOperation.FeaturesImdsSupportNotMatch',
      403,
      SEED.imdsV2ToV1,
    ],
    ['renaming a Creating image', modify('m-creating', { imageName: 'later' }), 'InvalidStatus.ImageIsCreating', 403, SEED.creating],
    ['renaming a Waiting image', modify('m-waiting', { imageName: 'later' }), 'InvalidStatus.ImageIsCreating', 403, SEED.creating],
    [
      "another account's community image",
      modify('m-foreign-community', { imageName: 'mine' }),
      'InvalidOperation.PublicImageUnsupported',
      403,
      SEED.community,
    ],
    ['unknown image', modify('m-nonexistent', { imageName: 'x1' }), 'InvalidImageId.NotFound', 404, SEED.notFound],
    ['system image', modify('aliyun_3_x64_20G_alibase_20240819.vhd', { imageName: 'x1' }), 'InvalidImageId.NotFound', 404, SEED.notFound],
    ['image shared with the caller', modify('m-foreign-shared', { imageName: 'x1' }), 'InvalidImageId.NotFound', 404, SEED.notFound],
    ["another account's private image", modify('m-foreign-private', { imageName: 'x1' }), 'InvalidImageId.NotFound', 404, SEED.notFound],
    ['image of another region', modify('m-beijing', { imageName: 'x1' }), 'InvalidImageId.NotFound', 404, SEED.notFound],
    [
      'unknown status value',
      modify('m-avail', { status: 'Gone' }),
      'InvalidParameter',
      400,
      'The specified parameter "Status" is not valid.',
    ],
    [
      'unknown NVMe value',
      modify('m-avail', { features: features({ nvmeSupport: 'maybe' }) }),
      'InvalidParameter',
      400,
      'The specified parameter "Features.NvmeSupport" is not valid.',
    ],
  ];

  const named = cases.map(([name, request, code, status, message]): Case => [
    `${name} ⇒ ${status} ${code}`,
    request,
    code,
    status,
    message,
  ]);
  test.each(named)('%s', async (_name, request, code, status, message) => {
    const error = await sdkError(client.modifyImageAttribute(request));
    expect(error.name).toBe('ClientError');
    expect(error.code).toBe(code);
    expect(error.statusCode).toBe(status);
    expect(error.data?.Message).toBe(message);
  });

  test('format errors come before state errors (§4.4 order)', async () => {
    // a Creating image (state rule) with a malformed name (format rule)
    const error = await sdkError(client.modifyImageAttribute(modify('m-creating', { imageName: '9bad' })));
    expect(error.code).toBe('InvalidImageName.Malformed');
  });

  test('nothing above changed any image', async () => {
    const { body: snapshot } = await control(emulator, 'GET', '/__emulator/state');
    const fresh = await startEmulator({ state: IMAGE_STATE });
    try {
      const { body: original } = await control(fresh, 'GET', '/__emulator/state');
      expect(snapshot.images).toEqual(original.images);
    } finally {
      await fresh.close();
    }
  });
});

describe('ModifyImageAttribute changes', () => {
  let emulator: RunningEmulator;
  let client: Ecs;
  beforeEach(async () => {
    emulator = await startEmulator({ state: IMAGE_STATE });
    client = ecsClient(emulator);
  });
  afterEach(async () => {
    await emulator.close();
  });

  test('applies every field of one request and answers only a RequestId', async () => {
    const response = await client.modifyImageAttribute(
      modify('m-avail', {
        imageName: 'web-base-v2',
        description: 'second version',
        imageFamily: 'web-next',
        bootMode: 'UEFI-Preferred',
        licenseType: 'BYOL',
        features: features({ nvmeSupport: 'supported', imdsSupport: 'v2' }),
      }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.body?.requestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    const image = await readImage(client, 'm-avail');
    expect([image?.imageName, image?.description, image?.imageFamily, image?.bootMode, image?.licenseType]).toEqual([
      'web-base-v2',
      'second version',
      'web-next',
      'UEFI-Preferred',
      'BYOL',
    ]);
    expect([image?.features?.nvmeSupport, image?.features?.imdsSupport]).toEqual(['supported', 'v2']);
  });

  test('Available ⇒ Deprecated hides the image by default; Status=ALL finds it; ⇒ Available restores it', async () => {
    await client.modifyImageAttribute(modify('m-avail', { status: 'Deprecated' }));
    const byDefault = await client.describeImages(new $Ecs.DescribeImagesRequest({ regionId: REGION, imageId: 'm-avail' }));
    expect(byDefault.body?.totalCount).toBe(0);
    expect(byDefault.body?.images?.image).toEqual([]);
    expect((await readImage(client, 'm-avail'))?.status).toBe('Deprecated');

    await client.modifyImageAttribute(modify('m-avail', { status: 'Available' }));
    const restored = await client.describeImages(new $Ecs.DescribeImagesRequest({ regionId: REGION, imageId: 'm-avail' }));
    expect(restored.body?.images?.image?.map((found) => found.status)).toEqual(['Available']);
  });

  test('same-state requests are errors: Deprecated twice, then Available twice', async () => {
    await client.modifyImageAttribute(modify('m-avail', { status: 'Deprecated' }));
    expect((await sdkError(client.modifyImageAttribute(modify('m-avail', { status: 'Deprecated' })))).code).toBe(
      'ImageStatus.NotAvailable',
    );
    await client.modifyImageAttribute(modify('m-avail', { status: 'Available' }));
    expect((await sdkError(client.modifyImageAttribute(modify('m-avail', { status: 'Available' })))).code).toBe(
      'ImageStatus.NotDeprecated',
    );
  });

  test('a Deprecated image can still be renamed', async () => {
    await client.modifyImageAttribute(modify('m-deprecated', { imageName: 'old-but-renamed' }));
    expect((await readImage(client, 'm-deprecated'))?.imageName).toBe('old-but-renamed');
  });

  test('atomic: one malformed field among valid ones changes nothing', async () => {
    const error = await sdkError(
      client.modifyImageAttribute(
        modify('m-avail', {
          imageName: 'valid-new-name',
          description: 'valid description',
          licenseType: 'PAYG',
        }),
      ),
    );
    expect(error.code).toBe('InvalidLicenseType.NotSupported');
    const image = await readImage(client, 'm-avail');
    expect([image?.imageName, image?.description, image?.licenseType]).toEqual(['web-base', 'original description', '']);
  });

  test('atomic: a state rule failing after valid formats changes nothing', async () => {
    const error = await sdkError(
      client.modifyImageAttribute(
        modify('m-shared', {
          imageName: 'renamed-shared',
          features: features({ nvmeSupport: 'supported' }),
          status: 'Deprecated',
        }),
      ),
    );
    expect(error.code).toBe('ImageUseShared');
    const image = await readImage(client, 'm-shared');
    expect([image?.imageName, image?.features?.nvmeSupport, image?.status]).toEqual(['name-m-shared', 'unsupported', 'Available']);
  });

  test('empty ImageName, Description and ImageFamily leave the attributes unchanged', async () => {
    const response = await client.modifyImageAttribute(modify('m-avail', { imageName: '', description: '', imageFamily: '' }));
    expect(response.statusCode).toBe(200);
    const calls = emulator.calls();
    expect(calls[calls.length - 1].Params).toMatchObject({ ImageName: '', Description: '', ImageFamily: '' });
    const image = await readImage(client, 'm-avail');
    expect([image?.imageName, image?.description, image?.imageFamily]).toEqual(['web-base', 'original description', 'web']);
  });

  test('renaming an image to its own current name succeeds', async () => {
    expect((await client.modifyImageAttribute(modify('m-taken', { imageName: 'taken-name' }))).statusCode).toBe(200);
  });

  test('DryRun=true answers DryRunOperation after the format checks and changes nothing', async () => {
    const dryRun = await sdkError(client.modifyImageAttribute(modify('m-avail', { imageName: 'dry-name', dryRun: true })));
    expect([dryRun.code, dryRun.statusCode]).toEqual(['DryRunOperation', 400]);
    expect((await readImage(client, 'm-avail'))?.imageName).toBe('web-base');
    const malformed = await sdkError(client.modifyImageAttribute(modify('m-avail', { imageName: '#', dryRun: true })));
    expect(malformed.code).toBe('InvalidImageName.Malformed');
    expect((await client.modifyImageAttribute(modify('m-avail', { imageName: 'wet-name', dryRun: false }))).statusCode).toBe(200);
    expect((await readImage(client, 'm-avail'))?.imageName).toBe('wet-name');
  });

  test('IMDS v1 ⇒ v2 and v2 ⇒ v2 are allowed', async () => {
    await client.modifyImageAttribute(modify('m-avail', { features: features({ imdsSupport: 'v2' }) }));
    await client.modifyImageAttribute(modify('m-imdsv2', { features: features({ imdsSupport: 'v2' }) }));
    expect((await readImage(client, 'm-avail'))?.features?.imdsSupport).toBe('v2');
    expect((await readImage(client, 'm-imdsv2'))?.features?.imdsSupport).toBe('v2');
  });

  test('a used image keeps accepting its current boot mode; arm64 accepts UEFI', async () => {
    expect((await client.modifyImageAttribute(modify('m-used', { bootMode: 'BIOS', imageName: 'used-renamed' }))).statusCode).toBe(200);
    expect((await client.modifyImageAttribute(modify('m-arm', { bootMode: 'UEFI' }))).statusCode).toBe(200);
    expect((await readImage(client, 'm-used'))?.imageName).toBe('used-renamed');
  });

  test('a description full of shell metacharacters and CJK is stored verbatim', async () => {
    const description = '$(rm -rf /) ; \' " ` & | > < %20 + 中文描述 テスト \\n';
    await client.modifyImageAttribute(modify('m-avail', { description }));
    expect((await readImage(client, 'm-avail'))?.description).toBe(description);
    expect(emulator.calls().find((call) => call.Action === 'ModifyImageAttribute')?.Params.Description).toBe(description);
  });

  test('a CJK name with digits, dots, colons, underscores and hyphens is accepted', async () => {
    await client.modifyImageAttribute(modify('m-avail', { imageName: '镜像_v1.0:web-base' }));
    expect((await readImage(client, 'm-avail'))?.imageName).toBe('镜像_v1.0:web-base');
  });
});

describe('ModifyImageAttribute family quotas', () => {
  const images = (count: number, family: (index: number) => string): StateImage[] =>
    Array.from({ length: count }, (_, index) => ({ ImageId: `m-q${index}`, ImageName: `q${index}`, ImageFamily: family(index) }));

  async function withState(state: EmulatorState, run: (client: Ecs) => Promise<void>): Promise<void> {
    const emulator = await startEmulator({ state });
    try {
      await run(ecsClient(emulator));
    } finally {
      await emulator.close();
    }
  }

  test('a 101st image in a family ⇒ ImageQuotaFull.ImageFamily; a member staying is fine', async () => {
    await withState({ images: [...images(100, () => 'full'), { ImageId: 'm-out', ImageFamily: 'other' }] }, async (client) => {
      const error = await sdkError(client.modifyImageAttribute(modify('m-out', { imageFamily: 'full' })));
      expect([error.code, error.statusCode]).toEqual(['ImageQuotaFull.ImageFamily', 400]);
      expect((await client.modifyImageAttribute(modify('m-q1', { imageFamily: 'full', imageName: 'q1-renamed' }))).statusCode).toBe(200);
    });
  });

  test('a 101st family in the region ⇒ ImageFamilyQuotaFull; moving a sole member to a new family is fine', async () => {
    await withState({ images: [...images(100, (index) => `fam-${index}`), { ImageId: 'm-out' }] }, async (client) => {
      const error = await sdkError(client.modifyImageAttribute(modify('m-out', { imageFamily: 'fam-new' })));
      expect([error.code, error.statusCode]).toEqual(['ImageFamilyQuotaFull', 400]);
      expect((await client.modifyImageAttribute(modify('m-out', { imageFamily: 'fam-5' }))).statusCode).toBe(200);
      expect((await client.modifyImageAttribute(modify('m-q0', { imageFamily: 'fam-renamed' }))).statusCode).toBe(200);
    });
  });

  test('families of another region do not count', async () => {
    const beijing = images(100, (index) => `fam-${index}`).map((entry) => ({ ...entry, RegionId: 'cn-beijing' }));
    await withState({ images: [...beijing, { ImageId: 'm-out' }] }, async (client) => {
      expect((await client.modifyImageAttribute(modify('m-out', { imageFamily: 'fam-new' }))).statusCode).toBe(200);
    });
  });
});
