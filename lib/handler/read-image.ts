import { ALL_IMAGE_STATUSES, BROKEN_STATUSES, SETTLING_STATUSES } from '../attributes/value-sets';
import { communityImageOfAnotherAccount, imageNotFound, imageNotReady, imageUnusable } from '../messages/handler-errors';
import { EcsImageApi, ImageRecord } from './ecs-api';
import { Sleep } from './retry';
import { Timing } from './timing';

export interface ImageTarget {
  readonly regionId: string;
  readonly imageId: string;
}

/** Every status, so that a Deprecated image is found: the API returns only Available ones by default. */
const EVERY_STATUS = ALL_IMAGE_STATUSES.join(',');

/** One DescribeImages for this account's image, whatever its status; undefined when there is none. */
export async function describeOwnImage(api: EcsImageApi, target: ImageTarget): Promise<ImageRecord | undefined> {
  const { images } = await api.describeImages({
    regionId: target.regionId,
    imageId: target.imageId,
    imageOwnerAlias: 'self',
    status: EVERY_STATUS,
  });
  return images.find((i) => i.imageId === target.imageId);
}

/**
 * Explains why an image is not among this account's own: a community image of another account
 * gets its own refusal, anything else is "not found". Costs one more call, on the failure path only.
 */
export async function notOwnedError(api: EcsImageApi, target: ImageTarget): Promise<Error> {
  const { images } = await api.describeImages({
    regionId: target.regionId,
    imageId: target.imageId,
    imageOwnerAlias: 'others',
    isPublic: true,
    status: EVERY_STATUS,
  });
  const community = images.find((i) => i.imageId === target.imageId);
  return community
    ? communityImageOfAnotherAccount(target.regionId, target.imageId, community.imageOwnerId)
    : imageNotFound(target.regionId, target.imageId);
}

/** Reads the image, refusing one that does not belong to the account. */
export async function readOwnImage(api: EcsImageApi, target: ImageTarget): Promise<ImageRecord> {
  const image = await describeOwnImage(api, target);
  if (!image) throw await notOwnedError(api, target);
  return image;
}

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
    if (remaining <= 0) throw imageNotReady(target.regionId, target.imageId, image.status ?? '', Math.round((timing.now() - started) / 1000));
    await sleep(Math.min(delay, remaining));
    delay = Math.min(delay * 2, timing.settlePollMaxMs);
    image = await readOwnImage(api, target);
  }
  if ((BROKEN_STATUSES as readonly string[]).includes(image.status ?? '')) {
    throw imageUnusable(target.regionId, target.imageId, image.status ?? '');
  }
  return image;
}
