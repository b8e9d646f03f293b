import { AttributeValues, toAttributeValues } from '../attributes';
import { ManagedCustomImageProps } from './props';

/** The desired attributes the props declare, keyed by API name (unmanaged ones left out). */
export function desiredValues(props: ManagedCustomImageProps): AttributeValues {
  return toAttributeValues({
    ImageName: props.imageName,
    Description: props.description,
    ImageFamily: props.imageFamily,
    BootMode: props.bootMode,
    LicenseType: props.licenseType,
    Status: props.status,
    Features: { NvmeSupport: props.features?.nvmeSupport, ImdsSupport: props.features?.imdsSupport },
  });
}
