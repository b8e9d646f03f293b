import { createHash } from 'crypto';
import { Construct } from 'constructs';
import { syncTagKey } from '../protocol/sync-tag';

/**
 * The drift tag of one manager: derived from the construct's path (stack included), so it is
 * stable across synths and distinct for every construct that manages an image, in one stack or
 * several. Two apps whose stacks and construct paths are identical share it: give their stacks
 * different ids.
 */
export function managerTagKey(manager: Construct): string {
  return syncTagKey(createHash('sha256').update(manager.node.path).digest('hex').slice(0, 12));
}
