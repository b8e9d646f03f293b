import { ATTRIBUTES, AttributeValues, ImageAttributeProperties } from './attributes';

/** The names a group of nested attributes sits under in the API shape (`Features`). */
export const ATTRIBUTE_GROUPS: readonly string[] = [...new Set(ATTRIBUTES.flatMap((a) => (a.group ? [a.group] : [])))];

type Nested = { readonly [key: string]: unknown };

/** The value at an attribute's place in a nested shape (`props.Features.NvmeSupport`). */
export function nestedValue(shape: Nested, group: string | undefined, member: string): unknown {
  if (group === undefined) return shape[member];
  const inner = shape[group];
  return typeof inner === 'object' && inner !== null ? (inner as Nested)[member] : undefined;
}

/** Flattens the nested API shape into attribute values keyed by API name (null and undefined left out). */
export function toAttributeValues(props: ImageAttributeProperties): AttributeValues {
  const values: AttributeValues = {};
  for (const a of ATTRIBUTES) {
    const v = nestedValue(props as Nested, a.group, a.member);
    if (v !== undefined && v !== null) values[a.name] = v as string;
  }
  return values;
}

/** The inverse of {@link toAttributeValues}: a group appears only when one of its members does. */
export function toImageAttributeProperties(values: AttributeValues): ImageAttributeProperties {
  const shape: Record<string, unknown> = {};
  for (const a of ATTRIBUTES) {
    const v = values[a.name];
    if (v === undefined) continue;
    if (a.group) shape[a.group] = { ...(shape[a.group] as object | undefined), [a.member]: v };
    else shape[a.member] = v;
  }
  return shape as ImageAttributeProperties;
}
