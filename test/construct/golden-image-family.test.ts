import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { DeletionPolicy, GoldenImageFamily, GoldenImageFamilyProps, ManagedCustomImage } from '../../lib';
import { TerraformData } from '../../lib/construct/terraform-data';

type Resource = { input?: Record<string, string>; triggers_replace?: Record<string, string>; depends_on?: string[] };
type Synth = {
  resource: { terraform_data: Record<string, Resource> };
  data?: { external?: Record<string, { query: Record<string, string> }> };
  check?: object;
};

const newStack = () => new TerraformStack(Testing.app(), 's');
const synthStack = (stack: TerraformStack) => JSON.parse(Testing.synth(stack)) as Synth;
const reconciler = (s: Synth) => Object.entries(s.resource.terraform_data).find(([k]) => k.startsWith('Web_reconciler'))![1];

function synth(props: Partial<GoldenImageFamilyProps> = {}) {
  const stack = newStack();
  const family = new GoldenImageFamily(stack, 'Web', {
    regionId: 'cn-hangzhou',
    family: 'web',
    images: ['m-bp1a', 'm-bp1b', 'm-bp1c'],
    ...props,
  });
  return { s: synthStack(stack), family, stack };
}
const statuses = (r: Resource) =>
  Object.entries(r.triggers_replace!)
    .filter(([k]) => /^member_\d+_status$/.test(k))
    .map(([, v]) => v);

describe('GoldenImageFamily planning', () => {
  test.each([
    ['the newest is current, keep 2: the oldest is deprecated', {}, ['Deprecated', 'Available', 'Available']],
    ['keep 1: only the current image stays', { keepAvailable: 1 }, ['Deprecated', 'Deprecated', 'Available']],
    ['keep more than there are: all stay', { keepAvailable: 5 }, ['Available', 'Available', 'Available']],
    [
      'a rollback to the middle one: the newer one is deprecated, the older one kept',
      { current: 'm-bp1b' },
      ['Available', 'Available', 'Deprecated'],
    ],
    ['a rollback to the oldest, keep 1', { current: 'm-bp1a', keepAvailable: 1 }, ['Available', 'Deprecated', 'Deprecated']],
  ] as [string, Partial<GoldenImageFamilyProps>, string[]][])('%s', (_name, props, expected) => {
    expect(statuses(reconciler(synth(props).s))).toEqual(expected);
  });

  test('every member is put in the family, with the attributes given for it', () => {
    const { s } = synth({ images: ['m-bp1a', { imageId: 'm-bp1b', imageName: 'web-b', features: { nvmeSupport: 'supported' as never } }] });
    expect(reconciler(s).triggers_replace).toMatchObject({
      member_0_image_family: 'web',
      member_1_image_family: 'web',
      member_1_image_name: 'web-b',
      member_1_nvme_support: 'supported',
      current_image_id: 'm-bp1b',
    });
  });

  test("the members join the stack's shared read, one read for the family and the stack's other images", () => {
    const stack = newStack();
    new GoldenImageFamily(stack, 'Web', { regionId: 'cn-hangzhou', family: 'web', images: ['m-bp1a', 'm-bp1b'] });
    new ManagedCustomImage(stack, 'Other', { regionId: 'cn-hangzhou', imageId: 'm-bp1other', imageName: 'other' });
    const reads = Object.values(synthStack(stack).data!.external!);
    expect(reads).toHaveLength(1);
    expect(
      Object.keys(reads[0].query)
        .filter((k) => k.endsWith('/sync_tag'))
        .sort(),
    ).toEqual(['m-bp1a/sync_tag', 'm-bp1b/sync_tag', 'm-bp1other/sync_tag']);
    expect(reads[0].query['m-bp1a/status']).toBe('Available');
  });

  test('a member given as a token gets a read of its own', () => {
    const stack = newStack();
    const built = new TerraformVariable(stack, 'new_image', { type: 'string' }).stringValue;
    new GoldenImageFamily(stack, 'Web', {
      regionId: 'cn-hangzhou',
      family: 'web',
      images: ['m-bp1a', built],
      current: built,
    });
    const reads = Object.values(synthStack(stack).data!.external!);
    expect(reads.map((r) => r.query.image_id).filter(Boolean)).toEqual(['${var.new_image}']);
  });

  test("outputs are tokens of the reconciler: consumers wait for the family's change", () => {
    const { family, stack } = synth();
    new TerraformData(stack, 'consumer', { input: { image: family.currentImageId } });
    const s = synthStack(stack);
    const consumer = s.resource.terraform_data.consumer;
    expect(consumer.input!.image).toMatch(/^\$\{terraform_data\.Web_reconciler_[0-9A-F]+\.output\.current_image_id\}$/);
    expect(reconciler(s).input).toMatchObject({
      current_image_id: 'm-bp1c',
      available_image_ids: 'm-bp1c,m-bp1b',
      deprecated_image_ids: 'm-bp1a',
    });
  });

  test('a check block per member shows how it differs from its declaration', () => {
    expect(Object.keys(synth().s.check!)).toHaveLength(3);
  });
});

