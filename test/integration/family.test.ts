/*
 * A golden-image family reconciled as one unit by the handler: the real SDK over HTTP against the
 * emulator. Each test asserts the writes made (and their order) and the ones not made.
 */
import { GoldenImageFamilyEvent, GoldenImageFamilyProperties, GoldenImageFamilyResponse } from '../../lib/protocol/family-event';
import { availableInFamilyOverTime } from '../support/family-replay';
import { EmulatorHarness, image, REGION } from '../support/emulator-harness';

const emu = new EmulatorHarness();
afterAll(() => emu.stop());

const TAG = 'cdktf-managed-image:sync:fam1';
const member = (id: string, status: 'Available' | 'Deprecated', extra: Record<string, unknown> = {}) => ({
  ImageId: id,
  ImageFamily: 'web',
  Status: status,
  ...extra,
});
const born = (day: number) => `2026-11-${String(day).padStart(2, '0')}T00:00:00Z`;

function family(
  props: Partial<GoldenImageFamilyProperties> & Pick<GoldenImageFamilyProperties, 'Members' | 'CurrentImageId'>,
  requestType: 'Create' | 'Delete' = 'Create',
) {
  const event: GoldenImageFamilyEvent = {
    RequestType: requestType,
    ResourceType: 'Custom::GoldenImageFamily',
    ResourceProperties: { RegionId: REGION, ImageFamily: 'web', SyncTagKey: TAG, ...props },
  };
  return emu.handler()(event) as Promise<GoldenImageFamilyResponse>;
}

const modifies = async () =>
  (await emu.calls())
    .filter((c) => c.Action === 'ModifyImageAttribute')
    .map((c) => [c.Params.ImageId, c.Params.Status ?? c.Params.ImageFamily]);

