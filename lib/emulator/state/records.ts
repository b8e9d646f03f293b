/**
 * The emulator's internal, fully defaulted records. They are built from the state file by
 * `parse-state.ts` and turned back into the state-file form by `state-form.ts`.
 */

/** Who provides an image: an account (custom images) or Alibaba Cloud. */
export type OwnerKind = 'account' | 'system' | 'marketplace';

/** Every image status the service knows. */
export const IMAGE_STATUSES = ['Creating', 'Waiting', 'Available', 'UnAvailable', 'CreateFailed', 'Deprecated'] as const;

/** Every instance status DescribeInstances knows. */
export const INSTANCE_STATUSES = ['Pending', 'Running', 'Starting', 'Stopping', 'Stopped'] as const;

/** One image tag. */
export interface TagRecord {
  readonly TagKey: string;
  readonly TagValue: string;
}

/** An image with every field defaulted. Records are replaced, never mutated in place. */
export interface ImageRecord {
  readonly ImageId: string;
  readonly RegionId: string;
  readonly ImageName: string;
  readonly Description: string;
  readonly ImageFamily: string;
  readonly ImageVersion: string;
  readonly Status: string;
  readonly Progress: string;
  readonly CreationTime: string;
  readonly Architecture: string;
  readonly OSType: string;
  readonly OSName: string;
  readonly OSNameEn: string;
  readonly Platform: string;
  readonly Size: number;
  readonly BootMode: string;
  readonly LicenseType: string;
  readonly ownerKind: OwnerKind;
  /** Owner account ID ("" for Alibaba-provided images). */
  readonly ImageOwnerId: string;
  readonly IsPublic: boolean;
  readonly IsCopied: boolean;
  readonly IsSubscribed: boolean;
  readonly IsSupportCloudinit: boolean;
  readonly IsSupportIoOptimized: boolean;
  readonly LoginAsNonRootSupported: boolean;
  readonly ProductCode: string;
  readonly ResourceGroupId: string;
  /** NvmeSupport, ImdsSupport and any other feature flags. */
  readonly Features: Readonly<Record<string, string>>;
  readonly Tags: readonly TagRecord[];
  readonly DiskDeviceMappings: readonly Record<string, unknown>[];
  /** Other DescribeImages fields from the state file, echoed verbatim. */
  readonly passthrough: Readonly<Record<string, unknown>>;
}

/** An access key and what it stands for. */
export interface AccessKeyRecord {
  readonly id: string;
  readonly secret: string;
  readonly accountId: string;
  readonly securityToken?: string;
  /** Epoch ms after which the security token is expired. */
  readonly expiresAt?: number;
}

/** An ECS instance. */
export interface InstanceRecord {
  readonly InstanceId: string;
  readonly ImageId: string;
  readonly RegionId: string;
  readonly Status: string;
  readonly InstanceName: string;
  readonly OwnerId: string;
  readonly ZoneId: string;
  readonly InstanceType: string;
  readonly OSType: string;
  readonly CreationTime: string;
}

/** One account an image is shared with. */
export interface ShareRecord {
  readonly accountId: string;
  readonly sharedTime: string;
}
