/** State file loading: defaults, validation messages naming the bad entry, round trips. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmulatorState, StateFileError, loadState, startEmulator } from '../../lib/emulator';
import { control } from './support/sdk-client';

describe('loadState', () => {
  test('fills the defaults of images, instances and access keys', () => {
    const state = loadState({
      images: [{ ImageId: 'm-min', CreationTime: '2024-01-01T00:00:00Z' }],
      instances: [{ InstanceId: 'i-1', ImageId: 'm-min' }],
    });
    expect(state.accessKeys).toEqual([{ id: 'test', secret: 'test', accountId: '1000000000000001' }]);
    expect(state.images?.[0]).toMatchObject({
      ImageId: 'm-min',
      RegionId: 'cn-hangzhou',
      ImageName: 'm-min',
      Status: 'Available',
      Progress: '100%',
      Size: 40,
      Architecture: 'x86_64',
      OSType: 'linux',
      BootMode: 'BIOS',
      LicenseType: '',
      ImageOwnerAlias: 'self',
      ImageOwnerId: '1000000000000001',
      IsPublic: false,
      Features: { NvmeSupport: 'unsupported', ImdsSupport: 'v1' },
      Tags: { Tag: [] },
    });
    expect(state.instances?.[0]).toMatchObject({
      InstanceId: 'i-1',
      RegionId: 'cn-hangzhou',
      Status: 'Running',
      OwnerId: '1000000000000001',
    });
  });

  test('reads a JSON file and gives an "others" image the default foreign owner', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'emulator-state-')), 'state.json');
    writeFileSync(
      file,
      JSON.stringify({ images: [{ ImageId: 'm-x', ImageOwnerAlias: 'others', IsPublic: true }], shares: { 'm-x': [1000000000000005] } }),
    );
    const state = loadState(file);
    expect(state.images?.[0]).toMatchObject({ ImageOwnerAlias: 'others', ImageOwnerId: '1000000000000002', IsPublic: true });
    expect(state.shares).toEqual({ 'm-x': ['1000000000000005'] });
  });

  test.each([
    ['a bad status', { images: [{ ImageId: 'm-a' }, { ImageId: 'm-b', Status: 'Ready' }] }, 'images[1] (m-b).Status: must be one of'],
    ['a misspelt field', { images: [{ ImageId: 'm-a', Imagename: 'x' }] }, 'images[0] (m-a): unknown field(s) "Imagename"'],
    ['a duplicate image', { images: [{ ImageId: 'm-a' }, { ImageId: 'm-a' }] }, 'images: duplicate ImageId "m-a"'],
    ['an image without ID', { images: [{ ImageName: 'x' }] }, 'images[0].ImageId: is required'],
    [
      'ReadyAfterSeconds on an Available image',
      { images: [{ ImageId: 'm-a', ReadyAfterSeconds: 3 }] },
      'images[0] (m-a).ReadyAfterSeconds',
    ],
    [
      'an "others" image of the default account',
      { images: [{ ImageId: 'm-a', ImageOwnerAlias: 'others', ImageOwnerId: '1000000000000001' }] },
      'images[0] (m-a).ImageOwnerId',
    ],
    ['a share of an unknown image', { shares: { 'm-zz': ['1'] } }, 'shares["m-zz"]: names an image that is not in "images"'],
    ['a key without secret', { accessKeys: [{ id: 'AK' }] }, 'accessKeys[0] (AK).secret: is required'],
    ['an unknown top-level key', { image: [] }, 'state: unknown field(s) "image"'],
    ['a zero rate limit', { rateLimit: 0 }, 'rateLimit: must be a positive number'],
    ['tags as a map', { images: [{ ImageId: 'm-a', Tags: { Tag: { TagKey: 'k' } } }] }, 'images[0] (m-a).Tags.Tag: must be a JSON array'],
  ])('refuses %s with a message naming the entry', (_name, state, message) => {
    expect(() => loadState(state as unknown as EmulatorState)).toThrow(StateFileError);
    expect(() => loadState(state as unknown as EmulatorState)).toThrow(message);
  });

  test('refuses a file that is not JSON, naming the file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'emulator-state-')), 'broken.json');
    writeFileSync(file, '{ images: ');
    expect(() => loadState(file)).toThrow(`Emulator state file ${file} is not valid JSON`);
  });

  test('startEmulator refuses an invalid state before listening', async () => {
    await expect(startEmulator({ state: { images: [{ ImageId: 'm-a', BootMode: 'Legacy' } as never] } })).rejects.toThrow(
      'images[0] (m-a).BootMode',
    );
  });

  test('a loaded state round-trips through the emulator unchanged', async () => {
    const state = loadState({
      images: [
        {
          ImageId: 'm-a',
          ImageFamily: 'f',
          CreationTime: '2024-01-01T00:00:00Z',
          Tags: [{ TagKey: 'k', TagValue: 'v' }],
          SupplierName: 'me',
        },
      ],
      shares: { 'm-a': ['1000000000000003'] },
    });
    const emulator = await startEmulator({ state });
    try {
      const { body } = await control(emulator, 'GET', '/__emulator/state');
      expect(body.images).toEqual(state.images);
      expect(body.shares).toEqual(state.shares);
    } finally {
      await emulator.close();
    }
  });
});
