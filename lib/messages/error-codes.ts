/**
 * Every error code this project raises itself, in one place. The CLI prints the code first on
 * stderr (`Guard.DeprecateSharedImage: ...`), so each is stable API. Codes the ECS API returns
 * (`InvalidImageName.Duplicated`, `Throttling.User`, ...) pass through unchanged and are listed
 * with their advice in api-errors.ts; none of the codes below collides with one of them.
 */
export const ERROR_CODES = {
  /** An input broke a rule (validation before any API call). */
  invalidInput: 'InvalidInput',
  /** ALIBABA_CLOUD_ECS_ENDPOINT is not a usable URL. */
  invalidEndpoint: 'InvalidEndpoint',
  /** No credentials could be found in the environment or the default chain. */
  credentialsNotFound: 'CredentialsNotFound',
  /** An access key id without its secret, or the other way round. */
  credentialsIncomplete: 'CredentialsIncomplete',
  /** The endpoint did not answer in time (connect or read timeout), after retries. */
  requestTimeout: 'RequestTimeout',
  /** The connection was dropped before an answer, after retries. */
  connectionReset: 'ConnectionReset',
  /** The SDK failed in a way this project does not recognise (the SDK's error name is kept in the message). */
  unexpectedSdkError: 'UnexpectedSdkError',
  /** The image is not among this account's custom images in the region. */
  imageNotFound: 'Guard.ImageNotFound',
  /** A community image published by another account. */
  communityImage: 'Guard.CommunityImageOfAnotherAccount',
  /** Features.ImdsSupport v2 to v1. */
  imdsDowngrade: 'Guard.ImdsSupportDowngrade',
  /** A BootMode change while instances use the image. */
  bootModeInUse: 'Guard.BootModeImageInUse',
  /** Deprecating a shared or published image. */
  deprecateShared: 'Guard.DeprecateSharedImage',
  /** Deprecating the last Available image of its family. */
  deprecateLastInFamily: 'Guard.DeprecateLastImageOfFamily',
  /** The image has no room for the tag drift detection needs (20 tags at most). */
  tagQuotaFull: 'Guard.TagQuotaFull',
  /** The ImageName asked for belongs to another image of the account in the region. */
  imageNameTaken: 'Guard.ImageNameTaken',
  /** An Available image of the family, newer than its current one, is not a member. */
  familyOutsider: 'Guard.FamilyOutsider',
  /** The members are not listed oldest first. */
  familyOrder: 'Guard.FamilyOrder',
  /** The image stayed Creating/Waiting beyond the wait timeout. */
  notReady: 'Guard.ImageNotReady',
  /** The image is CreateFailed or UnAvailable. */
  unusable: 'Guard.ImageUnusable',
  /** The change was accepted but never showed in DescribeImages. */
  readBackTimeout: 'ReadBack.Timeout',
  /** The handler's engine went away mid-apply: it stopped before writing. */
  engineGone: 'Handler.EngineGone',
  /** A bug in this library (not an ECS failure): please report it. */
  internalError: 'ManagedImage.InternalError',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