describe('a golden-image family', () => {
  test('rolling image 3 into a family of 2, keeping 2: 3 joins and is Available before 1 is deprecated; 1 is tagged with its replacement', async () => {
    await emu.start({
      images: [
        image('m-bp1fam01', { ImageFamily: 'web', CreationTime: born(1) }),
        image('m-bp1fam02', { ImageFamily: 'web', CreationTime: born(2) }),
        image('m-bp1fam03', { CreationTime: born(3) }),
      ],
    });
    const res = await family({
      CurrentImageId: 'm-bp1fam03',
      Members: [member('m-bp1fam01', 'Deprecated'), member('m-bp1fam02', 'Available'), member('m-bp1fam03', 'Available')],
    });
    expect(await modifies()).toEqual([
      ['m-bp1fam03', 'web'],
      ['m-bp1fam01', 'Deprecated'],
    ]);
    expect(res.Data.Members.map((m) => [m.ImageId, m.Status])).toEqual([
      ['m-bp1fam01', 'Deprecated'],
      ['m-bp1fam02', 'Available'],
      ['m-bp1fam03', 'Available'],
    ]);
    expect((await emu.image('m-bp1fam01')).Tags).toEqual({
      Tag: [
        { TagKey: 'cdktf-managed-image:replaced-by', TagValue: 'm-bp1fam03' },
        { TagKey: 'cdktf-managed-image:deprecated-at', TagValue: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) },
      ],
    });
    const start = [
      { id: 'm-bp1fam01', status: 'Available', family: 'web' },
      { id: 'm-bp1fam02', status: 'Available', family: 'web' },
      { id: 'm-bp1fam03', status: 'Available' },
    ];
    expect(Math.min(...availableInFamilyOverTime(start, await emu.calls(), 'web'))).toBeGreaterThanOrEqual(1);
  });

  test('a rollback revives the previous image before it deprecates the bad one, and the revived image loses its deprecation tags', async () => {
    await emu.start({
      images: [
        image('m-bp1fam01', {
          ImageFamily: 'web',
          CreationTime: born(1),
          Status: 'Deprecated',
          Tags: { Tag: [{ TagKey: 'cdktf-managed-image:replaced-by', TagValue: 'm-bp1fam02' }] },
        }),
        image('m-bp1fam02', { ImageFamily: 'web', CreationTime: born(2) }),
      ],
    });
    await family({ CurrentImageId: 'm-bp1fam01', Members: [member('m-bp1fam01', 'Available'), member('m-bp1fam02', 'Deprecated')] });
    expect(await modifies()).toEqual([
      ['m-bp1fam01', 'Available'],
      ['m-bp1fam02', 'Deprecated'],
    ]);
    expect((await emu.image('m-bp1fam01')).Tags).toEqual({ Tag: [] });
  });

  test('a family already as declared costs three reads (its members, its Available images, images that left it) and no write', async () => {
    await emu.start({
      images: [
        image('m-bp1fam01', { ImageFamily: 'web', CreationTime: born(1) }),
        image('m-bp1fam02', { ImageFamily: 'web', CreationTime: born(2) }),
      ],
    });
    await family({ CurrentImageId: 'm-bp1fam02', Members: [member('m-bp1fam01', 'Available'), member('m-bp1fam02', 'Available')] });
    expect(await emu.actions()).toEqual(['DescribeImages', 'DescribeImages', 'DescribeImages']);
  });

  test('a shared member that would be deprecated is refused before any write, naming it and its share count', async () => {
    await emu.start({
      images: [image('m-bp1fam01', { ImageFamily: 'web', CreationTime: born(1) }), image('m-bp1fam02', { CreationTime: born(2) })],
      shares: { 'm-bp1fam01': ['1000000000000009', '1000000000000008'] },
    });
    await expect(
      family({ CurrentImageId: 'm-bp1fam02', Members: [member('m-bp1fam01', 'Deprecated'), member('m-bp1fam02', 'Available')] }),
    ).rejects.toMatchObject({
      code: 'Guard.DeprecateSharedImage',
      message: expect.stringContaining('Image m-bp1fam01 in cn-hangzhou cannot be deprecated while it is shared with 2 account(s)'),
    });
    expect(await modifies()).toEqual([]);
  });

  test('with ExcludeShared, a shared member is kept Available and said so; the rest goes on', async () => {
    await emu.start({
      images: [
        image('m-bp1fam01', { ImageFamily: 'web', CreationTime: born(1) }),
        image('m-bp1fam02', { ImageFamily: 'web', CreationTime: born(2) }),
        image('m-bp1fam03', { CreationTime: born(3) }),
      ],
      shares: { 'm-bp1fam01': ['1000000000000009'] },
    });
    const res = await family({
      CurrentImageId: 'm-bp1fam03',
      ExcludeShared: 'true',
      Members: [member('m-bp1fam01', 'Deprecated'), member('m-bp1fam02', 'Deprecated'), member('m-bp1fam03', 'Available')],
    });
    expect(await modifies()).toEqual([
      ['m-bp1fam03', 'web'],
      ['m-bp1fam02', 'Deprecated'],
    ]);
    expect(res.Data.Members[0]).toMatchObject({
      ImageId: 'm-bp1fam01',
      Status: 'Available',
      Kept: 'shared with 1 account(s): kept Available (excludeShared)',
    });
  });

  test('an Available image of the family that is not a member and is newer than the current one is refused before any write', async () => {
    await emu.start({
      images: [
        image('m-bp1fam01', { ImageFamily: 'web', CreationTime: born(1) }),
        image('m-bp1other', { ImageFamily: 'web', CreationTime: born(9) }),
      ],
    });
    await expect(
      family({ CurrentImageId: 'm-bp1fam01', Members: [member('m-bp1fam01', 'Available', { ImageName: 'renamed' })] }),
    ).rejects.toMatchObject({
      code: 'Guard.FamilyOutsider',
      message: expect.stringContaining(
        'Image m-bp1other (family "web" in cn-hangzhou) is Available, newer than the current image m-bp1fam01, and not a member',
      ),
    });
    expect(await modifies()).toEqual([]);
  });

  test('members listed out of order (a kept member newer than the current one) are refused before any write', async () => {
    await emu.start({
      images: [
        image('m-bp1fam01', { ImageFamily: 'web', CreationTime: born(5) }),
        image('m-bp1fam02', { ImageFamily: 'web', CreationTime: born(2) }),
      ],
    });
    await expect(
      family({ CurrentImageId: 'm-bp1fam02', Members: [member('m-bp1fam01', 'Available'), member('m-bp1fam02', 'Available')] }),
    ).rejects.toMatchObject({
      code: 'Guard.FamilyOrder',
    });
  });

  test("an image that carried the family's tag and left the members loses the tag", async () => {
    await emu.start({
      images: [
        image('m-bp1fam01', {
          ImageFamily: 'web',
          CreationTime: born(1),
          Status: 'Deprecated',
          Tags: { Tag: [{ TagKey: TAG, TagValue: 'in-sync' }] },
        }),
        image('m-bp1fam02', { ImageFamily: 'web', CreationTime: born(2) }),
      ],
    });
    const res = await family({ CurrentImageId: 'm-bp1fam02', Members: [member('m-bp1fam02', 'Available')] });
    expect(res.Data.Released).toEqual(['m-bp1fam01']);
    expect((await emu.image('m-bp1fam01')).Tags).toEqual({ Tag: [] });
  });

  test("Delete with Retain removes the family's tag from every member and changes nothing else; Deprecate needs AllowEmptyFamily", async () => {
    const tagged = (id: string, day: number) =>
      image(id, { ImageFamily: 'web', CreationTime: born(day), Tags: { Tag: [{ TagKey: TAG, TagValue: 'x' }] } });
    await emu.start({ images: [tagged('m-bp1fam01', 1), tagged('m-bp1fam02', 2)] });
    const members = [member('m-bp1fam01', 'Available'), member('m-bp1fam02', 'Available')];
    await family({ CurrentImageId: 'm-bp1fam02', Members: members }, 'Delete');
    expect(await emu.actions()).toEqual(['UntagResources']);
    expect((await emu.image('m-bp1fam02')).Tags).toEqual({ Tag: [] });
    await expect(family({ CurrentImageId: 'm-bp1fam02', Members: members, DeletionPolicy: 'Deprecate' }, 'Delete')).rejects.toThrow(
      'DeletionPolicy "Deprecate" is not valid: it deprecates every member, leaving the family empty: it needs AllowEmptyFamily.',
    );
    await family({ CurrentImageId: 'm-bp1fam02', Members: members, DeletionPolicy: 'Deprecate', AllowEmptyFamily: 'true' }, 'Delete');
    expect([(await emu.image('m-bp1fam01')).Status, (await emu.image('m-bp1fam02')).Status]).toEqual(['Deprecated', 'Deprecated']);
  });
});
