import { AttributeChange, AttributeName } from '../../attributes';
import { ManagedImageError } from '../../messages/handler-errors';
import { EcsImageApi, ImageRecord } from '../ecs/ecs-api';
import { ImageTarget } from '../image/image-target';

/** What a guard sees: the image as read, and the changes about to be sent. */
export interface GuardContext {
  readonly api: EcsImageApi;
  readonly target: ImageTarget;
  readonly image: ImageRecord;
  readonly changes: readonly AttributeChange[];
  readonly allowEmptyFamily: boolean;
  /** Checks a caller already made for the whole change (a family checks shares once, for every member). */
  readonly checked?: CheckedByCaller;
}

/** What a caller has already checked, so the guards need not ask again. */
export interface CheckedByCaller {
  /** The image is not shared (or the caller keeps shared images from being deprecated). */
  readonly shares?: boolean;
  /** Deprecating it never leaves its family empty (the caller keeps another member Available). */
  readonly family?: boolean;
}

/** A change the API would refuse (or that would do harm), caught before any write. */
export interface GuardRefusal {
  readonly attribute: AttributeName;
  readonly error: ManagedImageError;
}

/**
 * One rule of the API (or of prudence) checked client-side. A guard looks only at the change it
 * is about, and makes its extra read only when that change is present.
 */
export type Guard = (ctx: GuardContext) => Promise<GuardRefusal | undefined>;

export function changeOf(ctx: GuardContext, attribute: AttributeName): AttributeChange | undefined {
  return ctx.changes.find((c) => c.attribute === attribute);
}
