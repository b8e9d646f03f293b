/**
 * DescribeImages (§3): images visible to the caller in one region, filtered, sorted by
 * CreationTime (newest first, then ImageId) and paged. Without `Status` only Available images
 * are returned; `Status=ALL` returns every status.
 */
import { apiError } from '../error-catalogue';
import { OwnerAlias, isCommunityImage, isSharedWith, isVisibleTo, newestFirst, ownerAliasFor, renderImage } from '../image-view';
import { Params } from '../params';
import { ARCHITECTURES, OS_TYPES, OWNER_ALIASES } from '../state/parse-image';
import { IMAGE_STATUSES, ImageRecord } from '../state/records';
import { EmulatorStore } from '../state/store';
import { ActionHandler } from './action';
import { pageOf, pageParams } from './pagination';
import { TagFilter, matchesTagFilters, readTagFilters } from './tag-rules';

/** Maximum IDs in the comma-separated `ImageId`. */
export const MAX_IMAGE_IDS = 100;
const NETWORK_TYPES: readonly string[] = ['vpc', 'classic'];

/** The parsed filters of one DescribeImages call. */
interface ImageQuery {
  readonly regionId: string;
  readonly alias?: OwnerAlias;
  readonly isPublic: boolean;
  readonly ownerId?: string;
  readonly imageIds?: ReadonlySet<string>;
  readonly statuses: ReadonlySet<string>;
  readonly imageName?: string;
  readonly imageFamily?: string;
  readonly usage?: string;
  readonly osType?: string;
  readonly architecture?: string;
  readonly tags: readonly TagFilter[];
  readonly createdAfter?: number;
  readonly createdBefore?: number;
}

/** The DescribeImages handler. */
export const describeImages: ActionHandler = ({ params, accountId, store }) => {
  const query = readQuery(params);
  const { pageNumber, pageSize } = pageParams(params);
  if (params.boolean('DryRun', false)) throw apiError('dryRunOperation');

  const matches = store
    .allImages()
    .filter((image) => image.RegionId === query.regionId && isVisibleTo(image, accountId, store))
    .filter((image) => matchesOwner(image, query, accountId, store))
    .filter((image) => matchesAttributes(image, query))
    .filter(
      (image) =>
        query.usage === undefined || (store.instancesUsing(image.ImageId, image.RegionId).length > 0 ? 'instance' : 'none') === query.usage,
    )
    .sort(newestFirst);
  return {
    RegionId: query.regionId,
    TotalCount: matches.length,
    PageNumber: pageNumber,
    PageSize: pageSize,
    Images: { Image: pageOf(matches, pageNumber, pageSize).map((image) => renderImage(image, accountId, store)) },
  };
};

function readQuery(params: Params): ImageQuery {
  const regionId = params.regionId();
  const alias = params.nonEmpty('ImageOwnerAlias');
  if (alias !== undefined && !(OWNER_ALIASES as readonly string[]).includes(alias)) throw apiError('invalidImageOwnerAlias');
  const isPublic = params.boolean('IsPublic', false);
  if (isPublic && alias !== 'others') throw apiError('publicImageNeedsOthersAlias');
  const ownerId = params.nonEmpty('ImageOwnerId');
  if (ownerId !== undefined && alias !== 'others') throw apiError('imageOwnerIdUnsupported');
  if (ownerId !== undefined && !/^\d+$/.test(ownerId)) throw apiError('invalidParameter', 'ImageOwnerId');

  const idList = params
    .nonEmpty('ImageId')
    ?.split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (idList && idList.length > MAX_IMAGE_IDS) throw apiError('invalidParameter', 'ImageId');

  const usage = params.nonEmpty('Usage');
  if (usage !== undefined && usage !== 'instance' && usage !== 'none') throw apiError('invalidUsage');
  const osType = params.nonEmpty('OSType')?.toLowerCase();
  if (osType !== undefined && !(OS_TYPES as readonly string[]).includes(osType)) throw apiError('invalidOsType');
  const architecture = params.nonEmpty('Architecture');
  if (architecture !== undefined && !(ARCHITECTURES as readonly string[]).includes(architecture)) throw apiError('invalidArchitecture');

  return {
    regionId,
    alias: alias as OwnerAlias | undefined,
    isPublic,
    ownerId,
    imageIds: idList ? new Set(idList) : undefined,
    statuses: readStatuses(params),
    imageName: params.nonEmpty('ImageName'),
    imageFamily: params.nonEmpty('ImageFamily'),
    usage,
    osType,
    architecture,
    tags: readTagFilters(params, 'invalidTagMismatch', 'invalidTagCount'),
    ...readCreationTimeFilters(params),
  };
}

/** `Status`: comma list of statuses, or `ALL` alone; absent ⇒ Available only. */
function readStatuses(params: Params): ReadonlySet<string> {
  const list = (params.nonEmpty('Status') ?? 'Available').split(',').map((status) => status.trim());
  if (list.includes('ALL')) {
    if (list.length > 1) throw apiError('invalidParameter', 'Status');
    return new Set(IMAGE_STATUSES);
  }
  if (list.some((status) => !(IMAGE_STATUSES as readonly string[]).includes(status))) throw apiError('invalidParameter', 'Status');
  return new Set(list);
}

/** `Filter.N.Key/Value`: CreationStartTime, CreationEndTime (times) and NetworkType (accepted, not filtered). */
function readCreationTimeFilters(params: Params): { createdAfter?: number; createdBefore?: number } {
  const result: { createdAfter?: number; createdBefore?: number } = {};
  for (const { fields } of params.indexedGroups('Filter')) {
    const key = fields.Key ?? '';
    const value = fields.Value ?? '';
    if (key === 'NetworkType') {
      if (!NETWORK_TYPES.includes(value)) throw apiError('invalidFilterValueNetworkType');
      continue;
    }
    if (key !== 'CreationStartTime' && key !== 'CreationEndTime') throw apiError('invalidFilterKey', key);
    const time = Date.parse(value);
    if (Number.isNaN(time)) throw apiError('invalidFilterValue', value);
    if (key === 'CreationStartTime') result.createdAfter = time;
    else result.createdBefore = time;
  }
  return result;
}

/**
 * `ImageOwnerAlias` semantics: self / system / marketplace select by alias; others selects images
 * shared with the caller, or with `IsPublic=true` community images; empty selects everything
 * visible except marketplace images.
 */
function matchesOwner(image: ImageRecord, query: ImageQuery, viewer: string, store: EmulatorStore): boolean {
  const alias = ownerAliasFor(image, viewer);
  if (query.alias === undefined) return alias !== 'marketplace';
  if (alias !== query.alias) return false;
  if (alias !== 'others') return true;
  if (query.ownerId !== undefined && image.ImageOwnerId !== query.ownerId) return false;
  return query.isPublic ? isCommunityImage(image) : isSharedWith(image, viewer, store);
}

function matchesAttributes(image: ImageRecord, query: ImageQuery): boolean {
  const created = Date.parse(image.CreationTime);
  return (
    (query.imageIds === undefined || query.imageIds.has(image.ImageId)) &&
    query.statuses.has(image.Status) &&
    (query.imageName === undefined || image.ImageName.includes(query.imageName)) &&
    (query.imageFamily === undefined || image.ImageFamily === query.imageFamily) &&
    (query.osType === undefined || image.OSType === query.osType) &&
    (query.architecture === undefined || image.Architecture === query.architecture) &&
    matchesTagFilters(image.Tags, query.tags) &&
    (query.createdAfter === undefined || created >= query.createdAfter) &&
    (query.createdBefore === undefined || created <= query.createdBefore)
  );
}
