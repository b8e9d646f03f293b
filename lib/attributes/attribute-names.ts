/**
 * The image attributes ModifyImageAttribute can change, spelled as the API spells them on the
 * wire (a nested `Features` member is written with a dot, as the SDK flattens it).
 */
export type AttributeName =
  | 'ImageName'
  | 'Description'
  | 'ImageFamily'
  | 'BootMode'
  | 'LicenseType'
  | 'Status'
  | 'Features.NvmeSupport'
  | 'Features.ImdsSupport';

/** Every managed attribute, in the order the API documents them (and errors are reported). */
export const ATTRIBUTE_NAMES: readonly AttributeName[] = [
  'ImageName',
  'Description',
  'ImageFamily',
  'BootMode',
  'LicenseType',
  'Status',
  'Features.NvmeSupport',
  'Features.ImdsSupport',
];

/**
 * A set of attribute values keyed by wire name. An attribute that is absent is *unmanaged*:
 * never sent and never compared.
 */
export type AttributeValues = { [K in AttributeName]?: string };
