/** Resolving `ResourceType` and `ResourceId.N` of the tag actions to the caller's images. */
import { apiError } from '../error-catalogue';
import { isOwnedBy } from '../image-view';
import { Params } from '../params';
import { ImageRecord } from '../state/records';
import { EmulatorStore } from '../state/store';
import { MAX_RESOURCES_PER_REQUEST } from './tag-rules';

/** The only resource type the emulator models. */
export const IMAGE_RESOURCE_TYPE = 'image';

/** Checks `ResourceType` (required; only `image`, case-insensitive). */
export function readResourceType(params: Params): void {
  const resourceType = params.required('ResourceType');
  if (resourceType.toLowerCase() !== IMAGE_RESOURCE_TYPE) throw apiError('invalidResourceType', resourceType);
}

/** `ResourceId.N` (at most 50); `required` ⇒ at least one. */
export function readResourceIds(params: Params, required: boolean): string[] {
  const ids = params.indexedValues('ResourceId').filter((id) => id !== '');
  if (required && ids.length === 0) throw apiError('missingParameter', 'ResourceId.1');
  if (ids.length > MAX_RESOURCES_PER_REQUEST) throw apiError('invalidParameter', 'ResourceId');
  return ids;
}

/** The caller's images with these IDs in the region; any other ID ⇒ 404 InvalidResourceId.NotFound. */
export function ownImagesById(ids: readonly string[], regionId: string, accountId: string, store: EmulatorStore): ImageRecord[] {
  return ids.map((id) => {
    const image = store.image(id);
    if (!image || image.RegionId !== regionId || !isOwnedBy(image, accountId)) throw apiError('invalidResourceIdNotFound');
    return image;
  });
}