describe('GoldenImageFamily validation at synth', () => {
  const make = (props: Partial<GoldenImageFamilyProps>) => () =>
    new GoldenImageFamily(newStack(), 'Web', {
      regionId: 'cn-hangzhou',
      family: 'web',
      images: ['m-bp1a', 'm-bp1b'],
      ...props,
    } as GoldenImageFamilyProps);

  test.each([
    [
      { images: ['m-bp1a', 'm-bp1b', 'm-bp1a'] },
      'GoldenImageFamily s/Web: images[2] "m-bp1a" is not valid: it is listed twice: it is also images[0].',
    ],
    [{ current: 'm-bp1z' }, 'current "m-bp1z" is not valid: it must be one of images'],
    [{ keepAvailable: 0 }, 'keepAvailable 0 is not valid: it must be a whole number, 1 or more'],
    [{ images: ['m-bp1a', 'ubuntu.vhd'] }, 'images[1] "ubuntu.vhd" is not valid: it must be a custom image ID'],
    [{ images: Array.from({ length: 101 }, (_, i) => `m-bp1x${i}`) }, 'images "101 images" is not valid: it must list at most 100 images'],
    [{ images: [] }, 'images [] is not valid: it must list at least one image.'],
    [{ family: 'aliyun-web' }, 'family "aliyun-web" is not valid: it must not start with "aliyun" or "acs:".'],
    [{ images: [{ imageId: 'm-bp1a', imageName: '1bad' }] }, 'images[0].imageName "1bad" is not valid'],
    [{ images: [{ imageId: 'm-bp1a', status: 'Available' } as never] }, 'images[0].status "Available" is not a known property.'],
    [{ deletionPolicy: DeletionPolicy.DEPRECATE }, 'deletionPolicy "Deprecate" is not valid: it deprecates every member at destroy'],
    [
      { deletionPolicy: DeletionPolicy.RESTORE },
      'deletionPolicy "Restore" is not valid: it must be DeletionPolicy.RETAIN or DeletionPolicy.DEPRECATE for a family.',
    ],
  ] as [Partial<GoldenImageFamilyProps>, string][])('%j is refused', (props, message) => {
    expect(make(props)).toThrow(message);
  });

  test('an image also declared by a ManagedCustomImage, or by another family, in the same stack is refused', () => {
    const stack = newStack();
    new ManagedCustomImage(stack, 'Solo', { regionId: 'cn-hangzhou', imageId: 'm-bp1a', imageName: 'solo' });
    expect(() => new GoldenImageFamily(stack, 'Web', { regionId: 'cn-hangzhou', family: 'web', images: ['m-bp1a'] })).toThrow(
      'Image m-bp1a in cn-hangzhou is declared twice in one stack, by s/Solo and by s/Web',
    );
    new GoldenImageFamily(stack, 'Api', { regionId: 'cn-hangzhou', family: 'api', images: ['m-bp1api'] });
    expect(() => new GoldenImageFamily(stack, 'Api2', { regionId: 'cn-hangzhou', family: 'api2', images: ['m-bp1api'] })).toThrow(
      'by s/Api and by s/Api2',
    );
  });
});
