import {
  ATTRIBUTES,
  AttributeValues,
  checkAttributes,
  checkIdentity,
  ImageAttributeProperties,
  misspeltKeys,
  throwIfViolations,
  toAttributeValues,
  Violation,
} from '../../attributes';
import { ATTRIBUTE_GROUPS } from '../../attributes/image-properties';
import { RULES } from '../../messages/validation';
import {
  DEFAULT_WAIT_TIMEOUT_SECONDS,
  DeletionPolicy,
  HANDLER_OPTION_NAMES,
  IDENTITY_NAMES,
  ManagedImageProperties,
  SERVICE_PROPERTY_NAMES,
} from '../../protocol/event';
import { ImageTarget } from '../image/image-target';

/** Resource properties after validation, in the reconciler's terms. */
export interface ParsedProperties {
  readonly target: ImageTarget;
  readonly desired: AttributeValues;
  readonly allowEmptyFamily: boolean;
  readonly waitTimeoutSeconds: number;
  readonly deletionPolicy: DeletionPolicy;
  readonly restoreTo?: AttributeValues;
  readonly syncToken?: string;
}

/** The property names ResourceProperties may have: identity, top-level attributes, attribute groups, options. */
const KNOWN_KEYS: readonly string[] = [
  ...IDENTITY_NAMES,
  ...ATTRIBUTES.filter((a) => !a.group).map((a) => a.member),
  ...ATTRIBUTE_GROUPS,
  ...HANDLER_OPTION_NAMES,
  ...SERVICE_PROPERTY_NAMES,
];
/** The member names inside each attribute group (`Features`: NvmeSupport, ImdsSupport). */
const GROUP_MEMBERS = (group: string): readonly string[] => ATTRIBUTES.filter((a) => a.group === group).map((a) => a.member);

function parseBoolean(name: string, value: unknown, violations: Violation[]): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  violations.push({ attribute: name, value, rule: RULES.mustBeBoolean });
  return false;
}

function parseWaitTimeout(value: unknown, violations: Violation[]): number {
  if (value === undefined || value === null || value === '') return DEFAULT_WAIT_TIMEOUT_SECONDS;
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 86400) return n;
  violations.push({ attribute: 'WaitTimeoutSeconds', value, rule: RULES.waitTimeout });
  return DEFAULT_WAIT_TIMEOUT_SECONDS;
}

function parseDeletionPolicy(value: unknown, violations: Violation[]): DeletionPolicy {
  if (value === undefined || value === null || value === '') return DeletionPolicy.RETAIN;
  const policies = Object.values(DeletionPolicy) as string[];
  if (typeof value === 'string' && policies.includes(value)) return value as DeletionPolicy;
  violations.push({ attribute: 'DeletionPolicy', value, rule: RULES.oneOf(policies) });
  return DeletionPolicy.RETAIN;
}

function attributeViolations(props: ImageAttributeProperties, prefix: string, violations: Violation[]): AttributeValues {
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
  const values = toAttributeValues(shape);
  violations.push(...checkAttributes(values, (a) => `${prefix}${a}`));
  return values;
}

/**
 * In RestoreTo, "" means the image had no value before it was managed: there is nothing to put
 * back (an image family or IMDS mode cannot be removed), so the attribute is left out.
 */
function withoutEmptyValues(props: ImageAttributeProperties): ImageAttributeProperties {
  const keep = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== ''));
  const shape = keep(props);
  for (const group of ATTRIBUTE_GROUPS) {
    if (typeof shape[group] === 'object' && shape[group] !== null) shape[group] = keep(shape[group] as object);
  }
  return shape as ImageAttributeProperties;
}

/**
 * Validates every property and option, reporting all problems at once, before any API call.
 * Throws an AttributeValidationError naming each input, its value and the rule it breaks.
 */
export function parseProperties(props: ManagedImageProperties | undefined): ParsedProperties {
  const violations: Violation[] = [];
  const p = (props ?? {}) as ManagedImageProperties;
  violations.push(...checkIdentity(p.RegionId, p.ImageId));
  misspeltKeys(p, KNOWN_KEYS, '', violations);
  const desired = attributeViolations(p, '', violations);
  const allowEmptyFamily = parseBoolean('AllowEmptyFamily', p.AllowEmptyFamily, violations);
  const waitTimeoutSeconds = parseWaitTimeout(p.WaitTimeoutSeconds, violations);
  const deletionPolicy = parseDeletionPolicy(p.DeletionPolicy, violations);
  let restoreTo: AttributeValues | undefined;
  if (p.RestoreTo !== undefined && p.RestoreTo !== null) {
    if (typeof p.RestoreTo !== 'object') violations.push({ attribute: 'RestoreTo', value: p.RestoreTo, rule: RULES.restoreToObject });
    else restoreTo = attributeViolations(withoutEmptyValues(p.RestoreTo), 'RestoreTo.', violations);
  } else if (deletionPolicy === DeletionPolicy.RESTORE) {
    violations.push({ attribute: 'RestoreTo', value: undefined, rule: RULES.restoreToRequired });
  }
  if (p.SyncToken !== undefined && typeof p.SyncToken !== 'string')
    violations.push({ attribute: 'SyncToken', value: p.SyncToken, rule: RULES.mustBeString });
  throwIfViolations(violations);
  return {
    target: { regionId: p.RegionId, imageId: p.ImageId },
    desired,
    allowEmptyFamily,
    waitTimeoutSeconds,
    deletionPolicy,
    restoreTo,
    syncToken: p.SyncToken || undefined,
  };
}
