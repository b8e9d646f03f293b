/**
 * Every refusal the handler makes on its own, before the API would refuse: each names the
 * image, says why, and says what to do. The `code` is stable and printed by the CLI.
 */

import { ERROR_CODES, ErrorCode } from './error-codes';

/** An error the handler raises itself (a guard, a wait that ran out, a bad endpoint). */
export class ManagedImageError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ManagedImageError';
  }
}

const image = (regionId: string, imageId: string) => `Image ${imageId} in ${regionId}`;

export function imageNotFound(regionId: string, imageId: string): ManagedImageError {
  return new ManagedImageError(
    ERROR_CODES.imageNotFound,
    `${image(regionId, imageId)} was not found among this account's custom images (any status). Check ImageId and RegionId, and that the credentials belong to the account that owns the image. Nothing was changed.`,
  );
}

export function communityImageOfAnotherAccount(regionId: string, imageId: string, ownerId: string | undefined): ManagedImageError {
  return new ManagedImageError(
    ERROR_CODES.communityImage,
    `${image(regionId, imageId)} is a community image published by another account${ownerId ? ` (${ownerId})` : ''}; only its publisher can change it (the API would answer InvalidOperation.PublicImageUnsupported). Copy it into this account and manage the copy. Nothing was changed.`,
  );
}

export function imdsDowngrade(regionId: string, imageId: string): ManagedImageError {
  return new ManagedImageError(
    ERROR_CODES.imdsDowngrade,
    `${image(regionId, imageId)} has Features.ImdsSupport "v2"; the API never allows going back to "v1" (InvalidOperation.FeaturesImdsSupportNotMatch). Set it to "v2" or stop managing it. Nothing was changed.`,
  );
}

export function bootModeImageInUse(
  regionId: string,
  imageId: string,
  from: string | undefined,
  to: string,
  instanceIds: readonly string[],
): ManagedImageError {
  return new ManagedImageError(
    ERROR_CODES.bootModeInUse,
    `${image(regionId, imageId)}: BootMode cannot change from ${from ? `"${from}"` : '(none)'} to "${to}" while instances use the image (${instanceIds.join(', ')}${instanceIds.length >= 5 ? ', …' : ''}); the API would answer OperationDeined.ImageUsingByInstance. Release or re-image those instances first, or leave BootMode unmanaged. Nothing was changed.`,
  );
}

export function deprecateSharedImage(regionId: string, imageId: string, accounts: readonly string[], isPublic: boolean): ManagedImageError {
  const with_ = [
    isPublic ? 'published as a community image' : '',
    accounts.length ? `shared with ${accounts.length} account(s): ${accounts.slice(0, 5).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return new ManagedImageError(
    ERROR_CODES.deprecateShared,
    `${image(regionId, imageId)} cannot be deprecated while it is ${with_} (the API would answer ImageUseShared). Remove the shares with ModifyImageSharePermission first. Nothing was changed.`,
  );
}

export function deprecateLastImageOfFamily(regionId: string, imageId: string, family: string): ManagedImageError {
  return new ManagedImageError(
    ERROR_CODES.deprecateLastInFamily,
    `${image(regionId, imageId)} is the last Available image of family "${family}"; deprecating it would leave the family with no image to launch from. Make another image of the family Available first, or set AllowEmptyFamily (allowEmptyFamily in the construct) to do it anyway. Nothing was changed.`,
  );
}

export function imageNotReady(regionId: string, imageId: string, status: string, waitedSeconds: number): ManagedImageError {
  return new ManagedImageError(
    ERROR_CODES.notReady,
    `${image(regionId, imageId)} is still ${status} after waiting ${waitedSeconds} s. Raise WaitTimeoutSeconds (waitTimeout in the construct) or apply again once the image is Available. Nothing was changed.`,
  );
}

export function imageUnusable(regionId: string, imageId: string, status: string): ManagedImageError {
  return new ManagedImageError(
    ERROR_CODES.unusable,
    `${image(regionId, imageId)} is ${status}: the image failed and none of its attributes can be changed. Rebuild the image and point ImageId at the new one. Nothing was changed.`,
  );
}

export function readBackTimeout(regionId: string, imageId: string, attributes: readonly string[]): ManagedImageError {
  return new ManagedImageError(
    ERROR_CODES.readBackTimeout,
    `${image(regionId, imageId)}: ModifyImageAttribute succeeded but DescribeImages still does not show ${attributes.join(', ')}. The change may yet appear; run again to confirm.`,
  );
}

export function unknownEndpoint(value: string): ManagedImageError {
  return new ManagedImageError(
    ERROR_CODES.invalidEndpoint,
    `ALIBABA_CLOUD_ECS_ENDPOINT ${JSON.stringify(value)} is not valid: it must be an http:// or https:// URL with a host and optional port, such as "http://127.0.0.1:8765".`,
  );
}

