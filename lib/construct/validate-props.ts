import { Token } from './cdk';
import { ATTRIBUTES, checkAttributes, checkIdentity, unknownKeys, Violation } from '../attributes';
import { CONSTRUCT_RULES } from '../messages/construct';
import { RULES } from '../messages/validation';
import { DeletionPolicy } from '../protocol/event';
import { desiredValues } from './desired-values';
import { isToken } from './literal';
import { ManagedCustomImageProps } from './props';

/** The prop each API name is set with, for messages: `Features.NvmeSupport` is `features.nvmeSupport`. */
const PROP_NAMES: ReadonlyMap<string, string> = new Map([
  ['RegionId', 'regionId'],
  ['ImageId', 'imageId'],
  ...ATTRIBUTES.map((a) => [a.name, a.prop] as [string, string]),
]);

/** Props that are not image attributes. */
const OPTION_PROPS = ['regionId', 'imageId', 'deletionPolicy', 'allowEmptyFamily', 'waitTimeout', 'driftDetection', 'dependsOn'];

/** Every top-level prop, and the members of each nested one (`features`), derived from the attribute list. */
const TOP_LEVEL_PROPS = [...OPTION_PROPS, ...new Set(ATTRIBUTES.map((a) => a.prop.split('.')[0]))];
const NESTED_PROPS = (group: string) => ATTRIBUTES.filter((a) => a.prop.startsWith(`${group}.`)).map((a) => a.prop.slice(group.length + 1));

/** A literal stands for itself; a token stands for a valid value here (the reader and the handler check the real one). */
const literalOr = (v: string | undefined, valid: string) => (isToken(v) ? valid : v);

/**
 * Checks every literal prop with the handler's own rules, and refuses props it does not know
 * (JavaScript callers have no compiler to catch `imagename`). Only real tokens (known at plan or
 * apply) pass through; a literal containing `${` is a literal like any other.
 */
export function validateProps(props: ManagedCustomImageProps): Violation[] {
  const nameFor = (a: string) => PROP_NAMES.get(a) ?? a;
  const violations: Violation[] = [];
  unknownKeys(props, TOP_LEVEL_PROPS, '', violations);
  for (const group of new Set(ATTRIBUTES.filter((a) => a.group).map((a) => a.prop.split('.')[0]))) {
    const inner = (props as unknown as Record<string, unknown>)[group];
    if (typeof inner === 'object' && inner !== null) unknownKeys(inner, NESTED_PROPS(group), `${group}.`, violations);
  }
  violations.push(...checkIdentity(literalOr(props.regionId, 'cn-hangzhou'), literalOr(props.imageId, 'm-token'), nameFor));
  violations.push(...checkAttributes(Object.fromEntries(Object.entries(desiredValues(props)).filter(([, v]) => !isToken(v))), nameFor));
  const t = props.waitTimeout;
  if (t !== undefined && !Token.isUnresolved(t) && !(Number.isInteger(t) && t >= 0 && t <= 86400)) {
    violations.push({ attribute: 'waitTimeout', value: t, rule: RULES.waitTimeout });
  }
  const policies = Object.values(DeletionPolicy) as string[];
  if (props.deletionPolicy !== undefined && !policies.includes(props.deletionPolicy)) {
    violations.push({ attribute: 'deletionPolicy', value: props.deletionPolicy, rule: RULES.oneOf(policies) });
  }
  if (props.deletionPolicy === DeletionPolicy.RESTORE && props.driftDetection === false) {
    violations.push({ attribute: 'deletionPolicy', value: props.deletionPolicy, rule: CONSTRUCT_RULES.restoreNeedsDriftDetection });
  }
  return violations;
}
