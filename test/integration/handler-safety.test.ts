/*
 * The handler on what users meet in their first week: nothing half-applied, values the API
 * refuses caught before any call, one drift tag per manager, the tag quota, released images.
 * The unmodified SDK over HTTP against the emulator.
 */
import { createReader } from '../../lib/handler/reader';
import { silentLogger } from '../../lib/handler/logging/log';
import { EmulatorHarness, image } from '../support/emulator-harness';

const emu = new EmulatorHarness();
afterAll(() => emu.stop());

const ID = 'm-bp1safe0001';
const OTHER = 'm-bp1safe0002';
const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ TagKey: `team-${i}`, TagValue: 'x' }));
const read = (query: Record<string, string>) =>
  createReader({ log: silentLogger, retryPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } })(query);

describe('nothing is half-applied', () => {
  test('reviving an image and renaming it to a name another image holds is refused before the first write', async () => {
    // GIVEN a Deprecated image, and another image holding the name asked for
    await emu.start({ images: [image(ID, { Status: 'Deprecated', ImageName: 'old' }), image(OTHER, { ImageName: 'web-current' })] });
    // WHEN
    const error = await emu.simulate({ ImageId: ID, Status: 'Available', ImageName: 'web-current' }).catch((e: Error) => e);
    // THEN no write at all, and the message names the holder
    expect(error).toMatchObject({ code: 'Guard.ImageNameTaken' });
    expect((error as Error).message).toContain(`image ${OTHER} in the same region already has that name`);
    expect(await emu.modifyCalls()).toEqual([]);
    expect((await emu.image(ID)).Status).toBe('Deprecated');
  });

  test('a rename sent on its own needs no extra read: the API refuses it whole', async () => {
    await emu.start({ images: [image(ID, { ImageName: 'old' }), image(OTHER, { ImageName: 'taken' })] });
    await expect(emu.simulate({ ImageId: ID, ImageName: 'taken' })).rejects.toMatchObject({ code: 'InvalidImageName.Duplicated' });
    expect(await emu.actions()).toEqual(['DescribeImages', 'ModifyImageAttribute']);
  });

  test('when a later write is still refused, the message says what was already changed', async () => {
    await emu.start({ images: [image(ID, { Status: 'Deprecated', ImageName: 'old' })] });
    // The revive goes through; the rename that follows is refused by the API.
    await emu.fault({ Action: 'ModifyImageAttribute', Code: 'InvalidImageName.Malformed', HttpStatus: 400, After: 1 });
    const error = await emu.simulate({ ImageId: ID, Status: 'Available', ImageName: 'renamed' }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'InvalidImageName.Malformed' });
    expect((error as Error).message).toMatch(/Already changed on the image before this failure: Status "Deprecated" -> "Available"\.$/);
  });

  test('control characters are refused before any call, with the rule', async () => {
    await emu.start({ images: [image(ID)] });
    await expect(emu.simulate({ ImageId: ID, Description: 'golden\u0000image\u001b[0m' })).rejects.toThrow(
      'Description "golden\\u0000image\\u001b[0m" is not valid: it must not contain ASCII control characters other than tab, carriage return and line feed (the API refuses them).',
    );
    expect(await emu.calls()).toEqual([]);
  });
});

describe('one drift tag per manager', () => {
  test("a repair records its token under its own manager's tag only", async () => {
    await emu.start({ images: [image(ID, { ImageName: 'drifted', Description: 'as built' })] });
    await emu.simulate({
      ImageId: ID,
      ImageName: 'web',
      SyncToken: 'repair ImageName #aaaaaaaaaaaa',
      SyncTagKey: 'cdktf-managed-image:sync:stack-a',
    });
    const after = await emu.image(ID);
    expect(after.Tags).toEqual({ Tag: [{ TagKey: 'cdktf-managed-image:sync:stack-a', TagValue: 'repair ImageName #aaaaaaaaaaaa' }] });
    // Another manager of the same image, managing Description only, still reads as in sync.
    const other = await read({
      region_id: 'cn-hangzhou',
      image_id: ID,
      description: 'as built',
      sync_tag: 'cdktf-managed-image:sync:stack-b',
    });
    expect(other).toMatchObject({ sync_token: 'in-sync', drifted: '', drift: '', refusal: '' });
    const first = await read({ region_id: 'cn-hangzhou', image_id: ID, image_name: 'web', sync_tag: 'cdktf-managed-image:sync:stack-a' });
    expect(first.sync_token).toBe('repair ImageName #aaaaaaaaaaaa');
  });
});

