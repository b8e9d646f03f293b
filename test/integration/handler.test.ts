import { EmulatorHarness, image, ACCOUNT } from '../support/emulator-harness';

const emu = new EmulatorHarness();
afterAll(() => emu.stop());

const ID = 'm-bp1web0001';

describe('Create and Update: reconcile to the desired attributes', () => {
  test('an image already as desired costs one DescribeImages and no ModifyImageAttribute', async () => {
    // GIVEN
    await emu.start({
      images: [image(ID, { ImageName: 'web', Description: 'golden web image', Features: { NvmeSupport: 'supported', ImdsSupport: 'v2' } })],
    });
    // WHEN
    const res = await emu.simulate({
      ImageId: ID,
      ImageName: 'web',
      Description: 'golden web image',
      Features: { NvmeSupport: 'supported', ImdsSupport: 'v2' },
    });
    // THEN
    expect(await emu.actions()).toEqual(['DescribeImages']);
    expect(res).toEqual({
      PhysicalResourceId: ID,
      Data: { ImageId: ID, RegionId: 'cn-hangzhou', Status: 'Available', Changes: [], RequestIds: [] },
    });
  });

  test('the read asks for every status, so Deprecated images are found', async () => {
    await emu.start({ images: [image(ID, { Status: 'Deprecated' })] });
    await emu.simulate({ ImageId: ID, Status: 'Deprecated' });
    const [describe] = await emu.calls();
    expect(describe.Params).toMatchObject({
      ImageId: ID,
      ImageOwnerAlias: 'self',
      Status: 'Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated',
    });
    expect(await emu.actions()).toEqual(['DescribeImages']);
  });

  test('sends one ModifyImageAttribute with only the changed fields, Features with only its changed member, then reads back', async () => {
    await emu.start({
      images: [image(ID, { ImageName: 'web', Description: 'same text', Features: { NvmeSupport: 'unsupported', ImdsSupport: 'v2' } })],
    });
    const res = await emu.simulate({
      ImageId: ID,
      ImageName: 'web-v2',
      Description: 'same text',
      Features: { NvmeSupport: 'supported', ImdsSupport: 'v2' },
    });
    expect(await emu.actions()).toEqual(['DescribeImages', 'ModifyImageAttribute', 'DescribeImages']);
    expect(await emu.modifyCalls()).toEqual([{ 'ImageName': 'web-v2', 'Features.NvmeSupport': 'supported' }]);
    expect(res.Data.Changes).toEqual([
      { Attribute: 'ImageName', From: 'web', To: 'web-v2' },
      { Attribute: 'Features.NvmeSupport', From: 'unsupported', To: 'supported' },
    ]);
    expect(res.Data.RequestIds).toHaveLength(1);
    expect(await emu.image(ID)).toMatchObject({ ImageName: 'web-v2', Features: { NvmeSupport: 'supported', ImdsSupport: 'v2' } });
  });

  test('a second identical run makes no ModifyImageAttribute call', async () => {
    await emu.start({ images: [image(ID, { ImageName: 'web' })] });
    await emu.simulate({ ImageId: ID, ImageName: 'web-v2', ImageFamily: 'web', LicenseType: 'BYOL', BootMode: 'UEFI' });
    await emu.clearCalls();
    await emu.simulate({ ImageId: ID, ImageName: 'web-v2', ImageFamily: 'web', LicenseType: 'BYOL', BootMode: 'UEFI' });
    expect(await emu.actions()).toEqual(['DescribeImages']);
  });

  test('a Description full of shell metacharacters and Chinese is stored verbatim', async () => {
    const description = `Built $(date) by \`whoami\`; rm -rf / && echo 'x' "y" | tee > /tmp/z < in & 中文描述 $HOME \\n`;
    await emu.start({ images: [image(ID)] });
    await emu.simulate({ ImageId: ID, Description: description });
    expect((await emu.image(ID)).Description).toBe(description);
    expect(await emu.modifyCalls()).toEqual([{ Description: description }]);
  });

  test('an Update whose ImageId changed reconciles the new image and returns it as PhysicalResourceId', async () => {
    await emu.start({ images: [image(ID), image('m-bp1web0002')] });
    const res = await emu.simulate(
      { ImageId: 'm-bp1web0002', ImageName: 'web-next' },
      {
        RequestType: 'Update',
        PhysicalResourceId: ID,
        OldResourceProperties: { RegionId: 'cn-hangzhou', ImageId: ID, ImageName: 'web-next' },
      },
    );
    expect(res.PhysicalResourceId).toBe('m-bp1web0002');
    expect((await emu.image('m-bp1web0002')).ImageName).toBe('web-next');
    expect((await emu.image(ID)).ImageName).toBe('img-bp1web0001');
  });

  test('an attribute left out is never sent, even when the image differs', async () => {
    await emu.start({ images: [image(ID, { ImageName: 'other', Description: 'something else' })] });
    await emu.simulate({ ImageId: ID, ImageFamily: 'web' });
    expect(await emu.modifyCalls()).toEqual([{ ImageFamily: 'web' }]);
  });
});

