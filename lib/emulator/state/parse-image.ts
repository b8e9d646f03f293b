/** Validates one state-file image and fills in its defaults. */
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION_ID, OTHER_ACCOUNT_ID } from '../types';
import { IMAGE_STATUSES, ImageRecord, OwnerKind, TagRecord } from './records';
import {
  JsonObject,
  expectArray,
  expectObject,
  expectOnlyKeys,
  fail,
  optionalAccountId,
  optionalBoolean,
  optionalChoice,
  optionalNumber,
  optionalString,
  optionalTime,
  requiredString,
} from './state-checks';

/** Fields of DescribeImages' Image echoed verbatim when present. */
const PASSTHROUGH_FIELDS = ['SupplierName', 'SecureBootOptions', 'DetectionOptions', 'Usable'] as const;
/** Computed by the emulator; accepted in a state file (e.g. a DescribeImages dump) and ignored. */
const COMPUTED_FIELDS = ['Usage', 'IsSelfShared'] as const;
const IMAGE_FIELDS = [
  'ImageId',
  'RegionId',
  'ImageName',
  'Description',
  'ImageFamily',
  'ImageVersion',
  'Status',
  'Progress',
  'CreationTime',
  'Architecture',
  'OSType',
  'OSName',
  'OSNameEn',
  'Platform',
  'Size',
  'BootMode',
  'LicenseType',
  'ImageOwnerAlias',
  'ImageOwnerId',
  'IsPublic',
  'IsCopied',
  'IsSubscribed',
  'IsSupportCloudinit',
  'IsSupportIoOptimized',
  'LoginAsNonRootSupported',
  'ProductCode',
  'ResourceGroupId',
  'Features',
  'Tags',
  'DiskDeviceMappings',
  'ReadyAfterSeconds',
  ...PASSTHROUGH_FIELDS,
  ...COMPUTED_FIELDS,
] as const;

/** Allowed values of the enumerated image fields. */
export const ARCHITECTURES = ['i386', 'x86_64', 'arm64'] as const;
export const OS_TYPES = ['linux', 'windows'] as const;
export const BOOT_MODES = ['BIOS', 'UEFI', 'UEFI-Preferred'] as const;
export const NVME_SUPPORT_VALUES = ['supported', 'unsupported'] as const;
export const IMDS_SUPPORT_VALUES = ['v1', 'v2'] as const;
export const OWNER_ALIASES = ['self', 'others', 'system', 'marketplace'] as const;
const LICENSE_TYPES = ['', 'BYOL'] as const;

/** A parsed image and, for a Creating/Waiting image, when it becomes Available. */
export interface ParsedImage {
  readonly record: ImageRecord;
  readonly readyAfterSeconds?: number;
}

/**
 * Validates `raw` (a state-file image) and returns the defaulted record.
 * @param where how to name the entry in errors, e.g. `images[3]`
 * @param defaultCreationTime used when the entry has no CreationTime
 */
