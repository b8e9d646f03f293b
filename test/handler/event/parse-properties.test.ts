import { DeletionPolicy } from '../../../lib/protocol/event';
import { parseProperties } from '../../../lib/handler/event/parse-properties';

const base = { RegionId: 'cn-hangzhou', ImageId: 'm-bp1abc' };

describe('parseProperties', () => {
  test('reads the desired attributes and defaults the options', () => {
    expect(parseProperties({ ...base, ImageName: 'web', Features: { ImdsSupport: 'v2' } })).toEqual({
      target: { regionId: 'cn-hangzhou', imageId: 'm-bp1abc' },
      desired: { 'ImageName': 'web', 'Features.ImdsSupport': 'v2' },
      allowEmptyFamily: false,
      waitTimeoutSeconds: 1200,
      deletionPolicy: DeletionPolicy.RETAIN,
      restoreTo: undefined,
      restoreSkipped: [],
      restoreUnclearable: [],
      syncToken: undefined,
      syncTagKey: undefined,
    });
  });

  test.each([
    [{ AllowEmptyFamily: 'true' }, 'allowEmptyFamily', true],
    [{ AllowEmptyFamily: true }, 'allowEmptyFamily', true],
    [{ AllowEmptyFamily: 'false' }, 'allowEmptyFamily', false],
    [{ WaitTimeoutSeconds: '60' }, 'waitTimeoutSeconds', 60],
    [{ WaitTimeoutSeconds: 0 }, 'waitTimeoutSeconds', 0],
    [{ DeletionPolicy: 'Deprecate' }, 'deletionPolicy', DeletionPolicy.DEPRECATE],
  ])('accepts CloudFormation-style strings and plain values: %j', (extra, key, value) => {
    expect(parseProperties({ ...base, ...extra })).toMatchObject({ [key]: value });
  });

  test.each([
    [{ ImageId: undefined }, 'ImageId is required.'],
    [{ RegionId: undefined }, 'RegionId is required.'],
    [{ AllowEmptyFamily: 'yes' }, 'AllowEmptyFamily "yes" is not valid: it must be true or false.'],
    [{ WaitTimeoutSeconds: -1 }, 'WaitTimeoutSeconds -1 is not valid: it must be a whole number of seconds from 0 to 86400.'],
    [{ WaitTimeoutSeconds: '1.5' }, 'WaitTimeoutSeconds "1.5" is not valid: it must be a whole number of seconds from 0 to 86400.'],
    [{ DeletionPolicy: 'Delete' }, 'DeletionPolicy "Delete" is not valid: it must be one of "Retain", "Deprecate", "Restore".'],
    [
      { DeletionPolicy: 'Restore' },
      'RestoreTo (not set) is not valid: it must give the attribute values to put back when DeletionPolicy is "Restore".',
    ],
    [{ imageName: 'web' }, 'imageName "web" is not a known property. Did you mean ImageName?'],
    [
      { Features: { nvmeSupport: 'supported' } },
      'Features.nvmeSupport "supported" is not a known property. Did you mean Features.NvmeSupport?',
    ],
    [{ Features: 'supported' }, 'Features "supported" is not valid: it must be an object with NvmeSupport and/or ImdsSupport.'],

    [{ Features: { ImdsSupport: 'v3' } }, 'Features.ImdsSupport "v3" is not valid: it must be one of "v1", "v2".'],
  ])('refuses %j with a message naming input, value and rule', (extra, message) => {
    expect(() => parseProperties({ ...base, ...extra } as never)).toThrow(message);
  });

  test('reports all problems at once', () => {
    expect(() => parseProperties({ ...base, ImageName: '1', Status: 'Gone' })).toThrow(/^2 inputs are not valid:/);
  });

  test('ignores the ServiceToken CloudFormation adds', () => {
    expect(() => parseProperties({ ...base, ServiceToken: 'acs:fc:…' } as never)).not.toThrow();
  });
});

describe('RestoreTo', () => {
  test('an empty value means there was nothing to put back, so it is left out', () => {
    expect(
      parseProperties({
        ...base,
        DeletionPolicy: 'Restore',
        RestoreTo: { ImageName: 'orig', ImageFamily: '', Features: { ImdsSupport: '' } },
      }).restoreTo,
    ).toEqual({ ImageName: 'orig' });
  });

  test('a recorded value the API cannot set (a Status of "Creating") is skipped and reported, not refused', () => {
    const p = parseProperties({
      ...base,
      DeletionPolicy: 'Restore',
      RestoreTo: { ImageName: 'orig', Status: 'Creating', Description: '1' },
    });
    expect(p.restoreTo).toEqual({ ImageName: 'orig' });
    expect(p.restoreSkipped).toEqual([
      {
        attribute: 'Description',
        reason:
          'RestoreTo.Description "1" is not valid: it must be 2 to 256 characters long. The API cannot set it, so it was not put back.',
      },
      {
        attribute: 'Status',
        reason:
          'RestoreTo.Status "Creating" is not valid: it must be one of "Available", "Deprecated". The API cannot set it, so it was not put back.',
      },
    ]);
  });

  test('an empty recorded value means the image had none: nothing to send, and the handler says so if it has one now', () => {
    const p = parseProperties({ ...base, DeletionPolicy: 'Restore', RestoreTo: { ImageFamily: '', Features: { ImdsSupport: '' } } });
    expect(p.restoreTo).toEqual({});
    expect(p.restoreUnclearable).toEqual(['ImageFamily', 'Features.ImdsSupport']);
  });
});
