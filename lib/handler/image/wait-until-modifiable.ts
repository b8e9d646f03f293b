import { BROKEN_STATUSES, SETTLING_STATUSES } from '../../attributes/value-sets';
import { imageNotReady, imageUnusable } from '../../messages/handler-errors';
import { EcsImageApi, ImageRecord } from '../ecs/ecs-api';
import { Sleep } from '../ecs/retry';
import { Timing } from '../reconcile/timing';
import { ImageTarget } from './image-target';
import { readOwnImage } from './read-image';

/**
 * Returns the image once it can be modified. An image still Creating or Waiting is polled with
 * backoff up to `waitTimeoutSeconds`; CreateFailed and UnAvailable are refused at once.
 */
export async function waitUntilModifiable(
  api: EcsImageApi,
  target: ImageTarget,
  first: ImageRecord,
  waitTimeoutSeconds: number,
  timing: Timing,
  sleep: Sleep,
): Promise<ImageRecord> {
  const started = timing.now();
  const deadline = started + waitTimeoutSeconds * 1000;
  let image = first;
  let delay = timing.settlePollInitialMs;
  while ((SETTLING_STATUSES as readonly string[]).includes(image.status ?? '')) {
    const remaining = deadline - timing.now();
    if (remaining <= 0)
      throw imageNotReady(target.regionId, target.imageId, image.status ?? '', Math.round((timing.now() - started) / 1000));
    await sleep(Math.min(delay, remaining));
    delay = Math.min(delay * 2, timing.settlePollMaxMs);
    image = await readOwnImage(api, target);
  }
  if ((BROKEN_STATUSES as readonly string[]).includes(image.status ?? '')) {
    throw imageUnusable(target.regionId, target.imageId, image.status ?? '');
  }
  return image;
}
