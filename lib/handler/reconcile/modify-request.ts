import { AttributeChange, attributeSpec } from '../../attributes';
import { ModifyImageAttributeRequest } from '../ecs/ecs-api';
import { ImageTarget } from '../image/image-target';

/** One ModifyImageAttribute request carrying exactly the given changes (Features with only its changed members). */
export function toModifyRequest(target: ImageTarget, changes: readonly AttributeChange[]): ModifyImageAttributeRequest {
  const fields: Record<string, string> = {};
  for (const c of changes) fields[attributeSpec(c.attribute).field] = c.to;
  return { regionId: target.regionId, imageId: target.imageId, ...fields };
}