export function credentialsIncomplete(setName: string, missingName: string): ManagedImageError {
  return new ManagedImageError(
    ERROR_CODES.credentialsIncomplete,
    `${setName} is set but ${missingName} is not: set both (or neither, to use another source of the Alibaba Cloud default chain). Nothing was sent.`,
  );
}

export function tagQuotaFull(regionId: string, imageId: string, tagKey: string, tagCount: number): ManagedImageError {
  return new ManagedImageError(
    ERROR_CODES.tagQuotaFull,
    `${image(regionId, imageId)} carries ${tagCount} tags, the most an image can; drift detection needs one more, "${tagKey}", to record the repair it is about to make. Remove a tag from the image, or set driftDetection to false. Nothing was changed.`,
  );
}

export function imageNameTaken(regionId: string, imageId: string, name: string, holderId: string): ManagedImageError {
  return new ManagedImageError(
    ERROR_CODES.imageNameTaken,
    `${image(regionId, imageId)} cannot be named "${name}": image ${holderId} in the same region already has that name, and names are unique per account and region (the API would answer InvalidImageName.Duplicated). Rename ${holderId} first, or choose another name. Nothing was changed.`,
  );
}

/** Appended to an error raised after some writes already went through: says what is already in place. */
export function alreadyApplied(changes: readonly { attribute: string; from?: string; to: string }[]): string {
  const list = changes.map((c) => `${c.attribute} ${c.from ? JSON.stringify(c.from) : '(none)'} -> ${JSON.stringify(c.to)}`).join(', ');
  return `Already changed on the image before this failure: ${list}.`;
}

/** Why a recorded RestoreTo value is skipped: `RestoreTo.Status "Creating" is not valid: ... It cannot be put back.` */
export function restoreValueUnsettable(violation: string): string {
  return `${violation} The API cannot set it, so it was not put back.`;
}

/** Why an attribute a Restore would clear is left as it is. */
export function restoreCannotClear(attribute: string, current: string): string {
  return `${attribute} had no value before it was managed, and the API cannot remove a value: it keeps ${JSON.stringify(current)}.`;
}

/** A family's refusals name the family and the member. */
const member = (regionId: string, family: string, imageId: string) => `Image ${imageId} (family "${family}" in ${regionId})`;

export function familyOutsider(regionId: string, family: string, current: string, outsider: string): ManagedImageError {
  return new ManagedImageError(
    ERROR_CODES.familyOutsider,
    `${member(regionId, family, outsider)} is Available, newer than the current image ${current}, and not a member: launches from the family would resolve to it (DescribeImageFromFamily returns the newest Available image). Add it to the members, or deprecate it. Nothing was changed.`,
  );
}

export function familyOrder(regionId: string, family: string, current: string, newer: string): ManagedImageError {
  return new ManagedImageError(
    ERROR_CODES.familyOrder,
    `${member(regionId, family, newer)} is kept Available and was created after the current image ${current}, yet it is listed before it: members must be listed oldest first, since the family resolves to its newest Available image by creation time. Reorder the members. Nothing was changed.`,
  );
}

export function engineGone(): ManagedImageError {
  return new ManagedImageError(
    ERROR_CODES.engineGone,
    'The engine that started this handler is gone (killed mid-apply): the handler stops before its next write, so it cannot overwrite what a newer apply decided. Run apply again.',
  );
}
