import * as root from '../../lib';
import { ATTRIBUTES, AttributeName, attributeSpec } from '../../lib/attributes';
import { BootMode, ImageStatus, ImdsSupport, LicenseType, NvmeSupport } from '../../lib';

describe('the package root', () => {
  test('exports the constructs and their types only, not the internal bindings', () => {
    expect(Object.keys(root).sort()).toEqual([
      'BootMode',
      'DeletionPolicy',
      'GoldenImageFamily',
      'ImageStatus',
      'ImdsSupport',
      'LicenseType',
      'ManagedCustomImage',
      'ManagedImagePolicy',
      'NvmeSupport',
    ]);
  });
});

describe('each enum of the construct has exactly the values of its attribute', () => {
  const ENUMS: [AttributeName, object][] = [
    ['BootMode', BootMode],
    ['LicenseType', LicenseType],
    ['Status', ImageStatus],
    ['Features.NvmeSupport', NvmeSupport],
    ['Features.ImdsSupport', ImdsSupport],
  ];

  test.each(ENUMS)('%s', (attribute, enumeration) => {
    expect(Object.values(enumeration)).toEqual(attributeSpec(attribute).values);
  });

  test('every attribute with a fixed value set has an enum', () => {
    expect(ATTRIBUTES.filter((a) => a.values !== undefined).map((a) => a.name)).toEqual(ENUMS.map(([a]) => a));
  });
});
