import { createHash } from 'crypto';
import { AttributeChange } from '../../attributes';
import { SYNC_TAG_KEY } from '../../protocol/sync-tag';
import { ImageRecord } from '../ecs/ecs-api';

/**
 * Drift detection's memory, kept on the image itself as one tag per manager.
 *
 * A Terraform engine stores the *planned* value of `triggers_replace`. If the plan-time read
 * returned the raw current values, the plan after a fix would differ from what was stored (the
 * drifted values) and replace the resource once more. Instead the read returns a token:
 * - in sync: the token recorded on the image (or {@link IN_SYNC} if none was ever recorded);
 * - drifted: a new token, `repair <attributes> #<digest>`, derived from the recorded one and the drift.
 * After fixing the drift, the handler records the new token on the image, so the next read, now
 * in sync, returns exactly the value the engine stored: the plan is empty. The token reads right
 * in both places: in a plan it is the repair about to be made, in state the last repair made.
 *
 * Each manager (a construct in a stack) has its own tag, so two stacks managing different
 * attributes of one image never see each other's repairs as drift.
 */
export { SYNC_TAG_KEY, syncTagKey } from '../../protocol/sync-tag';
export const IN_SYNC = 'in-sync';

/** The token the image carries now under the given tag. */
export function recordedSyncToken(image: ImageRecord, tagKey: string = SYNC_TAG_KEY): string {
  return image.tags.find((t) => t.key === tagKey)?.value || IN_SYNC;
}

/** The token a read reports: the recorded one when in sync, a new one naming the drifted attributes otherwise. */
export function syncTokenFor(image: ImageRecord, changes: readonly AttributeChange[], tagKey: string = SYNC_TAG_KEY): string {
  const recorded = recordedSyncToken(image, tagKey);
  if (changes.length === 0) return recorded;
  const digest = createHash('sha256')
    .update(JSON.stringify([recorded, changes.map((c) => [c.attribute, c.from ?? null, c.to])]))
    .digest('hex')
    .slice(0, 12);
  // A tag value holds at most 128 characters; every attribute name together stays under 100.
  return `repair ${changes.map((c) => c.attribute).join(',')} #${digest}`;
}
