/** Parsers of the values events carry, shared by an image's and a family's properties. */
import {
  ATTRIBUTES,
  AttributeValues,
  checkAttributes,
  ImageAttributeProperties,
  misspeltKeys,
  toAttributeValues,
  Violation,
} from '../../attributes';
import { ATTRIBUTE_GROUPS } from '../../attributes/image-properties';
import { RULES } from '../../messages/validation';
import { DEFAULT_WAIT_TIMEOUT_SECONDS, DeletionPolicy } from '../../protocol/event';

/** The member names inside each attribute group (`Features`: NvmeSupport, ImdsSupport). */
const GROUP_MEMBERS = (group: string): readonly string[] => ATTRIBUTES.filter((a) => a.group === group).map((a) => a.member);

export function parseBoolean(name: string, value: unknown, violations: Violation[]): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  violations.push({ attribute: name, value, rule: RULES.mustBeBoolean });
  return false;
}

export function parseWaitTimeout(value: unknown, violations: Violation[]): number {
  if (value === undefined || value === null || value === '') return DEFAULT_WAIT_TIMEOUT_SECONDS;
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 86400) return n;
  violations.push({ attribute: 'WaitTimeoutSeconds', value, rule: RULES.waitTimeout });
  return DEFAULT_WAIT_TIMEOUT_SECONDS;
}

export function parseDeletionPolicy(value: unknown, violations: Violation[]): DeletionPolicy {
  if (value === undefined || value === null || value === '') return DeletionPolicy.RETAIN;
  const policies = Object.values(DeletionPolicy) as string[];
  if (typeof value === 'string' && policies.includes(value)) return value as DeletionPolicy;
  violations.push({ attribute: 'DeletionPolicy', value, rule: RULES.oneOf(policies) });
  return DeletionPolicy.RETAIN;
}

/** The attribute values of an API-shaped object, with shape problems (a misspelt or non-object group) reported. */
export function attributeValuesOf(props: ImageAttributeProperties, prefix: string, violations: Violation[]): AttributeValues {
  const shape: Record<string, unknown> = { ...props };
  for (const group of ATTRIBUTE_GROUPS) {
    const inner = shape[group];
    if (inner !== undefined && (typeof inner !== 'object' || inner === null)) {
      violations.push({ attribute: `${prefix}${group}`, value: inner, rule: RULES.featuresObject });
      delete shape[group];
    } else if (inner) {
      misspeltKeys(inner, GROUP_MEMBERS(group), `${prefix}${group}.`, violations);
    }
  }
  return toAttributeValues(shape);
}

export function attributeViolations(props: ImageAttributeProperties, prefix: string, violations: Violation[]): AttributeValues {
  const values = attributeValuesOf(props, prefix, violations);
  violations.push(...checkAttributes(values, (a) => `${prefix}${a}`));
  return values;
}
