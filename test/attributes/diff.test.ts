import { diffAttributes, toAttributeValues, toImageAttributeProperties } from '../../lib/attributes';

describe('diffAttributes', () => {
  test.each([
    ['an unmanaged attribute is never compared', { ImageName: 'a' }, {}, []],
    ['an equal value is no change', { ImageName: 'a' }, { ImageName: 'a' }, []],
    ['a different value is a change', { ImageName: 'a' }, { ImageName: 'b' }, [{ attribute: 'ImageName', from: 'a', to: 'b' }]],
    [
      'an empty current value reads as none',
      { ImageFamily: '' },
      { ImageFamily: 'f' },
      [{ attribute: 'ImageFamily', from: undefined, to: 'f' }],
    ],
    [
      'a missing current value reads as none',
      {},
      { 'Features.ImdsSupport': 'v2' },
      [{ attribute: 'Features.ImdsSupport', from: undefined, to: 'v2' }],
    ],
    [
      'changes come in the API order',
      { Status: 'Available', ImageName: 'a' },
      { Status: 'Deprecated', ImageName: 'b' },
      [
        { attribute: 'ImageName', from: 'a', to: 'b' },
        { attribute: 'Status', from: 'Available', to: 'Deprecated' },
      ],
    ],
  ])('%s', (_name, current, desired, expected) => {
    expect(diffAttributes(current, desired)).toEqual(expected);
  });
});

describe('nested and flat attribute shapes', () => {
  test('flattening keeps only what is set, Features members included', () => {
    expect(toAttributeValues({ ImageName: 'a', Features: { ImdsSupport: 'v2' } })).toEqual({
      'ImageName': 'a',
      'Features.ImdsSupport': 'v2',
    });
  });

  test('round-trips', () => {
    const props = { ImageName: 'a', Description: 'dd', Status: 'Available', Features: { NvmeSupport: 'supported', ImdsSupport: 'v2' } };
    expect(toImageAttributeProperties(toAttributeValues(props))).toEqual(props);
  });

  test('no Features object when no member is set', () => {
    expect(toImageAttributeProperties({ ImageName: 'a' })).toEqual({ ImageName: 'a' });
  });
});
