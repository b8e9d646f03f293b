import { AttributeChange } from '../attributes';
import { ImageAttributeFields, ModifyImageAttributeRequest } from './ecs-api';
import { ATTRIBUTE_FIELDS } from './image-values';
import { ImageTarget } from './read-image';

/** One ModifyImageAttribute request carrying exactly the given changes (Features with only its changed members). */
export function toModifyRequest(target: ImageTarget, changes: readonly AttributeChange[]): ModifyImageAttributeRequest {
  const fields: { -readonly [K in keyof ImageAttributeFields]?: string } = {};
  for (const c of changes) fields[ATTRIBUTE_FIELDS[c.attribute]] = c.to;
  return { regionId: target.regionId, imageId: target.imageId, ...fields };
}
