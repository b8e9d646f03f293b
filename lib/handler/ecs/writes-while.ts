import { engineGone } from '../../messages/handler-errors';
import { EcsImageApi } from './ecs-api';

/**
 * The API with every write (and every retry of one) refused once `mayWrite` says no: a handler
 * whose engine was killed mid-apply must not write minutes later, over what a newer apply decided.
 * Reads go on (they change nothing).
 */
export function writesWhile(api: EcsImageApi, mayWrite: () => boolean): EcsImageApi {
  const check = () => {
    if (!mayWrite()) throw engineGone();
  };
  return {
    describeImages: (q) => api.describeImages(q),
    describeInstancesUsingImage: (r, id, limit) => api.describeInstancesUsingImage(r, id, limit),
    describeImageSharePermission: (r, id) => api.describeImageSharePermission(r, id),
    modifyImageAttribute: async (req) => (check(), api.modifyImageAttribute(req)),
    tagImage: async (r, id, tags) => (check(), api.tagImage(r, id, tags)),
    untagImages: async (r, ids, keys) => (check(), api.untagImages(r, ids, keys)),
  };
}
