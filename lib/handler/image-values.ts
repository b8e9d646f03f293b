import { AttributeValues } from '../attributes/attribute-names';
import { ImageRecord } from './ecs-api';

/** The managed attributes of an image as DescribeImages reports them. */
export function currentValues(image: ImageRecord): AttributeValues {
  return {
    'ImageName': image.imageName,
    'Description': image.description,
    'ImageFamily': image.imageFamily,
    'BootMode': image.bootMode,
    'LicenseType': image.licenseType,
    'Status': image.status,
    'Features.NvmeSupport': image.nvmeSupport,
    'Features.ImdsSupport': image.imdsSupport,
  };
}
