/**
 * The handler contract, written once. The construct (which writes events into provisioners), the
 * handler, the CLI and the tests all import it, so the compiler keeps them in step.
 *
 * The event follows the CloudFormation / ROS custom-resource shape, so anyone who has written a
 * custom resource recognises it. Property names are ModifyImageAttribute's own (PascalCase).
 */
import { ImageAttributeProperties } from '../attributes/attributes';

/** What happens to the image when the managing resource is deleted. */
export enum DeletionPolicy {
  /** Touch nothing: the image keeps whatever attributes it has. */
  RETAIN = 'Retain',
  /** Deprecate the image (with the same guards as a Status change to Deprecated). */
  DEPRECATE = 'Deprecate',
  /** Put back the attribute values given in `RestoreTo`. */
  RESTORE = 'Restore',
}

/** How long the handler waits for an image still Creating or Waiting: 20 minutes. */
export const DEFAULT_WAIT_TIMEOUT_SECONDS = 1200;

/** Options that steer the handler; none is an image attribute. */
export interface HandlerOptions {
  /**
   * Allow deprecating the last Available image of its family (leaving the family with no image
   * to launch from). Booleans or the strings "true"/"false" (CloudFormation sends strings).
   * @default false
   */
  readonly AllowEmptyFamily?: boolean | string;
  /**
   * How long to wait for an image that is still Creating or Waiting, in seconds (0 to 86400).
   * @default 1200
   */
  readonly WaitTimeoutSeconds?: number | string;
  /** @default Retain */
  readonly DeletionPolicy?: DeletionPolicy | string;
  /** The values to put back on Delete when DeletionPolicy is Restore. */
  readonly RestoreTo?: ImageAttributeProperties;
  /**
   * A marker the plan-time read computed (drift detection). After a successful change the handler
   * records it on the image so the next read reports the same marker and the next plan is empty.
   * Present only when the caller uses drift detection.
   */
  readonly SyncToken?: string;
  /**
   * The image tag that holds this manager's SyncToken; one per manager, so that two stacks managing
   * different attributes of one image never take each other's repairs for drift. On Delete, the
   * handler removes it (the image is no longer managed).
   * @default "cdktf-managed-image:sync"
   */
  readonly SyncTagKey?: string;
}

/** The names of the {@link HandlerOptions}, as they appear in ResourceProperties. */
export const HANDLER_OPTION_NAMES = [
  'AllowEmptyFamily',
  'WaitTimeoutSeconds',
  'DeletionPolicy',
  'RestoreTo',
  'SyncToken',
  'SyncTagKey',
] as const satisfies readonly (keyof HandlerOptions)[];

/** The properties that say which image: both required. */
export const IDENTITY_NAMES = ['RegionId', 'ImageId'] as const;

/** Properties CloudFormation / ROS add to every custom resource; accepted and not used. */
export const SERVICE_PROPERTY_NAMES = ['ServiceToken'] as const;

/** The resource properties: where the image is, what it should look like, and handler options. */
export interface ManagedImageProperties extends ImageAttributeProperties, HandlerOptions {
  /** The region the image lives in, e.g. `cn-hangzhou`. Required. */
  readonly RegionId: string;
  /** The custom image, e.g. `m-bp1g7004ksh0oeuc0001`. Required. */
  readonly ImageId: string;
}

export type RequestType = 'Create' | 'Update' | 'Delete';

/** The event the handler receives. */
export interface ManagedImageEvent {
  readonly RequestType: RequestType;
  /** The desired state (on Delete: the last applied state). */
  readonly ResourceProperties: ManagedImageProperties;
  /** The previous desired state. Present only on Update. */
  readonly OldResourceProperties?: ManagedImageProperties;
  /** The id the handler returned before. Present on Update and Delete. */
  readonly PhysicalResourceId?: string;
  /** Sent by CloudFormation / ROS; accepted and not used. */
  readonly RequestId?: string;
  readonly LogicalResourceId?: string;
  readonly StackId?: string;
  readonly ResourceType?: string;
}

/** One attribute the handler changed. */
export interface AppliedChange {
  readonly Attribute: string;
  /** The value before; absent when the image had none. */
  readonly From?: string;
  readonly To: string;
}

/** What the handler did; safe to log (no credentials, only image attributes). */
export interface ManagedImageData {
  readonly ImageId: string;
  readonly RegionId: string;
  /** The image's Status after the handler ran. */
  readonly Status?: string;
  /** Every attribute changed, in the order applied; empty when the image was already as desired. */
  readonly Changes: AppliedChange[];
  /** The RequestId of every ModifyImageAttribute call, in order. */
  readonly RequestIds: string[];
  /** Attributes a Restore could not put back, with the reason. Present only on Delete with Restore. */
  readonly Skipped?: { Attribute: string; Reason: string }[];
}

/** The handler's answer. */
export interface ManagedImageResponse {
  /** Always the ImageId: an Update whose ImageId changed returns the new one. */
  readonly PhysicalResourceId: string;
  readonly Data: ManagedImageData;
}

/**
 * Optional context (a Lambda / Function Compute context, or nothing). Only
 * `getRemainingTimeInMillis` is used: the wait for a Creating image stops 30 s before the
 * invocation would be cut off, so the handler fails with its own message instead.
 */
export interface HandlerContext {
  getRemainingTimeInMillis?(): number;
}
