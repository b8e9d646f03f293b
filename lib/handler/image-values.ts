import { ATTRIBUTE_NAMES, AttributeName, AttributeValues } from '../attributes/attribute-names';
import { ImageAttributeFields, ImageRecord } from './ecs-api';

/** The field of the ECS seam that carries each attribute. */
export const ATTRIBUTE_FIELDS: { readonly [K in AttributeName]: keyof ImageAttributeFields } = {
  'ImageName': 'imageName',
  'Description': 'description',
  'ImageFamily': 'imageFamily',
  'BootMode': 'bootMode',
  'LicenseType': 'licenseType',
  'Status': 'status',
  'Features.NvmeSupport': 'nvmeSupport',
  'Features.ImdsSupport': 'imdsSupport',
};

/** The managed attributes of an image as DescribeImages reports them. */
export function currentValues(image: ImageRecord): AttributeValues {
  const values: AttributeValues = {};
  for (const a of ATTRIBUTE_NAMES) values[a] = image[ATTRIBUTE_FIELDS[a]];
  return values;
}
