import { ATTRIBUTES, checkAttributes, checkIdentity, fromTerraformKeys, throwIfViolations, Violation } from '../attributes';
import { refusalText } from '../messages/plan';
import { currentKey, IMAGE_KEY_SEPARATOR, imageKey, READ_QUERY, READ_RESULT } from '../protocol/read';
import { HandlerDeps, resolveDeps } from './deps';
import { Observation, ObservedImage, observeImages } from './drift/observe';
import { syncTagKey } from './drift/sync-token';

/** The read protocol's query: a flat map of strings (see protocol/read.ts). */
export type ReadQuery = { readonly [key: string]: string };
/** The read protocol's result: a flat map of strings. */
export type ReadResult = Record<string, string>;

export type ManagedImageReader = (query: ReadQuery) => Promise<ReadResult>;

/** The name of each query input in messages: the query's own keys. */
const keyFor =
  (prefix: string) =>
  (name: string): string =>
    prefix +
    (name === 'RegionId'
      ? READ_QUERY.regionId
      : name === 'ImageId'
        ? READ_QUERY.imageId
        : (ATTRIBUTES.find((a) => a.name === name)?.terraformKey ?? name));

/** The images a query asks about: one (`image_id`), or every `<id>/...` prefix of the many-images form. */
function imagesOf(query: ReadQuery, violations: Violation[]): ObservedImage[] {
  const one = query[READ_QUERY.imageId] !== undefined;
  const groups = new Map<string, Record<string, string>>();
  if (one) groups.set(query[READ_QUERY.imageId], { ...query });
  else {
    for (const [key, value] of Object.entries(query)) {
      const at = key.indexOf(IMAGE_KEY_SEPARATOR);
      if (at < 0) continue;
      const id = key.slice(0, at);
      (groups.get(id) ?? groups.set(id, {}).get(id)!)[key.slice(at + 1)] = value;
    }
  }
  const images: ObservedImage[] = [];
  for (const [imageId, keys] of groups) {
    const prefix = one ? '' : `${imageId}${IMAGE_KEY_SEPARATOR}`;
    const desired = fromTerraformKeys(keys);
    violations.push(...checkIdentity(query[READ_QUERY.regionId], imageId, keyFor(prefix)), ...checkAttributes(desired, keyFor(prefix)));
    images.push({
      imageId,
      desired,
      syncTagKey: keys[READ_QUERY.syncTag] || syncTagKey(),
      keepIfShared: keys[READ_QUERY.keepIfShared] === 'true',
    });
  }
  return images;
}

/** One image's answer, each key under `prefix` ("" for the one-image form). */
function answer(result: ReadResult, prefix: string, seen: Observation): void {
  result[prefix + READ_RESULT.syncToken] = seen.syncToken;
  result[prefix + READ_RESULT.drifted] = seen.drifted.join(',');
  result[prefix + READ_RESULT.status] = seen.status;
  result[prefix + READ_RESULT.drift] = seen.differences;
  result[prefix + READ_RESULT.refusal] = seen.refusal ? refusalText(seen.refusal) : '';
  for (const a of ATTRIBUTES)
    if (seen.current[a.name] !== undefined) result[prefix + currentKey(a.terraformKey)] = seen.current[a.name] as string;
}

/**
 * Builds the plan-time reader over the given dependencies: validates the query, reads the images
 * (DescribeImages only, 100 ids per call; never a write) and answers, for each image, drift
 * detection's marker, the differences in words, a refusal the plan should fail with, and the
 * current values. An image that cannot be managed (not found, say) is answered with a refusal,
 * not a failure of the read, so that `destroy` still works.
 */
export function createReader(deps: HandlerDeps = {}): ManagedImageReader {
  const { apiFor } = resolveDeps(deps);
  return async (query) => {
    const violations: Violation[] = [];
    const images = imagesOf(query, violations);
    if (images.length === 0) violations.push(...checkIdentity(query[READ_QUERY.regionId], undefined, keyFor('')));
    throwIfViolations(violations);
    const regionId = query[READ_QUERY.regionId];
    const seen = await observeImages(apiFor(regionId), regionId, images);
    const one = query[READ_QUERY.imageId] !== undefined;
    const result: ReadResult = {};
    for (const image of images) answer(result, one ? '' : imageKey(image.imageId, ''), seen.get(image.imageId)!);
    return result;
  };
}
