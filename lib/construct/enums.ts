/*
 * The fixed value sets of ModifyImageAttribute. Each enum value is the API's own string, so a
 * plain string works wherever an enum is expected.
 */

/** How instances created from the image boot. */
export enum BootMode {
  BIOS = 'BIOS',
  UEFI = 'UEFI',
  /** UEFI when the instance type supports it, BIOS otherwise. */
  UEFI_PREFERRED = 'UEFI-Preferred',
}

/** The license an imported image's operating system is activated with. */
export enum LicenseType {
  /** Bring your own license: the key must be valid for use on Alibaba Cloud. */
  BYOL = 'BYOL',
}

/** The statuses an image can be put in. */
export enum ImageStatus {
  AVAILABLE = 'Available',
  /** Cannot be shared or copied, still launches instances. Reversible. */
  DEPRECATED = 'Deprecated',
}

/** Whether the image supports NVMe disks. */
export enum NvmeSupport {
  SUPPORTED = 'supported',
  UNSUPPORTED = 'unsupported',
}

/** How instances created from the image reach the metadata service. */
export enum ImdsSupport {
  /** Normal and security-hardened modes both allowed. */
  V1 = 'v1',
  /** Security-hardened mode only (IMDSv2). The API never allows going back to v1. */
  V2 = 'v2',
}

export { DeletionPolicy } from '../protocol/event';
