/**
 * ListTagResources (§5.4): one entry per (image, tag) of the caller's images in the region,
 * selected by `ResourceId.N` and/or `Tag.N` filters (at least one is required). With tag filters,
 * only the filtered keys are listed. Pages of 50 entries with `NextToken`.
 */
import { apiError } from '../error-catalogue';
import { isOwnedBy } from '../image-view';
import { ActionHandler } from './action';
import { decodeNextToken, tokenPageOf } from './pagination';
import { matchesTagFilters, readTagFilters } from './tag-rules';
import { IMAGE_RESOURCE_TYPE, readResourceIds, readResourceType } from './tag-targets';

/** Entries per ListTagResources page [unconfirmed]. */
export const TAG_RESOURCES_PAGE_SIZE = 50;

/** The ListTagResources handler. */
export const listTagResources: ActionHandler = ({ params, accountId, store }) => {
  const regionId = params.regionId();
  readResourceType(params);
  const ids = readResourceIds(params, false);
  const filters = readTagFilters(params, 'invalidTagValueWithoutKey', 'invalidTagCount');
  if (ids.length === 0 && filters.length === 0) throw apiError('missingParameter', 'ResourceId.1');
  const offset = decodeNextToken(params);

  const entries = store
    .allImages()
    .filter((image) => image.RegionId === regionId && isOwnedBy(image, accountId))
    .filter((image) => (ids.length === 0 || ids.includes(image.ImageId)) && matchesTagFilters(image.Tags, filters))
    .flatMap((image) =>
      image.Tags.filter((tag) => filters.length === 0 || filters.some((filter) => filter.key === tag.TagKey)).map((tag) => ({
        ResourceId: image.ImageId,
        ResourceType: IMAGE_RESOURCE_TYPE,
        TagKey: tag.TagKey,
        TagValue: tag.TagValue,
      })),
    );
  const { page, nextToken } = tokenPageOf(entries, offset, TAG_RESOURCES_PAGE_SIZE);
  return { NextToken: nextToken, TagResources: { TagResource: page } };
};
