import { ALL_IMAGE_STATUSES } from '../../attributes/value-sets';
import { communityImageOfAnotherAccount, imageNotFound, ManagedImageError } from '../../messages/handler-errors';
import { EcsImageApi, ImageRecord } from '../ecs/ecs-api';
import { ImageTarget } from './image-target';

/** Every status, so that a Deprecated image is found: the API returns only Available ones by default. */
export const EVERY_STATUS = ALL_IMAGE_STATUSES.join(',');

/** The most ids DescribeImages takes in one call (comma-separated `ImageId`), and its largest page. */
export const IDS_PER_DESCRIBE = 100;

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

/** `ids` in chunks of at most {@link IDS_PER_DESCRIBE}. */
function chunks(ids: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_DESCRIBE) out.push(ids.slice(i, i + IDS_PER_DESCRIBE));
  return out;
}

/**
 * This account's images among `ids`, whatever their status: ceil(ids / 100) DescribeImages calls,
 * one after another (a plan-time read never bursts). Ids that are not found are absent from the map.
 */
export async function describeOwnImages(api: EcsImageApi, regionId: string, ids: readonly string[]): Promise<Map<string, ImageRecord>> {
  return describeMany(api, regionId, ids, { imageOwnerAlias: 'self' });
}

/** Community images of other accounts among `ids` (to explain why they cannot be managed). */
export async function describeCommunityImages(
  api: EcsImageApi,
  regionId: string,
  ids: readonly string[],
): Promise<Map<string, ImageRecord>> {
  return describeMany(api, regionId, ids, { imageOwnerAlias: 'others', isPublic: true });
}

async function describeMany(
  api: EcsImageApi,
  regionId: string,
  ids: readonly string[],
  owner: { imageOwnerAlias: string; isPublic?: boolean },
): Promise<Map<string, ImageRecord>> {
  const wanted = new Set(ids);
  const found = new Map<string, ImageRecord>();
  for (const chunk of chunks([...wanted])) {
    const { images } = await api.describeImages({
      regionId,
      imageId: chunk.join(','),
      ...owner,
      status: EVERY_STATUS,
      pageSize: IDS_PER_DESCRIBE,
    });
    for (const image of images) if (wanted.has(image.imageId)) found.set(image.imageId, image);
  }
  return found;
}

/** Why an image is not among this account's own: a community image of another account, or not found. */
export function notOwnedErrorFor(target: ImageTarget, community: ImageRecord | undefined): ManagedImageError {
  return community
    ? communityImageOfAnotherAccount(target.regionId, target.imageId, community.imageOwnerId)
    : imageNotFound(target.regionId, target.imageId);
}

/**
 * Explains why an image is not among this account's own: a community image of another account
 * gets its own refusal, anything else is "not found". Costs one more call, on the failure path only.
 */
export async function notOwnedError(api: EcsImageApi, target: ImageTarget): Promise<ManagedImageError> {
  const community = await describeCommunityImages(api, target.regionId, [target.imageId]);
  return notOwnedErrorFor(target, community.get(target.imageId));
}

/** Reads the image, refusing one that does not belong to the account. */
export async function readOwnImage(api: EcsImageApi, target: ImageTarget): Promise<ImageRecord> {
  const image = await describeOwnImage(api, target);
  if (!image) throw await notOwnedError(api, target);
  return image;
}
