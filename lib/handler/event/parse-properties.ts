import {
  ATTRIBUTES,
  AttributeName,
  AttributeValues,
  checkAttribute,
  checkAttributes,
  checkIdentity,
  ImageAttributeProperties,
  misspeltKeys,
  throwIfViolations,
  toAttributeValues,
  Violation,
} from '../../attributes';
import { ATTRIBUTE_GROUPS } from '../../attributes/image-properties';
import { restoreValueUnsettable } from '../../messages/handler-errors';
import { describeViolation, RULES } from '../../messages/validation';
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
  /** RestoreTo values the API cannot set, with the reason (see parseRestoreTo). */
  readonly restoreSkipped: readonly { attribute: AttributeName; reason: string }[];
  /** RestoreTo attributes the image had no value for. */
  readonly restoreUnclearable: readonly AttributeName[];
  readonly syncToken?: string;
  readonly syncTagKey?: string;
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

/** The attribute values of an API-shaped object, with shape problems (a misspelt or non-object group) reported. */
function attributeValuesOf(props: ImageAttributeProperties, prefix: string, violations: Violation[]): AttributeValues {
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

function attributeViolations(props: ImageAttributeProperties, prefix: string, violations: Violation[]): AttributeValues {
  const values = attributeValuesOf(props, prefix, violations);
  violations.push(...checkAttributes(values, (a) => `${prefix}${a}`));
  return values;
}

/** What RestoreTo asks for, split into what can be put back and what cannot. */
interface ParsedRestore {
  /** Recorded values the API can set. */
  readonly values: AttributeValues;
  /** Recorded values the API refuses (a Status of "Creating", say), with the rule in words: reported, never sent. */
  readonly skipped: { attribute: AttributeName; reason: string }[];
  /** Attributes the image had no value for ("" recorded): the API cannot clear a value. */
  readonly unclearable: AttributeName[];
}

/**
 * RestoreTo holds values recorded by the plan-time read, not values a person wrote: one the API
 * cannot set is skipped and reported (like the other values a Restore cannot put back) rather
 * than failing the whole Delete. "" means the image had no value before it was managed.
 */
function parseRestoreTo(props: ImageAttributeProperties, violations: Violation[]): ParsedRestore {
  const all = attributeValuesOf(props, 'RestoreTo.', violations);
  const values: AttributeValues = {};
  const skipped: { attribute: AttributeName; reason: string }[] = [];
  const unclearable: AttributeName[] = [];
  for (const a of ATTRIBUTES) {
    const v = all[a.name];
    if (v === undefined) continue;
    if (v === '') {
      unclearable.push(a.name);
      continue;
    }
    const broken = checkAttribute(a.name, v, (n) => `RestoreTo.${n}`);
    if (broken) skipped.push({ attribute: a.name, reason: restoreValueUnsettable(describeViolation(broken)) });
    else values[a.name] = v;
  }
  return { values, skipped, unclearable };
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
  let restore: ParsedRestore | undefined;
  if (p.RestoreTo !== undefined && p.RestoreTo !== null) {
    if (typeof p.RestoreTo !== 'object') violations.push({ attribute: 'RestoreTo', value: p.RestoreTo, rule: RULES.restoreToObject });
    else restore = parseRestoreTo(p.RestoreTo, violations);
  } else if (deletionPolicy === DeletionPolicy.RESTORE) {
    violations.push({ attribute: 'RestoreTo', value: undefined, rule: RULES.restoreToRequired });
  }
  for (const name of ['SyncToken', 'SyncTagKey'] as const) {
    if (p[name] !== undefined && typeof p[name] !== 'string')
      violations.push({ attribute: name, value: p[name], rule: RULES.mustBeString });
  }
  throwIfViolations(violations);
  return {
    target: { regionId: p.RegionId, imageId: p.ImageId },
    desired,
    allowEmptyFamily,
    waitTimeoutSeconds,
    deletionPolicy,
    restoreTo: restore?.values,
    restoreSkipped: restore?.skipped ?? [],
    restoreUnclearable: restore?.unclearable ?? [],
    syncToken: p.SyncToken || undefined,
    syncTagKey: p.SyncTagKey || undefined,
  };
}
