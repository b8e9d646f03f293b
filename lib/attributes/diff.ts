import { ATTRIBUTE_NAMES, AttributeName, AttributeValues } from './attributes';

/** One attribute whose current value differs from the desired one. */
export interface AttributeChange {
  readonly attribute: AttributeName;
  /** The value the image has now; undefined when the image reports none. */
  readonly from: string | undefined;
  readonly to: string;
}

/**
 * Compares the managed attributes only: an attribute absent from `desired` is never compared.
 * The result follows the API's attribute order.
 */
export function diffAttributes(current: AttributeValues, desired: AttributeValues): AttributeChange[] {
  const changes: AttributeChange[] = [];
  for (const attribute of ATTRIBUTE_NAMES) {
    const to = desired[attribute];
    if (to === undefined) continue;
    const from = emptyAsAbsent(current[attribute]);
    if (from !== to) changes.push({ attribute, from, to });
  }
  return changes;
}

/** The API reports an unset attribute as "" or leaves it out; both mean "none". */
function emptyAsAbsent(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

/** The values of a change list, as attribute values. */
export function changedValues(changes: readonly AttributeChange[]): AttributeValues {
  const values: AttributeValues = {};
  for (const c of changes) values[c.attribute] = c.to;
  return values;
}
