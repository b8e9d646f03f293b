import { ATTRIBUTES, AttributeValues } from '../attributes';

/** The value at a dotted prop path (`features.nvmeSupport`), or undefined. */
export function propValue(props: object, path: string): unknown {
  let value: unknown = props;
  for (const step of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/** The desired attributes the props declare, keyed by API name (unmanaged ones left out). */
export function desiredValues(props: object): AttributeValues {
  const values: AttributeValues = {};
  for (const a of ATTRIBUTES) {
    const v = propValue(props, a.prop);
    if (v !== undefined && v !== null) values[a.name] = v as string;
  }
  return values;
}