export function parseImage(raw: unknown, where: string, defaultCreationTime: string): ParsedImage {
  const object = expectObject(raw, where);
  const imageId = requiredString(object, 'ImageId', where);
  const at = `${where} (${imageId})`;
  if (/[\s,]/.test(imageId)) fail(`${at}.ImageId`, 'must not contain commas or white space');
  expectOnlyKeys(object, IMAGE_FIELDS, at);

  const status = optionalChoice(object, 'Status', IMAGE_STATUSES, at) ?? 'Available';
  const readyAfterSeconds = optionalNumber(object, 'ReadyAfterSeconds', at);
  if (readyAfterSeconds !== undefined && status !== 'Creating' && status !== 'Waiting') {
    fail(`${at}.ReadyAfterSeconds`, `only applies to a Creating or Waiting image (Status is ${status})`);
  }
  optionalTime(object, 'CreationTime', at);
  const osType = optionalChoice(object, 'OSType', OS_TYPES, at) ?? 'linux';
  const owner = parseOwner(object, at);
  const size = optionalNumber(object, 'Size', at) ?? 40;

  const record: ImageRecord = {
    ImageId: imageId,
    RegionId: optionalString(object, 'RegionId', at) || DEFAULT_REGION_ID,
    ImageName: optionalString(object, 'ImageName', at) ?? imageId,
    Description: optionalString(object, 'Description', at) ?? '',
    ImageFamily: optionalString(object, 'ImageFamily', at) ?? '',
    ImageVersion: optionalString(object, 'ImageVersion', at) ?? '',
    Status: status,
    Progress: optionalString(object, 'Progress', at) ?? (status === 'Creating' || status === 'Waiting' ? '0%' : '100%'),
    CreationTime: optionalString(object, 'CreationTime', at) ?? defaultCreationTime,
    Architecture: optionalChoice(object, 'Architecture', ARCHITECTURES, at) ?? 'x86_64',
    OSType: osType,
    OSName:
      optionalString(object, 'OSName', at) ??
      (osType === 'windows' ? 'Windows Server 2022 数据中心版 64位中文版' : 'Alibaba Cloud Linux  3.2104 LTS 64位'),
    OSNameEn:
      optionalString(object, 'OSNameEn', at) ??
      (osType === 'windows' ? 'Windows Server 2022 Datacenter 64-bit' : 'Alibaba Cloud Linux  3.2104 LTS 64 bit'),
    Platform: optionalString(object, 'Platform', at) ?? (osType === 'windows' ? 'Windows Server 2022' : 'Aliyun'),
    Size: size,
    BootMode: optionalChoice(object, 'BootMode', BOOT_MODES, at) ?? 'BIOS',
    LicenseType: optionalChoice(object, 'LicenseType', LICENSE_TYPES, at) ?? '',
    ownerKind: owner.kind,
    ImageOwnerId: owner.id,
    IsPublic: optionalBoolean(object, 'IsPublic', at) ?? owner.kind !== 'account',
    IsCopied: optionalBoolean(object, 'IsCopied', at) ?? false,
    IsSubscribed: optionalBoolean(object, 'IsSubscribed', at) ?? false,
    IsSupportCloudinit: optionalBoolean(object, 'IsSupportCloudinit', at) ?? true,
    IsSupportIoOptimized: optionalBoolean(object, 'IsSupportIoOptimized', at) ?? true,
    LoginAsNonRootSupported: optionalBoolean(object, 'LoginAsNonRootSupported', at) ?? false,
    ProductCode: optionalString(object, 'ProductCode', at) ?? '',
    ResourceGroupId: optionalString(object, 'ResourceGroupId', at) ?? '',
    Features: parseFeatures(object.Features, `${at}.Features`),
    Tags: parseTags(object.Tags, `${at}.Tags`),
    DiskDeviceMappings: parseDiskDeviceMappings(object.DiskDeviceMappings, `${at}.DiskDeviceMappings`, size),
    passthrough: Object.fromEntries(PASSTHROUGH_FIELDS.filter((key) => object[key] !== undefined).map((key) => [key, object[key]])),
  };
  return { record, readyAfterSeconds };
}

function parseOwner(object: JsonObject, at: string): { kind: OwnerKind; id: string } {
  const alias = optionalChoice(object, 'ImageOwnerAlias', OWNER_ALIASES, at) ?? 'self';
  const id = optionalAccountId(object, 'ImageOwnerId', at);
  switch (alias) {
    case 'system':
    case 'marketplace':
      return { kind: alias, id: id ?? '' };
    case 'others':
      if (id === DEFAULT_ACCOUNT_ID)
        fail(`${at}.ImageOwnerId`, `an "others" image cannot belong to the default account ${DEFAULT_ACCOUNT_ID}`);
      return { kind: 'account', id: id ?? OTHER_ACCOUNT_ID };
    default:
      return { kind: 'account', id: id ?? DEFAULT_ACCOUNT_ID };
  }
}

function parseFeatures(raw: unknown, where: string): Record<string, string> {
  const object = raw === undefined ? {} : expectObject(raw, where);
  for (const [key, value] of Object.entries(object)) {
    if (typeof value !== 'string') fail(`${where}.${key}`, 'must be a string');
  }
  optionalChoice(object, 'NvmeSupport', NVME_SUPPORT_VALUES, where);
  optionalChoice(object, 'ImdsSupport', IMDS_SUPPORT_VALUES, where);
  return { NvmeSupport: 'unsupported', ImdsSupport: 'v1', ...(object as Record<string, string>) };
}

function parseTags(raw: unknown, where: string): TagRecord[] {
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : expectArray(expectObject(raw, where).Tag ?? [], `${where}.Tag`);
  const tags: TagRecord[] = [];
  list.forEach((entry, index) => {
    const at = `${where}[${index}]`;
    const tag = expectObject(entry, at);
    expectOnlyKeys(tag, ['TagKey', 'TagValue'], at);
    const key = requiredString(tag, 'TagKey', at);
    if (tags.some((existing) => existing.TagKey === key)) fail(`${at}.TagKey`, `duplicate tag key ${JSON.stringify(key)}`);
    tags.push({ TagKey: key, TagValue: optionalString(tag, 'TagValue', at) ?? '' });
  });
  return tags;
}

function parseDiskDeviceMappings(raw: unknown, where: string, size: number): Record<string, unknown>[] {
  if (raw === undefined) {
    return [
      {
        Type: 'system',
        Device: '/dev/xvda',
        Size: String(size),
        SnapshotId: '',
        Format: '',
        Progress: '100%',
        ImportOSSBucket: '',
        ImportOSSObject: '',
      },
    ];
  }
  const list = expectArray(expectObject(raw, where).DiskDeviceMapping ?? [], `${where}.DiskDeviceMapping`);
  return list.map((entry, index) => expectObject(entry, `${where}.DiskDeviceMapping[${index}]`));
}
