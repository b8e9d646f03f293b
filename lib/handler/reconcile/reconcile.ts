import { AttributeChange, AttributeName, AttributeValues, changedValues, diffAttributes } from '../../attributes';
import { alreadyApplied, restoreCannotClear } from '../../messages/handler-errors';
import { recordedSyncToken, SYNC_TAG_KEY } from '../drift/sync-token';
import { tagRoomRefusal } from '../drift/tag-room';
import { EcsApiError } from '../ecs/api-error';
import { EcsImageApi, ImageRecord } from '../ecs/ecs-api';
import { Sleep } from '../ecs/retry';
import { CheckedByCaller, runGuards } from '../guards';
import { currentValues } from '../image/image-values';
import { ImageTarget } from '../image/image-target';
import { describeOwnImage, notOwnedError } from '../image/read-image';
import { waitUntilModifiable } from '../image/wait-until-modifiable';
import { Logger } from '../logging/log';
import { toModifyRequest } from './modify-request';
import { waitForReadBack } from './read-back';
import { planRequests } from './request-plan';
import { Timing } from './timing';

/** The I/O and clocks the reconciler runs with. */
export interface ReconcileDeps {
  readonly api: EcsImageApi;
  readonly sleep: Sleep;
  readonly timing: Timing;
  readonly log: Logger;
}

/** How a reconcile treats what stands in its way; each caller (Create, Delete policies) picks its own. */
export interface ReconcileMode {
  /** Recorded on the image after reconciling, when it differs from the recorded one (drift detection). */
  readonly syncToken?: string;
  /** The tag that holds this manager's sync token. @default the shared key (see drift/sync-token.ts) */
  readonly syncTagKey?: string;
  /** Attributes already left out by the caller, with the reason: reported with those the guards skip. */
  readonly skipped?: readonly { attribute: string; reason: string }[];
  /** Attributes the caller would clear (a Restore to "no value"): the API cannot, so any current value is reported as kept. */
  readonly unclearable?: readonly AttributeName[];
  /** The image as the caller already read it (a family reads all its members at once): saves the first read. */
  readonly knownImage?: ImageRecord;
  /** Checks the caller already made (see guards/guard.ts). */
  readonly checked?: CheckedByCaller;
  /**
   * What a guard refusal does: `refuse` throws it before any write (the default); `skip` leaves
   * that attribute as it is and reports why (best-effort Restore on Delete).
   */
  readonly onRefusal?: 'refuse' | 'skip';
  /** What a missing image does: `refuse` throws (the default); `ignore` reports nothing changed (Delete). */
  readonly onMissing?: 'refuse' | 'ignore';
}

export interface ReconcileRequest extends ReconcileMode {
  readonly target: ImageTarget;
  /** Managed attributes only; validated by the caller. */
  readonly desired: AttributeValues;
  readonly allowEmptyFamily: boolean;
  readonly waitTimeoutSeconds: number;
}

export interface ReconcileResult {
  /** Every change applied, in the order sent. */
  readonly changes: AttributeChange[];
  readonly requestIds: string[];
  readonly skipped: { attribute: string; reason: string }[];
  /** The image as last read; undefined when it was missing and that was allowed. */
  readonly image?: ImageRecord;
}

/** Errors that mean "already done" when a retried write had in fact gone through. */
const ALREADY_IN_STATUS = new Set(['ImageStatus.NotAvailable', 'ImageStatus.NotDeprecated']);

/**
 * Brings one image to the desired attributes: one read, a diff, the guards, then only the
 * changed fields in as few ModifyImageAttribute calls as the status rules allow, then a read-back.
 * An image already as desired costs exactly one DescribeImages call.
 */
export async function reconcile(deps: ReconcileDeps, req: ReconcileRequest): Promise<ReconcileResult> {
  const { api, log } = deps;
  const { target } = req;
  let image = req.knownImage ?? (await describeOwnImage(api, target));
  if (!image) {
    if (req.onMissing === 'ignore') return { changes: [], requestIds: [], skipped: [] };
    throw await notOwnedError(api, target);
  }
  let changes = diffAttributes(currentValues(image), req.desired);
  if (changes.length > 0) {
    image = await waitUntilModifiable(api, target, image, req.waitTimeoutSeconds, deps.timing, deps.sleep);
    changes = diffAttributes(currentValues(image), req.desired);
  }

  const skipped: { attribute: string; reason: string }[] = [...(req.skipped ?? [])];
  const current = currentValues(image);
  for (const a of req.unclearable ?? [])
    if (current[a]) skipped.push({ attribute: a, reason: restoreCannotClear(a, current[a] as string) });
  if (changes.length > 0) {
    const refusals = await runGuards({ api, target, image, changes, allowEmptyFamily: req.allowEmptyFamily, checked: req.checked });
    if (refusals.length > 0 && req.onRefusal !== 'skip') throw refusals[0].error;
    for (const r of refusals) skipped.push({ attribute: r.attribute, reason: r.error.message });
    changes = changes.filter((c) => !refusals.some((r) => r.attribute === c.attribute));
  }

  // Everything that can be checked is checked before the first write: the tag needs room too.
  const tagKey = req.syncTagKey ?? SYNC_TAG_KEY;
  const retag = req.syncToken !== undefined && req.syncToken !== recordedSyncToken(image, tagKey);
  const noRoom = retag ? tagRoomRefusal(target, image, tagKey) : undefined;
  if (noRoom) throw noRoom;

  const requestIds: string[] = [];
  const applied: AttributeChange[] = [];
  try {
    if (changes.length > 0) {
      log.log('info', 'modifying image', { imageId: target.imageId, regionId: target.regionId, changes });
      for (const batch of planRequests(changes)) {
        requestIds.push(await modifyOrConfirm(deps, target, batch));
        applied.push(...batch);
      }
      image = await waitForReadBack(api, target, changedValues(changes), deps.timing, deps.sleep);
    } else {
      log.log('info', 'image already as desired', { imageId: target.imageId, regionId: target.regionId });
    }
    if (retag) await api.tagImage(target.regionId, target.imageId, [{ key: tagKey, value: req.syncToken! }]);
  } catch (e) {
    // A later write refused after an earlier one went through: say what is already in place.
    if (applied.length > 0 && e instanceof Error) e.message = `${e.message} ${alreadyApplied(applied)}`;
    throw e;
  }
  return { changes, requestIds, skipped, image };
}

/**
 * Sends one ModifyImageAttribute. If the API says the image is already in the requested status
 * (a retried write that went through the first time, whose answer was lost; or someone else's
 * change), confirms with the read-back loop (reads may lag a write for a while) and carries on
 * when the values are in place; the API's refusal stands when they never show.
 */
async function modifyOrConfirm(deps: ReconcileDeps, target: ImageTarget, batch: readonly AttributeChange[]): Promise<string> {
  try {
    return await deps.api.modifyImageAttribute(toModifyRequest(target, batch));
  } catch (e) {
    if (!(e instanceof EcsApiError) || !ALREADY_IN_STATUS.has(e.code)) throw e;
    try {
      await waitForReadBack(deps.api, target, changedValues(batch), deps.timing, deps.sleep);
    } catch {
      throw e;
    }
    return '';
  }
}
