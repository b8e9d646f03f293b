import { Token } from 'cdktf';
import { ATTRIBUTES, checkAttributes, checkIdentity, Violation } from '../attributes';
import { RULES } from '../messages/validation';
import { CONSTRUCT_RULES } from '../messages/construct';
import { DeletionPolicy } from '../protocol/event';
import { desiredValues } from './desired-values';
import { ManagedCustomImageProps } from './props';

/** The prop each API name is set with, for messages: `Features.NvmeSupport` is `features.nvmeSupport`. */
const PROP_NAMES: ReadonlyMap<string, string> = new Map([
  ['RegionId', 'regionId'],
  ['ImageId', 'imageId'],
  ...ATTRIBUTES.map((a) => [a.name, a.prop] as [string, string]),
]);

/** A cdktf token or a Terraform expression (`${...}`): its value is known only at apply. */
const unresolved = (v: unknown) => typeof v === 'string' && (Token.isUnresolved(v) || v.includes('${'));
/** An unresolved value stands for a valid one here (the handler checks the real one); undefined stays undefined. */
const literalOr = (v: string | undefined, valid: string) => (unresolved(v) ? valid : v);

/**
 * Checks every literal prop with the handler's own rules. Token values (known only at apply)
 * pass through: the handler checks them before any API call.
 */
export function validateProps(props: ManagedCustomImageProps): Violation[] {
  const nameFor = (a: string) => PROP_NAMES.get(a) ?? a;
  const violations = [
    ...checkIdentity(literalOr(props.regionId, 'cn-hangzhou'), literalOr(props.imageId, 'm-token'), nameFor),
    ...checkAttributes(Object.fromEntries(Object.entries(desiredValues(props)).filter(([, v]) => !unresolved(v))), nameFor),
  ];
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
