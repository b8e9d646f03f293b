import { ATTRIBUTE_NAMES, AttributeName, AttributeValues } from './attribute-names';

/**
 * The snake_case key of each attribute in Terraform-side maps (the external data source's query
 * and result, `triggers_replace`, `input`). cdktf snake-cases `self.*` paths but keeps map keys
 * as written, so only snake_case keys work in both places.
 */
export const TERRAFORM_KEYS: { readonly [K in AttributeName]: string } = {
  'ImageName': 'image_name',
  'Description': 'description',
  'ImageFamily': 'image_family',
  'BootMode': 'boot_mode',
  'LicenseType': 'license_type',
  'Status': 'status',
  'Features.NvmeSupport': 'nvme_support',
  'Features.ImdsSupport': 'imds_support',
};

/** Attribute values from a map keyed by {@link TERRAFORM_KEYS}; absent and empty keys are unmanaged. */
export function fromTerraformKeys(map: { readonly [key: string]: unknown }, prefix = ''): AttributeValues {
  const values: AttributeValues = {};
  for (const a of ATTRIBUTE_NAMES) {
    const v = map[prefix + TERRAFORM_KEYS[a]];
    if (typeof v === 'string' && v !== '') values[a] = v;
  }
  return values;
}
