/**
 * UntagResources (§5.4): removes `TagKey.N` from the caller's images, or every tag when no key is
 * given and `All=true` (no key and `All=false` removes nothing). Unknown keys are ignored.
 */
import { apiError } from '../error-catalogue';
import { ActionHandler } from './action';
import { MAX_TAGS_PER_REQUEST } from './tag-rules';
import { ownImagesById, readResourceIds, readResourceType } from './tag-targets';

/** The UntagResources handler. */
export const untagResources: ActionHandler = ({ params, accountId, store }) => {
  const regionId = params.regionId();
  readResourceType(params);
  const ids = readResourceIds(params, true);
  const keys = params.indexedValues('TagKey');
  if (keys.length > MAX_TAGS_PER_REQUEST) throw apiError('invalidTagCount');
  const removeAll = params.boolean('All', false);
  const images = ownImagesById(ids, regionId, accountId, store);
  if (keys.length === 0 && !removeAll) return {};
  for (const image of images) {
    store.replaceImage({ ...image, Tags: keys.length > 0 ? image.Tags.filter((tag) => !keys.includes(tag.TagKey)) : [] });
  }
  return {};
};
