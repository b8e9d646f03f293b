import {
  ATTRIBUTES,
  AttributeName,
  AttributeValues,
  checkAttribute,
  checkIdentity,
  ImageAttributeProperties,
  misspeltKeys,
  throwIfViolations,
  Violation,
} from '../../attributes';
import { ATTRIBUTE_GROUPS } from '../../attributes/image-properties';
import { restoreValueUnsettable } from '../../messages/handler-errors';
import { describeViolation, RULES } from '../../messages/validation';
import { DeletionPolicy, HANDLER_OPTION_NAMES, IDENTITY_NAMES, ManagedImageProperties, SERVICE_PROPERTY_NAMES } from '../../protocol/event';
import { ImageTarget } from '../image/image-target';
import { attributeValuesOf, attributeViolations, parseBoolean, parseDeletionPolicy, parseWaitTimeout } from './options';

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
