/**
 * The handler contract for a golden-image family: one event reconciles every member, in one
 * process and one ordered pass. Same CloudFormation / ROS shape as an image's event (see
 * event.ts), told apart by `ResourceType`.
 */
import { ImageAttributeProperties } from '../attributes/attributes';
import { AppliedChange, DeletionPolicy, RequestType } from './event';

/** `ResourceType` of each kind of event (an event without one is an image's). */
export const RESOURCE_TYPES = {
  image: 'Custom::ManagedCustomImage',
  family: 'Custom::GoldenImageFamily',
} as const;

/** The image tags a family writes on a member it deprecates, and removes when it revives it. */
export const FAMILY_TAGS = {
  /** The image that replaced it: the family's current image at the time (GCP's "replacement"). */
  replacedBy: 'cdktf-managed-image:replaced-by',
  /** When it was deprecated, ISO 8601. */
  deprecatedAt: 'cdktf-managed-image:deprecated-at',
} as const;

/** One member: its id and every attribute it must have (Status and ImageFamily included). */
export interface FamilyMemberProperties extends ImageAttributeProperties {
  readonly ImageId: string;
  /** This member's drift marker from the plan-time read (see handler/drift/sync-token.ts). */
  readonly SyncToken?: string;
}

/** The resource properties of a family. */
export interface GoldenImageFamilyProperties {
  readonly RegionId: string;
  readonly ImageFamily: string;
  /** The image the family must resolve to (DescribeImageFromFamily): one of the members, Available and the newest Available. */
  readonly CurrentImageId: string;
  /** Every member, oldest first, each with its desired attributes. */
  readonly Members: readonly FamilyMemberProperties[];
  /** Keep shared members Available instead of refusing to deprecate them. @default false */
  readonly ExcludeShared?: boolean | string;
  /** Let Delete with DeletionPolicy Deprecate leave the family with no Available image. @default false */
  readonly AllowEmptyFamily?: boolean | string;
  /** @default 1200 */
  readonly WaitTimeoutSeconds?: number | string;
  /** Retain (the default) or Deprecate (every member; needs AllowEmptyFamily). */
  readonly DeletionPolicy?: DeletionPolicy | string;
  /** The tag holding the family's drift markers on each member. */
  readonly SyncTagKey?: string;
}

export interface GoldenImageFamilyEvent {
  readonly RequestType: RequestType;
  readonly ResourceType: (typeof RESOURCE_TYPES)['family'];
  readonly ResourceProperties: GoldenImageFamilyProperties;
  readonly OldResourceProperties?: GoldenImageFamilyProperties;
  readonly PhysicalResourceId?: string;
}

/** What happened to one member. */
export interface FamilyMemberResult {
  readonly ImageId: string;
  readonly Status?: string;
  readonly Changes: AppliedChange[];
  /** Why the member was left as it is (a shared member kept Available under ExcludeShared). */
  readonly Kept?: string;
}

export interface GoldenImageFamilyResponse {
  /** `<region>/<family>`. */
  readonly PhysicalResourceId: string;
  readonly Data: {
    readonly RegionId: string;
    readonly ImageFamily: string;
    readonly CurrentImageId: string;
    readonly Members: FamilyMemberResult[];
    /** Images that carried the family's tag but are no longer members: the tag was removed. */
    readonly Released: string[];
  };
}
