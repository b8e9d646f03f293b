import { tagQuotaFull } from '../../messages/handler-errors';
import { ImageRecord } from '../ecs/ecs-api';
import { ImageTarget } from '../image/image-target';

/** The most tags one image can carry (TagResources answers QuotaExceed.TagNum beyond). */
export const MAX_TAGS_PER_IMAGE = 20;

/** Refuses, before any write, a tag the image has no room for (a tag it already has only changes value). */
export function tagRoomRefusal(target: ImageTarget, image: ImageRecord, tagKey: string) {
  if (image.tags.some((t) => t.key === tagKey) || image.tags.length < MAX_TAGS_PER_IMAGE) return undefined;
  return tagQuotaFull(target.regionId, target.imageId, tagKey, image.tags.length);
}