describe('the tag quota', () => {
  test('an image with 20 tags and a repair to record is refused before the first write, naming the tag', async () => {
    await emu.start({ images: [image(ID, { ImageName: 'drifted', Tags: { Tag: tags(20) } })] });
    const error = await emu
      .simulate({ ImageId: ID, ImageName: 'web', SyncToken: 'repair ImageName #bbbbbbbbbbbb', SyncTagKey: 'cdktf-managed-image:sync:s1' })
      .catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'Guard.TagQuotaFull' });
    expect((error as Error).message).toContain(
      'carries 20 tags, the most an image can; drift detection needs one more, "cdktf-managed-image:sync:s1"',
    );
    expect(await emu.modifyCalls()).toEqual([]);
  });

  test('the plan-time read already refuses it', async () => {
    await emu.start({ images: [image(ID, { ImageName: 'drifted', Tags: { Tag: tags(20) } })] });
    const result = await read({ region_id: 'cn-hangzhou', image_id: ID, image_name: 'web', sync_tag: 'cdktf-managed-image:sync:s1' });
    expect(result.refusal).toMatch(/^Guard\.TagQuotaFull: /);
  });

  test('an image in sync needs no tag, whatever its tag count', async () => {
    await emu.start({ images: [image(ID, { ImageName: 'web', Tags: { Tag: tags(20) } })] });
    await emu.simulate({ ImageId: ID, ImageName: 'web', SyncToken: 'in-sync', SyncTagKey: 'cdktf-managed-image:sync:s1' });
    expect(await emu.actions()).toEqual(['DescribeImages']);
  });
});

describe("releasing an image removes its manager's tag", () => {
  const key = 'cdktf-managed-image:sync:s1';
  const tagged = () =>
    image(ID, {
      ImageFamily: 'web',
      Tags: {
        Tag: [
          { TagKey: key, TagValue: 'repair ImageName #cccccccccccc' },
          { TagKey: 'team', TagValue: 'web' },
        ],
      },
    });

  test.each(['Retain', 'Deprecate', 'Restore'])('%s removes the tag and keeps the others', async (policy) => {
    await emu.start({ images: [tagged(), image(OTHER, { ImageFamily: 'web' })] });
    await emu.simulate(
      { ImageId: ID, DeletionPolicy: policy, SyncTagKey: key, RestoreTo: { ImageName: 'orig' } },
      { RequestType: 'Delete', PhysicalResourceId: ID },
    );
    expect((await emu.image(ID)).Tags).toEqual({ Tag: [{ TagKey: 'team', TagValue: 'web' }] });
    expect(await emu.actions()).toContain('UntagResources');
  });

  test('Retain with an image deleted by hand succeeds', async () => {
    await emu.start({ images: [] });
    const res = await emu.simulate({ ImageId: ID, SyncTagKey: key }, { RequestType: 'Delete', PhysicalResourceId: ID });
    expect(res.Data.Changes).toEqual([]);
    expect(await emu.actions()).toEqual(['UntagResources']);
  });

  test('Restore skips a recorded Status the API cannot set, and says so', async () => {
    await emu.start({ images: [image(ID, { ImageName: 'managed' })] });
    const res = await emu.simulate(
      { ImageId: ID, DeletionPolicy: 'Restore', RestoreTo: { ImageName: 'orig', Status: 'Creating' } },
      { RequestType: 'Delete', PhysicalResourceId: ID },
    );
    expect(await emu.modifyCalls()).toEqual([{ ImageName: 'orig' }]);
    expect(res.Data.Skipped).toEqual([
      { Attribute: 'Status', Reason: expect.stringContaining('RestoreTo.Status "Creating" is not valid') },
    ]);
  });
});

describe('credentials', () => {
  afterEach(() => delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET);

  test('an access key id without its secret is named as such, before any call', async () => {
    await emu.start({ images: [image(ID)] });
    delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
    await expect(emu.simulate({ ImageId: ID, ImageName: 'x1' })).rejects.toMatchObject({
      code: 'CredentialsIncomplete',
      message: expect.stringMatching(/^ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not/),
    });
    expect(await emu.calls()).toEqual([]);
  });
});
