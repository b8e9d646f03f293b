import { ALL_IMAGE_STATUSES } from '../../attributes/value-sets';
import { communityImageOfAnotherAccount, imageNotFound } from '../../messages/handler-errors';
import { EcsImageApi, ImageRecord } from '../ecs/ecs-api';
import { ImageTarget } from './image-target';

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
