import { ImageRecord } from '../../../lib/handler/ecs/ecs-api';
import { IN_SYNC, recordedSyncToken, SYNC_TAG_KEY, syncTokenFor } from '../../../lib/handler/drift/sync-token';

const image = (token?: string): ImageRecord => ({ imageId: 'm-1', tags: token ? [{ key: SYNC_TAG_KEY, value: token }] : [] });
const drift = [{ attribute: 'ImageName' as const, from: 'a', to: 'b' }];

describe('sync token', () => {
  test('an image never reconciled reads as in sync', () => {
    expect(recordedSyncToken(image())).toBe(IN_SYNC);
  });

  test('in sync, the read reports the recorded token unchanged', () => {
    expect(syncTokenFor(image('ImageName#abc'), [])).toBe('ImageName#abc');
  });

  test('drifted, the read reports a new token that names the drifted attributes', () => {
    expect(syncTokenFor(image(), drift)).toMatch(/^repair ImageName #[0-9a-f]{12}$/);
  });

  test('the same drift after a fix gives a new token (it chains on the recorded one)', () => {
    const first = syncTokenFor(image(), drift);
    const second = syncTokenFor(image(first), drift);
    expect(second).not.toBe(first);
  });

  test('the token always fits in a tag value (128 characters)', () => {
    const all = [
      'ImageName',
      'Description',
      'ImageFamily',
      'BootMode',
      'LicenseType',
      'Status',
      'Features.NvmeSupport',
      'Features.ImdsSupport',
    ].map((attribute) => ({ attribute, from: 'x'.repeat(256), to: 'y' }));
    expect(syncTokenFor(image('x'.repeat(128)), all as never).length).toBeLessThanOrEqual(128);
  });
});
