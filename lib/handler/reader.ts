import { ATTRIBUTES, checkAttributes, checkIdentity, fromTerraformKeys, throwIfViolations } from '../attributes';
import { currentKey, READ_QUERY, READ_RESULT } from '../protocol/read';
import { HandlerDeps, resolveDeps } from './deps';
import { observeImage } from './drift/observe';

/** The read protocol's query: a flat map of strings (see protocol/read.ts). */
export type ReadQuery = { readonly [key: string]: string };
/** The read protocol's result: a flat map of strings. */
export type ReadResult = Record<string, string>;

export type ManagedImageReader = (query: ReadQuery) => Promise<ReadResult>;

/** The name of each query input in messages: the query's own keys. */
const queryKeyFor = (name: string): string =>
  name === 'RegionId'
    ? READ_QUERY.regionId
    : name === 'ImageId'
      ? READ_QUERY.imageId
      : (ATTRIBUTES.find((a) => a.name === name)?.terraformKey ?? name);

/**
 * Builds the plan-time reader over the given dependencies: validates the query, reads the image
 * (DescribeImages only; never a write) and answers drift detection's marker and current values.
 */
export function createReader(deps: HandlerDeps = {}): ManagedImageReader {
  const { apiFor } = resolveDeps(deps);
  return async (query) => {
    const desired = fromTerraformKeys(query);
    throwIfViolations([
      ...checkIdentity(query[READ_QUERY.regionId], query[READ_QUERY.imageId], queryKeyFor),
      ...checkAttributes(desired, queryKeyFor),
    ]);
    const target = { regionId: query[READ_QUERY.regionId], imageId: query[READ_QUERY.imageId] };
    const seen = await observeImage(apiFor(target.regionId), target, desired);
    const result: ReadResult = {
      [READ_RESULT.syncToken]: seen.syncToken,
      [READ_RESULT.drifted]: seen.drifted.join(','),
      [READ_RESULT.status]: seen.status,
    };
    for (const a of ATTRIBUTES) if (seen.current[a.name] !== undefined) result[currentKey(a.terraformKey)] = seen.current[a.name] as string;
    return result;
  };
}
