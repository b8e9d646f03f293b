import { ATTRIBUTES, AttributeName, AttributeValues, attributeSpec } from './attributes';

/** The snake_case key of an attribute in Terraform-side maps (see AttributeSpec.terraformKey). */
export function terraformKeyOf(name: AttributeName): string {
  return attributeSpec(name).terraformKey;
}

/** Attribute values from a map keyed by Terraform keys; absent and empty keys are unmanaged. */
export function fromTerraformKeys(map: { readonly [key: string]: unknown }): AttributeValues {
  const values: AttributeValues = {};
  for (const a of ATTRIBUTES) {
    const v = map[a.terraformKey];
    if (typeof v === 'string' && v !== '') values[a.name] = v;
  }
  return values;
}

/** Attribute values as a map keyed by Terraform keys (unmanaged ones left out). */
export function toTerraformKeys(values: AttributeValues): Record<string, string> {
  const map: Record<string, string> = {};
  for (const a of ATTRIBUTES) if (values[a.name] !== undefined) map[a.terraformKey] = values[a.name] as string;
  return map;
}
