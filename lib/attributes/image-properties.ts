import { AttributeValues } from './attribute-names';

/** The `Features` member of ModifyImageAttribute. */
export interface ImageFeatures {
  /** `supported` | `unsupported`. */
  readonly NvmeSupport?: string;
  /** `v1` | `v2`. Once v2, the API never lets an image go back to v1. */
  readonly ImdsSupport?: string;
}

/**
 * The desired attributes of one image, with ModifyImageAttribute's own PascalCase names.
 * Every member is optional: one left out is not managed.
 */
export interface ImageAttributeProperties {
  readonly ImageName?: string;
  readonly Description?: string;
  readonly ImageFamily?: string;
  /** `BIOS` | `UEFI` | `UEFI-Preferred`. */
  readonly BootMode?: string;
  /** `BYOL`. */
  readonly LicenseType?: string;
  /** `Available` | `Deprecated`. */
  readonly Status?: string;
  readonly Features?: ImageFeatures;
}

/** Flattens the nested API shape into attribute values keyed by wire name. */
export function toAttributeValues(props: ImageAttributeProperties): AttributeValues {
  const values: AttributeValues = {
    'ImageName': props.ImageName,
    'Description': props.Description,
    'ImageFamily': props.ImageFamily,
    'BootMode': props.BootMode,
    'LicenseType': props.LicenseType,
    'Status': props.Status,
    'Features.NvmeSupport': props.Features?.NvmeSupport,
    'Features.ImdsSupport': props.Features?.ImdsSupport,
  };
  for (const key of Object.keys(values) as (keyof AttributeValues)[]) {
    if (values[key] === undefined || values[key] === null) delete values[key];
  }
  return values;
}

/** The inverse of {@link toAttributeValues}. */
export function toImageAttributeProperties(values: AttributeValues): ImageAttributeProperties {
  const features: ImageFeatures = {
    ...(values['Features.NvmeSupport'] !== undefined ? { NvmeSupport: values['Features.NvmeSupport'] } : {}),
    ...(values['Features.ImdsSupport'] !== undefined ? { ImdsSupport: values['Features.ImdsSupport'] } : {}),
  };
  return {
    ...(values.ImageName !== undefined ? { ImageName: values.ImageName } : {}),
    ...(values.Description !== undefined ? { Description: values.Description } : {}),
    ...(values.ImageFamily !== undefined ? { ImageFamily: values.ImageFamily } : {}),
    ...(values.BootMode !== undefined ? { BootMode: values.BootMode } : {}),
    ...(values.LicenseType !== undefined ? { LicenseType: values.LicenseType } : {}),
    ...(values.Status !== undefined ? { Status: values.Status } : {}),
    ...(Object.keys(features).length > 0 ? { Features: features } : {}),
  };
}
