import {
  AttributeName,
  checkAttribute,
  checkAttributes,
  checkIdentity,
  AttributeValidationError,
  throwIfViolations,
} from '../../lib/attributes';

// Each row: attribute, value, the rule it breaks (undefined: valid).
const cases: [AttributeName, string, string | undefined][] = [
  ['ImageName', 'web-base', undefined],
  ['ImageName', 'Ab', undefined],
  ['ImageName', '镜像名称v1', undefined],
  ['ImageName', 'golden:ubuntu_22.04-v3', undefined],
  ['ImageName', 'a'.repeat(128), undefined],
  ['ImageName', 'a', 'must be 2 to 128 characters long'],
  ['ImageName', 'a'.repeat(129), 'must be 2 to 128 characters long'],
  ['ImageName', '1web', 'must start with a letter (A-Z, a-z) or a Chinese character from U+4E00 to U+9FA5 (the range the API accepts)'],
  ['ImageName', '-web', 'must start with a letter (A-Z, a-z) or a Chinese character from U+4E00 to U+9FA5 (the range the API accepts)'],
  ['ImageName', 'aliyun-base', 'must not start with "aliyun" or "acs:"'],
  ['ImageName', 'Aliyun-base', 'must not start with "aliyun" or "acs:"'],
  ['ImageName', 'acs:base', 'must not start with "aliyun" or "acs:"'],
  ['ImageName', 'acsbase', undefined],
  ['ImageName', 'see-http://x', 'must not contain "http://" or "https://"'],
  ['ImageName', 'web base', 'may contain only letters, Chinese characters from U+4E00 to U+9FA5, digits, ".", ":", "_" and "-"'],
  ['ImageName', 'web$(id)', 'may contain only letters, Chinese characters from U+4E00 to U+9FA5, digits, ".", ":", "_" and "-"'],
  ['ImageFamily', 'hangzhou-daily-update', undefined],
  ['ImageFamily', 'acs:family', 'must not start with "aliyun" or "acs:"'],
  [
    'ImageFamily',
    '9family',
    'must start with a letter (A-Z, a-z) or a Chinese character from U+4E00 to U+9FA5 (the range the API accepts)',
  ],
  ['Description', 'Golden image; built by Packer $(date) `id` & | > <', undefined],
  ['Description', 'x'.repeat(256), undefined],
  ['Description', '描述', undefined],
  ['Description', 'x', 'must be 2 to 256 characters long'],
  ['Description', 'x'.repeat(257), 'must be 2 to 256 characters long'],
  ['Description', 'https://example.com/image', 'must not start with "http://" or "https://"'],
  ['Description', 'see https://example.com', undefined],
  ['Description', 'tab\there, lines\r\nand more', undefined],
  [
    'Description',
    'nul\u0000byte',
    'must not contain ASCII control characters other than tab, carriage return and line feed (the API refuses them)',
  ],
  [
    'Description',
    'escape \u001b[31m',
    'must not contain ASCII control characters other than tab, carriage return and line feed (the API refuses them)',
  ],
  [
    'Description',
    'delete \u007f',
    'must not contain ASCII control characters other than tab, carriage return and line feed (the API refuses them)',
  ],
  [
    'ImageName',
    '\u{20000}\u{20001}',
    'must start with a letter (A-Z, a-z) or a Chinese character from U+4E00 to U+9FA5 (the range the API accepts)',
  ],
  ['BootMode', 'UEFI-Preferred', undefined],
  ['BootMode', 'uefi', 'must be one of "BIOS", "UEFI", "UEFI-Preferred"'],
  ['LicenseType', 'BYOL', undefined],
  ['LicenseType', 'Auto', 'must be one of "BYOL"'],
  ['Status', 'Deprecated', undefined],
  ['Status', 'Creating', 'must be one of "Available", "Deprecated"'],
  ['Features.NvmeSupport', 'supported', undefined],
  ['Features.NvmeSupport', 'yes', 'must be one of "supported", "unsupported"'],
  ['Features.ImdsSupport', 'v2', undefined],
  ['Features.ImdsSupport', 'v3', 'must be one of "v1", "v2"'],
];

describe('checkAttribute', () => {
  test.each(cases)('%s %j: %s', (attribute, value, rule) => {
    const violation = checkAttribute(attribute, value);
    if (rule === undefined) expect(violation).toBeUndefined();
    else expect(violation).toEqual({ attribute, value, rule });
  });

  test('an unmanaged attribute (undefined) is always valid', () => {
    expect(checkAttribute('ImageName', undefined)).toBeUndefined();
  });

  test('a non-string value is refused by name', () => {
    expect(checkAttribute('Status', 3)).toEqual({ attribute: 'Status', value: 3, rule: 'must be a string' });
  });

  test('counts a Chinese character as one character', () => {
    expect(checkAttribute('ImageName', '镜'.repeat(128))).toBeUndefined();
    expect(checkAttribute('ImageName', '镜'.repeat(129))?.rule).toBe('must be 2 to 128 characters long');
  });
});

describe('checkAttributes', () => {
  test('reports every violation, named by the caller', () => {
    const violations = checkAttributes({ ImageName: '1x', Status: 'Gone', Description: 'fine text' }, (a) => `props.${a}`);
    expect(violations.map((v) => v.attribute)).toEqual(['props.ImageName', 'props.Status']);
  });
});

describe('checkIdentity', () => {
  test.each([
    ['cn-hangzhou', 'm-bp1g7004ksh0oeuc0001', []],
    [undefined, 'm-1', ['RegionId']],
    ['cn-hangzhou', '', ['ImageId']],
    ['Hangzhou', 'm-1', ['RegionId']],
    ['cn-hangzhou', 'ubuntu_22_04_x64_20G_alibase.vhd', ['ImageId']],
  ])('region %j image %j → %j', (region, image, bad) => {
    expect(checkIdentity(region, image).map((v) => v.attribute)).toEqual(bad);
  });
});

describe('AttributeValidationError', () => {
  test('names the attribute, the value and the rule', () => {
    expect(() => throwIfViolations(checkAttributes({ ImageName: 'aliyun-x' }))).toThrow(
      'ImageName "aliyun-x" is not valid: it must not start with "aliyun" or "acs:".',
    );
  });

  test('lists several violations on their own lines', () => {
    try {
      throwIfViolations(checkAttributes({ ImageName: 'a', BootMode: 'EFI' }));
      throw new Error('expected a validation error');
    } catch (e) {
      expect(e).toBeInstanceOf(AttributeValidationError);
      expect((e as Error).message).toBe(
        '2 inputs are not valid:\n' +
          '  - ImageName "a" is not valid: it must be 2 to 128 characters long.\n' +
          '  - BootMode "EFI" is not valid: it must be one of "BIOS", "UEFI", "UEFI-Preferred".',
      );
    }
  });

  test('does nothing when there is nothing to report', () => {
    expect(() => throwIfViolations([])).not.toThrow();
  });
});
