import { ATTRIBUTES, AttributeValues } from '../../attributes';
import { ImageRecord } from '../ecs/ecs-api';

/** The attributes of an image as DescribeImages reports them, keyed by API name. */
export function currentValues(image: ImageRecord): AttributeValues {
  const values: AttributeValues = {};
  for (const a of ATTRIBUTES) values[a.name] = image[a.field];
  return values;
}