describe('Status transitions', () => {
  test('a Deprecated image is made Available before its other attributes change', async () => {
    await emu.start({ images: [image(ID, { Status: 'Deprecated', ImageName: 'old' })] });
    const res = await emu.simulate({ ImageId: ID, Status: 'Available', ImageName: 'revived' });
    expect(await emu.modifyCalls()).toEqual([{ Status: 'Available' }, { ImageName: 'revived' }]);
    expect(res.Data.Status).toBe('Available');
    expect(res.Data.RequestIds).toHaveLength(2);
  });

  test('deprecation comes last, after the other changes and the guards', async () => {
    await emu.start({ images: [image(ID, { ImageFamily: 'web' }), image('m-bp1web0002', { ImageFamily: 'web' })] });
    const res = await emu.simulate({ ImageId: ID, Status: 'Deprecated', Description: 'superseded by m-bp1web0002' });
    expect(await emu.actions()).toEqual([
      'DescribeImages',
      'DescribeImageSharePermission',
      'DescribeImages',
      'ModifyImageAttribute',
      'ModifyImageAttribute',
      'DescribeImages',
    ]);
    expect(await emu.modifyCalls()).toEqual([{ Description: 'superseded by m-bp1web0002' }, { Status: 'Deprecated' }]);
    expect(res.Data.Status).toBe('Deprecated');
  });

  test('a Deprecated image can be renamed without touching its Status', async () => {
    await emu.start({ images: [image(ID, { Status: 'Deprecated' })] });
    await emu.simulate({ ImageId: ID, ImageName: 'archived-web' });
    expect(await emu.modifyCalls()).toEqual([{ ImageName: 'archived-web' }]);
    expect(await emu.image(ID)).toMatchObject({ Status: 'Deprecated', ImageName: 'archived-web' });
  });

  test('a Status the image already has is never sent', async () => {
    await emu.start({ images: [image(ID, { Status: 'Available' })] });
    await emu.simulate({ ImageId: ID, Status: 'Available', ImageName: 'renamed' });
    expect(await emu.modifyCalls()).toEqual([{ ImageName: 'renamed' }]);
  });

  test('an image still Creating is waited for, then changed', async () => {
    await emu.start({ images: [image(ID, { Status: 'Creating', Progress: '40%', ReadyAfterSeconds: 1 })] });
    const res = await emu.simulate({ ImageId: ID, ImageName: 'fresh' });
    const actions = await emu.actions();
    expect(actions.filter((a) => a === 'DescribeImages').length).toBeGreaterThanOrEqual(3);
    expect(actions.filter((a) => a === 'ModifyImageAttribute')).toHaveLength(1);
    expect(res.Data.Status).toBe('Available');
  });

  test('an image still Creating after the wait timeout is refused with no write', async () => {
    await emu.start({ images: [image(ID, { Status: 'Waiting', ReadyAfterSeconds: 3600 })] });
    await expect(emu.simulate({ ImageId: ID, ImageName: 'fresh', WaitTimeoutSeconds: 0 })).rejects.toMatchObject({
      code: 'Guard.ImageNotReady',
      message: expect.stringContaining(`Image ${ID} in cn-hangzhou is still Waiting after waiting 0 s`),
    });
    expect(await emu.modifyCalls()).toEqual([]);
  });

  test('the wait for a Creating image ends before a Lambda/FC invocation would be cut off', async () => {
    await emu.start({ images: [image(ID, { Status: 'Creating', ReadyAfterSeconds: 3600 })] });
    const started = Date.now();
    await expect(
      emu.handler()(
        { RequestType: 'Create', ResourceProperties: { RegionId: 'cn-hangzhou', ImageId: ID, ImageName: 'fresh' } },
        { getRemainingTimeInMillis: () => 31_000 },
      ),
    ).rejects.toMatchObject({ code: 'Guard.ImageNotReady' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test.each(['CreateFailed', 'UnAvailable'])('an image %s is refused at once', async (status) => {
    await emu.start({ images: [image(ID, { Status: status })] });
    await expect(emu.simulate({ ImageId: ID, ImageName: 'fresh' })).rejects.toMatchObject({
      code: 'Guard.ImageUnusable',
      message: expect.stringContaining(`is ${status}: the image failed`),
    });
    expect(await emu.actions()).toEqual(['DescribeImages']);
  });
});

describe('Guards: each refuses with its own message and no write', () => {
  const OTHER = '2000000000000002';
  test.each([
    {
      name: 'image not found in that region and account',
      state: { images: [image(ID, { RegionId: 'cn-shanghai' })] },
      props: { ImageName: 'x1' },
      code: 'Guard.ImageNotFound',
      message: `Image ${ID} in cn-hangzhou was not found among this account's custom images (any status).`,
    },
    {
      name: "another account's private image",
      state: { images: [image(ID, { ImageOwnerId: OTHER, ImageOwnerAlias: 'others' })] },
      props: { ImageName: 'x1' },
      code: 'Guard.ImageNotFound',
      message: "was not found among this account's custom images",
    },
    {
      name: 'a community image published by another account',
      state: { images: [image(ID, { ImageOwnerId: OTHER, ImageOwnerAlias: 'others', IsPublic: true })] },
      props: { ImageName: 'x1' },
      code: 'Guard.CommunityImageOfAnotherAccount',
      message: `is a community image published by another account (${OTHER}); only its publisher can change it`,
    },
    {
      name: 'ImdsSupport v2 to v1',
      state: { images: [image(ID, { Features: { ImdsSupport: 'v2' } })] },
      props: { Features: { ImdsSupport: 'v1' } },
      code: 'Guard.ImdsSupportDowngrade',
      message: 'has Features.ImdsSupport "v2"; the API never allows going back to "v1"',
    },
    {
      name: 'a BootMode change while instances use the image',
      state: {
        images: [image(ID, { BootMode: 'BIOS' })],
        instances: [{ InstanceId: 'i-bp1run0001', RegionId: 'cn-hangzhou', ImageId: ID }],
      },
      props: { BootMode: 'UEFI' },
      code: 'Guard.BootModeImageInUse',
      message: 'BootMode cannot change from "BIOS" to "UEFI" while instances use the image (i-bp1run0001)',
    },
    {
      name: 'deprecating a shared image',
      state: { images: [image(ID), image('m-bp1web0002')], shares: { [ID]: [OTHER] } },
      props: { Status: 'Deprecated' },
      code: 'Guard.DeprecateSharedImage',
      message: `cannot be deprecated while it is shared with 1 account(s): ${OTHER}`,
    },
    {
      name: 'deprecating the last Available image of its family',
      state: { images: [image(ID, { ImageFamily: 'web' }), image('m-bp1web0002', { ImageFamily: 'web', Status: 'Deprecated' })] },
      props: { Status: 'Deprecated' },
      code: 'Guard.DeprecateLastImageOfFamily',
      message: 'is the last Available image of family "web"',
    },
  ])('$name', async ({ state, props, code, message }) => {
    await emu.start(state);
    await expect(emu.simulate({ ImageId: ID, ...props })).rejects.toMatchObject({ code, message: expect.stringContaining(message) });
    expect(await emu.modifyCalls()).toEqual([]);
  });

  test('a guard refusal applies nothing, not even the fields that were fine', async () => {
    await emu.start({ images: [image(ID, { ImageName: 'web', Features: { ImdsSupport: 'v2' } })] });
    await expect(emu.simulate({ ImageId: ID, ImageName: 'web-v2', Features: { ImdsSupport: 'v1' } })).rejects.toMatchObject({
      code: 'Guard.ImdsSupportDowngrade',
    });
    expect((await emu.image(ID)).ImageName).toBe('web');
  });

  test('AllowEmptyFamily lets the last Available image of a family be deprecated', async () => {
    await emu.start({ images: [image(ID, { ImageFamily: 'web' })] });
    const res = await emu.simulate({ ImageId: ID, Status: 'Deprecated', AllowEmptyFamily: 'true' });
    expect(res.Data.Status).toBe('Deprecated');
    expect(await emu.actions()).not.toContain('DescribeImageFromFamily');
  });

  test('a BootMode change with no instances goes through', async () => {
    await emu.start({ images: [image(ID, { BootMode: 'BIOS' })] });
    await emu.simulate({ ImageId: ID, BootMode: 'UEFI' });
    expect(await emu.actions()).toEqual(['DescribeImages', 'DescribeInstances', 'ModifyImageAttribute', 'DescribeImages']);
  });

  test('an invalid value fails before any API call, naming attribute, value and rule', async () => {
    await emu.start({ images: [image(ID)] });
    await expect(emu.simulate({ ImageId: ID, ImageName: 'aliyun-web' })).rejects.toThrow(
      'ImageName "aliyun-web" is not valid: it must not start with "aliyun" or "acs:".',
    );
    expect(await emu.calls()).toEqual([]);
  });

  test("an API refusal the guards cannot foresee reaches the caller with advice and the API's code", async () => {
    await emu.start({ images: [image(ID, { ImageName: 'web' }), image('m-bp1web0002', { ImageName: 'taken' })] });
    await expect(emu.simulate({ ImageId: ID, ImageName: 'taken' })).rejects.toMatchObject({
      code: 'InvalidImageName.Duplicated',
      message: expect.stringMatching(
        /^Another image of this account in this region already has that ImageName.*\(ECS ModifyImageAttribute returned InvalidImageName.Duplicated, HTTP 400/,
      ),
    });
  });

  test('the test account owns the images it manages', () => {
    expect(ACCOUNT).toMatch(/^\d{16}$/);
  });
});

describe('Retries: throttling, server errors and dropped connections', () => {
  test.each([
    ['Throttling.User', 400],
    ['ServiceUnavailable', 503],
    ['InternalError', 500],
  ])('%s on ModifyImageAttribute twice, then success', async (code, status) => {
    await emu.start({ images: [image(ID)] });
    await emu.fault({ Action: 'ModifyImageAttribute', Code: code, HttpStatus: status, Count: 2 });
    const res = await emu.simulate({ ImageId: ID, ImageName: 'retried' });
    const modifies = (await emu.calls()).filter((c) => c.Action === 'ModifyImageAttribute').map((c) => c.Code);
    expect(modifies).toEqual([code, code, null]);
    expect(res.Data.Changes).toHaveLength(1);
  });

  test('a connection reset on DescribeImages is retried', async () => {
    await emu.start({ images: [image(ID)] });
    await emu.fault({ Action: 'DescribeImages', Code: 'ConnectionReset', HttpStatus: 500, Count: 1 });
    await emu.simulate({ ImageId: ID, ImageName: 'after-reset' });
    expect((await emu.image(ID)).ImageName).toBe('after-reset');
    expect((await emu.calls()).map((c) => [c.Action, c.Code])).toEqual([
      ['DescribeImages', 'ConnectionReset'],
      ['DescribeImages', null],
      ['ModifyImageAttribute', null],
      ['DescribeImages', null],
    ]);
  });

  test('retries are bounded: the last error is reported with advice', async () => {
    await emu.start({ images: [image(ID)] });
    await emu.fault({ Action: 'DescribeImages', Code: 'Throttling.User', HttpStatus: 400, Count: 10 });
    await expect(emu.simulate({ ImageId: ID, ImageName: 'never' })).rejects.toMatchObject({
      code: 'Throttling.User',
      message: expect.stringContaining('The account-wide API rate limit was hit and retries ran out'),
    });
    expect(await emu.actions()).toEqual(['DescribeImages', 'DescribeImages', 'DescribeImages', 'DescribeImages']);
  });

  test('a client error is not retried', async () => {
    await emu.start({ images: [image(ID)] });
    await emu.fault({ Action: 'ModifyImageAttribute', Code: 'Forbidden.RAM', HttpStatus: 403, Count: 5 });
    await expect(emu.simulate({ ImageId: ID, ImageName: 'denied' })).rejects.toMatchObject({ code: 'Forbidden.RAM' });
    expect((await emu.actions()).filter((a) => a === 'ModifyImageAttribute')).toHaveLength(1);
  });

  test("under the emulator's rate limit the handler still converges", async () => {
    await emu.start({ images: [image(ID)] }, { rateLimit: 2 });
    const res = await emu.simulate(
      { ImageId: ID, ImageName: 'limited', Status: 'Available' },
      {},
      { retryPolicy: { maxAttempts: 8, baseDelayMs: 200, maxDelayMs: 1000 } },
    );
    expect(res.Data.Changes).toEqual([{ Attribute: 'ImageName', From: 'img-bp1web0001', To: 'limited' }]);
  });
});

describe('Delete honours DeletionPolicy', () => {
  test('Retain (the default) makes no call at all', async () => {
    await emu.start({ images: [image(ID)] });
    const res = await emu.simulate({ ImageId: ID, ImageName: 'web' }, { RequestType: 'Delete', PhysicalResourceId: ID });
    expect(await emu.calls()).toEqual([]);
    expect(res.PhysicalResourceId).toBe(ID);
  });

  test('Retain succeeds even when the properties are invalid (a Delete after a failed Create)', async () => {
    await emu.start({ images: [] });
    const res = await emu.simulate({ ImageId: 'not-an-id', ImageName: '1' }, { RequestType: 'Delete', PhysicalResourceId: 'not-an-id' });
    expect(res.PhysicalResourceId).toBe('not-an-id');
  });

  test('Deprecate deprecates, with the guards', async () => {
    await emu.start({ images: [image(ID, { ImageFamily: 'web' }), image('m-bp1web0002', { ImageFamily: 'web' })] });
    const res = await emu.simulate({ ImageId: ID, DeletionPolicy: 'Deprecate' }, { RequestType: 'Delete', PhysicalResourceId: ID });
    expect(res.Data.Changes).toEqual([{ Attribute: 'Status', From: 'Available', To: 'Deprecated' }]);
    expect(await emu.modifyCalls()).toEqual([{ Status: 'Deprecated' }]);
  });

  test('Deprecate refuses the last image of a family unless allowed', async () => {
    await emu.start({ images: [image(ID, { ImageFamily: 'web' })] });
    await expect(
      emu.simulate({ ImageId: ID, DeletionPolicy: 'Deprecate' }, { RequestType: 'Delete', PhysicalResourceId: ID }),
    ).rejects.toMatchObject({ code: 'Guard.DeprecateLastImageOfFamily' });
    expect(await emu.modifyCalls()).toEqual([]);
  });

  test('Deprecate of an already Deprecated image makes no write', async () => {
    await emu.start({ images: [image(ID, { Status: 'Deprecated' })] });
    await emu.simulate({ ImageId: ID, DeletionPolicy: 'Deprecate' }, { RequestType: 'Delete', PhysicalResourceId: ID });
    expect(await emu.actions()).toEqual(['DescribeImages']);
  });

  test('an image that is gone is a successful Delete', async () => {
    await emu.start({ images: [] });
    const res = await emu.simulate({ ImageId: ID, DeletionPolicy: 'Deprecate' }, { RequestType: 'Delete', PhysicalResourceId: ID });
    expect(res.Data.Changes).toEqual([]);
  });

  test('Restore puts back the values in RestoreTo and reports what it could not', async () => {
    await emu.start({ images: [image(ID, { ImageName: 'managed', Description: 'managed text', Features: { ImdsSupport: 'v2' } })] });
    const res = await emu.simulate(
      {
        ImageId: ID,
        DeletionPolicy: 'Restore',
        RestoreTo: { ImageName: 'original', Description: 'original text', Features: { ImdsSupport: 'v1' } },
      },
      { RequestType: 'Delete', PhysicalResourceId: ID },
    );
    expect(await emu.modifyCalls()).toEqual([{ ImageName: 'original', Description: 'original text' }]);
    expect(res.Data.Skipped).toEqual([
      { Attribute: 'Features.ImdsSupport', Reason: expect.stringContaining('never allows going back to "v1"') },
    ]);
  });
});

describe('Credentials', () => {
  afterEach(() => {
    delete process.env.ALICLOUD_ACCESS_KEY;
    delete process.env.ALICLOUD_SECRET_KEY;
  });

  test('a wrong secret is refused by the signature check, and the secret appears nowhere', async () => {
    await emu.start({ images: [image(ID)], accessKeys: [{ id: 'AKIDPIPELINE', secret: 'right-secret' }] });
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'AKIDPIPELINE';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'wrong-secret-value';
    const error = await emu.simulate({ ImageId: ID, ImageName: 'x1' }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'SignatureDoesNotMatch' });
    expect((error as Error).message).not.toContain('wrong-secret-value');
    expect((error as Error).message).not.toContain('AKIDPIPELINE');
  });

  test('an STS token from ALICLOUD_SECURITY_TOKEN is sent and checked', async () => {
    await emu.start({ images: [image(ID)], accessKeys: [{ id: 'STS.AKIDTEMP', secret: 'sts-secret', securityToken: 'sts-token-value' }] });
    process.env.ALICLOUD_ACCESS_KEY = 'STS.AKIDTEMP';
    process.env.ALICLOUD_SECRET_KEY = 'sts-secret';
    process.env.ALICLOUD_SECURITY_TOKEN = 'sts-token-value';
    try {
      expect((await emu.simulate({ ImageId: ID, ImageName: 'via-sts' })).Data.Changes).toHaveLength(1);
      process.env.ALICLOUD_SECURITY_TOKEN = 'another-token';
      const error = await emu.simulate({ ImageId: ID, ImageName: 'via-sts-2' }).catch((e: Error) => e);
      expect(error).toMatchObject({ code: 'InvalidSecurityToken.MismatchWithAccessKey' });
      expect((error as Error).message).not.toContain('another-token');
    } finally {
      delete process.env.ALICLOUD_SECURITY_TOKEN;
    }
  });

  test("the Terraform provider's ALICLOUD_* variables are used when set", async () => {
    await emu.start({ images: [image(ID)], accessKeys: [{ id: 'AKIDTF', secret: 'tf-secret' }] });
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'unknown';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'unknown';
    process.env.ALICLOUD_ACCESS_KEY = 'AKIDTF';
    process.env.ALICLOUD_SECRET_KEY = 'tf-secret';
    const res = await emu.simulate({ ImageId: ID, ImageName: 'from-tf-env' });
    expect(res.Data.Changes).toHaveLength(1);
  });
});
