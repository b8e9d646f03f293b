/**
 * Who can see an image and how it looks to them: the DescribeImages `Image` object as seen by
 * one account (`ImageOwnerAlias`, `IsSelfShared` and `Usage` depend on the viewer and the state).
 */
import { OWNER_ALIASES } from './state/parse-image';
import { ImageRecord } from './state/records';
import { EmulatorStore } from './state/store';

/** `ImageOwnerAlias` values. */
export type OwnerAlias = (typeof OWNER_ALIASES)[number];

/** The image's `ImageOwnerAlias` from `viewer`'s point of view. */
export function ownerAliasFor(image: ImageRecord, viewer: string): OwnerAlias {
  if (image.ownerKind !== 'account') return image.ownerKind;
  return image.ImageOwnerId === viewer ? 'self' : 'others';
}

/** A custom image of another account published as a community image. */
export function isCommunityImage(image: ImageRecord): boolean {
  return image.ownerKind === 'account' && image.IsPublic;
}

/** Shared by its owner with `viewer` (not counting community publication). */
export function isSharedWith(image: ImageRecord, viewer: string, store: EmulatorStore): boolean {
  return store.sharesOf(image.ImageId).some((share) => share.accountId === viewer);
}

/** Shared with any account or published as a community image (the `ImageUseShared` rule). */
export function isSharedByOwner(image: ImageRecord, store: EmulatorStore): boolean {
  return store.sharesOf(image.ImageId).length > 0 || isCommunityImage(image);
}

/** Whether `viewer` can see the image at all (own, Alibaba-provided, community or shared with them). */
export function isVisibleTo(image: ImageRecord, viewer: string, store: EmulatorStore): boolean {
  return ownerAliasFor(image, viewer) !== 'others' || isCommunityImage(image) || isSharedWith(image, viewer, store);
}

/** Whether the image is `viewer`'s own custom image (the only kind it may modify or tag). */
export function isOwnedBy(image: ImageRecord, viewer: string): boolean {
  return ownerAliasFor(image, viewer) === 'self';
}

/** The DescribeImages / DescribeImageFromFamily `Image` object as `viewer` sees it. */
export function renderImage(image: ImageRecord, viewer: string, store: EmulatorStore): Record<string, unknown> {
  const alias = ownerAliasFor(image, viewer);
  const ownerId =
    /^\d+$/.test(image.ImageOwnerId) && Number.isSafeInteger(Number(image.ImageOwnerId)) ? Number(image.ImageOwnerId) : image.ImageOwnerId;
  return {
    ImageId: image.ImageId,
    ImageName: image.ImageName,
    Description: image.Description,
    ImageFamily: image.ImageFamily,
    ImageVersion: image.ImageVersion,
    Status: image.Status,
    Progress: image.Progress,
    CreationTime: image.CreationTime,
    Architecture: image.Architecture,
    OSType: image.OSType,
    OSName: image.OSName,
    OSNameEn: image.OSNameEn,
    Platform: image.Platform,
    Size: image.Size,
    BootMode: image.BootMode,
    LicenseType: image.LicenseType,
    ImageOwnerAlias: alias,
    ...(ownerId !== '' ? { ImageOwnerId: ownerId } : {}),
    IsSelfShared: alias === 'self' ? (isSharedByOwner(image, store) ? 'True' : 'False') : '',
    IsPublic: image.IsPublic,
    IsCopied: image.IsCopied,
    IsSubscribed: image.IsSubscribed,
    IsSupportCloudinit: image.IsSupportCloudinit,
    IsSupportIoOptimized: image.IsSupportIoOptimized,
    LoginAsNonRootSupported: image.LoginAsNonRootSupported,
    ProductCode: image.ProductCode,
    ResourceGroupId: image.ResourceGroupId,
    Usage: store.instancesUsing(image.ImageId, image.RegionId).length > 0 ? 'instance' : 'none',
    Features: { ...image.Features },
    DiskDeviceMappings: { DiskDeviceMapping: image.DiskDeviceMappings.map((mapping) => ({ ...mapping })) },
    Tags: { Tag: image.Tags.map((tag) => ({ ...tag })) },
    ...image.passthrough,
  };
}

/** Newest CreationTime first, then ImageId ascending (the emulator's listing order). */
export function newestFirst(a: ImageRecord, b: ImageRecord): number {
  const byTime = Date.parse(b.CreationTime) - Date.parse(a.CreationTime);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.ImageId < b.ImageId ? -1 : a.ImageId > b.ImageId ? 1 : 0;
}
