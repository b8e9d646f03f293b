import {
  ATTRIBUTE_NAMES,
  AttributeValues,
  checkAttributes,
  checkIdentity,
  ImageAttributeProperties,
  throwIfViolations,
  toAttributeValues,
  Violation,
} from '../attributes';
import { RULES } from '../messages/validation';
import { DEFAULT_WAIT_TIMEOUT_SECONDS, DeletionPolicy, ManagedImageProperties } from './contract';
import { ImageTarget } from './read-image';

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

const KNOWN_KEYS = new Set([
  'RegionId', 'ImageId', 'ImageName', 'Description', 'ImageFamily', 'BootMode', 'LicenseType', 'Status', 'Features',
  'AllowEmptyFamily', 'WaitTimeoutSeconds', 'DeletionPolicy', 'RestoreTo', 'SyncToken',
  // Added by CloudFormation / ROS to every custom resource.
  'ServiceToken',
]);
const FEATURE_KEYS = new Set(['NvmeSupport', 'ImdsSupport']);

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

/** A key that is a case or spelling slip of a known one would silently be unmanaged: refuse it. */
function unknownKeys(props: object, known: Set<string>, prefix: string, violations: Violation[]): void {
  for (const key of Object.keys(props)) {
    if (known.has(key)) continue;
    const match = [...known].find((k) => k.toLowerCase() === key.toLowerCase());
    if (match) violations.push({ attribute: `${prefix}${key}`, value: (props as Record<string, unknown>)[key], rule: `is not a known property; did you mean ${prefix}${match}?` });
  }
}

function attributeViolations(props: ImageAttributeProperties, prefix: string, violations: Violation[]): AttributeValues {
  if (props.Features !== undefined && (typeof props.Features !== 'object' || props.Features === null)) {
    violations.push({ attribute: `${prefix}Features`, value: props.Features, rule: 'must be an object with NvmeSupport and/or ImdsSupport' });
  } else if (props.Features) {
    unknownKeys(props.Features, FEATURE_KEYS, `${prefix}Features.`, violations);
  }
  const values = toAttributeValues({ ...props, Features: typeof props.Features === 'object' ? props.Features : undefined });
  violations.push(...checkAttributes(values, (a) => `${prefix}${a}`));
  return values;
}

/**
 * In RestoreTo, "" means the image had no value before it was managed: there is nothing to put
 * back (an image family or IMDS mode cannot be removed), so the attribute is left out.
 */
function withoutEmptyValues(props: ImageAttributeProperties): ImageAttributeProperties {
  const { Features, ...rest } = props;
  const keep = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '')) as T;
  return { ...keep(rest), ...(Features && typeof Features === 'object' ? { Features: keep(Features) } : {}) };
}

/**
 * Validates every property and option, reporting all problems at once, before any API call.
 * Throws an AttributeValidationError naming each input, its value and the rule it breaks.
 */
export function parseProperties(props: ManagedImageProperties | undefined): ParsedProperties {
  const violations: Violation[] = [];
  const p = (props ?? {}) as ManagedImageProperties;
  violations.push(...checkIdentity(p.RegionId, p.ImageId));
  unknownKeys(p, KNOWN_KEYS, '', violations);
  const desired = attributeViolations(p, '', violations);
  const allowEmptyFamily = parseBoolean('AllowEmptyFamily', p.AllowEmptyFamily, violations);
  const waitTimeoutSeconds = parseWaitTimeout(p.WaitTimeoutSeconds, violations);
  const deletionPolicy = parseDeletionPolicy(p.DeletionPolicy, violations);
  let restoreTo: AttributeValues | undefined;
  if (p.RestoreTo !== undefined && p.RestoreTo !== null) {
    if (typeof p.RestoreTo !== 'object') violations.push({ attribute: 'RestoreTo', value: p.RestoreTo, rule: 'must be an object of image attributes' });
    else restoreTo = attributeViolations(withoutEmptyValues(p.RestoreTo), 'RestoreTo.', violations);
  } else if (deletionPolicy === DeletionPolicy.RESTORE) {
    violations.push({ attribute: 'RestoreTo', value: undefined, rule: RULES.restoreToRequired });
  }
  if (p.SyncToken !== undefined && typeof p.SyncToken !== 'string') violations.push({ attribute: 'SyncToken', value: p.SyncToken, rule: RULES.mustBeString });
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

/** True when no attribute is managed. */
export function managesNothing(values: AttributeValues): boolean {
  return ATTRIBUTE_NAMES.every((a) => values[a] === undefined);
}
