/**
 * TagResources (§5.4): adds tags to the caller's images (an existing key gets the new value).
 * All resources are checked before any is changed; a resource would exceed its tag limit ⇒
 * QuotaExceed.TagNum and nothing changes.
 */
import { apiError } from '../error-catalogue';
import { ActionHandler } from './action';
import { MAX_TAGS_PER_RESOURCE, readTagsToSet } from './tag-rules';
import { ownImagesById, readResourceIds, readResourceType } from './tag-targets';

/** The TagResources handler. */
export const tagResources: ActionHandler = ({ params, accountId, store }) => {
  const regionId = params.regionId();
  readResourceType(params);
  const ids = readResourceIds(params, true);
  const tags = readTagsToSet(params);
  const updated = ownImagesById(ids, regionId, accountId, store).map((image) => ({
    ...image,
    Tags: [...image.Tags.filter((tag) => !tags.some((added) => added.TagKey === tag.TagKey)), ...tags],
  }));
  if (updated.some((image) => image.Tags.length > MAX_TAGS_PER_RESOURCE)) throw apiError('tagQuotaExceeded');
  updated.forEach((image) => store.replaceImage(image));
  return {};
};
